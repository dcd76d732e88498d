// The report of an experiment, from data in memory: the runs over time (fans), their differences
// from a baseline, the sensitivity analyses and comparisons, the heatmaps of a two-parameter grid,
// and the manifest. The CLI reads the experiment's files and passes what it read; the browser
// passes its results. One self-contained HTML page, its charts inline SVG, no script.
import type { Columns, RunSource } from '../analysis/outcomes.ts';
import { fanChart } from '../charts/fan.ts';
import type { ChartContext } from '../charts/frame.ts';
import { markup } from '../charts/markup.ts';
import type { Spec } from '../spec/schema.ts';
import { VERSION } from '../../sim/version.ts';
import { analysisCharts, inlineAnalyses, type ReportAnalysis } from './analyses.ts';
import type { FanSet, PairedFanSet } from './fans.ts';
import { heatmaps } from './heatmaps.ts';
import { commitText, htmlPage, sectionsHtml, type ModelVersion, type Section } from './page.ts';
import { metricLabel } from './units.ts';

/** What the report says of the experiment: an Experiment (lab/spec/resolve.ts), or a manifest with its design. */
export interface ReportedExperiment extends RunSource {
  spec: Spec;
  metrics: readonly string[];
}

export interface ExperimentReportInput {
  experiment: ReportedExperiment;
  /** The summary's columns: "run" and each metric's final value (ExperimentResults.summaryColumns(), or summary.csv read). */
  summary: Columns;
  /** The fans over time (experimentFans); absent when the runs recorded their final month only. */
  overTime?: FanSet;
  /** The paired fans against a baseline (pairedExperimentFans); absent with one scenario. */
  paired?: PairedFanSet;
  /** The analyses to draw; when absent, the report computes Morris or Sobol' and paired ones itself. */
  analyses?: ReportAnalysis[];
  /** Where the analyses come from, for the text ("from analysis-paired-needsMet.csv"). */
  analysesFrom?: string;
  /** The spec's file name, for the title and the command that re-runs it ("spec.json" by default). */
  specFile?: string;
  /** The model that ran it (this build's version by default, no commit). */
  model?: ModelVersion;
  /** Shown at the foot, as JSON: the manifest (by default the experiment), long lists shortened. */
  manifest?: object;
  /** The document the charts are built in: the browser's, or linkedom's in Node. */
  document: Document;
}

const OVER_TIME_NOTE = 'line: mean over seeds; band: 5th to 95th percentile across seeds';

/** The manifest, with very long lists of design points and seeds shortened (all are in design.csv and manifest.json). */
function shownManifest(m: object): string {
  const cut = (list: unknown, where: string) => (Array.isArray(list) && list.length > 40 ? [...list.slice(0, 40), `… ${list.length - 40} more in ${where}`] : list);
  const o = m as { seeds?: unknown; design?: { points?: unknown } };
  return JSON.stringify({ ...m, seeds: cut(o.seeds, 'manifest.json'), design: o.design && { ...o.design, points: cut(o.design.points, 'design.csv') } }, null, 2);
}

/**
 * The report's sections with their charts (SVG markup), in page order: what the report page holds,
 * and what the browser's Experiment tab shows under its tables. `width` is the charts' width.
 */
export function reportSections(input: Omit<ExperimentReportInput, 'specFile' | 'model' | 'manifest'> & { width?: number }): Section[] {
  const m = input.experiment;
  const ctx: ChartContext = { document: input.document, width: input.width };
  const { overTime, paired } = input;
  const fans = (overTime?.charts ?? []).map(({ metric, series }) =>
    markup(fanChart({ title: `${metric}: mean and 90 % band across ${overTime!.across}`, xLabel: 'month (tick)', yLabel: metricLabel(metric), series, note: OVER_TIME_NOTE }, ctx)));
  const pairedFans = (paired?.charts ?? []).map(({ metric, series }) =>
    markup(fanChart({ title: `${metric}: difference from ${paired!.baseline}, paired on common seeds (mean and 90 % band across ${paired!.across})`, xLabel: 'month (tick)', yLabel: `difference in ${metricLabel(metric)}`, series, note: 'line: mean of the paired differences; band: 5th to 95th percentile of the pairs' }, ctx)));
  const analyses = input.analyses ?? inlineAnalyses(m, input.summary);
  const from = input.analyses ? `from ${input.analysesFrom ?? 'the analyses given'}` : 'computed for this report (run analyze to choose method, outcome and baseline)';
  const finalOnly = m.spec.record === 'final';
  return [
    {
      title: 'Over time',
      intro: overTime
        ? `Each line is the mean over seeds; the band holds 90 % of the seeds (5th to 95th percentile). ${overTime.note}`.trim()
        : 'The runs recorded their final month only (record: "final"); record {"every": k} months for charts over time.',
      parts: fans,
      always: !!overTime || finalOnly,
    },
    {
      title: `Differences from ${paired?.baseline ?? ''} over time`,
      intro: `Each run minus its twin in ${paired?.baseline}: the same design point and the same seed, so the citizens' needs are the same (common random numbers). Line: mean; band: 90 % of the pairs. ${paired?.note ?? ''}`.trim(),
      parts: pairedFans,
    },
    {
      title: 'Sensitivity and comparisons',
      intro: `Final-month values: Morris and Sobol' analyses use the mean over seeds at each design point, paired comparisons the difference seed by seed; ${from}.`,
      parts: analyses.flatMap((a) => analysisCharts(m, a, ctx)),
    },
    { title: 'Two-parameter grid', intro: 'Mean final-month value over seeds in each cell of the grid.', parts: heatmaps(m, input.summary, ctx) },
  ];
}

/** The report as one HTML page. */
export function experimentReport(input: ExperimentReportInput): string {
  const m = input.experiment;
  const specFile = input.specFile ?? 'spec.json';
  const model = input.model ?? { version: VERSION, commit: null, dirty: null };
  const body = sectionsHtml(reportSections(input));
  const runs = m.scenarios.length * m.design.points.length * m.seeds.length;
  return htmlPage({
    title: m.spec.description ?? `Experiment ${specFile}`,
    meta: `${m.scenarios.map((s) => s.id).join(', ')}; ${m.design.points.length} design points (${m.design.type}); ${m.seeds.length} seeds; ${runs} runs. involution-lab ${model.version}${commitText(model)}.`,
    body,
    rerun: `involution-lab experiment ${specFile} --out <dir>`,
    manifest: shownManifest(input.manifest ?? m),
  });
}
