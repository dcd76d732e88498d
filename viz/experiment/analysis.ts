// The analyses of a finished experiment on the page, as tables with their intervals: what the
// design's runs say (a grid's means per point, replications' spread over seeds, a Latin hypercube's
// binned means), Morris (μ*, σ per parameter), Sobol' (S1, ST with bootstrap 95 % intervals), paired
// differences from a baseline scenario on common seeds. The numbers are lab/analysis's, the same
// `involution-lab analyze` writes (its defaults: 1000 resamples, seed 1, 95 %); each table downloads
// as that command's CSV.
import { analysisCsv, analyze, AnalysisError, designMethod, type AnalyzeOptions, type Experiment, type ExperimentResults, type Result } from '../../lab/index.ts';
import { getLang, locale, metricLabel, t, type MessageKey } from '../i18n/index.ts';
import { downloadText } from '../export.ts';
import { button, dataTable, el, paramLabel, scenarioName } from './dom.ts';

export interface Analysis {
  options: AnalyzeOptions;
  result: Result;
}

/** The analyses an experiment's design allows: its design's own (grid, replications, LHS, Morris, Sobol'), and paired when it has several scenarios. */
export function methodsOf(e: Experiment): AnalyzeOptions['method'][] {
  const out: AnalyzeOptions['method'][] = [];
  const own = designMethod(e.design.type);
  if (own) out.push(own);
  if (e.scenarios.length > 1 && (e.design.type === 'none' || e.design.type === 'grid')) out.push('paired');
  return out;
}

/** Whether the page offers a baseline: paired comparisons, and the effect analyses of a sampled design with several scenarios. */
export const hasBaseline = (e: Experiment): boolean => e.scenarios.length > 1;

/**
 * The analyses on the page: each method the design allows; with several scenarios, a Morris or
 * Sobol' design is also analysed for each scenario's effect against the baseline (`analyze
 * --baseline`): which parameters the effect of a policy depends on.
 */
export function analyses(e: Experiment, results: ExperimentResults, outcome: string, baseline: string): (Analysis | { options: AnalyzeOptions; error: string })[] {
  const summary = results.summaryColumns();
  const asked = methodsOf(e).flatMap((method): AnalyzeOptions[] =>
    method === 'paired' ? [{ method, outcome, baseline }] : hasBaseline(e) && (method === 'morris' || method === 'sobol') ? [{ method, outcome }, { method, outcome, baseline }] : [{ method, outcome }],
  );
  return asked.map((options) => {
    try {
      // A grid's result over time reads the runs' recorded months.
      return { options, result: analyze(e, summary, options, options.method === 'grid' ? results.runsTable([outcome]) : undefined) };
    } catch (err) {
      if (err instanceof AnalysisError) return { options, error: err.message };
      throw err;
    }
  });
}

