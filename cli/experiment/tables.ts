// The two result tables of an experiment, runs and summary, as CSV or Parquet: written row by row
// (atomically, in bounded memory, with the SHA-256 of what was written) and read back as lines of
// CSV text, whatever the format — a Parquet row reads back as exactly the CSV line it was written
// from, so merge, analyze and report work on either, and merge may join shards of both.
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, type FileMetaData } from 'hyparquet';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { VERSION } from '../../sim/version.ts';
import { asFileError, UsageError } from '../common/errors.ts';
import { AtomicFile } from '../common/files.ts';
import { LineReader } from '../common/lines.ts';
import type { Format } from '../../lab/spec/resolve.ts';
import type { FileRecord } from './manifest.ts';
import { isInteger } from '../../lab/spec/params.ts';

export type TableName = 'runs' | 'summary';
export const tableFile = (table: TableName, format: Format): string => `${table}.${format}`;

/** Rows per Parquet row group: large enough to compress well, small enough to read in little memory. */
export const ROW_GROUP = 65_536;

export interface TableWriter {
  /** One row: a CSV line without its newline. */
  write(line: string): void;
  /** Put the file in place; its record (hash, size, rows). */
  commit(): FileRecord;
  abort(): void;
}

class CsvWriter implements TableWriter {
  private readonly file: AtomicFile;
  private readonly hash = createHash('sha256');
  private rows = 0;
  private pending: string[] = [];
  constructor(path: string, header: string) {
    this.file = new AtomicFile(path);
    this.add(header + '\n');
  }
  private add(text: string): void {
    this.hash.update(text);
    this.file.write(text);
  }
  write(line: string): void {
    this.rows++;
    this.pending.push(line);
    if (this.pending.length >= 1024) this.drain();
  }
  private drain(): void {
    if (this.pending.length) this.add(this.pending.join('\n') + '\n');
    this.pending = [];
  }
  commit(): FileRecord {
    this.drain();
    this.file.commit();
    return { sha256: this.hash.digest('hex'), bytes: this.file.bytes, rows: this.rows };
  }
  abort(): void {
    this.file.abort();
  }
}

type ColumnType = 'STRING' | 'INT64' | 'DOUBLE';

/** The Parquet type of a column: names are text, run/seed/tick and integer parameters integers, the rest doubles. */
export function columnType(name: string): ColumnType {
  if (name === 'scenario') return 'STRING';
  if (name === 'run' || name === 'seed' || name === 'tick' || isInteger(name)) return 'INT64';
  return 'DOUBLE';
}

/** gzip with a fixed header (no time, OS "Unix"): the same bytes on every machine. */
function gzip(input: Uint8Array): Uint8Array {
  const out = new Uint8Array(gzipSync(input, { level: 6 }));
  out[9] = 3;
  return out;
}

class ParquetTableWriter implements TableWriter {
  private readonly file: AtomicFile;
  private readonly hash = createHash('sha256');
  private readonly types: ColumnType[];
  private readonly writer: ParquetWriter;
  private columns: (string[] | BigInt64Array | Float64Array)[] = [];
  private n = 0;
  private rows = 0;

  constructor(
    path: string,
    private readonly names: string[],
  ) {
    this.file = new AtomicFile(path);
    this.types = names.map(columnType);
    const bytes = new ByteWriter();
    const flush = () => {
      const chunk = new Uint8Array(bytes.buffer, 0, bytes.index);
      this.hash.update(chunk);
      this.file.write(chunk);
      bytes.index = 0;
    };
    bytes.ensure = (size: number) => {
      if (bytes.index > 1 << 20) flush();
      if (bytes.index + size > bytes.buffer.byteLength) {
        const next = new ArrayBuffer(Math.max(bytes.buffer.byteLength * 2, bytes.index + size));
        new Uint8Array(next).set(new Uint8Array(bytes.buffer, 0, bytes.index));
        bytes.buffer = next;
        bytes.view = new DataView(next);
      }
    };
    bytes.finish = flush;
    const schema = [
      { name: 'root', num_children: names.length },
      ...names.map((name, i) => ({ name, repetition_type: 'REQUIRED' as const, ...(this.types[i] === 'STRING' ? { type: 'BYTE_ARRAY' as const, converted_type: 'UTF8' as const } : { type: this.types[i] }) })),
    ];
    this.writer = new ParquetWriter({ writer: bytes, schema, codec: 'GZIP', compressors: { GZIP: gzip }, createdBy: `involution-lab ${VERSION}` });
    this.reset();
  }

  private reset(): void {
    this.columns = this.types.map((t) => (t === 'STRING' ? [] : t === 'INT64' ? new BigInt64Array(ROW_GROUP) : new Float64Array(ROW_GROUP)));
    this.n = 0;
  }

  write(line: string): void {
    const cells = line.split(',');
    for (let c = 0; c < cells.length; c++) {
      const column = this.columns[c];
      if (Array.isArray(column)) column.push(cells[c]);
      else if (column instanceof BigInt64Array) column[this.n] = BigInt(cells[c]);
      else column[this.n] = Number(cells[c]);
    }
    this.n++;
    this.rows++;
    if (this.n === ROW_GROUP) this.flushGroup();
  }

