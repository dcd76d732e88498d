// File writes that survive a crash and a full disk: whole files through a temporary file, fsync and
// rename; appends fsynced when asked. Every write is checked to the last byte: a short write (a
// nearly full disk) is an error naming the user's path, never a silently truncated file.
import { closeSync, fchmodSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { asFileError, FileError, UsageError } from './errors.ts';

/** Write all of `data` to `fd`, looping over short writes; `path` names the file in errors. */
export function writeAll(fd: number, data: string | Uint8Array, path: string): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  let done = 0;
  while (done < bytes.length) {
    let n: number;
    try {
      n = writeSync(fd, bytes, done, bytes.length - done);
    } catch (err) {
      throw asFileError(err, 'write', path);
    }
    // A write that makes no progress is a full device that did not say so.
    if (n <= 0) throw new FileError('write', path, 'ENOSPC');
    done += n;
  }
}

function fsync(fd: number, path: string): void {
  try {
    fsyncSync(fd);
  } catch (err) {
    throw asFileError(err, 'write', path);
  }
}

/** fsync a directory, so that a rename in it is on disk; some file systems cannot, which is fine. */
function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported here (or not a directory we may open): the rename still happened.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * A file written whole and then put in place atomically: `<path>.<pid>.tmp`, fsync, rename. Until
 * commit() nothing at `path` changes; abort() (or any failed write) leaves no temporary file.
 */
export class AtomicFile {
  private readonly tmp: string;
  private fd: number | undefined;
  private buffer = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  bytes = 0;

  /** `label` names the file in errors (the user's path, when `path` is where a symlink led). */
  constructor(
    readonly path: string,
    private readonly label = path,
    mode?: number,
  ) {
    this.tmp = `${path}.${process.pid}.tmp`;
    try {
      this.fd = openSync(this.tmp, 'w', mode);
      if (mode !== undefined) fchmodSync(this.fd, mode);
    } catch (err) {
      this.fd = undefined;
      rmSync(this.tmp, { force: true });
      throw asFileError(err, 'write', label);
    }
  }

  write(data: string | Uint8Array): void {
    try {
      if (typeof data === 'string') {
        if (data.length * 3 > this.buffer.length - this.used) this.flush();
        if (data.length * 3 > this.buffer.length) return this.direct(Buffer.from(data));
        const n = this.buffer.write(data, this.used);
        this.used += n;
        this.bytes += n;
      } else {
        if (data.length > this.buffer.length - this.used) this.flush();
        if (data.length > this.buffer.length) return this.direct(data);
        this.buffer.set(data, this.used);
        this.used += data.length;
        this.bytes += data.length;
      }
    } catch (err) {
      this.abort();
      throw err;
    }
  }

  private direct(bytes: Uint8Array): void {
    writeAll(this.fd!, bytes, this.label);
    this.bytes += bytes.length;
  }

  private flush(): void {
    if (this.used === 0) return;
    writeAll(this.fd!, this.buffer.subarray(0, this.used), this.label);
    this.used = 0;
  }

  /** Everything written: fsync, close, rename over `path`. */
  commit(): void {
    try {
      this.flush();
      fsync(this.fd!, this.label);
      closeSync(this.fd!);
      this.fd = undefined;
      renameSync(this.tmp, this.path);
    } catch (err) {
      this.abort();
      throw asFileError(err, 'write', this.label);
    }
    fsyncDir(dirname(this.path));
  }

  abort(): void {
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        // Closing after a failed write may fail too; the file is removed below either way.
      }
      this.fd = undefined;
    }
    rmSync(this.tmp, { force: true });
  }
}

/** Write a whole file atomically: readers see the old file or the new one, never a part. */
export function writeAtomic(path: string, text: string | Uint8Array, label = path, mode?: number): void {
  const file = new AtomicFile(path, label, mode);
  file.write(text);
  file.commit();
}

/** Temporary files of AtomicFile that a kill left in a directory. */
export function removeStaleTemporaries(dir: string): void {
  for (const name of entriesOf(dir)) if (/\.\d+\.tmp$/.test(name)) rmSync(join(dir, name), { force: true });
}

/** A path given by a flag must not be empty. */
export function requirePath(flag: string, path: string | undefined): string | undefined {
  if (path !== undefined && path.trim() === '') throw new UsageError(`${flag} is empty: give a path`);
  return path;
}

/** An append-only file; `durable` appends are fsynced before they return. */
export class AppendFile {
  private readonly fd: number;
  /** Bytes in the file: where the next append starts. */
  size: number;
  constructor(
    private readonly path: string,
    size = 0,
  ) {
    try {
      this.fd = openSync(path, 'a');
    } catch (err) {
      throw asFileError(err, 'write', path);
    }
    this.size = size;
  }
  append(text: string, durable = false): void {
    const bytes = Buffer.from(text);
    writeAll(this.fd, bytes, this.path);
    this.size += bytes.length;
    if (durable) fsync(this.fd, this.path);
  }
  close(): void {
    closeSync(this.fd);
  }
}

/** Entries of a directory, or [] when it does not exist. */
export function entriesOf(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw asFileError(err, 'read', dir);
  }
}
