// Where `--out FILE` writes. `-`, /dev/stdout and /dev/fd/1 mean standard output. A regular file is
// replaced atomically (keeping its permissions); a symlink is written through (its target replaced,
// the link kept); a device, a FIFO or a socket is opened and written, never replaced by a file
// (as root, replacing /dev/null would break the machine).
import { closeSync, lstatSync, openSync, readlinkSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { asFileError, UsageError } from './errors.ts';
import { writeAll, writeAtomic } from './files.ts';

const STDOUT = new Set(['-', '/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']);
/** A path that names one of this process's open descriptors: written to it, never opened anew. */
function descriptor(path: string): number | undefined {
  if (path === '/dev/stdin' || path === '/dev/stdout' || path === '/dev/stderr') return ['/dev/stdin', '/dev/stdout', '/dev/stderr'].indexOf(path);
  const m = /^\/(?:dev|proc\/self|proc\/\d+)\/fd\/(\d+)$/.exec(path);
  return m && (!path.startsWith('/proc/') || path.startsWith('/proc/self/') || path.startsWith(`/proc/${process.pid}/`)) ? Number(m[1]) : undefined;
}

const statOrNull = (path: string, follow: boolean): Stats | null => {
  try {
    return follow ? statSync(path) : lstatSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw asFileError(err, 'write', path);
  }
};

/** Follow a chain of symlinks to the path they finally name (which may not exist yet), or to a descriptor. */
function throughLinks(path: string, label: string): string | number {
  let at = path;
  for (let hops = 0; hops < 40; hops++) {
    const fd = descriptor(at);
    if (fd !== undefined) return fd;
    const s = statOrNull(at, false);
    if (!s?.isSymbolicLink()) return at;
    at = resolve(dirname(at), readlinkSync(at));
  }
  throw new UsageError(`--out ${label}: too many symbolic links`);
}

/** Write `text` where `--out` says (see above); errors name the user's path. */
export function writeOut(out: string, text: string, io: { stdout: (t: string) => void }): void {
  if (STDOUT.has(out)) return void io.stdout(text);
  const target = throughLinks(out, out);
  if (target === 1) return void io.stdout(text);
  if (typeof target === 'number') return writeAll(target, text, out);
  const s = statOrNull(target, true);
  if (s?.isDirectory()) throw new UsageError(`--out ${out} is a directory; give a file name`);
  if (s && !s.isFile()) {
    // A device, FIFO or socket: written in place, never replaced.
    let handle: number;
    try {
      handle = openSync(target, 'w');
    } catch (err) {
      throw asFileError(err, 'write', out);
    }
    try {
      writeAll(handle, text, out);
    } finally {
      closeSync(handle);
    }
    return;
  }
  writeAtomic(target, text, out, s ? s.mode & 0o7777 : undefined);
}