const number = () => new Intl.NumberFormat(locale(getLang()), { maximumSignificantDigits: 3 });
/** The table of one analysis: the columns a reader needs, each interval beside its estimate. */
export function analysisTable(parent: HTMLElement, a: Analysis, several: boolean): void {
  const { method, outcome } = a.options;
  const f = number();
  const n = (x: unknown) => (typeof x === 'number' ? (Number.isFinite(x) ? f.format(x) : '—') : String(x));
  const interval = (lo: unknown, hi: unknown) => `[${n(lo)}, ${n(hi)}]`;
  const at = (row: (string | number)[], name: string) => row[a.result.columns.indexOf(name)];
  let head: string[];
  let rows: string[][];
  // The result's rows the table shows, in its order (all but a grid's earlier months).
  let shownRows = a.result.rows;
  if (method === 'morris') {
    head = [t('exp.col.parameter'), 'μ*', t('exp.col.interval'), 'σ', 'μ', t('exp.col.effects')];
    rows = a.result.rows.map((r) => [paramLabel(String(at(r, 'parameter'))), n(at(r, 'muStar')), interval(at(r, 'muStarLow'), at(r, 'muStarHigh')), n(at(r, 'sigma')), n(at(r, 'mu')), n(at(r, 'effects'))]);
  } else if (method === 'sobol') {
    head = [t('exp.col.parameter'), 'S1', t('exp.col.interval'), 'ST', t('exp.col.interval')];
    rows = a.result.rows.map((r) => [paramLabel(String(at(r, 'parameter'))), n(at(r, 'S1')), interval(at(r, 'S1Low'), at(r, 'S1High')), n(at(r, 'ST')), interval(at(r, 'STLow'), at(r, 'STHigh'))]);
  } else if (method === 'grid') {
    // The final month of each point (the CSV, and the charts, have every recorded month).
    const last = new Map<string, (string | number)[]>();
    for (const r of a.result.rows) last.set(`${at(r, 'scenario')}|${at(r, 'point')}`, r);
    const params = a.result.columns.slice(a.result.columns.indexOf('point') + 1, a.result.columns.indexOf('tick'));
    head = [...params.map(paramLabel), 'n', t('exp.col.mean'), t('exp.col.interval')];
    const kept = [...last.values()];
    rows = kept.map((r) => [...params.map((p) => n(at(r, p))), n(at(r, 'n')), n(at(r, 'mean')), interval(at(r, 'low'), at(r, 'high'))]);
    shownRows = kept;
  } else if (method === 'replications') {
    head = ['n', t('exp.col.mean'), t('exp.col.interval'), t('exp.col.median'), t('exp.col.quartiles'), t('exp.col.extremes')];
    rows = a.result.rows.map((r) => [n(at(r, 'n')), n(at(r, 'mean')), interval(at(r, 'low'), at(r, 'high')), n(at(r, 'median')), interval(at(r, 'q25'), at(r, 'q75')), `${n(at(r, 'min'))} – ${n(at(r, 'max'))}`]);
  } else if (method === 'lhs') {
    head = [t('exp.col.parameter'), t('exp.col.bin'), t('exp.col.points'), t('exp.col.mean'), t('exp.col.interval')];
    // The parameter named on its first bin only: the table reads as one block a parameter.
    rows = a.result.rows.map((r, i) => [i > 0 && at(a.result.rows[i - 1], 'parameter') === at(r, 'parameter') && at(a.result.rows[i - 1], 'scenario') === at(r, 'scenario') ? '' : paramLabel(String(at(r, 'parameter'))),
      `${n(at(r, 'binLow'))} – ${n(at(r, 'binHigh'))}`, n(at(r, 'n')), n(at(r, 'mean')), interval(at(r, 'low'), at(r, 'high'))]);
  } else {
    const params = a.result.columns.slice(a.result.columns.indexOf('point') + 1, a.result.columns.indexOf('n'));
    head = [...params.map(paramLabel), 'n', t('exp.col.diff'), t('exp.col.interval'), t('exp.col.baselineMean'), t('exp.col.scenarioMean')];
    rows = a.result.rows.map((r) => [...params.map((p) => n(at(r, p))), n(at(r, 'n')), n(at(r, 'meanDiff')), interval(at(r, 'low'), at(r, 'high')), n(at(r, 'baselineMean')), n(at(r, 'scenarioMean'))]);
  }
  if (several || method === 'paired' || method === 'replications') {
    head.unshift(t('scenario'));
    rows.forEach((row, i) => row.unshift(scenarioName(String(shownRows[i][0]))));
  }
  // A Morris or Sobol' analysis with a baseline is of each scenario's effect against it.
  const effect = method !== 'paired' && a.options.baseline !== undefined;
  const box = el(parent, 'div', undefined, 'analysis');
  box.dataset.method = method;
  if (effect) box.dataset.effect = '';
  // The title above the scrolling table, not its caption: on a phone it wraps instead of scrolling away.
  const caption = `exp.caption.${method}${effect ? 'Effect' : ''}` as MessageKey;
  const title = el(box, 'h3', t(caption, { outcome: `${metricLabel(outcome)} (${outcome})`, baseline: scenarioName(a.options.baseline ?? '') }));
  title.id = `exp-table-${method}${effect ? '-effect' : ''}`;
  dataTable(box, head, rows, title.id);
  el(box, 'p', t(`exp.note.${method}` as MessageKey), 'note');
  button(box, t('exp.exportAnalysis')).addEventListener('click', () => {
    downloadText(analysisCsv(method, outcome, a.result), `analysis-${method}-${outcome}${effect ? `-vs-${a.options.baseline}` : ''}.csv`, 'text/csv');
  });
}
