// `involution-lab analyze <dir> --method morris|sobol|paired|grid|replications|lhs --outcome <metric>
// [--baseline <scenario>]`: reads the experiment's summary (CSV or Parquet, streamed; every cell
// checked; for a grid whose runs recorded months, the runs table too), writes the analysis as CSV (by
// default <dir>/analysis-<method>-<outcome>.csv, where `report` finds it) and prints it as a table.
import { join } from 'node:path';
import { SEED } from '../../sim/limits.ts';
import { analysisCsv, analyze, DESIGN_OF, METHODS, type Method, type Result } from '../../lab/analysis/methods.ts';
import type { RunsTable } from '../../lab/analysis/designs.ts';
import { recordedTicks } from '../../lab/rows.ts';
import { UsageError } from '../common/errors.ts';
import { integerFlag } from '../common/flags.ts';
import { writeOut } from '../common/out.ts';
import { withDirectoryLock } from '../common/lock.ts';
import { readCalibrationManifest } from '../calibrate/manifest.ts';
import type { Manifest } from '../experiment/manifest.ts';
import { loadManifest, readColumns, requireComplete, withDesign, type Loaded } from '../experiment/results.ts';

const integer = (flag: string, text: string | undefined, fallback: number, min: number, max: number): number =>
  text === undefined ? fallback : integerFlag(flag, text, min, max);

function checkOutcome(m: Manifest | Loaded, outcome: string | undefined): string {
  if (outcome === undefined) throw new UsageError(`analyze needs --outcome <metric>; recorded: ${m.metrics.join(', ')}`);
  if (!m.metrics.includes(outcome)) throw new UsageError(`--outcome "${outcome}" was not recorded; recorded: ${m.metrics.join(', ')}`);
  return outcome;
}

/** What the method needs of the experiment, in the command's words (the analysis itself is lab/analysis/). */
function checkMethod(m: Loaded, method: Method, baseline: string | undefined): void {
  const problems: string[] = [];
  const own = DESIGN_OF[method];
  if (own !== undefined && m.design.type !== own) problems.push(`--method ${method} needs an experiment with ${own === 'none' ? 'no design (no vary, no design: replications of each scenario)' : `design.type "${own}"`}; this one has "${m.design.type}"`);
  const ids = m.scenarios.map((s) => s.id);
  if (baseline !== undefined && method !== 'morris' && method !== 'sobol' && method !== 'paired') problems.push(`--baseline applies to --method morris, sobol and paired; not to ${method}`);
  else if (method === 'paired' || baseline !== undefined) {
    const what = method === 'paired' ? '--method paired' : '--baseline';
    if (ids.length < 2) problems.push(`${what} needs an experiment with at least two scenarios (field scenarios)`);
    else if (baseline === undefined) problems.push(`--method paired needs --baseline <scenario>; scenarios: ${ids.join(', ')}`);
    else if (!ids.includes(baseline)) problems.push(`--baseline "${baseline}" is not a scenario of this experiment; scenarios: ${ids.join(', ')}`);
  }
  if (problems.length) throw new UsageError(problems.join('\n'));
}

