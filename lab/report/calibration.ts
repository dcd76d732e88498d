// The report of a calibration: how the posterior narrowed generation by generation, which
// parameters trade off (pairwise densities of the final population), and where each observation
// falls among the posterior's predictions. Self-contained HTML, as the experiment's report; its
// sections are also what the browser's Diagnose tab shows, in the page's language (words).
import { correlation, type ParameterSummary, type PredictiveSummary } from '../abc/report.ts';
import type { Population, Stop } from '../abc/smc.ts';
import { months, observed, stoppedWords } from './calibration-words.ts';
import { kde } from '../abc/stats.ts';
import type { Target } from '../abc/targets.ts';
import { marginalChart, pairChart, predictiveChart } from '../charts/calibration.ts';
import type { ChartContext } from '../charts/frame.ts';
import { esc, markup } from '../charts/markup.ts';
import { fmt } from '../charts/style.ts';
import { ENGLISH, type WordKey, type Words } from '../charts/words.ts';
import { htmlPage, sectionsHtml, type ModelVersion, type Section } from './page.ts';

/** What the page says of a calibration: its manifest (lab/abc/manifest.ts), in part. */
export interface ReportedCalibration {
  model: ModelVersion;
  specFile: string;
  spec: { description?: string; particles: number };
  scenario: { id: string };
  ticks: number;
  targets: Target[];
  generations: { generation: number; tolerance: number | null; proposals: number; acceptance: number; ess: number }[];
  stopped: string | null;
  runs: { calibration: number; predictive: number };
  posterior: ParameterSummary[];
  predictive: PredictiveSummary[];
}

export interface CalibrationReportInput {
  manifest: ReportedCalibration;
  /** Every generation's population (from posterior.csv, or the run in memory). */
  populations: readonly Population[];
  /** The predictive runs: a row per run, a value per target. */
  predictive: readonly number[][];
  /** The document the charts are built in: the browser's, or linkedom's in Node. */
  document: Document;
  /** The words of the sections and charts: English (lab/charts/words.ts) unless a page passes its language's. */
  words?: Words;
  /** Why it stopped, to be said in the words' language (the manifest's `stopped` is English). */
  stop?: Stop;
  /** The charts' width (400 px, two abreast on the report's page). */
  width?: number;
}

/** Charts of a calibration are drawn two abreast. */
const WIDTH = 400;

