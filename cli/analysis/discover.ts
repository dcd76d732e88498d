// `involution-lab discover <dir> --outcome <metric> --where "> 0.5"`: scenario discovery on an
// experiment's runs (design.csv's varied parameters joined with summary.csv's outcome): PRIM boxes
// with their trade-off curve and quasi-p-values, and a classification tree's leaves for comparison
// (lab/analysis/discover.ts). Writes the whole result as CSV (by default
// <dir>/discovery-<outcome>.csv, where `report` finds it) and prints it readably, or as the CSV with
// --format csv. Bad input is one line, exit status 2, and nothing written.
import { join } from 'node:path';
import { discover, discoveryProblem, discoveryResult, limitsText, parseWhere, type Discovery } from '../../lab/analysis/discover.ts';
import { leafText } from '../../lab/analysis/cart.ts';
import { analysisCsv, AnalysisError } from '../../lab/analysis/methods.ts';
import { fmt } from '../../lab/charts/style.ts';
import { UsageError } from '../common/errors.ts';
import { integerFlag } from '../common/flags.ts';
import { writeOut } from '../common/out.ts';
import { loadManifest, readColumns, requireComplete, withDesign } from '../experiment/results.ts';

/** A number flag in (min, max]. */
function shareFlag(flag: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const v = Number(text);
  if (!/^\s*(?:\d+\.?\d*|\.\d+)\s*$/.test(text) || !(v > min && v <= max))
    throw new UsageError(`${flag} ${JSON.stringify(text)} is not allowed: must be a number in (${min}, ${max}]`);
  return v;
}

const p = (x: number) => (x < 1e-3 ? x.toExponential(1) : fmt(x));

/** The discovery as text: per scenario, each box's chosen step and restrictions, its trade-off curve, and the tree's leaves. */
export function discoveryText(d: Discovery): string {
  const lines: string[] = [];
  for (const s of d.scenarios) {
    const hits = s.y.reduce((a, b) => a + b, 0);
    lines.push(`${s.scenario}: ${hits} of ${s.y.length} runs have ${d.outcome} ${d.where.text}${s.prim.boxes.length ? '' : ': nothing to tell apart'}`);
    if (!s.prim.boxes.length) continue;
    s.prim.boxes.forEach((b, bi) => {
      const c = b.trajectory[b.chosen];
      lines.push(
        `  PRIM box ${bi + 1} (step ${b.chosen} of ${b.trajectory.length - 1}${b.meetsThreshold ? '' : ', below the density threshold'}): coverage ${fmt(c.coverage)}, density ${fmt(c.density)}, ${c.n} runs (${fmt(100 * c.mass)} %)`,
      );
      if (!c.restricted.length) lines.push('    no parameter restricted');
      const width = Math.max(...c.restricted.map((i) => limitsText(d.params, c.limits, [i], d.ranges, fmt).length));
      for (const i of c.restricted) lines.push(`    ${limitsText(d.params, c.limits, [i], d.ranges, fmt).padEnd(width)}   quasi-p ${p(c.pValues[i])}`);
      lines.push('    trade-off (peeling trajectory): step coverage density restricted');
      b.trajectory.forEach((t, i) =>
        lines.push(
          `      ${String(i).padStart(4)} ${t.coverage.toFixed(3).padStart(8)} ${t.density.toFixed(3).padStart(7)} ${String(t.restricted.length).padStart(10)}${i === b.chosen ? '  ← chosen (largest coverage × density after the whole space)' : ''}`,
        ),
      );
    });
    const leaves = s.cart.filter((l) => l.density >= 0.5);
    lines.push(
      `  classification tree (CART, Gini, depth 3): ${leaves.length ? 'leaves where the runs of interest are the majority' : 'no leaf where the runs of interest are the majority'}`,
    );
    for (const l of leaves) {
      lines.push(`    ${leafText(l, d.params, d.ranges, fmt)}: ${l.n} runs, density ${fmt(l.density)}, coverage ${fmt(l.coverage)}`);
    }
  }
  return lines.join('\n') + '\n';
}

export async function discoverCommand(positionals: string[], flags: Record<string, string | undefined>, io: { stdout: (t: string) => void }): Promise<number> {
  const [dir, ...extra] = positionals;
  const usage = 'involution-lab discover <dir> --outcome <metric> --where "> 0.5"';
  if (dir === undefined) throw new UsageError(`discover needs an experiment directory: ${usage}`);
  if (extra.length) throw new UsageError(`discover takes one directory; unexpected: ${extra.join(' ')}`);
  const format = flags.format ?? 'text';
  if (format !== 'text' && format !== 'csv') throw new UsageError(`--format ${JSON.stringify(format)} is not allowed; allowed: text, csv`);
  const manifest = loadManifest(dir);
  if (flags.outcome === undefined) throw new UsageError(`discover needs --outcome <metric>; recorded: ${manifest.metrics.join(', ')}`);
  if (!manifest.metrics.includes(flags.outcome))
    throw new UsageError(`--outcome "${flags.outcome}" was not recorded; recorded: ${manifest.metrics.join(', ')}`);
  if (flags.where === undefined) throw new UsageError(`discover needs --where <condition> on ${flags.outcome}, e.g. --where "> 0.5", "< 0" or "0.2..0.5"`);
  const outcome = flags.outcome;
  let where;
  try {
    where = parseWhere(flags.where);
  } catch (err) {
    if (err instanceof AnalysisError) throw new UsageError(err.message);
    throw err;
  }
  const options = {
    peelAlpha: shareFlag('--alpha', flags.alpha, 0.05, 0, 0.5),
    threshold: shareFlag('--threshold', flags.threshold, 0.8, 0, 1),
    maxBoxes: flags.boxes === undefined ? 3 : integerFlag('--boxes', flags.boxes, 1, 10),
  };
  requireComplete(dir, manifest);
  const m = withDesign(dir, manifest);
  const problem = discoveryProblem(m);
  if (problem) throw new UsageError(problem);
  const summary = await readColumns(dir, manifest, 'summary', ['run', outcome], m.runs.total);
  let d: Discovery;
  try {
    d = discover(m, summary, { outcome, where, ...options });
  } catch (err) {
    if (err instanceof AnalysisError) throw new UsageError(err.message);
    throw err;
  }
  const csv = analysisCsv('discover', outcome, discoveryResult(d));
  const out = flags.out ?? join(dir, `discovery-${outcome}.csv`);
  writeOut(out, csv, io);
  if (out === '-') return 0;
  if (format === 'csv') io.stdout(csv);
  else io.stdout(`scenario discovery of ${outcome} ${where.text} (final value of each run) over ${d.params.join(', ')}: ${out}\n${discoveryText(d)}`);
  return 0;
}
