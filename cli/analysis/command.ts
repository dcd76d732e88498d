// `involution-lab analyze <dir> --method morris|sobol|paired --outcome <metric>`: reads the
// experiment's summary (CSV or Parquet, streamed; every cell checked), writes the analysis as CSV (by
// default <dir>/analysis-<method>-<outcome>.csv, where `report` finds it) and prints it as a table.
import { join } from 'node:path';
import { UsageError } from '../common/errors.ts';
import { integerFlag } from '../common/flags.ts';
import { writeOut } from '../common/out.ts';
import { loadManifest, readColumns, requireComplete, withDesign } from '../experiment/results.ts';
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

/** Longest table printed in full; a longer one is in its CSV file. */
const MAX_PRINTED = 200;

export async function analyzeCommand(positionals: string[], flags: Record<string, string | undefined>, io: { stdout: (t: string) => void }): Promise<number> {
  const [dir, ...extra] = positionals;
  if (dir === undefined) throw new UsageError('analyze needs an experiment directory: involution-lab analyze <dir> --method morris|sobol|paired --outcome <metric>');
  if (extra.length) throw new UsageError(`analyze takes one directory; unexpected: ${extra.join(' ')}`);
  const method = flags.method as (typeof METHODS)[number] | undefined;
  if (!method || !METHODS.includes(method)) throw new UsageError(`--method ${JSON.stringify(flags.method ?? '')} is not allowed; allowed: ${METHODS.join(', ')}`);
  const manifest = loadManifest(dir);
  const outcome = checkOutcome(manifest, flags.outcome);
  requireComplete(dir, manifest);
  const options = { resamples: integer('--resamples', flags.resamples, 1000, 10, 100_000), seed: integer('--seed', flags.seed, 1, 0, 4_294_967_295) };
  const m = withDesign(dir, manifest);
  const summary = await readColumns(dir, manifest, 'summary', ['run', outcome], m.runs.total);
  const outcomes = outcomesOf(m, summary, outcome);
  const result = method === 'morris' ? morris(m, outcomes, options) : method === 'sobol' ? sobol(m, outcomes, options) : paired(m, outcomes, flags.baseline);
  const out = flags.out ?? join(dir, `analysis-${method}-${outcome}.csv`);
  const text = toCsvText(method, outcome, result);
  const shown = result.rows.length > MAX_PRINTED ? { ...result, rows: result.rows.slice(0, MAX_PRINTED) } : result;
  const more = shown !== result ? `… ${result.rows.length - MAX_PRINTED} more rows in ${out}\n` : '';
  if (out === '-') {
    writeOut('-', text, io);
    return 0;
  }
  writeOut(out, text, io);
  io.stdout(`${method} analysis of ${outcome} (final value, mean over ${m.seeds.length} seeds per design point): ${out}\n${toTable(shown)}${more}`);
  return 0;
}
