// Errors the user can mend: the CLI prints them as one line and exits with status 2.

/** Bad input from the user. */
export class UsageError extends Error {}

/** What a file-system error code means, in words, for a one-line message. */
const MEANING: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large for the file system',
  EIO: 'input/output error',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'is a directory',
  EEXIST: 'already exists',
  EPIPE: 'the reader closed the pipe',
  EMFILE: 'too many open files',
};

/** "cannot write out/runs.csv: no space left on the device (ENOSPC)". */
export function fsErrorLine(syscall: string, path: string, code: string): string {
  return `cannot ${syscall} ${path}: ${MEANING[code] ? `${MEANING[code]} (${code})` : code}`;
}

/**
 * A failed read or write of a file the user named: the message names the user's path (never a
 * temporary file of ours) and what went wrong.
 */
export class FileError extends Error {
  constructor(
    readonly syscall: string,
    readonly path: string,
    readonly code: string,
  ) {
    super(fsErrorLine(syscall, path, code));
  }
}

/** Rethrow a Node file-system error as a FileError naming `path` (the user's path). */
export function asFileError(err: unknown, syscall: string, path: string): unknown {
  const code = (err as NodeJS.ErrnoException)?.code;
  return err instanceof FileError || typeof code !== 'string' ? err : new FileError(syscall, path, code);
}
