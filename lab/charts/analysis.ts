// The analyses' charts (lab/analysis/methods.ts): Morris μ* with its bootstrap interval and σ,
// Sobol' S1 and ST with theirs, paired differences with their t intervals. Rows are sorted by the
// caller; each is drawn as bars with whiskers.
import { barChart } from './bars.ts';
import type { Chart, ChartContext } from './frame.ts';

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
      { name: 'μ* (mean |EE|)', bars: d.rows.map((r) => ({ value: r.muStar, low: r.muStarLow, high: r.muStarHigh })) },
      { name: 'σ (sd of EE)', bars: d.rows.map((r) => ({ value: r.sigma })) },
    ],
  }, ctx);

export const sobolChart = (d: AnalysisChartData<SobolRow>, ctx: ChartContext): Chart =>
  barChart({
    ...d,
    labels: d.rows.map((r) => r.parameter),
    series: [
      { name: 'S1 (first order)', bars: d.rows.map((r) => ({ value: r.S1, low: r.S1Low, high: r.S1High })) },
      { name: 'ST (total)', bars: d.rows.map((r) => ({ value: r.ST, low: r.STLow, high: r.STHigh })) },
    ],
  }, ctx);

export const pairedChart = (d: AnalysisChartData<PairedRow>, ctx: ChartContext): Chart =>
  barChart({
    ...d,
    labels: d.rows.map((r) => r.label),
    series: [{ name: 'mean paired difference', bars: d.rows.map((r) => ({ value: r.meanDiff, low: r.low, high: r.high })) }],
  }, ctx);
