// Reading an experiment directory back: manifest and CSVs, for merge, analyze and report.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../common/errors.ts';
import { readManifest, type Manifest } from './manifest.ts';
import { RUNS_CSV, SUMMARY_CSV } from './outputs.ts';

export function loadManifest(dir: string): Manifest {
  if (!existsSync(dir)) throw new UsageError(`${dir} does not exist`);
  const m = readManifest(dir);
  if (!m) throw new UsageError(`${dir} holds no experiment (no readable manifest.json)`);
  return m;
}

export function requireComplete(dir: string, m: Manifest): void {
  if (m.status !== 'complete') throw new UsageError(`the experiment in ${dir} is not complete (${m.status}); finish it with involution-lab experiment ${m.specFile} --out ${dir} --resume`);
}

export interface CsvFile {
  header: string;
  /** The lines of each run (runs.csv: one per recorded tick), keyed by run index, in file order. */
  blocks: Map<number, string>;
}

/** A CSV of an experiment, grouped by run; `what` names it in errors. */
export function readRunBlocks(dir: string, file: typeof RUNS_CSV | typeof SUMMARY_CSV): CsvFile {
  const path = join(dir, file);
  if (!existsSync(path)) throw new UsageError(`${path} is missing`);
  const [header, ...lines] = readFileSync(path, 'utf8').split('\n');
  const blocks = new Map<number, string>();
  let previous = -1;
  for (const line of lines) {
    if (!line) continue;
    const run = Number(line.slice(0, line.indexOf(',')));
    if (run !== previous && blocks.has(run)) throw new UsageError(`${path} holds run ${run} twice`);
    blocks.set(run, (blocks.get(run) ?? '') + line + '\n');
    previous = run;
  }
  return { header: header + '\n', blocks };
}

export interface Table {
  columns: string[];
  rows: string[][];
}

export function readTable(dir: string, file: string): Table {
  const path = join(dir, file);
  if (!existsSync(path)) throw new UsageError(`${path} is missing`);
  const [header, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  return { columns: header.split(','), rows: lines.map((l) => l.split(',')) };
}

/** A numeric column of a table by name. */
export function column(t: Table, name: string): number[] {
  const i = t.columns.indexOf(name);
  if (i < 0) throw new UsageError(`no column "${name}"; columns: ${t.columns.join(', ')}`);
  return t.rows.map((r) => Number(r[i]));
}
