// Where the report's charts and the HTML report join the Experiment tab. The report (lab/report)
// and its charts (lab/charts) are built apart; these two hooks are the only places the tab calls
// them, so wiring them in changes nothing else. Until then the tab shows its tables alone (no
// placeholder) and no report button.
import type { AnalyzeOptions, Experiment, ExperimentResults, Result } from '../../lab/index.ts';

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
}

/**
 * Draw the report's charts of the experiment into `container`; return whether any was drawn (the
 * container is shown only then). No charts yet: lab/charts is to be wired in here.
 */
export function showCharts(_container: HTMLElement, _data: ExperimentData): boolean {
  return false;
}

/**
 * Download the experiment's HTML report (what `involution-lab report` writes). Null until lab/report
 * is wired in here: the tab hides its Export report button while it is null.
 */
export const exportReport: ((data: ExperimentData) => void | Promise<void>) | null = null;
