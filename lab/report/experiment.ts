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
import { htmlPage, sectionsHtml, type ModelVersion, type Section } from './page.ts';
import { robustnessOptionsOf, robustnessParts } from './robustness.ts';
import { ENGLISH, joined, type WordKey, type Words } from '../charts/words.ts';

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
  /** The words of the sections and charts: English (lab/charts/words.ts) unless a page passes its language's. */
  words?: Words;
}

const DESIGN_TITLE: Record<string, WordKey> = {
  grid: 'report.design.title.grid',
  replications: 'report.design.title.replications',
  lhs: 'report.design.title.lhs',
};

const DESIGN_INTRO: Record<string, WordKey> = {
  grid: 'report.design.intro.grid',
  replications: 'report.design.intro.replications',
  lhs: 'report.design.intro.lhs',
};

/** The manifest, with very long lists of design points and seeds shortened (all are in design.csv and manifest.json). */
function shownManifest(m: object, w: Words): string {
  const cut = (list: unknown, file: string) => (Array.isArray(list) && list.length > 40 ? [...list.slice(0, 40), w.say('report.page.more', { n: list.length - 40, file })] : list);
  const o = m as { seeds?: unknown; design?: { points?: unknown } };
  return JSON.stringify({ ...m, seeds: cut(o.seeds, 'manifest.json'), design: o.design && { ...o.design, points: cut(o.design.points, 'design.csv') } }, null, 2);
}

/**
 * The report's sections with their charts (SVG markup), in page order: what the report page holds,
 * and what the browser's Experiment tab shows under its tables. `width` is the charts' width.
 */
export function reportSections(input: Omit<ExperimentReportInput, 'specFile' | 'model' | 'manifest'> & { width?: number }): Section[] {
  const m = input.experiment;
  const w = input.words ?? ENGLISH;
  const ctx: ChartContext = { document: input.document, width: input.width, words: w };
  const { overTime, paired } = input;
  const month = w.say('report.month');
  const fans = (overTime?.charts ?? []).map(({ metric, series }) =>
    markup(fanChart({ title: w.say('report.overTime.chart', { metric: w.metric(metric), across: overTime!.across }), xLabel: month, yLabel: w.metricAxis(metric), series, note: w.say('report.overTime.note') }, ctx)));
  const pairedFans = (paired?.charts ?? []).map(({ metric, series }) =>
    markup(fanChart({
      title: w.say('report.paired.chart', { metric: w.metric(metric), baseline: w.scenario(paired!.baseline), across: paired!.across }),
      xLabel: month,
      yLabel: w.say('report.differenceIn', { metric: w.metricAxis(metric) }),
      series,
      note: w.say('report.paired.note'),
    }, ctx)));
  // What is given is drawn; what is not (a sensitivity analysis, the design's own result) the report computes.
  const given = input.analyses ?? [];
  const givenSensitivity = given.filter((a) => !DESIGN_METHODS.has(a.method) && a.method !== 'discover' && a.method !== 'robust');
  const analyses = givenSensitivity.length ? givenSensitivity : inlineAnalyses(m, input.summary);
  const from = givenSensitivity.length ? w.say('report.sensitivity.from', { from: input.analysesFrom ?? w.say('report.from.analyses') }) : w.say('report.sensitivity.computed');
  const givenDesign = given.filter((a) => DESIGN_METHODS.has(a.method));
  const design = givenDesign.length ? givenDesign : inlineDesignAnalyses(m, input.summary, input.runs);
  const discoveries = given.filter((a) => a.method === 'discover');
  const robust = given.filter((a) => a.method === 'robust').flatMap((a) => robustnessOptionsOf(a.outcome, a.result) ?? []);
  const designFrom = givenDesign.length
    ? w.say('report.design.readFrom', { from: input.analysesFrom ?? w.say('report.from.analyses') })
    : w.say('report.design.computed', { method: design[0]?.method ?? 'grid' });
  const finalOnly = m.spec.record === 'final';
  const designIntro = DESIGN_INTRO[design[0]?.method];
  return [
    {
      title: w.say('report.overTime.title'),
      intro: overTime ? joined(w, 'report.join.sentences', [w.say('report.overTime.intro'), overTime.note].filter(Boolean)) : w.say('report.overTime.final'),
      parts: fans,
      always: !!overTime || finalOnly,
    },
    {
      title: w.say(DESIGN_TITLE[design[0]?.method] ?? 'report.design.title.other'),
      intro: w.say('report.design.intro', { intro: designIntro ? w.say(designIntro) : '', from: designFrom }),
      parts: design.flatMap((a) => analysisCharts(m, a, ctx, input.summary)),
    },
    {
      title: w.say('report.paired.title', { baseline: paired ? w.scenario(paired.baseline) : '' }),
      intro: joined(w, 'report.join.sentences', [w.say('report.paired.intro', { baseline: paired ? w.scenario(paired.baseline) : '' }), paired?.note ?? ''].filter(Boolean)),
      parts: pairedFans,
    },
    {
      title: w.say('report.sensitivity.title'),
      intro: w.say('report.sensitivity.intro', { from }),
      parts: analyses.flatMap((a) => analysisCharts(m, a, ctx)),
    },
    { title: w.say('report.heatmaps.title'), intro: w.say('report.heatmaps.intro'), parts: heatmaps(m, input.summary, ctx) },
    {
      title: w.say('report.discovery.title'),
      intro: w.say('report.discovery.intro', { from: input.analysesFrom ?? w.say('report.from.discovery') }),
      parts: discoveries.flatMap((a) => analysisCharts(m, a, ctx, input.summary)),
    },
    {
      title: w.say('report.robust.title'),
      intro: w.say('report.robust.intro', {
        from: robust.length ? w.say('report.robust.readFrom', { from: input.analysesFrom ?? w.say('report.from.robustness') }) : w.say('report.robust.computed'),
      }),
      parts: robustnessParts(m, input.summary, robust, ctx),
    },
  ];
}

/** The report as one HTML page. */
export function experimentReport(input: ExperimentReportInput): string {
  const m = input.experiment;
  const w = input.words ?? ENGLISH;
  const specFile = input.specFile ?? 'spec.json';
  const model = input.model ?? { version: VERSION, commit: null, dirty: null };
  const body = sectionsHtml(reportSections(input));
  const runs = m.scenarios.length * m.design.points.length * m.seeds.length;
  return htmlPage({
    title: m.spec.description ?? w.say('report.page.title', { spec: specFile }),
    meta: w.say('report.page.meta', {
      scenarios: joined(w, 'report.join.comma', m.scenarios.map((s) => w.scenario(s.id))),
      points: m.design.points.length,
      design: m.design.type,
      seeds: m.seeds.length,
      runs,
      version: model.version,
      commit: model.commit ? model.commit.slice(0, 12) : 'none',
      dirty: model.dirty ? 'yes' : 'no',
    }),
    body,
    rerun: `involution-lab experiment ${specFile} --out <dir>`,
    manifest: shownManifest(input.manifest ?? m, w),
    words: w,
  });
}
