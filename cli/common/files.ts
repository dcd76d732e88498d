// File writes that survive a crash: whole files through a temporary file and rename, appends with
// fsync, so that a finished run is on disk before the next one is reported.
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, writeSync } from 'node:fs';

/** Write a whole file through `<path>.<pid>.tmp` + fsync + rename: readers see the old or the new file. */
export function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
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
