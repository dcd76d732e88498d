// Where the report's charts and the HTML report join the Experiment tab: the report's own sections
// (lab/report: fans over time, the design's own result, differences from the baseline, the analyses'
// charts, the grid's heatmaps, a scenario discovery made on the page), drawn on the page under the tables, and the whole report page as a file — the same
// code as `involution-lab report`. lab/report (and Observable Plot with it) is loaded when the first
// experiment finishes, not with the page.
import type { AnalyzeOptions, Experiment, ExperimentResults, Result } from '../../lab/index.ts';
import type { ReportAnalysis } from '../../lab/report/index.ts';
import { downloadText } from '../export.ts';
import { pageWords } from './words.ts';

/** A finished experiment, as the tab holds it: everything the report is made from. */
export interface ExperimentData {
  /** The spec as given (what Export spec writes). */
  spec: unknown;
  experiment: Experiment;
  /** Every run's rows: summaryCsv(), runsCsv(), summaryColumns(). */
  results: ExperimentResults;
  /** The analyses on the page, for the outcome chosen. */
  analyses: { options: AnalyzeOptions; result: Result }[];
  outcome: string;
  /** The scenario discovery made on the page, if any (it joins the report). */
  discovery?: ReportAnalysis;
  /** The policies' robustness computed on the page, if any (it joins the report). */
  robustness?: ReportAnalysis;
}

type ReportModule = typeof import('../../lab/report/index.ts');
let module: Promise<ReportModule> | undefined;
const load = (): Promise<ReportModule> => (module ??= import('../../lab/report/index.ts'));

/** What the report is made of: the page's analyses, and the paired fans against the page's baseline. */
function reportInput(r: ReportModule, data: ExperimentData) {
  const { experiment, results } = data;
  const analyses: ReportAnalysis[] = [...data.analyses.map((a) => ({ method: a.options.method, outcome: a.options.outcome, result: a.result })), ...(data.discovery ? [data.discovery] : []), ...(data.robustness ? [data.robustness] : [])];
  const baseline = data.analyses.find((a) => a.options.baseline !== undefined)?.options.baseline ?? experiment.scenarios[0].id;
  // The sections, charts and report in the page's language.
  const words = pageWords();
  return {
    experiment,
    summary: results.summaryColumns(),
    overTime: r.experimentFans(results, words),
    paired: r.pairedExperimentFans(results, baseline, words),
    runs: experiment.design.type === 'grid' ? results.runsTable(experiment.metrics.slice(0, 3)) : undefined,
    analyses,
    analysesFrom: words.say('report.from.page'),
    document,
    words,
  };
}

/**
 * Draw the report's charts of the experiment into `container`, section by section, once lab/report
 * is loaded; return whether there will be any (the container is shown only then).
 */
export function showCharts(container: HTMLElement, data: ExperimentData): boolean {
  if (!data.analyses.length && data.experiment.every === 0 && data.experiment.design.params.length !== 2) return false;
  container.setAttribute('aria-busy', 'true');
  void load().then((r) => {
    if (!container.isConnected) return;
    const width = Math.max(320, Math.min(640, Math.floor(container.clientWidth || 640)));
    const sections = r.reportSections({ ...reportInput(r, data), width }).filter((s) => s.parts.length);
    for (const s of sections) {
      const section = document.createElement('section');
      const h = document.createElement('h3');
      h.textContent = s.title;
      section.append(h);
      if (s.intro) {
        const p = document.createElement('p');
        p.className = 'note';
        p.textContent = s.intro;
        section.append(p);
      }
      // The charts' markup is lab/charts' own SVG, every text in it escaped (lab/charts/markup.ts).
      section.insertAdjacentHTML('beforeend', s.parts.join('\n'));
      container.append(section);
    }
    container.hidden = !sections.length;
    container.removeAttribute('aria-busy');
  }, () => {
    container.hidden = true; // Not loaded (the connection dropped): the tables are still there.
  });
  return true;
}

/** Download the experiment's HTML report: the page `involution-lab report` makes, from the runs and analyses on this page. */
export const exportReport = async (data: ExperimentData): Promise<void> => {
  const r = await load();
  downloadText(r.experimentReport(reportInput(r, data)), 'report.html', 'text/html');
};
