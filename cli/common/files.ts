// File writes that survive a crash: whole files through a temporary file and rename, appends with
// fsync, so that a finished run is on disk before the next one is reported.
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './errors.ts';

/** Write a whole file through `<path>.<pid>.tmp` + fsync + rename: readers see the old or the new file. */
export function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    // Leave nothing behind when the write or the rename fails (a full disk, a directory in the way).
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Temporary files of writeAtomic that a kill left in a directory. */
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
  constructor(path: string) {
    this.fd = openSync(path, 'a');
  }
  append(text: string, durable = false): void {
    writeSync(this.fd, text);
    if (durable) fsyncSync(this.fd);
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
    throw err;
  }
}