function htmlTable(head: string[], rows: (string | number)[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

const VERDICT: Record<ParameterSummary['verdict'], WordKey> = {
  identified: 'report.calibration.verdict.identified',
  'partly identified': 'report.calibration.verdict.partly',
  'not identified': 'report.calibration.verdict.not',
};

/**
 * The report's sections with their tables and charts (HTML), in page order: what the report page
 * holds, and what the Diagnose tab shows.
 */
export function calibrationSections(input: CalibrationReportInput): Section[] {
  const { manifest: m, populations: pops, predictive } = input;
  const w = input.words ?? ENGLISH;
  const ctx: ChartContext = { document: input.document, width: input.width ?? WIDTH, words: w };
  const col = (name: string) => w.say(`report.calibration.col.${name}` as WordKey);
  const percent = (x: number) => w.say('report.calibration.percent', { percent: (100 * x).toFixed(1) });
  const names = m.posterior.map((p) => p.name), lo = m.posterior.map((p) => p.lo), hi = m.posterior.map((p) => p.hi);
  const final = pops[pops.length - 1];
  const pairs = names.flatMap((_, a) => names.map((_, b) => [a, b]).filter(([x, y]) => x < y));
  const marginals = names.map((name, a) => {
    const grid = Array.from({ length: 121 }, (_, i) => lo[a] + ((hi[a] - lo[a]) * i) / 120);
    const densities = pops.map((p) => kde(p.particles.map((x) => x[a]), p.weights, grid, (hi[a] - lo[a]) / 40));
    return markup(marginalChart({ name: w.param(name), label: w.paramAxis(name), lo: lo[a], hi: hi[a], grid, densities }, ctx));
  });
  const pairCharts = pairs.map(([a, b]) => markup(pairChart({
    x: { name: w.param(names[a]), label: w.paramAxis(names[a]), lo: lo[a], hi: hi[a] },
    y: { name: w.param(names[b]), label: w.paramAxis(names[b]), lo: lo[b], hi: hi[b] },
    points: final.particles.map((p, i) => ({ x: p[a], y: p[b], w: final.weights[i] })),
    r: correlation(final, a, b),
  }, ctx)));
  // A target with a name of its own (one metric over several windows) is shown by it, its metric beside.
  const named = (t: { name?: string; metric: string }) => (t.name === undefined ? w.metric(t.metric) : w.say('report.calibration.namedTarget', { name: t.name, metric: w.metric(t.metric) }));
  const checks = m.targets.map((t, j) => markup(predictiveChart({
    title: w.say('report.calibration.predictiveTitle', { metric: named(t), months: months(t, w) }),
    subtitle: w.say('report.calibration.predictiveSubtitle', { observed: observed(t.observed, w), inside: m.predictive[j].consistent ? 'yes' : 'no' }),
    xLabel: w.metricAxis(t.metric),
    values: predictive.map((v) => v[j]),
    observed: t.observed,
  }, ctx)));
  const checkTable = htmlTable(
    ['target', 'month', 'observed', 'median', 'interval', 'position', 'verdict'].map(col),
    m.predictive.map((c) => [
      named(c),
      c.from === undefined ? String(c.tick) : `${c.from}–${c.tick}`,
      observed(c.observed, w),
      fmt(c.q50),
      `[${fmt(c.q05)}, ${fmt(c.q95)}]`,
      w.say('value' in c.observed ? 'report.calibration.below' : 'report.calibration.inside', { percent: Math.round(100 * c.position) }),
      w.say(c.consistent ? 'report.calibration.consistent' : 'report.calibration.tail'),
    ]),
  );
  return [
    {
      title: w.say('report.calibration.posterior.title'),
      intro: w.say('report.calibration.posterior.intro', { generation: final.generation, ess: final.ess.toFixed(0) }),
      parts: [htmlTable(['parameter', 'prior', 'mean', 'sd', 'q05', 'q95', 'contraction', 'verdict'].map(col), m.posterior.map((p) => [w.param(p.name), `[${fmt(p.lo)}, ${fmt(p.hi)}]`, fmt(p.mean), fmt(p.sd), fmt(p.q05), fmt(p.q95), p.contraction.toFixed(2), w.say(VERDICT[p.verdict])]))],
    },
    {
      title: w.say('report.calibration.generations.title'),
      intro: w.say('report.calibration.generations.intro'),
      parts: [htmlTable(['generation', 'tolerance', 'proposals', 'acceptance', 'ess'].map(col), m.generations.map((g) => [g.generation, g.tolerance === null ? w.say('report.calibration.priorTolerance') : fmt(g.tolerance), g.proposals, percent(g.acceptance), g.ess.toFixed(0)]))],
    },
    { title: w.say('report.calibration.marginals.title'), intro: w.say('report.calibration.marginals.intro'), parts: marginals },
    { title: w.say('report.calibration.pairs.title'), intro: w.say('report.calibration.pairs.intro'), parts: pairCharts },
    { title: w.say('report.calibration.predictive.title'), intro: w.say('report.calibration.predictive.intro'), parts: [checkTable, ...checks] },
  ];
}

/** The whole page: the sections, the manifest they came from, and how to make them again. */
export function calibrationReport(input: CalibrationReportInput): string {
  const { manifest: m, populations: pops } = input;
  const w = input.words ?? ENGLISH;
  return htmlPage({
    title: m.spec.description ?? w.say('report.calibration.page.title', { spec: m.specFile }),
    meta: w.say('report.calibration.page.meta', {
      scenario: w.scenario(m.scenario.id),
      ticks: m.ticks,
      parameters: m.posterior.length,
      targets: m.targets.length,
      generations: pops.length,
      particles: m.spec.particles,
      runs: m.runs.calibration,
      predictive: m.runs.predictive,
      stopped: stoppedWords(m.stopped, input.stop, w),
      version: m.model.version,
      commit: m.model.commit ? m.model.commit.slice(0, 12) : 'none',
      dirty: m.model.dirty ? 'yes' : 'no',
    }),
    body: sectionsHtml(calibrationSections(input)),
    rerun: `involution-lab calibrate ${m.specFile} --out <dir>`,
    manifest: JSON.stringify(m, null, 2),
    words: w,
    css: `
svg.chart { display: inline-block; vertical-align: top; margin: .6em .6em .6em 0; max-width: min(100%, ${WIDTH}px); }
table { border-collapse: collapse; font-size: 13px; margin: 1em 0; } th, td { padding: .25em .7em; border-bottom: 1px solid #e4e4e4; text-align: right; } th:first-child, td:first-child { text-align: left; }
`,
  });
}
