// `involution-lab robust <dir> --outcome <metric> [--threshold 0] [--higher-is-better] [--policy <scenario>]`:
// the robustness of an experiment's scenarios (the policies) over its states of the world (design
// point × seed): satisficing share with its Wilson interval, regret, the outcome's distribution, a
// ranking by each metric, and the chosen policy's vulnerable states found by PRIM
// (lab/analysis/robustness.ts). Writes the CSV (by default <dir>/robustness-<outcome>.csv, where
// `report` finds it) and prints it readably, or as the CSV with --format csv. Bad input is one line,
// exit status 2, and nothing written.
import { join } from 'node:path';
import { limitsText } from '../../lab/analysis/discover.ts';
import { analysisCsv, AnalysisError } from '../../lab/analysis/methods.ts';
import { disagreementText, orderText, robustness, robustnessProblem, robustnessResult, type Robustness } from '../../lab/analysis/robustness.ts';
import { fmt } from '../../lab/charts/style.ts';
import { UsageError } from '../common/errors.ts';
import { writeOut } from '../common/out.ts';
import { loadManifest, readColumns, requireComplete, withDesign } from '../experiment/results.ts';

const NUMBER = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;
const p = (x: number) => (x < 1e-3 ? x.toExponential(1) : fmt(x));

const METRIC_TEXT: Record<string, string> = {
  satisficingShare: 'satisficing share (higher is better)',
  meanRegret: 'mean regret',
  p90Regret: '90th-percentile regret',
  maxRegret: 'maximum regret (minimax)',
  meanOutcome: 'mean outcome',
  medianOutcome: 'median outcome',
};

/** The robustness as text: a table of the policies, the rankings, and the vulnerable states' boxes. */
export function robustnessText(r: Robustness): string {
  const cmp = r.higherIsBetter ? '≥' : '≤';
  const lines = [
    `${r.policies[0].states} states of the world (design point × seed), shared by every policy; satisficing: ${r.outcome} ${cmp} ${r.threshold}; regret: ${r.higherIsBetter ? 'the best policy’s outcome minus the policy’s' : 'the policy’s outcome minus the best policy’s'} in the same state`,
  ];
  const w = Math.max(8, ...r.policies.map((q) => q.scenario.length));
  lines.push(`  ${'policy'.padEnd(w)}  satisficing [95 % Wilson]   outcome: mean  median  [5 %, 95 %]     regret: mean  median  90 %  max`);
  for (const q of r.policies) {
    const s = q.satisficing;
    lines.push(
      `  ${q.scenario.padEnd(w)}  ${`${fmt(s.share)} [${fmt(s.low)}, ${fmt(s.high)}]`.padEnd(25)}  ${fmt(q.outcome.mean).padStart(13)} ${fmt(q.outcome.q50).padStart(7)}  ${`[${fmt(q.outcome.q05)}, ${fmt(q.outcome.q95)}]`.padEnd(15)} ${fmt(q.regret.mean).padStart(12)} ${fmt(q.regret.median).padStart(7)} ${fmt(q.regret.p90).padStart(5)} ${fmt(q.regret.max).padStart(4)}`,
    );
  }
  lines.push('rankings (best first):');
  for (const k of r.rankings) lines.push(`  ${METRIC_TEXT[k.metric].padEnd(38)} ${orderText(k)}`);
  lines.push(disagreementText(r));
  const v = r.vulnerable;
  lines.push(`vulnerable states of ${v.policy} (${r.outcome} ${r.higherIsBetter ? '<' : '>'} ${r.threshold}): ${v.prim.hits} of ${v.prim.n} states`);
  if (v.note) lines.push(`  ${v.note}`);
  v.prim.boxes.forEach((b, bi) => {
    const c = b.trajectory[b.chosen];
    lines.push(
      `  PRIM box ${bi + 1}${b.meetsThreshold ? '' : ' (below the density threshold)'}: coverage ${fmt(c.coverage)}, density ${fmt(c.density)}, ${c.n} states (${fmt(100 * c.mass)} %)`,
    );
    if (!c.restricted.length) lines.push('    no parameter restricted');
    for (const i of c.restricted) lines.push(`    ${limitsText(r.params, c.limits, [i], r.ranges, fmt)}   quasi-p ${p(c.pValues[i])}`);
  });
  return lines.join('\n') + '\n';
}

export async function robustCommand(
  positionals: string[],
  flags: Record<string, string | boolean | undefined>,
  io: { stdout: (t: string) => void },
): Promise<number> {
  const [dir, ...extra] = positionals;
  const usage = 'involution-lab robust <dir> --outcome <metric> [--threshold 0] [--higher-is-better] [--policy <scenario>]';
  if (dir === undefined) throw new UsageError(`robust needs an experiment directory: ${usage}`);
  if (extra.length) throw new UsageError(`robust takes one directory; unexpected: ${extra.join(' ')}`);
  const format = (flags.format as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'csv') throw new UsageError(`--format ${JSON.stringify(format)} is not allowed; allowed: text, csv`);
  const thresholdText = flags.threshold as string | undefined;
  if (thresholdText !== undefined && !NUMBER.test(thresholdText))
    throw new UsageError(
      `--threshold ${JSON.stringify(thresholdText)} is not allowed: must be a finite number (the outcome's value a state must not exceed, or reach with --higher-is-better)`,
    );
  const threshold = thresholdText === undefined ? 0 : Number(thresholdText);
  const manifest = loadManifest(dir);
  const outcome = flags.outcome as string | undefined;
  if (outcome === undefined) throw new UsageError(`robust needs --outcome <metric>; recorded: ${manifest.metrics.join(', ')}`);
  if (!manifest.metrics.includes(outcome)) throw new UsageError(`--outcome "${outcome}" was not recorded; recorded: ${manifest.metrics.join(', ')}`);
  requireComplete(dir, manifest);
  const m = withDesign(dir, manifest);
  const problem = robustnessProblem(m);
  if (problem) throw new UsageError(problem);
  const policy = flags.policy as string | undefined;
  const ids = m.scenarios.map((s) => s.id);
  if (policy !== undefined && !ids.includes(policy))
    throw new UsageError(`--policy "${policy}" is not a scenario of this experiment; allowed: ${ids.join(', ')}`);
  const summary = await readColumns(dir, manifest, 'summary', ['run', outcome], m.runs.total);
  let r: Robustness;
  try {
    r = robustness(m, summary, { outcome, threshold, higherIsBetter: flags['higher-is-better'] === true, policy });
  } catch (err) {
    if (err instanceof AnalysisError) throw new UsageError(err.message);
    throw err;
  }
  const csv = analysisCsv('robust', outcome, robustnessResult(r));
  const out = (flags.out as string | undefined) ?? join(dir, `robustness-${outcome}.csv`);
  writeOut(out, csv, io);
  if (out === '-') return 0;
  if (format === 'csv') io.stdout(csv);
  else io.stdout(`robustness of the policies (scenarios) for ${outcome} over ${r.params.join(', ')}: ${out}\n${robustnessText(r)}`);
  return 0;
}
