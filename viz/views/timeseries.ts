// A time-series chart: lines, optional 90 % bands, a zero line (labelled when asked, where no line
// runs), numbered markers of changes with their legend under the chart, a hover crosshair, and a
// text summary for screen readers.
//
// Months are counted from 1: the value recorded in the run's month t (its row t, from 0) is drawn
// at x = t + 1, "month t + 1", so that after 60 months the last point is month 60, as the clock
// says. A change at tick t (a scheduled change or an intervention, applied from the run's row t on)
// is drawn at x = t: after the t-th month, between the last point without it and the first with it.
import * as d3 from 'd3';
import { fmt } from '../../lab/charts/style.ts';
import { textWidth } from '../../lab/charts/text.ts';
import type { Marker } from '../worker/api.ts';
import { axes, chartWidth, footerOf, frame, markers, MARGIN, plotHeightFor, stripFor, type Frame, type MarkLabels, type Svg } from './chart.ts';
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
  /** A range of values the y axis covers at least (a blank chart to sketch on: the room runs take). */
  yRange?: readonly [number, number];
}

/**
 * The y range of a blank index chart to sketch a prediction on (the handout before the run): the
 * room the index, form and substance take in runs of any bundled scenario at this horizon — about
 * −1.6 to +2.2 over 120 months (test/how-claims.test.ts) —, the same above and below zero, so that the
 * axis does not hint at the answer; a whole number at 120 months, so that the axis's ticks reach it
 * (test/browser-audit.test.ts). Longer runs reach further.
 */
export function sketchRange(ticks: number): [number, number] {
  const r = 3 * Math.sqrt(Math.max(1, ticks / 120));
  return [-r, r];
}

/** The x of the value recorded in the run's row `i`: months counted from 1 (see the module's comment). */
export const monthOf = (i: number): number => i + 1;

const ZERO_FONT = 10;

export function timeSeries(svg: Svg, data: TimeSeriesData): void {
  const W = chartWidth(svg);
  const x = d3.scaleLinear().domain([0, Math.max(1, data.ticks)]).range([0, W - MARGIN.left - MARGIN.right]);
  const last = Math.max(0, ...data.lines.map((l) => l.values.length));
  const f = frame(svg, {
    title: data.title, xLabel: data.xLabel, yLabel: data.yLabel, plotHeight: plotHeightFor(W),
    legend: data.lines.map((l) => ({ label: l.label, color: l.color, dash: l.dash })),
    strip: stripFor(data.marks, x), footer: footerOf(data.marks, data.markLabels), summary: summaryOf(data, last),
  });
  let lo = data.yRange?.[0] ?? 0, hi = data.yRange?.[1] ?? 0;
  for (const l of data.lines) {
    for (const arr of [l.values, l.lo, l.hi]) {
      if (!arr) continue;
      for (let i = 0; i < arr.length; i++) if (Number.isFinite(arr[i])) { lo = Math.min(lo, arr[i]); hi = Math.max(hi, arr[i]); }
    }
  }
  const pad = data.yRange ? 0 : (hi - lo) * 0.08 || 0.1;
  const none = last === 0;
  const y = d3.scaleLinear().domain(none && data.emptyDomain ? data.emptyDomain : [lo - pad, hi + pad]).nice().range([f.height, 0]);
  axes(f, x, y);
  f.g.selectAll('line.zero').data([0]).join('line').attr('class', 'zero')
    .attr('x1', 0).attr('x2', f.width).attr('y1', y(0)).attr('y2', y(0)).attr('stroke', '#999').attr('stroke-width', 1);
  const bands = data.lines.filter((l) => l.lo && l.hi);
  f.g.selectAll<SVGPathElement, Line>('path.band').data(bands, (d) => d.key).join('path').attr('class', 'band')
    .attr('fill', (d) => d.color).attr('fill-opacity', 0.18).attr('stroke', 'none')
    .attr('d', (d) => d3.area<number>().x((i) => x(monthOf(i))).y0((i) => y(d.lo![i])).y1((i) => y(d.hi![i]))(d3.range(d.lo!.length)));
  f.g.selectAll<SVGPathElement, Line>('path.line').data(data.lines, (d) => d.key).join('path').attr('class', 'line')
    .attr('fill', 'none').attr('stroke', (d) => d.color).attr('stroke-width', 2).attr('stroke-dasharray', (d) => d.dash ?? null)
    // A gap where a value is not a number (an SO not yet founded, a month without a standing).
    .attr('d', (d) => d3.line<number>().defined((i) => Number.isFinite(d.values[i])).x((i) => x(monthOf(i))).y((i) => y(d.values[i]))(d3.range(d.values.length)));
  markers(f, x, data.marks);
  zeroLabel(f, x, y, data);
  f.g.selectAll('text.empty').data(none && data.empty ? [data.empty] : []).join('text').attr('class', 'empty')
    .attr('x', f.width / 2).attr('y', f.height * 0.28).attr('text-anchor', 'middle').attr('font-size', 13).attr('fill', '#555').text((d) => d);
  crosshair(f, x, y, data.lines, data.markLabels.month, data.markLabels.band, monthOf(0));
}

