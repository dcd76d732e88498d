// Scenario discovery on the page, for an experiment that varies parameters: a condition on the
// outcome ("> 0.5"), then PRIM's boxes (lab/analysis/discover.ts, the numbers `involution-lab
// discover` prints) with their trade-off curve — a step chosen in the list or by clicking its dot
// shows that box: its limits with their quasi-p-values, its limits against the ranges and the runs
// in each pair of its most significant restricted parameters (lab/report's charts) — and the tree's
// leaves. The discovery joins the exported HTML report, and exports as the command's CSV.
import {
  analysisCsv,
  AnalysisError,
  discover,
  discoveryProblem,
  discoveryResult,
  parseWhere,
  type Experiment,
  type ExperimentResults,
  type Result,
  type Where,
} from '../../lab/index.ts';
import type { ReportAnalysis } from '../../lab/report/index.ts';
import { getLang, locale, metricLabel, t } from '../i18n/index.ts';
import { downloadText } from '../export.ts';
import { button, dataTable as table, el, labelled, paramLabel, scenarioName } from './dom.ts';
import { pageWords } from './words.ts';

type ReportModule = typeof import('../../lab/report/index.ts');
let module: Promise<ReportModule> | undefined;
const load = (): Promise<ReportModule> => (module ??= import('../../lab/report/index.ts'));

/** The condition last asked for, per experiment and outcome, so that a redraw (another baseline) keeps it. */
const asked = new WeakMap<Experiment, Map<string, string>>();

/**
 * The discovery panel under the analyses; `found` is told of each discovery made (for the HTML
 * report). Nothing is drawn for an experiment that varies no parameter.
 */
export function discoveryPanel(parent: HTMLElement, e: Experiment, results: ExperimentResults, outcome: string, found: (a: ReportAnalysis) => void): void {
  if (discoveryProblem(e)) return;
  if (!asked.has(e)) asked.set(e, new Map());
  const mine = asked.get(e)!;
  const f = new Intl.NumberFormat(locale(getLang()), { maximumSignificantDigits: 3 });
  const n = (x: number) => (Number.isFinite(x) ? f.format(x) : '—');
  const p = (x: number) => (!Number.isFinite(x) ? '—' : x < 1e-3 ? x.toExponential(1) : f.format(x));
  const box = el(parent, 'section', undefined, 'analysis discovery');
  box.id = 'exp-discovery';
  const title = el(box, 'h3', t('exp.discover.title'));
  title.id = 'exp-discovery-title';
  el(box, 'p', t('exp.discover.intro'), 'note');
  const row = el(box, 'div', undefined, 'row');
  const input = labelled(row, 'input', 'exp-where', t('exp.discover.where', { outcome: metricLabel(outcome) }));
  input.type = 'text';
  input.placeholder = t('exp.discover.hint');
  const hint = el(row, 'p', t('exp.discover.hint'), 'note');
  hint.id = 'exp-where-hint';
  input.setAttribute('aria-describedby', hint.id);
  const go = button(row, t('exp.discover.run'), 'exp-discover');
  const problem = el(box, 'p', undefined, 'problems');
  problem.id = 'exp-discover-problem';
  problem.setAttribute('role', 'alert');
  problem.hidden = true;
  const out = el(box, 'div');
  out.id = 'exp-discovery-results';
  const summary = results.summaryColumns();
  const values = Array.from(summary.values[outcome] ?? []).filter(Number.isFinite);
  // A first condition that splits the runs: above their median.
  const sorted = [...values].sort((a, b) => a - b);
  input.value = mine.get(outcome) ?? (sorted.length ? `> ${Number(sorted[Math.floor(sorted.length / 2)].toPrecision(3))}` : '> 0');

  const run = () => {
    out.replaceChildren();
    problem.hidden = true;
    let where: Where;
    try {
      where = parseWhere(input.value);
    } catch {
      problem.textContent = t('exp.discover.badWhere', { value: input.value });
      problem.hidden = false;
      return;
    }
    mine.set(outcome, input.value);
    let result: Result;
    let d: ReturnType<typeof discover>;
    try {
      d = discover(e, summary, { outcome, where });
      result = discoveryResult(d);
    } catch (err) {
      if (!(err instanceof AnalysisError)) throw err;
      const hits = values.filter((v) =>
        where.op === '>'
          ? v > where.a
          : where.op === '>='
            ? v >= where.a
            : where.op === '<'
              ? v < where.a
              : where.op === '<='
                ? v <= where.a
                : v >= where.a && v <= where.b!,
      ).length;
      problem.textContent = t('exp.discover.nothing', {
        outcome: pageWords().metric(outcome),
        where: where.text,
        all: hits === 0 ? 'none' : 'every',
        lo: n(sorted[0]),
        hi: n(sorted[sorted.length - 1]),
      });
      problem.hidden = false;
      return;
    }
    found({ method: 'discover', outcome, result });
    out.setAttribute('aria-busy', 'true');
    void load().then((r) => {
      if (!out.isConnected) return;
      drawDiscovery(r, out, e, summary, outcome, where, d, result, { n, p });
      out.removeAttribute('aria-busy');
    });
  };
  go.addEventListener('click', run);
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') run();
  });
  if (mine.has(outcome)) run();
}

