// Reading a file line by line in bounded memory: chunks of 1 MB, each line decoded on its own, with
// its byte offset (so that a line can be read again later, alone) and, on request, a running SHA-256
// of the bytes read.
import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { asFileError } from './errors.ts';

const CHUNK = 1 << 20;

export interface Line {
  text: string;
  /** Byte offset of the line's first byte, and its length in bytes without the newline. */
  offset: number;
  bytes: number;
}

export class LineReader {
  private readonly fd: number;
  private buffer: Buffer = Buffer.alloc(0);
  private start = 0;
  private position = 0;
  private eof = false;
  private readonly hash: Hash | undefined;
  /** Byte offset of buffer[0] in the file. */
  private base = 0;
  /** Lines read so far (the next line's number, 1-based, is lines + 1). */
  lines = 0;
  /** Whether the last line read ended without a newline (a torn last line). */
  unterminated = false;

  constructor(
    readonly path: string,
    options: { hash?: boolean } = {},
  ) {
    try {
      this.fd = openSync(path, 'r');
    } catch (err) {
      throw asFileError(err, 'read', path);
    }
    this.hash = options.hash ? createHash('sha256') : undefined;
  }

  private fill(): void {
    const rest = this.buffer.subarray(this.start);
    const size = Math.max(CHUNK, rest.length * 2);
    const next = Buffer.allocUnsafe(size);
    rest.copy(next, 0);
    let n: number;
    try {
      n = readSync(this.fd, next, rest.length, size - rest.length, this.position);
    } catch (err) {
      throw asFileError(err, 'read', this.path);
    }
    if (n === 0) this.eof = true;
    this.hash?.update(next.subarray(rest.length, rest.length + n));
    this.position += n;
    this.base += this.start;
    this.buffer = next.subarray(0, rest.length + n);
    this.start = 0;
  }

  /** The next line (without its newline), or null at the end of the file. */
  next(): Line | null {
    for (;;) {
      const nl = this.buffer.indexOf(10, this.start);
      if (nl >= 0) {
        const line = { text: this.buffer.toString('utf8', this.start, nl), offset: this.base + this.start, bytes: nl - this.start };
        this.start = nl + 1;
        this.lines++;
        return line;
      }
      if (this.eof) {
        if (this.start >= this.buffer.length) return null;
        const line = { text: this.buffer.toString('utf8', this.start), offset: this.base + this.start, bytes: this.buffer.length - this.start };
        this.start = this.buffer.length;
        this.lines++;
        this.unterminated = true;
        return line;
      }
      this.fill();
    }
  }

  /** SHA-256 of every byte read (read to the end first). */
  digest(): string {
    while (!this.eof) {
      this.start = this.buffer.length;
      this.fill();
    }
    return this.hash!.digest('hex');
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** Read `bytes` bytes at `offset` of an open file, as text. */
export function readAt(fd: number, offset: number, bytes: number, path: string): string {
  const buffer = Buffer.allocUnsafe(bytes);
  let done = 0;
  while (done < bytes) {
    let n: number;
    try {
      n = readSync(fd, buffer, done, bytes - done, offset + done);
    } catch (err) {
      throw asFileError(err, 'read', path);
    }
    if (n === 0) break;
    done += n;
  }
  return buffer.toString('utf8', 0, done);
}

/** SHA-256 of a whole file, read in chunks. */
export function fileSha256(path: string): string {
  const reader = new LineReader(path, { hash: true });
  try {
    return reader.digest();
  } finally {
    reader.close();
  }
}
