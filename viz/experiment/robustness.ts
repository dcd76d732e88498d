// The robustness of the policies on the page, for an experiment of several scenarios whose design
// varies parameters: a threshold on the outcome, its direction and the policy whose vulnerable
// states are searched, then the numbers `involution-lab robust` prints (lab/analysis/robustness.ts):
// each policy's satisficing share with its Wilson interval, the outcome's distribution and the
// regret's, the rankings, and PRIM's boxes of the vulnerable states. It joins the exported HTML
// report, and exports as the command's CSV.
import { analysisCsv, AnalysisError, type Experiment, type ExperimentResults } from '../../lab/index.ts';
import { firsts, orderText, robustness, robustnessProblem, robustnessResult, type Robustness } from '../../lab/analysis/robustness.ts';
import { limitsText } from '../../lab/analysis/discover.ts';
import type { ReportAnalysis } from '../../lab/report/index.ts';
import { getLang, locale, metricLabel, t, type MessageKey } from '../i18n/index.ts';
import { downloadText } from '../export.ts';
import { button, dataTable as table, el, labelled, scenarioName } from './dom.ts';

const NUMBER = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

/**
 * The robustness panel under the analyses; `found` is told of each robustness computed (for the
 * HTML report). Nothing is drawn for an experiment of one scenario or one that varies no parameter.
 */
export function robustnessPanel(parent: HTMLElement, e: Experiment, results: ExperimentResults, outcome: string, found: (a: ReportAnalysis) => void): void {
  if (robustnessProblem(e)) return;
  const f = new Intl.NumberFormat(locale(getLang()), { maximumSignificantDigits: 3 });
  const n = (x: number) => (Number.isFinite(x) ? f.format(x) : '—');
  const p = (x: number) => (!Number.isFinite(x) ? '—' : x < 1e-3 ? x.toExponential(1) : f.format(x));
  const box = el(parent, 'section', undefined, 'analysis robustness');
  box.id = 'exp-robustness';
  const title = el(box, 'h3', t('exp.robust.title'));
  title.id = 'exp-robustness-title';
  el(box, 'p', t('exp.robust.intro'), 'note');
  const row = el(box, 'div', undefined, 'row');
  const threshold = labelled(row, 'input', 'exp-robust-threshold', t('exp.robust.threshold', { outcome: metricLabel(outcome) }));
  threshold.type = 'text';
  threshold.inputMode = 'decimal';
  threshold.value = '0';
  const higherWrap = el(row, 'div', undefined, 'field');
  const higher = el(higherWrap, 'input');
  higher.type = 'checkbox';
  higher.id = 'exp-robust-higher';
  el(higherWrap, 'label', t('exp.robust.higher')).htmlFor = higher.id;
  const policy = labelled(row, 'select', 'exp-robust-policy', t('exp.robust.policy'));
  policy.append(new Option(t('exp.robust.policyDefault'), '', false, true), ...e.scenarios.map((s) => new Option(scenarioName(s.id), s.id)));
  const go = button(row, t('exp.robust.run'), 'exp-robust');
  const problem = el(box, 'p', undefined, 'problems');
  problem.id = 'exp-robust-problem';
  problem.setAttribute('role', 'alert');
  problem.hidden = true;
  const out = el(box, 'div');
  out.id = 'exp-robustness-results';
  const summary = results.summaryColumns();

  const run = () => {
    out.replaceChildren();
    problem.hidden = true;
    if (!NUMBER.test(threshold.value)) {
      problem.textContent = t('exp.robust.badThreshold', { value: threshold.value });
      problem.hidden = false;
      return;
    }
    let r: Robustness;
    try {
      r = robustness(e, summary, { outcome, threshold: Number(threshold.value), higherIsBetter: higher.checked, policy: policy.value || undefined });
    } catch (err) {
      if (!(err instanceof AnalysisError)) throw err;
      problem.textContent = err.message;
      problem.hidden = false;
      return;
    }
    const result = robustnessResult(r);
    found({ method: 'robust', outcome, result });
    drawRobustness(out, r, { n, p });
    button(out, t('exp.robust.export'), 'exp-robust-export').addEventListener('click', () =>
      downloadText(analysisCsv('robust', outcome, result), `robustness-${outcome}.csv`, 'text/csv'),
    );
  };
  go.addEventListener('click', run);
  threshold.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') run();
  });
}

