// Reading an experiment directory back: manifest, design and tables (CSV or Parquet), for merge,
// analyze and report. Tables are read as streams; a cell that is empty or not a number is refused,
// naming the file and the row.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../common/errors.ts';
import type { Design } from '../../lab/design/design.ts';
import { readDesign } from './design-file.ts';
import { readManifest, type Manifest } from './manifest.ts';
import { NUMBER } from '../../lab/rows.ts';
import { openTable, tableFile, type TableName, type TableReader } from './tables.ts';
import { breathe } from './outputs.ts';

export function loadManifest(dir: string): Manifest {
  if (!existsSync(dir)) throw new UsageError(`${dir} does not exist`);
  const m = readManifest(dir);
  if (!m) throw new UsageError(`${dir} holds no experiment (no readable manifest.json)`);
  return m;
}

export function requireComplete(dir: string, m: Manifest): void {
  if (m.status !== 'complete') throw new UsageError(`the experiment in ${dir} is not complete (${m.status}); finish it with involution-lab experiment ${m.specFile} --out ${dir} --resume`);
}

/** The design points of an experiment directory (from design.csv, checked against its hash). */
export const designOf = (dir: string, m: Manifest): Design => readDesign(dir, m.design, m.spec);

/** An experiment as analyze and report use it: the manifest with its design points read in. */
export type Loaded = Omit<Manifest, 'design'> & { design: Design };

export const withDesign = (dir: string, m: Manifest): Loaded => ({ ...m, design: designOf(dir, m) });

/** Open one of a directory's tables, in the format its manifest records. */
export function openResults(dir: string, m: Manifest, table: TableName, fromRow = 0, columns?: string[]): Promise<TableReader> {
  const path = join(dir, tableFile(table, m.format));
  if (!existsSync(path)) throw new UsageError(`${path} is missing`);
  return openTable(path, m.format, fromRow, columns);
}

/** Columns of a table read in one streaming pass, every cell checked; runs in file order. */
export interface Columns {
  rows: number;
  values: Record<string, Float64Array>;
}

/** Read numeric columns (by name) of a table with `expected` rows, checking every cell read. */
export async function readColumns(dir: string, m: Manifest, table: TableName, names: string[], expected: number): Promise<Columns> {
  const reader = await openResults(dir, m, table, 0, names);
  try {
    const header = reader.header.split(',');
    const at = names.map((n) => {
      const i = header.indexOf(n);
      if (i < 0) throw new UsageError(`${reader.path} has no column "${n}"; columns: ${header.join(', ')}`);
      return i;
    });
    const values = Object.fromEntries(names.map((n) => [n, new Float64Array(expected)]));
    const out = names.map((n) => values[n]);
    let row = 0;
    for (let batch = await reader.next(); batch; batch = await reader.next()) {
      for (const line of batch) {
        if (row >= expected) throw new UsageError(`${reader.path} has more than the ${expected} rows the manifest counts`);
        const cells = line.split(',');
        for (let j = 0; j < at.length; j++) {
          const cell = cells[at[j]];
          if (cell === undefined || !NUMBER.test(cell)) {
            throw new UsageError(`${reader.path} row ${row + 1} (line ${row + 2}), column ${names[j]}: ${JSON.stringify((cell ?? '').slice(0, 40))} is not a number${cell === '' || cell === undefined ? ' (empty)' : ''}`);
          }
          out[j][row] = Number(cell);
        }
        row++;
      }
      await breathe();
    }
    if (row !== expected) throw new UsageError(`${reader.path} has ${row} rows; the manifest counts ${expected}`);
    return { rows: row, values };
  } finally {
    reader.close();
  }
}

export interface Table {
  columns: string[];
  rows: string[][];
}

/** A small CSV table read whole (analysis results, calibration files). */
export function readTable(dir: string, file: string): Table {
  const path = join(dir, file);
  if (!existsSync(path)) throw new UsageError(`${path} is missing`);
  const [header, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  return { columns: header.split(','), rows: lines.map((l) => l.split(',')) };
}

/** A numeric column of a small table by name. */
export function column(t: Table, name: string): number[] {
  const i = t.columns.indexOf(name);
  if (i < 0) throw new UsageError(`no column "${name}"; columns: ${t.columns.join(', ')}`);
  return t.rows.map((r) => Number(r[i]));
}
