// What every chart asks of Observable Plot: the caller's document, the chart's width, no axis
// labels of Plot's own (the frame writes them, wrapped, with units), the one number format on the
// ticks, and domains that stay readable when the data are flat.
import * as Plot from '@observablehq/plot';
import { scaleLinear } from 'd3-scale';
import { DEFAULT_WIDTH, type ChartContext } from './frame.ts';
import { fmt } from './style.ts';
import { textWidth } from './text.ts';

export { Plot };

/** Plot's options for a chart of this context: size, margins and number format; `options` may override any. */
export function plotOptions(ctx: ChartContext, height: number, options: Plot.PlotOptions): Plot.PlotOptions {
  return {
    document: ctx.document,
    width: ctx.width ?? DEFAULT_WIDTH,
    height,
    marginTop: 8,
    marginRight: 18,
    marginBottom: 26,
    ...options,
    x: { label: null, tickFormat: fmt, ...options.x },
    y: { label: null, tickFormat: fmt, ...options.y },
  };
}

/** Plot's SVG for these options (no title, caption or legend of Plot's own: never a figure). */
export const plot = (options: Plot.PlotOptions): SVGSVGElement & Plot.Plot => Plot.plot(options) as SVGSVGElement & Plot.Plot;

/** Extent of the finite values, widened when flat so that a constant series still gets an axis. */
function extent(values: Iterable<number>): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  if (lo === Infinity) return [0, 1];
  if (lo === hi) return [lo - (Math.abs(lo) || 1) * 0.1, hi + (Math.abs(hi) || 1) * 0.1];
  return [lo, hi];
}

/** A linear axis: its domain widened to nice round ticks, the ticks, and the room their labels need. */
export function linearAxis(values: Iterable<number>, count: number): { domain: [number, number]; ticks: number[]; margin: number } {
  const s = scaleLinear().domain(extent(values)).nice(count);
  const ticks = s.ticks(count);
  return { domain: s.domain() as [number, number], ticks, margin: Math.ceil(Math.max(24, ...ticks.map((t) => textWidth(fmt(t)))) + 14) };
}
