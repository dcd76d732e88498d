// What a lesson draws beside its views: a chart for each prediction — the student's run inside the
// band of the ensemble's runs (and the baseline's band), growing with the run as it plays — and the
// printed handout (the question, each prediction's answers to tick, a chart to sketch on whose axis
// fits the runs, lines to write on).
import * as d3 from 'd3';
import { TICKS, type Scenario } from '../sim/index.ts';
import { METRIC_BY_NAME } from '../sim/metric-registry.ts';
import { fanOf } from '../lab/summaries.ts';
import { metricLabel, pick, t } from './i18n/index.ts';
import { ANSWERS, answerText, capital, lessonSeeds, promptText, type LessonPlan, type Prediction } from './lessons.ts';
import { markLabels, type RunView } from './explore.ts';
import type { Ensemble } from './lesson-runs.ts';
import { PALETTE, type Svg } from './views/chart.ts';
import { sketchRange, timeSeries, type Line } from './views/timeseries.ts';

/** What a prediction's chart shows. */
export interface Shown {
  /** The student's run, as far as it has played. */
  view: RunView | null;
  ensemble: Ensemble | null;
  /** The run has ended: the bands are drawn whole (while it plays, up to its month). */
  whole: boolean;
  /** The lesson has a baseline: its band too. */
  withBaseline: boolean;
  seed: number;
}

/** The ensemble's runs of one metric, in the order of their seeds (the seeds of the lesson only: not the student's extra baseline run). */
function runsOf(runs: Ensemble['runs'], metric: string): Float64Array[] {
  return lessonSeeds()
    .filter((s) => runs.has(s))
    .map((s) => runs.get(s)![metric]);
}

/** An element appended to `parent`, with its text and class. */
export function el<K extends keyof HTMLElementTagNameMap>(parent: HTMLElement, tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = parent.appendChild(document.createElement(tag));
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

/**
 * A prediction's chart: the student's run, the ensemble's mean and band (and the baseline's, for a
 * comparison). While the run plays the band is drawn up to the run's month: both advance together.
 */
export function predictionChart(svg: Svg, p: Prediction, { view: v, ensemble: e, whole, withBaseline, seed }: Shown): void {
  const own = v?.series[p.metric] ?? [];
  const cut = (a: number[]) => (whole ? a : a.slice(0, own.length));
  const lines: Line[] = [];
  const band = (runs: Float64Array[], key: string, label: string, color: string) => {
    if (!runs.length) return;
    const f = fanOf(runs);
    lines.push({ key, label, color, values: cut(f.mean), lo: cut(f.low), hi: cut(f.high) });
  };
  const runs = e ? runsOf(e.runs, p.metric) : [];
  if (withBaseline && e) band(runsOf(e.baseline, p.metric), 'baseline', t('lesson.bandBaseline', { n: runsOf(e.baseline, p.metric).length }), PALETTE.orange);
  band(runs, 'ensemble', t('lesson.band', { n: runs.length }), PALETTE.blue);
  lines.push({ key: 'own', label: t('lesson.yourRun', { seed }), color: PALETTE.black, values: own });
  const metric = metricLabel(p.metric);
  const n = runs.length || lessonSeeds().length;
  timeSeries(svg, {
    title: t(withBaseline ? 'lesson.chartBaseline' : 'lesson.chart', { metric: capital(metric), n }),
    xLabel: t('x'),
    yLabel: p.metric === 'involutionIndex' ? t('chart.index.y') : metric,
    ticks: v?.snap.ticks ?? own.length,
    marks: v?.markers ?? [],
    markLabels: markLabels(),
    empty: t('emptyHint'),
    ...(p.metric === 'involutionIndex' ? { zeroLabel: t('chart.index.zero') } : {}),
    lines,
  });
}

/**
 * The handout: the question, each prediction with its answers to tick, a chart to sketch on (the
 * index, or the first prediction's metric, on the axis its runs need; or the run once it has
 * ended), lines to write on.
 */
export function drawHandout(handout: HTMLElement, scenario: Scenario, plan: LessonPlan, shown: Shown, provenance: string): void {
  handout.replaceChildren();
  handout.dataset.predictions = String(plan.predictions.length);
  el(handout, 'h1', `${t('appTitle')} — ${t('lessonTitle', { title: pick(scenario.title) })}`);
  el(handout, 'p', t('handoutName'), 'handout-name');
  el(handout, 'h2', `1. ${t('lessonPredict')}`);
  el(handout, 'p', pick(plan.question), 'question');
  for (const p of plan.predictions) {
    el(handout, 'p', promptText(p), 'prompt');
    const ul = el(handout, 'ul', undefined, 'ticks');
    for (const a of ANSWERS) el(ul, 'li', `☐ ${answerText(p, a)}`);
  }
  el(handout, 'h2', `2. ${t('lessonRun')}`);
  const v = shown.view;
  // The index is what a class sketches, when the lesson asks about it.
  const p = plan.predictions.find((q) => q.metric === 'involutionIndex') ?? plan.predictions[0];
  const svgEl = el(handout, 'figure').appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'svg'));
  svgEl.dataset.w = '680';
  const svg = d3.select(svgEl) as unknown as Svg;
  if (shown.whole && v) predictionChart(svg, p, shown);
  else {
    timeSeries(svg, {
      title: promptText(p),
      xLabel: t('x'),
      yLabel: p.metric === 'involutionIndex' ? t('chart.index.y') : metricLabel(p.metric),
      ticks: v?.snap.ticks ?? TICKS.default,
      marks: v?.markers ?? [],
      markLabels: markLabels(),
      empty: t('handoutSketch'),
      emptyDomain: sketchDomain(p, shown.ensemble, v?.snap.ticks ?? TICKS.default),
      ...(p.metric === 'involutionIndex' ? { zeroLabel: t('chart.index.zero') } : {}),
      lines: [{ key: 'own', label: metricLabel(p.metric), color: PALETTE.black, values: [] }],
    });
  }
  el(handout, 'h2', `3. ${t('lessonExplain')}`);
  el(handout, 'p', t('lessonWhy'));
  const lines = el(handout, 'div', undefined, 'write-lines');
  for (let i = 0; i < 6; i++) el(lines, 'div');
  el(handout, 'p', provenance, 'handout-provenance');
}

/**
 * The blank axis of the handout: a share's 0–1; a growth's (the index, form, substance) the same
 * above and below zero so that it does not hint at the answer, with room for any bundled scenario's
 * runs at this horizon (sketchRange) and for this scenario's runs (and the baseline's) once they are
 * in; another figure, where the runs go.
 */
function sketchDomain(p: Prediction, e: Ensemble | null, ticks: number): [number, number] | undefined {
  const runs = e ? [...runsOf(e.runs, p.metric), ...runsOf(e.baseline, p.metric)] : [];
  const kind = METRIC_BY_NAME.get(p.metric)?.kind;
  if (kind === 'growth') {
    const reach = Math.max(sketchRange(ticks)[1], ...runs.map((r) => 1.1 * Math.max(Math.abs(d3.min(r) ?? 0), Math.abs(d3.max(r) ?? 0))));
    return [-reach, reach];
  }
  if (runs.length) {
    const lo = Math.min(0, ...runs.map((r) => d3.min(r) ?? 0));
    const hi = Math.max(0, ...runs.map((r) => d3.max(r) ?? 0));
    const pad = (hi - lo) * 0.1 || 0.1;
    return [lo - pad, hi + pad];
  }
  return kind === 'share' ? [0, 1] : undefined;
}
