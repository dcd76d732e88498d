// Fan chart: for each series the mean as a line and the 5–95 % band around it, over months (the
// fans of lab/summaries.ts). The report's runs over time and the explorer's Compare draw with it.
import type { Fan } from '../summaries.ts';
import { frame, type Chart, type ChartContext, DEFAULT_WIDTH } from './frame.ts';
import { linearAxis, Plot, plot, plotOptions } from './plot.ts';
import { seriesColor } from './style.ts';

export interface FanSeries extends Fan {
  /** Its colour; by default the palette's, in order. */
  color?: string;
}

export interface FanChartData {
  title: string;
  subtitle?: string;
  xLabel: string;
  /** The metric with its unit. */
  yLabel: string;
  series: FanSeries[];
  /** What the line and the band are, under the plot. */
  note?: string;
}

/** A plot height that suits the chart's width: flatter on wide screens, never too short on a phone. */
const plotHeight = (width: number): number => Math.round(Math.max(170, Math.min(280, width * 0.42)));

export function fanChart(d: FanChartData, ctx: ChartContext): Chart {
  const W = ctx.width ?? DEFAULT_WIDTH;
  const colors = d.series.map((s, i) => s.color ?? seriesColor(i));
  const rows = d.series.map((s) => s.x.map((x, j) => ({ x, mean: s.mean[j], low: s.low[j], high: s.high[j] })));
  const y = linearAxis(d.series.flatMap((s) => [...s.low, ...s.high, ...s.mean]), 6);
  const xs = d.series.flatMap((s) => s.x);
  const x = linearAxis(xs, Math.max(2, Math.floor(W / 80)));
  const xDomain: [number, number] = xs.length ? [Math.min(...xs), Math.max(...xs)] : [0, 1];
  const marks: Plot.Markish[] = [];
  if (y.domain[0] < 0 && y.domain[1] > 0) marks.push(Plot.ruleY([0], { stroke: '#888' }));
  d.series.forEach((s, i) => {
    const title = () => s.label;
    marks.push(
      Plot.areaY(rows[i], { x: 'x', y1: 'low', y2: 'high', fill: colors[i], fillOpacity: 0.18, title, className: 'band' }),
      Plot.lineY(rows[i], { x: 'x', y: 'mean', stroke: colors[i], strokeWidth: 2, title, className: 'mean' }),
    );
  });
  const svg = plot(plotOptions(ctx, plotHeight(W) + 34, {
    marginLeft: y.margin,
    x: { domain: xDomain, ticks: x.ticks.filter((t) => t >= xDomain[0] && t <= xDomain[1]) },
    y: { domain: y.domain, ticks: y.ticks, grid: true },
    marks,
  }));
  return frame(svg, {
    title: d.title,
    subtitle: d.subtitle,
    legend: d.series.map((s, i) => ({ label: s.label, color: colors[i], shape: 'band' as const })),
    yLabel: d.yLabel,
    xLabel: d.xLabel,
    notes: d.note ? [d.note] : [],
  }, ctx);
}
