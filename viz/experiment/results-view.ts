// A finished experiment on the page: the outcome (and baseline) chosen, the analyses its design
// allows as tables, the report's charts under them (hooks.ts), scenario discovery (discovery.ts), the
// policies' robustness (robustness.ts), and its files: summary.csv, runs.csv and the HTML report.
import type { Experiment, ExperimentResults } from '../../lab/index.ts';
import { findScenario } from '../../scenarios/index.ts';
import { metricLabel, pick, t } from '../i18n/index.ts';
import { downloadText } from '../export.ts';
import { analyses, analysisTable, hasBaseline } from './analysis.ts';
import { button, el, labelled } from './dom.ts';
import { discoveryPanel } from './discovery.ts';
import { robustnessPanel } from './robustness.ts';
import { exportReport, showCharts, type ExperimentData } from './hooks.ts';

export interface Choice {
  outcome: string;
  baseline: string;
}

/** Draw the results into `box`; `again` redraws after the outcome or baseline changes. */
export function renderResults(box: HTMLElement, e: Experiment, results: ExperimentResults, spec: unknown, choice: Choice, again: () => void): void {
  el(box, 'h2', t('exp.results', { runs: e.runs }));
  const controls = el(box, 'div', undefined, 'row');
  if (!e.metrics.includes(choice.outcome)) choice.outcome = e.metrics[0];
  if (!e.scenarios.some((s) => s.id === choice.baseline)) choice.baseline = e.scenarios[0].id;
  const outcome = labelled(controls, 'select', 'exp-outcome', t('exp.outcome'));
  outcome.append(...e.metrics.map((m) => new Option(`${metricLabel(m)} (${m})`, m, false, m === choice.outcome)));
  outcome.addEventListener('change', () => {
    choice.outcome = outcome.value;
    again();
    document.getElementById('exp-outcome')?.focus();
  });
  if (hasBaseline(e)) {
    const base = labelled(controls, 'select', 'exp-baseline', t('compareBaseline'));
    base.append(...e.scenarios.map((s) => new Option(findScenario(s.id) ? pick(findScenario(s.id)!.title) : s.id, s.id, false, s.id === choice.baseline)));
    base.addEventListener('change', () => {
      choice.baseline = base.value;
      again();
      document.getElementById('exp-baseline')?.focus();
    });
  }
  const list = analyses(e, results, choice.outcome, choice.baseline);
  for (const a of list) {
    if ('error' in a) el(box, 'p', a.error, 'note');
    else analysisTable(box, a, e.scenarios.length > 1);
  }
  const charts = el(box, 'div', undefined, 'views exp-charts');
  charts.id = 'exp-charts';
  const data: ExperimentData = { spec, experiment: e, results, analyses: list.filter((a) => 'result' in a), outcome: choice.outcome };
  charts.hidden = !showCharts(charts, data);
  discoveryPanel(box, e, results, choice.outcome, (found) => (data.discovery = found));
  robustnessPanel(box, e, results, choice.outcome, (found) => (data.robustness = found));
  const exports = el(box, 'div', undefined, 'buttons');
  button(exports, t('exp.exportCsv'), 'exp-export-csv').addEventListener('click', () => downloadText(results.summaryCsv(), 'summary.csv', 'text/csv'));
  button(exports, t('exp.exportRuns'), 'exp-export-runs').addEventListener('click', () => downloadText(results.runsCsv(), 'runs.csv', 'text/csv'));
  button(exports, t('exp.exportReport'), 'exp-export-report').addEventListener('click', () => void exportReport(data));
}
