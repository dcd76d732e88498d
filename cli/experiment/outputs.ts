// The output files of an experiment directory: rows appended as runs finish (CSV), then the canonical
// files — every finished run in run order, written from the journal in bounded memory and put in
// place atomically — byte-identical whatever the workers, the interruptions or the shards.
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { asFileError } from '../common/errors.ts';
import { AppendFile, AtomicFile } from '../common/files.ts';
import { readAt } from '../common/lines.ts';
import type { Format } from '../../lab/spec/resolve.ts';
import { JournalIndex, parseEntry, type JournalEntry } from './journal.ts';
import type { FileRecord } from './manifest.ts';
import type { Headers } from '../../lab/rows.ts';
import { tableFile, tableWriter, type TableWriter } from './tables.ts';

/** Let timers and signals in every so many runs of a long rewrite. */
const YIELD_EVERY = 2000;
export const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Split text of whole lines into lines without their newlines. */
const linesOf = (text: string): string[] => text.slice(0, -1).split('\n');

export interface Canonical {
  files: Record<string, FileRecord>;
  /** Bytes of the journal, when it was rewritten (the size appends start from). */
  journalBytes?: number;
}

/**
 * Write runs and summary (in `format`) from the journal's finished runs, in run order; with
 * `rewriteJournal`, the journal too, in run order and holding only the good entries (its index is
 * updated to the new file). Nothing is replaced until every file is written.
 */
export async function writeCanonical(dir: string, journalPath: string, index: JournalIndex, headers: Headers, format: Format, rewriteJournal: boolean): Promise<Canonical> {
  const writers: TableWriter[] = [];
  let journal: AtomicFile | undefined;
  let fd: number | undefined;
  try {
    const runs = tableWriter(join(dir, tableFile('runs', format)), format, headers.runs);
    writers.push(runs);
    const summary = tableWriter(join(dir, tableFile('summary', format)), format, headers.summary);
    writers.push(summary);
    if (rewriteJournal) journal = new AtomicFile(journalPath);
    if (index.size > 0) {
      try {
        fd = openSync(journalPath, 'r');
      } catch (err) {
        throw asFileError(err, 'read', journalPath);
      }
    }
    const { offset, bytes } = index;
    let written = 0;
    for (let p = 0; p < offset.length; p++) {
      if (offset[p] < 0) continue;
      const line = readAt(fd!, offset[p], bytes[p], journalPath);
      const e = parseEntry(line) as JournalEntry;
      for (const row of linesOf(e.runs)) runs.write(row);
      summary.write(e.summary.slice(0, -1));
      if (journal) {
        index.offset[p] = journal.bytes;
        journal.write(line + '\n');
      }
      if (++written % YIELD_EVERY === 0) await breathe();
    }
    const files = { [tableFile('runs', format)]: runs.commit(), [tableFile('summary', format)]: summary.commit() };
    writers.length = 0;
    let journalBytes: number | undefined;
    if (journal) {
      journalBytes = journal.bytes;
      journal.commit();
      journal = undefined;
    }
    return { files, journalBytes };
  } finally {
    if (fd !== undefined) closeSync(fd);
    for (const w of writers) w.abort();
    journal?.abort();
  }
}

/** runs.csv and summary.csv open for appending, in order of completion (CSV only: a view while running). */
export class Appender {
  private readonly runs: AppendFile;
  private readonly summary: AppendFile;
  constructor(dir: string) {
    this.runs = new AppendFile(join(dir, tableFile('runs', 'csv')));
    this.summary = new AppendFile(join(dir, tableFile('summary', 'csv')));
  }
  append(entry: JournalEntry): void {
    this.runs.append(entry.runs);
    this.summary.append(entry.summary);
  }
  close(): void {
    this.runs.close();
    this.summary.close();
  }
}

