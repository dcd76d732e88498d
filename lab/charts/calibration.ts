// A calibration's charts: how each parameter's posterior narrowed generation by generation, which
// parameters trade off (the final population's weighted density), and where an observation falls
// among the posterior's predictions.
import { bin, ticks } from 'd3-array';
import { frame, type Chart, type ChartContext } from './frame.ts';
import { linearAxis, Plot, plot, plotOptions } from './plot.ts';
import { fmt, PALETTE } from './style.ts';
import { ENGLISH } from './words.ts';

/** Generations from light grey-blue (the prior's draws) to the palette's blue (the posterior). */
function generationColor(g: number, last: number): string {
  const t = last > 0 ? g / last : 1;
  const mix = (a: number, b: number) => Math.round(a + t * (b - a));
  return `rgb(${mix(200, 0)},${mix(214, 114)},${mix(229, 178)})`;
}

export interface MarginalData {
  /** The parameter as a title names it, and its axis label with unit. */
  name: string;
  label: string;
  /** Its prior's bounds (uniform). */
  lo: number;
  hi: number;
  /** Where the densities are evaluated, and one density over the grid per generation. */
  grid: number[];
  densities: number[][];
}

const PLOT = 220 + 34;

export function marginalChart(d: MarginalData, ctx: ChartContext): Chart {
  const w = ctx.words ?? ENGLISH;
  const last = d.densities.length - 1, prior = 1 / (d.hi - d.lo);
  const y = linearAxis([0, prior * 1.05, ...d.densities.flat().map((v) => v * 1.05)], 4);
  const marks = d.densities.map((c, g) =>
    Plot.lineY(c.map((v, i) => ({ x: d.grid[i], v })), { x: 'x', y: 'v', stroke: generationColor(g, last), strokeWidth: g === last ? 2.5 : 1.2, title: () => w.say('report.calibration.generation', { generation: g }) }),
  );
  const svg = plot(plotOptions(ctx, PLOT, {
    marginLeft: y.margin,
    x: { domain: [d.lo, d.hi], ticks: ticks(d.lo, d.hi, 5) },
    y: { domain: y.domain, ticks: y.ticks, grid: true },
    marks: [Plot.ruleY([prior], { stroke: '#999', strokeDasharray: '4 3' }), ...marks],
  }));
  return frame(svg, {
    title: w.say('report.calibration.marginalTitle', { parameter: d.name }),
    subtitle: w.say('report.calibration.marginalSubtitle'),
    legend: [
      { label: w.say('report.calibration.generation', { generation: 0 }), color: generationColor(0, last) },
      ...(last > 0 ? [{ label: w.say('report.calibration.finalGeneration', { generation: last }), color: generationColor(last, last) }] : []),
      { label: w.say('report.calibration.prior'), color: '#999', dash: '4 3' },
    ],
    yLabel: w.say('report.calibration.density'),
    xLabel: d.label,
  }, ctx);
}

export interface PairData {
  /** The two parameters as a title names them, their axis labels with units, and the bounds of their priors. */
  x: { name: string; label: string; lo: number; hi: number };
  y: { name: string; label: string; lo: number; hi: number };
  /** The final population: values and normalised weights. */
  points: { x: number; y: number; w: number }[];
  /** Their weighted correlation. */
  r: number;
}

export function pairChart(d: PairData, ctx: ChartContext): Chart {
  const w = ctx.words ?? ENGLISH;
  const y = linearAxis([d.y.lo, d.y.hi], 5);
  const svg = plot(plotOptions(ctx, PLOT, {
    marginLeft: y.margin,
    x: { domain: [d.x.lo, d.x.hi], ticks: ticks(d.x.lo, d.x.hi, 5) },
    y: { domain: [d.y.lo, d.y.hi], ticks: ticks(d.y.lo, d.y.hi, 5), grid: true },
    r: { type: 'identity' },
    marks: [
      Plot.density(d.points, { x: 'x', y: 'y', weight: 'w', bandwidth: 14, thresholds: 6, clip: true, fill: PALETTE.blue, fillOpacity: 0.12, stroke: PALETTE.blue, strokeWidth: 0.5 }),
      Plot.dot(d.points, { x: 'x', y: 'y', r: (p: PairData['points'][number]) => 1 + 40 * p.w, fill: '#222', fillOpacity: 0.35 }),
    ],
  }));
  return frame(svg, {
    title: w.say('report.calibration.pairTitle', { y: d.y.name, x: d.x.name }),
    subtitle: w.say('report.calibration.pairSubtitle', { r: d.r.toFixed(2) }),
    yLabel: d.y.label,
    xLabel: d.x.label,
  }, ctx);
}

export interface PredictiveData {
  title: string;
  subtitle?: string;
  /** The target metric with its unit. */
  xLabel: string;
  /** The posterior predictive runs' values. */
  values: number[];
  observed: { value: number; sd: number } | { range: [number, number] };
}

export function predictiveChart(d: PredictiveData, ctx: ChartContext): Chart {
  const w = ctx.words ?? ENGLISH;
  const o = d.observed;
  const obs = 'value' in o ? [o.value - 2 * o.sd, o.value + 2 * o.sd] : o.range;
  const x = linearAxis([...d.values, ...obs], 5);
  const bins = bin().domain(x.domain).thresholds(ticks(x.domain[0], x.domain[1], 20))(d.values).map((b) => ({ x0: b.x0!, x1: b.x1!, length: b.length }));
  const band = 'value' in o ? [o.value - o.sd, o.value + o.sd] : o.range;
  const marks: Plot.Markish[] = [
    Plot.rect([{ x1: band[0], x2: band[1] }], { x1: 'x1', x2: 'x2', fill: PALETTE.vermillion, fillOpacity: 0.15 }),
    Plot.rectY(bins, { x1: 'x0', x2: 'x1', y: 'length', fill: PALETTE.blue, fillOpacity: 0.6, insetRight: 1 }),
    ...('value' in o ? [Plot.ruleX([o.value], { stroke: PALETTE.vermillion, strokeWidth: 2.5 })] : []),
  ];
  const svg = plot(plotOptions(ctx, PLOT, {
    marginLeft: 40,
    x: { domain: x.domain, ticks: x.ticks },
    y: { grid: true, ticks: 4, tickFormat: fmt },
    marks,
  }));
  return frame(svg, {
    title: d.title,
    subtitle: d.subtitle,
    legend: [
      { label: w.say('report.calibration.predictiveRuns', { n: d.values.length }), color: PALETTE.blue, shape: 'box' },
      { label: w.say('value' in o ? 'report.calibration.observedValue' : 'report.calibration.observedRange'), color: PALETTE.vermillion, shape: 'value' in o ? 'band' : 'box' },
    ],
    yLabel: w.say('report.calibration.runs'),
    xLabel: d.xLabel,
  }, ctx);
}