/** A readable fixed-width table, numbers to 4 significant digits. */
export function toTable(r: Result): string {
  const cells = [r.columns, ...r.rows.map((row) => row.map((v) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toPrecision(4)) : v)))];
  const widths = r.columns.map((_, c) => Math.max(...cells.map((row) => row[c].length)));
  // Text columns (scenario, baseline, parameter) align left, numbers right.
  const text = r.columns.map((_, c) => typeof r.rows[0]?.[c] === 'string');
  return cells.map((row) => row.map((v, c) => (text[c] ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  ')).join('\n') + '\n';
}

/** How a design's own result is described, for the line above its table. */
const DESCRIBE: Partial<Record<Method, (outcome: string, seeds: number, overTime: boolean) => string>> = {
  grid: (o, n, t) => `${o} (${t ? 'each recorded month' : 'final value'}: mean over ${n} seeds per design point, 95 % t interval)`,
  replications: (o, n) => `${o} (final value: distribution over ${n} seeds per scenario; mean with 95 % t interval)`,
  lhs: (o, n) => `${o} (final value, mean over ${n} seeds per design point: binned means over each parameter's range, 95 % t interval over the points of a bin)`,
};

/** The runs table's columns "run", "tick" and the metrics, when the runs recorded more than their final month. */
export async function runsTable(dir: string, manifest: Manifest, m: Loaded, metrics: string[]): Promise<RunsTable | undefined> {
  if (m.spec.record === 'final') return undefined;
  const every = m.spec.record.every;
  const P = m.design.points.length, R = m.seeds.length;
  const rows = m.ticks.reduce((n, t) => n + P * R * recordedTicks(t, every).length, 0);
  return { table: await readColumns(dir, manifest, 'runs', ['run', 'tick', ...metrics], rows), ticks: m.ticks, every };
}

/** Longest table printed in full; a longer one is in its CSV file. */
const MAX_PRINTED = 200;

export async function analyzeCommand(positionals: string[], flags: Record<string, string | undefined>, io: { stdout: (t: string) => void }): Promise<number> {
  const [dir, ...extra] = positionals;
  if (dir === undefined) throw new UsageError(`analyze needs an experiment directory: involution-lab analyze <dir> --method ${METHODS.join('|')} --outcome <metric>`);
  if (extra.length) throw new UsageError(`analyze takes one directory; unexpected: ${extra.join(' ')}`);
  const method = flags.method as Method | undefined;
  if (!method || !METHODS.includes(method)) throw new UsageError(`--method ${JSON.stringify(flags.method ?? '')} is not allowed; allowed: ${METHODS.join(', ')}`);
  if (readCalibrationManifest(dir)) throw new UsageError(`${dir} holds a calibration, not an experiment: analyze reads experiments (involution-lab report ${dir} draws a calibration's posterior)`);
  const manifest = loadManifest(dir);
  const outcome = checkOutcome(manifest, flags.outcome);
  requireComplete(dir, manifest);
  const options = { resamples: integer('--resamples', flags.resamples, 1000, 10, 100_000), seed: integer('--seed', flags.seed, SEED.default, SEED.min, SEED.max) };
  const m = withDesign(dir, manifest);
  const summary = await readColumns(dir, manifest, 'summary', ['run', outcome], m.runs.total);
  checkMethod(m, method, flags.baseline);
  const runs = method === 'grid' ? await runsTable(dir, manifest, m, [outcome]) : undefined;
  const result = analyze(m, summary, { method, outcome, baseline: flags.baseline, ...options }, runs);
  // With a baseline, Morris and Sobol' analyse each scenario's effect against it: a file of its own.
  const effect = method !== 'paired' && flags.baseline !== undefined;
  const out = flags.out ?? join(dir, `analysis-${method}-${outcome}${effect ? `-vs-${flags.baseline}` : ''}.csv`);
  const text = analysisCsv(method, outcome, result);
  const shown = result.rows.length > MAX_PRINTED ? { ...result, rows: result.rows.slice(0, MAX_PRINTED) } : result;
  const more = shown !== result ? `… ${result.rows.length - MAX_PRINTED} more rows in ${out}\n` : '';
  if (out === '-') {
    writeOut('-', text, io);
    return 0;
  }
  // A file of its own in the experiment's directory is written under the directory's lock.
  if (flags.out === undefined) await withDirectoryLock(dir, `involution-lab analyze ${dir} --method ${method} --outcome ${outcome}`, () => writeOut(out, text, io));
  else writeOut(out, text, io);
  const what = DESCRIBE[method]?.(outcome, m.seeds.length, runs !== undefined) ?? (effect ? `the effect on ${outcome} of each scenario against ${flags.baseline} (final value, mean of the differences paired on ${m.seeds.length} common seeds per design point)` : `${outcome} (final value, mean over ${m.seeds.length} seeds per design point)`);
  io.stdout(`${method} analysis of ${what}: ${out}\n${toTable(shown)}${more}`);
  return 0;
}
