// The journal: one JSON line per finished run, appended and fsynced before the run counts as done,
// so that Ctrl-C or kill -9 loses no finished run. It holds the run's CSV text, exact as written.
import { existsSync, readFileSync } from 'node:fs';
import { AppendFile, writeAtomic } from '../common/files.ts';
import type { RunText } from './rows.ts';

export const JOURNAL = '.journal.ndjson';

export interface JournalEntry extends RunText {
  run: number;
  /** Milliseconds the run took in its worker. */
  ms: number;
}

function parse(line: string): JournalEntry | undefined {
  try {
    const e = JSON.parse(line) as JournalEntry;
    return Number.isInteger(e.run) && typeof e.runs === 'string' && typeof e.summary === 'string' ? e : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The finished runs in a journal, first entry of each run kept. A line torn by a kill (the last one)
 * does not parse and is dropped; so are runs outside `wanted`.
 */
export function readJournal(path: string, wanted: ReadonlySet<number>): Map<number, JournalEntry> {
  const done = new Map<number, JournalEntry>();
  if (!existsSync(path)) return done;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const entry = line ? parse(line) : undefined;
    if (entry && wanted.has(entry.run) && !done.has(entry.run)) done.set(entry.run, entry);
  }
  return done;
}

/** Rewrite the journal with exactly these entries, so that appends start on a clean line. */
export function rewriteJournal(path: string, entries: Iterable<JournalEntry>): void {
  writeAtomic(path, [...entries].map((e) => JSON.stringify(e) + '\n').join(''));
}

export class Journal {
  private readonly file: AppendFile;
  constructor(path: string) {
    this.file = new AppendFile(path);
  }
  append(entry: JournalEntry): void {
    this.file.append(JSON.stringify(entry) + '\n', true);
  }
  close(): void {
    this.file.close();
  }
}
