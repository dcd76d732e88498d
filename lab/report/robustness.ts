// The report's robustness section (lab/analysis/robustness.ts): the satisficing share of each policy
// with its Wilson interval, the distribution of each policy's regret over the states of the world,
// the rankings, and the vulnerable states' PRIM boxes of one policy. Drawn for the options of each
// robustness-<outcome>.csv in the directory (the outcome, threshold, direction and policy it was made
// with), or, when there is none, for involutionIndex ≤ 0 (else the first metric) with the defaults.
import { limitsText } from '../analysis/discover.ts';
import type { Result } from '../analysis/methods.ts';
import type { Columns, RunSource } from '../analysis/outcomes.ts';
import { disagreementText, orderText, robustness, robustnessProblem, type Robustness, type RobustnessOptions } from '../analysis/robustness.ts';
import { barChart } from '../charts/bars.ts';
import type { Chart, ChartContext } from '../charts/frame.ts';
import { esc, markup } from '../charts/markup.ts';
import { regretChart } from '../charts/robustness.ts';
import { fmt } from '../charts/style.ts';
import { metricLabel } from './units.ts';

export const ROBUSTNESS_INTRO =
  'The scenarios are the policies; each design point with each seed is a state of the world, and every policy runs in the same states (the same constants, the same seed). Satisficing share: the share of states where the outcome meets the threshold, with a Wilson 95 % interval. Regret: in each state, how much worse the policy does than the best policy in that state; its mean, 90th percentile and maximum (minimax regret) are robustness metrics that can rank the policies differently (McPhail et al. 2018). Vulnerable states: PRIM boxes (Friedman & Fisher 1999) of the constants where the chosen policy fails the threshold.';

/** The options a robustness CSV was made with (its first columns and its vulnerable-cases row), or undefined if the table is not one. */
export function robustnessOptionsOf(outcome: string, r: Result): RobustnessOptions | undefined {
  const col = (c: string) => r.columns.indexOf(c);
  if (col('threshold') !== 0 || col('better') !== 1 || !r.rows.length) return undefined;
  const cases = r.rows.find((row) => row[col('kind')] === 'vulnerable-cases');
  return {
    outcome,
    threshold: Number(r.rows[0][0]),
    higherIsBetter: r.rows[0][1] === 'higher',
    policy: cases ? String(cases[col('scenario')]) : undefined,
  };
}

/** What the report computes when no robustness CSV is given: involutionIndex ≤ 0 if it was recorded, else the first metric ≤ 0. */
export function defaultRobustness(m: RunSource & { metrics: readonly string[] }): RobustnessOptions | undefined {
  if (robustnessProblem(m) || !m.metrics.length) return undefined;
  return { outcome: m.metrics.includes('involutionIndex') ? 'involutionIndex' : m.metrics[0], threshold: 0, higherIsBetter: false };
}

const table = (head: string[], rows: (string | number)[][]) =>
  `<table class="robustness"><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;

const RANK_TEXT: Record<string, string> = {
  satisficingShare: 'satisficing share',
  meanRegret: 'mean regret',
  p90Regret: '90th-percentile regret',
  maxRegret: 'maximum regret (minimax)',
  meanOutcome: 'mean outcome',
  medianOutcome: 'median outcome',
};

/** Each policy's satisficing share, with its Wilson interval. */
export function satisficingChart(r: Robustness, ctx: ChartContext): Chart {
  return barChart(
    {
      title: `Satisficing share: states of the world with ${r.outcome} ${r.higherIsBetter ? '≥' : '≤'} ${fmt(r.threshold)}`,
      subtitle: `${r.states.length} states (design point × seed), the same for every policy; whiskers: Wilson 95 % interval`,
      xLabel: 'share of the states of the world',
      labels: r.policies.map((p) => p.scenario),
      series: [{ name: 'satisficing share', bars: r.policies.map((p) => ({ value: p.satisficing.share, low: p.satisficing.low, high: p.satisficing.high })) }],
    },
    ctx,
  );
}

/** The distribution of each policy's regret over the states. */
export function regretsChart(r: Robustness, ctx: ChartContext): Chart {
  return regretChart(
    {
      title: `Regret in ${r.outcome}: each policy against the best policy in the same state`,
      subtitle: r.higherIsBetter ? "the best policy's outcome minus the policy's" : "the policy's outcome minus the best policy's",
      xLabel: `regret in ${metricLabel(r.outcome)}`,
      rows: r.policies.map((p) => ({ label: p.scenario, values: [...p.regrets], ...p.regret })),
    },
    ctx,
  );
}

/** The charts and tables of one robustness analysis. */
export function robustnessCharts(r: Robustness, ctx: ChartContext): string[] {
  const parts: string[] = [markup(satisficingChart(r, ctx)), markup(regretsChart(r, ctx))];
  parts.push(
    table(
      ['policy', 'satisficing share [95 %]', 'mean outcome', 'median [5 %, 95 %]', 'mean regret', '90th-percentile regret', 'maximum regret'],
      r.policies.map((p) => [
        p.scenario,
        `${fmt(p.satisficing.share)} [${fmt(p.satisficing.low)}, ${fmt(p.satisficing.high)}]`,
        fmt(p.outcome.mean),
        `${fmt(p.outcome.q50)} [${fmt(p.outcome.q05)}, ${fmt(p.outcome.q95)}]`,
        fmt(p.regret.mean),
        fmt(p.regret.p90),
        fmt(p.regret.max),
      ]),
    ),
  );
  parts.push(
    table(
      ['ranked by', 'best first'],
      r.rankings.map((k) => [RANK_TEXT[k.metric], orderText(k)]),
    ),
  );
  parts.push(`<p class="note">${esc(disagreementText(r))}</p>`);
  const v = r.vulnerable;
  const fails = `${r.outcome} ${r.higherIsBetter ? '<' : '>'} ${fmt(r.threshold)}`;
  parts.push(`<p class="note">${esc(`Vulnerable states of ${v.policy} (${fails}): ${v.prim.hits} of ${v.prim.n} states.${v.note ? ` ${v.note}.` : ''}`)}</p>`);
  if (v.prim.boxes.length)
    parts.push(
      table(
        ['policy', 'box', 'coverage', 'density', 'states', 'restrictions (quasi-p-value)'],
        v.prim.boxes.map((b, bi) => {
          const c = b.trajectory[b.chosen];
          return [
            v.policy,
            bi + 1,
            fmt(c.coverage),
            fmt(c.density),
            c.n,
            c.restricted.map((d) => `${limitsText(r.params, c.limits, [d], r.ranges, fmt)} (p = ${fmt(c.pValues[d])})`).join('; ') || 'none',
          ];
        }),
      ),
    );
  return parts;
}

/** The robustness section's parts for each analysis asked (or the default one), on the summary's final values. */
export function robustnessParts(m: RunSource & { metrics: readonly string[] }, summary: Columns, asked: RobustnessOptions[], ctx: ChartContext): string[] {
  if (robustnessProblem(m)) return [];
  const options = asked.length ? asked : [defaultRobustness(m)].filter((o): o is RobustnessOptions => !!o);
  return options.filter((o) => summary.values[o.outcome]).flatMap((o) => robustnessCharts(robustness(m, summary, o), ctx));
}
