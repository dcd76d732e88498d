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
import type { RunsTable } from '../analysis/designs.ts';
import { analysisCharts, DESIGN_METHODS, inlineAnalyses, inlineDesignAnalyses, type ReportAnalysis } from './analyses.ts';
import type { FanSet, PairedFanSet } from './fans.ts';
import { heatmaps } from './heatmaps.ts';
import { commitText, htmlPage, sectionsHtml, type ModelVersion, type Section } from './page.ts';
import { ROBUSTNESS_INTRO, robustnessOptionsOf, robustnessParts } from './robustness.ts';
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
  /** The runs' recorded months (run, tick and the metrics), for a grid's result over time; absent when only the final month was recorded. */
  runs?: RunsTable;
  /** The analyses to draw (and discoveries); the report computes Morris or Sobol' and paired ones itself when none is given, and the design's own result (grid, replications, LHS) when that is not given. */
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

const DESIGN_TITLE: Record<string, string> = {
  grid: 'The outcome across the grid',
  replications: 'The spread over seeds',
  lhs: 'The outcome against each sampled parameter',
};

const DESIGN_INTRO: Record<string, string> = {
  grid: "Final-month values at each point of the grid: the mean over seeds with its 95 % interval (Student's t over the seeds), a line per scenario, a panel per value of a second parameter; over time when the runs recorded months (record: {\"every\": k}).",
  replications: "Final-month values of each scenario over its seeds: every seed, the quartiles and median, and the mean with its 95 % interval (Student's t over the seeds).",
  lhs: "Each design point's final-month value (its mean over seeds) against each parameter, smoothed by binned means: the parameter's range cut in equal bins (at most 10, at least five points a bin on average), the mean of the design points in each bin with a 95 % interval (Student's t over those points). Binned means rather than LOESS: each number is a plain average of the points in its bin. The parameter whose binned means move most comes first.",
};

const DISCOVERY_INTRO = "Which ranges of the varied parameters lead to the runs of interest? PRIM (Friedman & Fisher 1999, as in the EMA Workbench and sdtoolkit) peels the parameter space 5 % of its runs at a time, keeping the slice whose removal raises the share of runs of interest most, then pastes back slices that do not lower it. The trade-off curve is each box on the way: coverage (the share of all runs of interest inside it) against density (the share of its runs that are of interest). Each restriction's quasi-p-value is a one-sided binomial test of the box against the same box without that restriction: a large one means the restriction does not matter. Further boxes come from covering: the first box's runs are removed and PRIM runs again. A classification tree (CART, Gini splits, depth 3) is shown for comparison.";

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
  // What is given is drawn; what is not (a sensitivity analysis, the design's own result) the report computes.
  const given = input.analyses ?? [];
  const givenSensitivity = given.filter((a) => !DESIGN_METHODS.has(a.method) && a.method !== 'discover' && a.method !== 'robust');
  const analyses = givenSensitivity.length ? givenSensitivity : inlineAnalyses(m, input.summary);
  const from = givenSensitivity.length ? `from ${input.analysesFrom ?? 'the analyses given'}` : 'computed for this report (run analyze to choose method, outcome and baseline)';
  const givenDesign = given.filter((a) => DESIGN_METHODS.has(a.method));
  const design = givenDesign.length ? givenDesign : inlineDesignAnalyses(m, input.summary, input.runs);
  const discoveries = given.filter((a) => a.method === 'discover');
  const robust = given.filter((a) => a.method === 'robust').flatMap((a) => robustnessOptionsOf(a.outcome, a.result) ?? []);
  const designFrom = givenDesign.length ? `Read from ${input.analysesFrom ?? 'the analyses given'}` : `Computed for this report for the first metrics (analyze --method ${design[0]?.method ?? 'grid'} --outcome <metric> chooses one)`;
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
      title: DESIGN_TITLE[design[0]?.method] ?? 'What the runs say',
      intro: `${DESIGN_INTRO[design[0]?.method] ?? ''} ${designFrom}.`,
      parts: design.flatMap((a) => analysisCharts(m, a, ctx, input.summary)),
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
    {
      title: 'Scenario discovery',
      intro: `${DISCOVERY_INTRO} Read from ${input.analysesFrom ?? 'the discovery given'}.`,
      parts: discoveries.flatMap((a) => analysisCharts(m, a, ctx, input.summary)),
    },
    {
      title: 'Robustness of the policies',
      intro: `${ROBUSTNESS_INTRO} ${robust.length ? `Read from ${input.analysesFrom ?? 'the robustness given'}` : 'Computed for this report (run robust to choose the outcome, threshold, direction and policy)'}.`,
      parts: robustnessParts(m, input.summary, robust, ctx),
    },
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
