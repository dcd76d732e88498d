// The calibration journal: one JSON line per simulated proposal, appended and fsynced before it
// counts, so that Ctrl-C or kill -9 loses no finished simulation. Each line carries a checksum of its
// content; on resume each entry is also checked against the proposal the spec regenerates (same
// parameters, same seeds), so a damaged or foreign entry is never used: it is simulated again.
import { existsSync, readFileSync } from 'node:fs';
import { AppendFile, writeAtomic } from '../common/files.ts';
import { checksum } from '../runs/checksum.ts';
import type { Simulated } from '../../lab/abc/files.ts';

export const JOURNAL = '.journal.ndjson';

/** A finished simulation (generation −1: the posterior predictive check), and how long it took. */
export interface Entry extends Simulated {
  ms: number;
}

const payload = (e: Entry) => JSON.stringify([e.g, e.k, e.theta, e.seeds, e.values, e.ms]);

export const lineOf = (e: Entry): string => JSON.stringify({ ...e, check: checksum(payload(e)) }) + '\n';

function parse(line: string): Entry | undefined {
  try {
    const raw = JSON.parse(line) as Entry & { check?: string };
    const e: Entry = { g: raw.g, k: raw.k, theta: raw.theta, seeds: raw.seeds, values: raw.values, ms: raw.ms };
    return raw.check === checksum(payload(e)) ? e : undefined;
  } catch {
    return undefined;
  }
}

export interface JournalContents {
  /** Entries by generation, then proposal index; the first good entry of each proposal is kept. */
  entries: Map<number, Map<number, Entry>>;
  /** Lines that did not parse or failed their checksum (a torn last line is one). */
  bad: number;
}

export function readJournal(path: string): JournalContents {
  const entries = new Map<number, Map<number, Entry>>();
  let bad = 0;
  if (!existsSync(path)) return { entries, bad };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line) continue;
    const e = parse(line);
    if (!e) {
      bad++;
      continue;
    }
    if (!entries.has(e.g)) entries.set(e.g, new Map());
    const g = entries.get(e.g)!;
    if (!g.has(e.k)) g.set(e.k, e);
  }
  return { entries, bad };
}

/** Rewrite the journal with exactly these entries, so that appends start on a clean line. */
export function rewriteJournal(path: string, entries: Iterable<Entry>): void {
  let text = '';
  for (const e of entries) text += lineOf(e);
  writeAtomic(path, text);
}

export class Journal {
  private readonly file: AppendFile;
  constructor(path: string) {
    this.file = new AppendFile(path);
  }
  append(entry: Entry): void {
    this.file.append(lineOf(entry), true);
  }
  close(): void {
    this.file.close();
  }
}
