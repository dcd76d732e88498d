// A time-series chart: lines, optional 90 % bands, a zero line (labelled when asked), numbered
// markers of changes with their legend under the chart, and a hover crosshair.
import * as d3 from 'd3';
import type { Marker } from '../worker/api.ts';
import { axes, chartWidth, footerOf, frame, markers, MARGIN, plotHeightFor, stripFor, type MarkLabels, type Svg } from './chart.ts';
import { crosshair } from './crosshair.ts';

export interface Line {
  key: string;
  label: string;
  color: string;
  dash?: string;
  values: ArrayLike<number>;
  /** Optional band: lower and upper bounds per tick. */
  lo?: ArrayLike<number>;
  hi?: ArrayLike<number>;
}

export interface TimeSeriesData {
  title: string;
  xLabel: string;
  yLabel: string;
  ticks: number;
  lines: Line[];
  marks: Marker[];
  markLabels: MarkLabels;
  /** Shown while there is no data yet. */
  empty?: string;
  /** A label on the zero line, e.g. what zero means for the index. */
  zeroLabel?: string;
  /** The values' axis while there is no data (a handout's blank chart, to sketch on). */
  emptyDomain?: [number, number];
}

export function timeSeries(svg: Svg, data: TimeSeriesData): void {
  const W = chartWidth(svg);
  const x = d3.scaleLinear().domain([0, Math.max(1, data.ticks - 1)]).range([0, W - MARGIN.left - MARGIN.right]);
  const f = frame(svg, {
    title: data.title, xLabel: data.xLabel, yLabel: data.yLabel, plotHeight: plotHeightFor(W),
    legend: data.lines.map((l) => ({ label: l.label, color: l.color, dash: l.dash })),
    strip: stripFor(data.marks, x), footer: footerOf(data.marks, data.markLabels),
  });
  let lo = 0, hi = 0;
  for (const l of data.lines) {
    for (const arr of [l.values, l.lo, l.hi]) {
      if (!arr) continue;
      for (let i = 0; i < arr.length; i++) if (Number.isFinite(arr[i])) { lo = Math.min(lo, arr[i]); hi = Math.max(hi, arr[i]); }
    }
  }
  const pad = (hi - lo) * 0.08 || 0.1;
  const none = data.lines.every((l) => l.values.length === 0);
  const y = d3.scaleLinear().domain(none && data.emptyDomain ? data.emptyDomain : [lo - pad, hi + pad]).nice().range([f.height, 0]);
  axes(f, x, y);
  f.g.selectAll('line.zero').data([0]).join('line').attr('class', 'zero')
    .attr('x1', 0).attr('x2', f.width).attr('y1', y(0)).attr('y2', y(0)).attr('stroke', '#999').attr('stroke-width', 1);
  // The zero line's meaning, at its right end, over a white halo so that lines never hide it.
  f.g.selectAll('text.zero-label').data(data.zeroLabel ? [data.zeroLabel] : []).join('text').attr('class', 'zero-label')
    .attr('x', f.width - 4).attr('y', y(0) - 4).attr('text-anchor', 'end').attr('font-size', 10).attr('fill', '#444')
    .attr('stroke', '#fff').attr('stroke-width', 3).attr('paint-order', 'stroke').text((d) => d);
  const bands = data.lines.filter((l) => l.lo && l.hi);
  f.g.selectAll<SVGPathElement, Line>('path.band').data(bands, (d) => d.key).join('path').attr('class', 'band')
    .attr('fill', (d) => d.color).attr('fill-opacity', 0.18).attr('stroke', 'none')
    .attr('d', (d) => d3.area<number>().x((i) => x(i)).y0((i) => y(d.lo![i])).y1((i) => y(d.hi![i]))(d3.range(d.lo!.length)));
  f.g.selectAll<SVGPathElement, Line>('path.line').data(data.lines, (d) => d.key).join('path').attr('class', 'line')
    .attr('fill', 'none').attr('stroke', (d) => d.color).attr('stroke-width', 2).attr('stroke-dasharray', (d) => d.dash ?? null)
    // A gap where a value is not a number (an SO not yet founded, a month without a standing).
    .attr('d', (d) => d3.line<number>().defined((i) => Number.isFinite(d.values[i])).x((i) => x(i)).y((i) => y(d.values[i]))(d3.range(d.values.length)));
  markers(f, x, data.marks);
  f.g.selectAll('text.empty').data(none && data.empty ? [data.empty] : []).join('text').attr('class', 'empty')
    .attr('x', f.width / 2).attr('y', f.height * 0.28).attr('text-anchor', 'middle').attr('font-size', 13).attr('fill', '#555').text((d) => d);
  crosshair(f, x, y, data.lines, data.markLabels.month);
}
