// The output files of an experiment directory: rows appended as runs finish, then the canonical
// files (sorted by run index, written atomically) that are byte-identical whatever the workers.
import { join } from 'node:path';
import { AppendFile, writeAtomic } from '../common/files.ts';
import type { JournalEntry } from './journal.ts';
import type { Headers, RunText } from './rows.ts';

export const RUNS_CSV = 'runs.csv';
export const SUMMARY_CSV = 'summary.csv';

/** Header and the runs' rows in run order: the same bytes however the runs were scheduled. */
export function writeCanonical(dir: string, headers: Headers, entries: Iterable<RunText & { run: number }>): void {
  const sorted = [...entries].sort((a, b) => a.run - b.run);
  writeAtomic(join(dir, RUNS_CSV), headers.runs + sorted.map((e) => e.runs).join(''));
  writeAtomic(join(dir, SUMMARY_CSV), headers.summary + sorted.map((e) => e.summary).join(''));
}

/** runs.csv and summary.csv open for appending, in order of completion. */
export class Appender {
  private readonly runs: AppendFile;
  private readonly summary: AppendFile;
  constructor(dir: string) {
    this.runs = new AppendFile(join(dir, RUNS_CSV));
    this.summary = new AppendFile(join(dir, SUMMARY_CSV));
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
