// The journal: one JSON line per finished run, appended and fsynced before the run counts as done,
// so that Ctrl-C or kill -9 loses no finished run. It holds the run's rows as text, exact as written,
// and a checksum of the line's content. Read back (in bounded memory: only where each entry is, not
// the entries, stays in memory), an entry counts only if its checksum holds and its rows are the
// run's own — run index, scenario, seed, design point, ticks, the number of columns, numeric cells;
// any other entry is reported and its run done again.
import { existsSync } from 'node:fs';
import { checksum } from '../runs/checksum.ts';
import { AppendFile } from '../common/files.ts';
import { LineReader } from '../common/lines.ts';
import type { RunLayout, RunText } from '../../lab/rows.ts';

export const JOURNAL = '.journal.ndjson';

export interface JournalEntry extends RunText {
  run: number;
  /** Milliseconds the run took in its worker. */
  ms: number;
}

const payload = (e: JournalEntry) => JSON.stringify([e.run, e.ms, e.runs, e.summary]);

export const journalLine = (e: JournalEntry): string => JSON.stringify({ run: e.run, ms: e.ms, runs: e.runs, summary: e.summary, check: checksum(payload(e)) }) + '\n';

/** The entry of a journal line, or what is wrong with it. */
export function parseEntry(line: string): JournalEntry | string {
  let raw: JournalEntry & { check?: unknown };
  try {
    raw = JSON.parse(line);
  } catch {
    return 'not a complete JSON line (torn by a kill?)';
  }
  if (!raw || typeof raw !== 'object' || !Number.isInteger(raw.run) || typeof raw.ms !== 'number' || typeof raw.runs !== 'string' || typeof raw.summary !== 'string') return 'not a journal entry';
  const e: JournalEntry = { run: raw.run, ms: raw.ms, runs: raw.runs, summary: raw.summary };
  if (raw.check !== checksum(payload(e))) return 'its checksum does not match its content (changed or damaged)';
  return e;
}

/** What is wrong with an entry's rows for its run, or undefined. */
export function checkEntry(e: JournalEntry, layout: RunLayout): string | undefined {
  const front = layout.front(e.run);
  if (!e.summary.endsWith('\n') || e.summary.indexOf('\n') !== e.summary.length - 1) return 'its summary is not one line';
  const s = layout.checkSummary(e.run, e.summary.slice(0, -1), front);
  if (s) return `its summary row ${s}`;
  const lines = e.runs.split('\n');
  if (lines.pop() !== '') return 'its rows do not end with a newline';
  if (lines.length !== layout.rowsOf(e.run)) return `it has ${lines.length} rows; the run records ${layout.rowsOf(e.run)}`;
  for (let i = 0; i < lines.length; i++) {
    const r = layout.checkRuns(e.run, i, lines[i], front);
    if (r) return `its row ${i + 1} ${r}`;
  }
  return undefined;
}

/** Where each finished run's entry is in the journal file, by the run's position among the runs to do. */
export class JournalIndex {
  readonly offset: Float64Array;
  readonly bytes: Int32Array;
  readonly ms: Float64Array;
  size = 0;
  constructor(readonly positions: Positions) {
    this.offset = new Float64Array(positions.count).fill(-1);
    this.bytes = new Int32Array(positions.count);
    this.ms = new Float64Array(positions.count);
  }
  has(run: number): boolean {
    const p = this.positions.of(run);
    return p >= 0 && this.offset[p] >= 0;
  }
  set(run: number, offset: number, bytes: number, ms: number): void {
    const p = this.positions.of(run);
    if (this.offset[p] < 0) this.size++;
    this.offset[p] = offset;
    this.bytes[p] = bytes;
    this.ms[p] = ms;
  }
  msTotal(): number {
    let sum = 0;
    for (let p = 0; p < this.ms.length; p++) if (this.offset[p] >= 0) sum += this.ms[p];
    return sum;
  }
}

/** The runs a session does (all, or a shard's) and each run's position among them. */
export interface Positions {
  count: number;
  /** Position of a run, or −1 when the run is not one of them. */
  of(run: number): number;
  run(position: number): number;
}

export function positionsOf(total: number, shard: { index: number; count: number } | null): Positions {
  const first = shard ? shard.index - 1 : 0, step = shard ? shard.count : 1;
  const count = total > first ? Math.ceil((total - first) / step) : 0;
  return {
    count,
    of: (run) => (run >= first && run < total && (run - first) % step === 0 ? (run - first) / step : -1),
    run: (position) => first + position * step,
  };
}

export interface JournalRead {
  index: JournalIndex;
  /** Entries refused: damaged, torn, foreign or not matching their run; the first few described. */
  refused: number;
  examples: string[];
}

/** Read a journal in one pass; the first good entry of each run counts. */
export function readJournal(path: string, layout: RunLayout, positions: Positions): JournalRead {
  const index = new JournalIndex(positions);
  const read: JournalRead = { index, refused: 0, examples: [] };
  if (!existsSync(path)) return read;
  const reader = new LineReader(path);
  const refuse = (n: number, why: string) => {
    read.refused++;
    if (read.examples.length < 3) read.examples.push(`line ${n}: ${why}`);
  };
  try {
    for (let line = reader.next(); line; line = reader.next()) {
      if (!line.text) continue;
      const e = parseEntry(line.text);
      if (typeof e === 'string') {
        refuse(reader.lines, e);
        continue;
      }
      if (positions.of(e.run) < 0) {
        refuse(reader.lines, `run ${e.run} is not one of this experiment's (or shard's) runs`);
        continue;
      }
      if (index.has(e.run)) continue;
      const problem = checkEntry(e, layout);
      if (problem) refuse(reader.lines, `run ${e.run}: ${problem}`);
      else index.set(e.run, line.offset, line.bytes, e.ms);
    }
  } finally {
    reader.close();
  }
  return read;
}

export class Journal {
  private readonly file: AppendFile;
  constructor(
    path: string,
    size: number,
    private readonly index: JournalIndex,
  ) {
    this.file = new AppendFile(path, size);
  }
  append(entry: JournalEntry): void {
    const line = journalLine(entry);
    const offset = this.file.size;
    this.file.append(line, true);
    this.index.set(entry.run, offset, Buffer.byteLength(line) - 1, entry.ms);
  }
  close(): void {
    this.file.close();
  }
}
