// The analyses' charts (lab/analysis/methods.ts): Morris μ* with its bootstrap interval and σ,
// Sobol' S1 and ST with theirs, paired differences with their t intervals. Rows are sorted by the
// caller; each is drawn as bars with whiskers.
import { barChart } from './bars.ts';
import type { Chart, ChartContext } from './frame.ts';
import { ENGLISH } from './words.ts';

export interface MorrisRow {
  parameter: string;
  muStar: number;
  muStarLow: number;
  muStarHigh: number;
  sigma: number;
}

export interface SobolRow {
  parameter: string;
  S1: number;
  S1Low: number;
  S1High: number;
  ST: number;
  STLow: number;
  STHigh: number;
}

export interface PairedRow {
  /** The scenario, the design point, or both. */
  label: string;
  meanDiff: number;
  low: number;
  high: number;
}

export interface AnalysisChartData<Row> {
  title: string;
  subtitle?: string;
  /** The value axis, with the outcome's unit. */
  xLabel: string;
  rows: Row[];
}

export const morrisChart = (d: AnalysisChartData<MorrisRow>, ctx: ChartContext): Chart =>
  barChart({
    ...d,
    labels: d.rows.map((r) => r.parameter),
    series: [
      { name: (ctx.words ?? ENGLISH).say('report.chart.muStar'), bars: d.rows.map((r) => ({ value: r.muStar, low: r.muStarLow, high: r.muStarHigh })) },
      { name: (ctx.words ?? ENGLISH).say('report.chart.sigma'), bars: d.rows.map((r) => ({ value: r.sigma })) },
    ],
  }, ctx);

export const sobolChart = (d: AnalysisChartData<SobolRow>, ctx: ChartContext): Chart =>
  barChart({
    ...d,
    labels: d.rows.map((r) => r.parameter),
    series: [
      { name: (ctx.words ?? ENGLISH).say('report.chart.s1'), bars: d.rows.map((r) => ({ value: r.S1, low: r.S1Low, high: r.S1High })) },
      { name: (ctx.words ?? ENGLISH).say('report.chart.st'), bars: d.rows.map((r) => ({ value: r.ST, low: r.STLow, high: r.STHigh })) },
    ],
  }, ctx);

export const pairedChart = (d: AnalysisChartData<PairedRow>, ctx: ChartContext): Chart =>
  barChart({
    ...d,
    labels: d.rows.map((r) => r.label),
    series: [{ name: (ctx.words ?? ENGLISH).say('report.chart.meanPaired'), bars: d.rows.map((r) => ({ value: r.meanDiff, low: r.low, high: r.high })) }],
  }, ctx);