function drawRobustness(out: HTMLElement, r: Robustness, fm: { n: (x: number) => string; p: (x: number) => string }): void {
  const { n, p } = fm;
  const cmp = r.higherIsBetter ? '≥' : '≤';
  const cap = el(out, 'p', t('exp.robust.states', { states: r.states.length, outcome: r.outcome, cmp, threshold: n(r.threshold) }), 'caption');
  cap.id = 'exp-robust-caption';
  table(
    out,
    [
      t('exp.robust.col.policy'),
      t('exp.robust.col.share'),
      t('exp.robust.col.mean'),
      t('exp.robust.col.median'),
      t('exp.robust.col.regretMean'),
      t('exp.robust.col.regretP90'),
      t('exp.robust.col.regretMax'),
    ],
    r.policies.map((q) => [
      scenarioName(q.scenario),
      `${n(q.satisficing.share)} [${n(q.satisficing.low)}, ${n(q.satisficing.high)}]`,
      n(q.outcome.mean),
      `${n(q.outcome.q50)} [${n(q.outcome.q05)}, ${n(q.outcome.q95)}]`,
      n(q.regret.mean),
      n(q.regret.p90),
      n(q.regret.max),
    ]),
    cap.id,
    'exp-robust-table',
  );
  const rankTitle = el(out, 'h4', t('exp.robust.rankings'));
  rankTitle.id = 'exp-robust-rankings';
  table(
    out,
    [t('exp.robust.col.metric'), t('exp.robust.col.order')],
    r.rankings.map((k) => [
      t(`exp.robust.metric.${k.metric}` as MessageKey),
      orderText({ ...k, order: k.order.map((o) => ({ ...o, scenario: scenarioName(o.scenario) })) }),
    ]),
    rankTitle.id,
  );
  const tops = r.disagree
    ? [...new Set(r.rankings.flatMap(firsts))]
    : r.policies.map((q) => q.scenario).filter((id) => r.rankings.every((k) => firsts(k).includes(id)));
  const agreement = el(out, 'p', t(r.disagree ? 'exp.robust.disagree' : 'exp.robust.agree', { policies: tops.map(scenarioName).join(', ') }), 'note');
  agreement.id = 'exp-robust-agreement';
  const v = r.vulnerable;
  const vTitle = el(
    out,
    'h4',
    t('exp.robust.vulnerable', {
      policy: scenarioName(v.policy),
      outcome: r.outcome,
      cmp: r.higherIsBetter ? '<' : '>',
      threshold: n(r.threshold),
      hits: v.prim.hits,
      states: v.prim.n,
    }),
  );
  vTitle.id = 'exp-robust-vulnerable';
  if (!v.prim.boxes.length) {
    el(out, 'p', t('exp.robust.noBox', { all: v.prim.hits === 0 ? 'none' : 'every' }), 'note');
    return;
  }
  table(
    out,
    [t('exp.robust.col.box'), t('exp.discover.col.coverage'), t('exp.discover.col.density'), t('exp.robust.col.states'), t('exp.robust.col.limits')],
    v.prim.boxes.map((b, bi) => {
      const c = b.trajectory[b.chosen];
      return [
        String(bi + 1),
        n(c.coverage),
        n(c.density),
        String(c.n),
        c.restricted.map((d) => `${limitsText(r.params, c.limits, [d], r.ranges, n)} (p = ${p(c.pValues[d])})`).join('; ') || t('exp.discover.none'),
      ];
    }),
    vTitle.id,
    'exp-robust-boxes',
  );
}