function drawDiscovery(
  r: ReportModule,
  out: HTMLElement,
  e: Experiment,
  summary: ReturnType<ExperimentResults['summaryColumns']>,
  outcome: string,
  where: Where,
  d: ReturnType<typeof discover>,
  result: Result,
  fm: { n: (x: number) => string; p: (x: number) => string },
): void {
  const { n, p } = fm;
  const width = Math.max(320, Math.min(640, Math.floor(out.clientWidth || 640)));
  // The charts' words in the page's language.
  const words = pageWords();
  const ctx = { document, width, words };
  const { boxes, leaves } = r.discoveredBoxes(result);
  const several = e.scenarios.length > 1;
  d.scenarios.forEach((s, si) => {
    const hits = s.y.reduce((a, b) => a + b, 0);
    if (!s.prim.boxes.length) {
      el(
        out,
        'p',
        t('exp.discover.empty', { scenario: scenarioName(s.scenario), all: hits === 0 ? 'none' : 'every', outcome: words.metric(outcome), where: where.text }),
        'note',
      );
      return;
    }
    el(
      out,
      'p',
      t('exp.discover.cases', { scenario: scenarioName(s.scenario), hits, runs: s.y.length, outcome: words.metric(outcome), where: where.text }),
      'note',
    );
    boxes
      .filter((b) => b.scenario === s.scenario)
      .forEach((b) => {
        const id = `exp-box-${si}-${b.box}`;
        const head = el(out, 'h4', t('exp.discover.box', { box: b.box, several: several ? 'yes' : 'no', scenario: scenarioName(s.scenario) }));
        head.id = `${id}-title`;
        const chosen = b.steps.find((x) => x.chosen)?.step ?? 0;
        const select = labelled(el(out, 'div', undefined, 'row'), 'select', `${id}-step`, t('exp.discover.step'));
        for (const st of b.steps) {
          const label = t('exp.discover.stepOption', { step: st.step, coverage: n(st.coverage), density: n(st.density), restricted: st.restricted });
          select.append(new Option(st.step === chosen ? `${label} ${t('exp.discover.chosen')}` : label, String(st.step), false, st.step === chosen));
        }
        el(out, 'p', t('exp.discover.pick'), 'note');
        const curve = el(out, 'div', undefined, 'exp-charts tradeoff');
        const detail = el(out, 'div');
        const show = (step: number) => {
          select.value = String(step);
          curve.innerHTML = r.markup(
            r.tradeoffChart(
              {
                title: words.say('report.discovery.tradeoffTitle', {
                  box: b.box,
                  several: several ? 'yes' : 'no',
                  scenario: scenarioName(s.scenario),
                  condition: `${words.metric(outcome)} ${where.text}`,
                }),
                subtitle: words.say('report.discovery.tradeoffSubtitle', { step }),
                steps: b.steps,
                selected: step,
              },
              ctx,
            ),
          );
          detail.replaceChildren();
          const st = b.steps.find((x) => x.step === step)!;
          const cap = el(detail, 'p', t('exp.discover.limits', { box: b.box, step, coverage: n(st.coverage), density: n(st.density), n: st.n }), 'caption');
          cap.id = `${id}-limits`;
          const limits = b.limits.get(step) ?? [];
          if (!limits.length) el(detail, 'p', t('exp.discover.none'), 'note');
          else
            table(
              detail,
              [t('exp.col.parameter'), t('exp.discover.col.low'), t('exp.discover.col.high'), t('exp.discover.col.range'), t('exp.discover.col.p')],
              limits.map((l) => [paramLabel(l.parameter), n(l.low), n(l.high), `${n(l.rangeLow)} – ${n(l.rangeHigh)}`, p(l.pValue)]),
              cap.id,
            );
          const charts = el(detail, 'div', undefined, 'exp-charts');
          // lab/charts' own SVG, every text in it escaped (lab/charts/markup.ts).
          charts.insertAdjacentHTML('beforeend', r.boxCharts(e, summary, outcome, where.text, b, step, ctx).join('\n'));
        };
        select.addEventListener('change', () => show(Number(select.value)));
        curve.addEventListener('click', (ev) => {
          const dot = (ev.target as Element).closest('[data-step]');
          if (dot) {
            show(Number(dot.getAttribute('data-step')));
            select.focus();
          }
        });
        show(chosen);
      });
    const mine = leaves.filter((l) => l.scenario === s.scenario);
    const cartTitle = el(out, 'h4', t('exp.discover.cart'));
    cartTitle.id = `exp-cart-${si}`;
    if (!mine.length) el(out, 'p', t('exp.discover.cartNone'), 'note');
    else
      table(
        out,
        [t('exp.discover.col.leaf'), t('exp.discover.col.coverage'), t('exp.discover.col.density'), t('exp.discover.col.runs'), t('exp.discover.col.rule')],
        mine.map((l) => [
          String(l.leaf),
          n(l.coverage),
          n(l.density),
          String(l.n),
          l.limits
            .map((x) => {
              const low = x.low > x.rangeLow,
                high = x.high < x.rangeHigh;
              return low && high ? `${n(x.low)} < ${x.parameter} ≤ ${n(x.high)}` : low ? `${x.parameter} > ${n(x.low)}` : `${x.parameter} ≤ ${n(x.high)}`;
            })
            .join(', '),
        ]),
        cartTitle.id,
      );
  });
  button(out, t('exp.discover.export'), 'exp-export-discovery').addEventListener('click', () =>
    downloadText(analysisCsv('discover', outcome, result), `discovery-${outcome}.csv`, 'text/csv'),
  );
}
