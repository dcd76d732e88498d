// `involution-lab analyze <dir> --method morris|sobol|paired --outcome <metric>`: reads the
// experiment's summary.csv, writes the analysis as CSV (by default <dir>/analysis-<method>-<outcome>.csv,
// where `report` finds it) and prints it as a table.
import { join } from 'node:path';
import { UsageError } from '../common/errors.ts';
import { integerFlag } from '../common/flags.ts';
import { writeAtomic } from '../common/files.ts';
import { SUMMARY_CSV } from '../experiment/outputs.ts';
import { loadManifest, readTable, requireComplete } from '../experiment/results.ts';
import { morris, paired, sobol, type Result } from './methods.ts';
import { checkOutcome, outcomesOf } from './outcomes.ts';

const METHODS = ['morris', 'sobol', 'paired'] as const;

const integer = (flag: string, text: string | undefined, fallback: number, min: number, max: number): number =>
  text === undefined ? fallback : integerFlag(flag, text, min, max);

export function toCsvText(method: string, outcome: string, r: Result): string {
  const lines = [['method', 'outcome', ...r.columns].join(',')];
  for (const row of r.rows) lines.push([method, outcome, ...row.map(String)].join(','));
  return lines.join('\n') + '\n';
}

/** A readable fixed-width table, numbers to 4 significant digits. */
export function toTable(r: Result): string {
  const cells = [r.columns, ...r.rows.map((row) => row.map((v) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toPrecision(4)) : v)))];
  const widths = r.columns.map((_, c) => Math.max(...cells.map((row) => row[c].length)));
  return cells.map((row) => row.map((v, c) => (c < 2 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  ')).join('\n') + '\n';
}

export function analyzeCommand(positionals: string[], flags: Record<string, string | undefined>, io: { stdout: (t: string) => void }): number {
  const [dir, ...extra] = positionals;
  if (dir === undefined) throw new UsageError('analyze needs an experiment directory: involution-lab analyze <dir> --method morris|sobol|paired --outcome <metric>');
  if (extra.length) throw new UsageError(`analyze takes one directory; unexpected: ${extra.join(' ')}`);
  const method = flags.method as (typeof METHODS)[number] | undefined;
  if (!method || !METHODS.includes(method)) throw new UsageError(`--method ${JSON.stringify(flags.method ?? '')} is not allowed; allowed: ${METHODS.join(', ')}`);
  const m = loadManifest(dir);
  const outcome = checkOutcome(m, flags.outcome);
  requireComplete(dir, m);
  const options = { resamples: integer('--resamples', flags.resamples, 1000, 10, 100_000), seed: integer('--seed', flags.seed, 1, 0, 4_294_967_295) };
  const outcomes = outcomesOf(m, readTable(dir, SUMMARY_CSV), outcome);
  const result = method === 'morris' ? morris(m, outcomes, options) : method === 'sobol' ? sobol(m, outcomes, options) : paired(m, outcomes, flags.baseline);
  const out = flags.out ?? join(dir, `analysis-${method}-${outcome}.csv`);
  writeAtomic(out, toCsvText(method, outcome, result));
  io.stdout(`${method} analysis of ${outcome} (final value, mean over ${m.seeds.length} seeds per design point): ${out}\n${toTable(result)}`);
  return 0;
}
