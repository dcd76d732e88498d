// Heatmap of a two-parameter grid: the mean final outcome in each cell, its value printed in the
// cell; viridis (perceptually uniform, legible in grey), the y parameter growing upwards.
import { frame, type Chart, type ChartContext, DEFAULT_WIDTH } from './frame.ts';
import { Plot, plot, plotOptions } from './plot.ts';
import { fmt } from './style.ts';
import { textWidth } from './text.ts';
import { ENGLISH } from './words.ts';

export interface HeatmapData {
  title: string;
  /** The parameters with their units. */
  xLabel: string;
  yLabel: string;
  /** What the colour shows: the metric with its unit. */
  valueLabel: string;
  xs: number[];
  ys: number[];
  /** values[yi][xi] */
  values: number[][];
}

export function heatmap(d: HeatmapData, ctx: ChartContext): Chart {
  const W = ctx.width ?? DEFAULT_WIDTH;
  const cells = d.ys.flatMap((y, yi) => d.xs.map((x, xi) => ({ x, y, v: d.values[yi][xi] })));
  const finite = cells.map((c) => c.v).filter(Number.isFinite);
  const [lo, hi] = finite.length ? [Math.min(...finite), Math.max(...finite)] : [0, 1];
  const domain = hi > lo ? [lo, hi] : [lo - 1, hi + 1];
  const color = Plot.scale({ color: { type: 'linear', scheme: 'viridis', domain } });
  const ink = (v: number) => ((v - domain[0]) / (domain[1] - domain[0]) > 0.6 ? '#111' : '#fff');
  const ch = Math.max(28, Math.min(56, 320 / d.ys.length));
  const left = Math.ceil(Math.max(48, ...d.ys.map((y) => textWidth(fmt(y)) + 20)));
  const svg = plot(plotOptions(ctx, d.ys.length * ch + 34, {
    marginLeft: left,
    marginRight: Math.max(18, W - left - 110 * d.xs.length),
    x: { type: 'band', domain: d.xs, tickFormat: fmt, padding: 0.04 },
    y: { type: 'band', domain: [...d.ys].reverse(), tickFormat: fmt, padding: 0.04 },
    color: { type: 'linear', scheme: 'viridis', domain },
    marks: [
      Plot.cell(cells, { x: 'x', y: 'y', fill: 'v', title: (c: (typeof cells)[number]) => `${d.xLabel} ${fmt(c.x)}, ${d.yLabel} ${fmt(c.y)}: ${fmt(c.v)}` }),
      Plot.text(cells, { x: 'x', y: 'y', text: (c: (typeof cells)[number]) => fmt(c.v), fill: (c: (typeof cells)[number]) => ink(c.v) }),
    ],
  }));
  return frame(svg, {
    title: d.title,
    ramp: { label: (ctx.words ?? ENGLISH).say('report.chart.colour', { label: d.valueLabel }), colors: Array.from({ length: 20 }, (_, i) => color.apply(domain[0] + ((domain[1] - domain[0]) * i) / 19) as string), lo: fmt(lo), hi: fmt(hi) },
    yLabel: d.yLabel,
    xLabel: d.xLabel,
  }, ctx);
}