/** The chart in words: the last month shown and each line's value then (or the empty chart's hint). */
export function summaryOf(data: TimeSeriesData, last = Math.max(0, ...data.lines.map((l) => l.values.length))): string | undefined {
  if (last === 0) return data.empty;
  const values = data.lines.filter((l) => l.values.length === last).map((l) => ({ label: l.label, value: fmt(l.values[last - 1]) }));
  const month = data.markLabels.month(monthOf(last - 1));
  return data.markLabels.summary ? data.markLabels.summary(month, values) : `${month}: ${values.map((v) => `${v.label} ${v.value}`).join(', ')}`;
}

/** Does the segment from (x0, y0) to (x1, y1) pass through the box? (Liang–Barsky clipping.) */
function crosses(x0: number, y0: number, x1: number, y1: number, box: { left: number; right: number; top: number; bottom: number }): boolean {
  const dx = x1 - x0, dy = y1 - y0;
  let t0 = 0, t1 = 1;
  for (const [p, q] of [[-dx, x0 - box.left], [dx, box.right - x0], [-dy, y0 - box.top], [dy, box.bottom - y0]]) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return false;
  }
  return true;
}

/**
 * The zero line's meaning, where no line runs: on the zero line at its right or left end, above or
 * below it, or — when lines run there — a row or more away from it (the text says "0 = …"), the
 * nearest place the fewest lines and markers cross; drawn over the lines with a white halo.
 */
function zeroLabel(f: Frame, x: d3.ScaleLinear<number, number>, y: d3.ScaleLinear<number, number>, data: TimeSeriesData): void {
  const text = data.zeroLabel;
  const label = f.g.selectAll<SVGTextElement, string>('text.zero-label').data(text ? [text] : []).join('text').attr('class', 'zero-label');
  if (!text) return;
  const w = textWidth(text, ZERO_FONT) + 4;
  const y0 = y(0);
  const ROWS = 6;
  const spots = Array.from({ length: ROWS + 1 }, (_, k) => [
    { anchor: 'end', x: f.width - 4, base: y0 - 4 - k * (ZERO_FONT + 2) },
    { anchor: 'end', x: f.width - 4, base: y0 + ZERO_FONT + 3 + k * (ZERO_FONT + 2) },
    { anchor: 'start', x: 4, base: y0 - 4 - k * (ZERO_FONT + 2) },
    { anchor: 'start', x: 4, base: y0 + ZERO_FONT + 3 + k * (ZERO_FONT + 2) },
  ]).flat().filter((s) => s.base - ZERO_FONT >= 0 && s.base <= f.height);
  const lines = data.lines.map((l) => Array.from(l.values, (v, i) => [x(monthOf(i)), y(v)] as const).filter(([, py]) => Number.isFinite(py)));
  const crossings = (s: (typeof spots)[number]) => {
    const box = { left: s.anchor === 'end' ? s.x - w : s.x, right: s.anchor === 'end' ? s.x : s.x + w, top: s.base - ZERO_FONT - 1, bottom: s.base + 3 };
    let n = 0;
    for (const pts of lines) for (let i = 1; i < pts.length; i++) if (crosses(pts[i - 1][0], pts[i - 1][1], pts[i][0], pts[i][1], box)) n++;
    // A marker's dotted line crosses the whole plot.
    return n + data.marks.filter((m) => x(m.tick) >= box.left && x(m.tick) <= box.right).length;
  };
  let spot = spots[0] ?? { anchor: 'end', x: f.width - 4, base: y0 - 4 };
  let fewest = Infinity;
  for (const s of spots) {
    const n = crossings(s);
    if (n < fewest) [spot, fewest] = [s, n];
    if (n === 0) break;
  }
  label.attr('x', spot.x).attr('y', spot.base).attr('text-anchor', spot.anchor).attr('font-size', ZERO_FONT).attr('fill', '#444')
    .attr('stroke', '#fff').attr('stroke-width', 3).attr('paint-order', 'stroke').text((d) => d).raise();
}
