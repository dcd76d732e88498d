// The report's robustness section (lab/analysis/robustness.ts): the satisficing share of each policy
// with its Wilson interval, the distribution of each policy's regret over the states of the world,
// the rankings, and the vulnerable states' PRIM boxes of one policy. Drawn for the options of each
// robustness-<outcome>.csv in the directory (the outcome, threshold, direction and policy it was made
// with), or, when there is none, for involutionIndex ≤ 0 (else the first metric) with the defaults.
import { limitsText } from '../analysis/discover.ts';
import type { Result } from '../analysis/methods.ts';
import type { Columns, RunSource } from '../analysis/outcomes.ts';
import { firsts, orderText, robustness, robustnessProblem, type Robustness, type RobustnessOptions } from '../analysis/robustness.ts';
import { barChart } from '../charts/bars.ts';
import type { Chart, ChartContext } from '../charts/frame.ts';
import { esc, markup } from '../charts/markup.ts';
import { regretChart } from '../charts/robustness.ts';
import { fmt } from '../charts/style.ts';
import { ENGLISH, joined, type Words } from '../charts/words.ts';

const wordsOf = (ctx: ChartContext): Words => ctx.words ?? ENGLISH;

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

/** Each policy's satisficing share, with its Wilson interval. */
export function satisficingChart(r: Robustness, ctx: ChartContext): Chart {
  const w = wordsOf(ctx);
  return barChart(
    {
      title: w.say('report.robust.satisficingTitle', { outcome: w.metric(r.outcome), cmp: r.higherIsBetter ? '≥' : '≤', threshold: fmt(r.threshold) }),
      subtitle: w.say('report.robust.satisficingSubtitle', { states: r.states.length }),
      xLabel: w.say('report.robust.satisficingAxis'),
      labels: r.policies.map((p) => w.scenario(p.scenario)),
      series: [
        {
          name: w.say('report.robust.rank.satisficingShare'),
          bars: r.policies.map((p) => ({ value: p.satisficing.share, low: p.satisficing.low, high: p.satisficing.high })),
        },
      ],
    },
    ctx,
  );
}

/** The distribution of each policy's regret over the states. */
export function regretsChart(r: Robustness, ctx: ChartContext): Chart {
  const w = wordsOf(ctx);
  return regretChart(
    {
      title: w.say('report.robust.regretTitle', { outcome: w.metric(r.outcome) }),
      subtitle: w.say(r.higherIsBetter ? 'report.robust.regretHigher' : 'report.robust.regretLower'),
      xLabel: w.say('report.robust.regretAxis', { metric: w.metricAxis(r.outcome) }),
      rows: r.policies.map((p) => ({ label: w.scenario(p.scenario), values: [...p.regrets], ...p.regret })),
    },
    ctx,
  );
}

/** Whether the robustness metrics agree on the best policy (lab/analysis/robustness.ts's disagreementText, in the report's words). */
function agreementText(r: Robustness, w: Words): string {
  const top = (k: Robustness['rankings'][number]) => firsts(k).map(w.scenario).join(' = ');
  if (r.disagree)
    return w.say('report.robust.disagree', {
      firsts: joined(
        w,
        'report.join.semicolon',
        r.rankings.map((k) => `${w.say(`report.robust.metric.${k.metric}`)}: ${top(k)}`),
      ),
    });
  const common = r.policies.map((p) => p.scenario).filter((id) => r.rankings.every((k) => firsts(k).includes(id)));
  const same = new Set(r.rankings.map(orderText)).size === 1;
  return w.say('report.robust.agree', {
    policies: joined(w, 'report.join.and', common.map(w.scenario)),
    tied: r.rankings.some((k) => firsts(k).length > 1) ? 'yes' : 'no',
    same: same ? 'yes' : 'no',
  });
}

/** The charts and tables of one robustness analysis. */
export function robustnessCharts(r: Robustness, ctx: ChartContext): string[] {
  const w = wordsOf(ctx);
  const parts: string[] = [markup(satisficingChart(r, ctx)), markup(regretsChart(r, ctx))];
  parts.push(
    table(
      (['policy', 'share', 'mean', 'median', 'regretMean', 'regretP90', 'regretMax'] as const).map((c) => w.say(`report.robust.col.${c}`)),
      r.policies.map((p) => [
        w.scenario(p.scenario),
        `${fmt(p.satisficing.share)} [${fmt(p.satisficing.low)}, ${fmt(p.satisficing.high)}]`,
        fmt(p.outcome.mean),
        `${fmt(p.outcome.q50)} [${fmt(p.outcome.q05)}, ${fmt(p.outcome.q95)}]`,
        fmt(p.regret.mean),
        fmt(p.regret.p90),
        fmt(p.regret.max),
      ]),
    ),
  );
  const named = (k: Robustness['rankings'][number]) => ({ ...k, order: k.order.map((o) => ({ ...o, scenario: w.scenario(o.scenario) })) });
  parts.push(
    table(
      [w.say('report.robust.col.rankedBy'), w.say('report.robust.col.order')],
      r.rankings.map((k) => [w.say(`report.robust.rank.${k.metric}`), orderText(named(k))]),
    ),
  );
  parts.push(`<p class="note">${esc(agreementText(r, w))}</p>`);
  const v = r.vulnerable;
  const condition = `${w.metric(r.outcome)} ${r.higherIsBetter ? '<' : '>'} ${fmt(r.threshold)}`;
  const vulnerable = w.say('report.robust.vulnerable', { policy: w.scenario(v.policy), condition, hits: v.prim.hits, states: v.prim.n });
  // Why no box was searched (lab/analysis/robustness.ts's note), in the report's words: the threshold as given, unformatted.
  const nothing = v.note
    ? w.say('report.robust.nothing', {
        condition: `${w.metric(r.outcome)} ${r.higherIsBetter ? '<' : '>'} ${r.threshold}`,
        all: v.prim.hits === 0 ? 'none' : 'every',
        states: v.prim.n,
      })
    : '';
  parts.push(`<p class="note">${esc(nothing ? joined(w, 'report.join.sentences', [vulnerable, nothing]) : vulnerable)}</p>`);
  if (v.prim.boxes.length)
    parts.push(
      table(
        [
          w.say('report.robust.col.policy'),
          w.say('report.col.box'),
          w.say('report.col.coverage'),
          w.say('report.col.density'),
          w.say('report.robust.col.states'),
          w.say('report.col.restrictions'),
        ],
        v.prim.boxes.map((b, bi) => {
          const c = b.trajectory[b.chosen];
          return [
            w.scenario(v.policy),
            bi + 1,
            fmt(c.coverage),
            fmt(c.density),
            c.n,
            joined(
              w,
              'report.join.semicolon',
              c.restricted.map((d) => w.say('report.discovery.p', { limits: limitsText(r.params, c.limits, [d], r.ranges, fmt), p: fmt(c.pValues[d]) })),
            ) || w.say('report.discovery.none'),
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