  private flushGroup(): void {
    if (this.n === 0) return;
    const n = this.n;
    const columnData = this.names.map((name, c) => {
      const column = this.columns[c];
      return { name, data: Array.isArray(column) ? column : column.subarray(0, n), nullable: false };
    });
    void this.writer.write({ columnData, rowGroupSize: n });
    this.reset();
  }

  commit(): FileRecord {
    try {
      this.flushGroup();
      void this.writer.finish();
    } catch (err) {
      this.file.abort();
      throw err;
    }
    this.file.commit();
    return { sha256: this.hash.digest('hex'), bytes: this.file.bytes, rows: this.rows };
  }

  abort(): void {
    this.file.abort();
  }
}

/** A writer of one table: CSV (header line, then rows) or Parquet (typed columns, gzip). */
export function tableWriter(path: string, format: Format, header: string): TableWriter {
  const names = header.replace(/\n$/, '');
  return format === 'csv' ? new CsvWriter(path, names) : new ParquetTableWriter(path, names.split(','));
}

export interface TableReader {
  readonly path: string;
  /** The header: column names joined by commas. */
  readonly header: string;
  /** Rows as CSV lines (no newline), a batch at a time; null at the end. */
  next(): Promise<string[] | null>;
  /** Data rows returned so far. */
  readonly rows: number;
  close(): void;
}

class CsvReader implements TableReader {
  readonly header: string;
  rows = 0;
  private readonly reader: LineReader;
  constructor(readonly path: string) {
    this.reader = new LineReader(path);
    const first = this.reader.next();
    if (!first) throw new UsageError(`${path} is empty: it has no header`);
    this.header = first.text;
  }
  async next(): Promise<string[] | null> {
    const batch: string[] = [];
    for (let line = this.reader.next(); line; line = batch.length < 4096 ? this.reader.next() : null) {
      if (this.reader.unterminated) throw new UsageError(`${this.path} ends in the middle of row ${this.rows + batch.length + 1} (no newline): the file was cut short`);
      batch.push(line.text);
    }
    this.rows += batch.length;
    return batch.length ? batch : null;
  }
  /** Skip `n` rows without returning them. */
  skip(n: number): void {
    for (let i = 0; i < n && this.reader.next(); i++) this.rows++;
  }
  close(): void {
    this.reader.close();
  }
}

/** Decompressors for reading Parquet: gzip from Node; snappy is hyparquet's own. */
const DECOMPRESSORS = { GZIP: (input: Uint8Array) => new Uint8Array(gunzipSync(input)) };

const cellText = (v: unknown): string => (typeof v === 'bigint' ? v.toString() : v === null || v === undefined ? '' : String(v));

class ParquetReader implements TableReader {
  rows = 0;
  private group = 0;
  private constructor(
    readonly path: string,
    readonly header: string,
    private readonly file: Awaited<ReturnType<typeof asyncBufferFromFile>>,
    private readonly metadata: FileMetaData,
    private row: number,
    private readonly columns: string[] | undefined,
  ) {}

  static async open(path: string, fromRow: number, columns?: string[]): Promise<ParquetReader> {
    let file: Awaited<ReturnType<typeof asyncBufferFromFile>>;
    let metadata: FileMetaData;
    try {
      file = await asyncBufferFromFile(path);
    } catch (err) {
      throw asFileError(err, 'read', path);
    }
    try {
      metadata = await parquetMetadataAsync(file);
    } catch (err) {
      throw new UsageError(`${path} is not a readable Parquet file: ${(err as Error).message.slice(0, 200)}`);
    }
    const names = metadata.schema.slice(1).map((s) => s.name);
    // Only the columns asked for (that exist: a missing one is reported by the caller, by name).
    const wanted = columns?.filter((c) => names.includes(c));
    return new ParquetReader(path, (wanted ?? names).join(','), file, metadata, fromRow, wanted);
  }

  async next(): Promise<string[] | null> {
    const total = Number(this.metadata.num_rows);
    if (this.row >= total) return null;
    // One row group (or the rest of it) at a time: memory bounded by ROW_GROUP rows.
    let start = 0;
    for (this.group = 0; this.group < this.metadata.row_groups.length; this.group++) {
      const n = Number(this.metadata.row_groups[this.group].num_rows);
      if (this.row < start + n) break;
      start += n;
    }
    const end = start + Number(this.metadata.row_groups[this.group].num_rows);
    let rows: unknown[][] = [];
    try {
      await parquetRead({ file: this.file, metadata: this.metadata, rowStart: this.row, rowEnd: end, columns: this.columns, compressors: DECOMPRESSORS, onComplete: (r) => (rows = r as unknown[][]) });
    } catch (err) {
      throw new UsageError(`${this.path}: cannot read rows ${this.row + 1}–${end}: ${(err as Error).message.slice(0, 200)}`);
    }
    this.row = end;
    this.rows += rows.length;
    return rows.map((r) => r.map(cellText).join(','));
  }

  close(): void {}
}

/**
 * Open a table for reading; `fromRow` skips rows (cheaply in Parquet, by reading in CSV). With
 * `columns`, a Parquet reader reads only those (its header says which); CSV rows come whole.
 */
export async function openTable(path: string, format: Format, fromRow = 0, columns?: string[]): Promise<TableReader> {
  if (format === 'parquet') return ParquetReader.open(path, fromRow, columns);
  const reader = new CsvReader(path);
  reader.skip(fromRow);
  return reader;
}
