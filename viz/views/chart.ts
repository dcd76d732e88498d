// Shared pieces of every chart: frame (title, axes with units), legend, markers of interventions,
// and the data table behind each chart. Views are functions (svg, data) → void.
import * as d3 from 'd3';
import type { Marker } from '../worker/api.ts';

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = {
  orange: '#E69F00', sky: '#56B4E9', green: '#009E73', yellow: '#F0E442',
  blue: '#0072B2', vermillion: '#D55E00', purple: '#CC79A7', black: '#000000', grey: '#777777',
};

export const WIDTH = 560;
export const HEIGHT = 320;
export const MARGIN = { top: 52, right: 16, bottom: 42, left: 56 };

export type Svg = d3.Selection<SVGSVGElement, unknown, null, undefined>;
export type G = d3.Selection<SVGGElement, unknown, null, undefined>;

export interface Frame {
  g: G;
  width: number;
  height: number;
}

/** Words of the intervention and schedule markers; `param` names a parameter (its identifier by default). */
export interface MarkLabels {
  intervention: string;
  scheduled: string;
  param?: (name: string) => string;
}

/** The chart's frame: viewBox, title (also the accessible name), axis labels. */
export function frame(svg: Svg, title: string, xLabel: string, yLabel: string, height = HEIGHT): Frame {
  svg.attr('viewBox', `0 0 ${WIDTH} ${height}`).attr('role', 'img').attr('font-family', 'system-ui, sans-serif').attr('font-size', 11);
  // Only the chart's own title: the map's cells have <title>s of their own.
  svg.selectChildren('title').data([title]).join('title').text((d) => d);
  svg.selectAll('text.chart-title').data([title]).join('text').attr('class', 'chart-title')
    .attr('x', 8).attr('y', 18).attr('font-size', 14).attr('font-weight', 600).text((d) => d);
  const g = svg.selectAll<SVGGElement, null>('g.plot').data([null]).join('g').attr('class', 'plot')
    .attr('transform', `translate(${MARGIN.left},${MARGIN.top})`) as unknown as G;
  const width = WIDTH - MARGIN.left - MARGIN.right;
  const h = height - MARGIN.top - MARGIN.bottom;
  svg.selectAll('text.x-label').data([xLabel]).join('text').attr('class', 'x-label')
    .attr('x', MARGIN.left + width / 2).attr('y', height - 6).attr('text-anchor', 'middle').text((d) => d);
  svg.selectAll('text.y-label').data([yLabel]).join('text').attr('class', 'y-label')
    .attr('transform', `translate(12,${MARGIN.top + h / 2}) rotate(-90)`).attr('text-anchor', 'middle').text((d) => d);
  return { g, width, height: h };
}

export function axes(f: Frame, x: d3.AxisScale<number>, y: d3.AxisScale<number>): void {
  f.g.selectAll<SVGGElement, null>('g.x-axis').data([null]).join('g').attr('class', 'x-axis')
    .attr('transform', `translate(0,${f.height})`).call(d3.axisBottom(x).ticks(6) as never);
  f.g.selectAll<SVGGElement, null>('g.y-axis').data([null]).join('g').attr('class', 'y-axis').call(d3.axisLeft(y).ticks(5) as never);
}

/** Approximate width of a label at 11 px: CJK characters are about twice as wide as Latin ones. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 11 : 6.2;
  return w;
}

export interface LegendItem {
  label: string;
  color: string;
  dash?: string;
  shape?: 'line' | 'dot' | 'box';
}

/** A legend in one row (wrapping) under the title. */
export function legend(svg: Svg, items: LegendItem[], y = 34): void {
  let x = 8;
  let row = 0;
  const placed = items.map((item) => {
    const w = 24 + textWidth(item.label);
    if (x + w > WIDTH - 8) { x = 8; row++; }
    const at = { ...item, x, y: y + row * 13 };
    x += w;
    return at;
  });
  const g = svg.selectAll<SVGGElement, null>('g.legend').data([null]).join('g').attr('class', 'legend');
  const item = g.selectAll<SVGGElement, (typeof placed)[number]>('g.item').data(placed).join((enter) => {
    const e = enter.append('g').attr('class', 'item');
    e.append('line');
    e.append('text');
    return e;
  }).attr('transform', (d) => `translate(${d.x},${d.y})`);
  item.select('line').attr('x1', 0).attr('x2', 16).attr('y1', -4).attr('y2', -4).attr('stroke', (d) => d.color)
    .attr('stroke-width', (d) => (d.shape === 'box' || d.shape === 'dot' ? 8 : 2.5)).attr('stroke-dasharray', (d) => d.dash ?? null)
    .attr('stroke-linecap', (d) => (d.shape === 'dot' ? 'round' : 'butt'));
  item.select('text').attr('x', 20).attr('y', 0).text((d) => d.label);
}

/** Vertical marks of scheduled changes and interventions on a time axis. */
export function markers(f: Frame, x: d3.ScaleLinear<number, number>, marks: Marker[], labels: MarkLabels): void {
  const sel = f.g.selectAll<SVGGElement, Marker>('g.marker').data(marks, (d) => `${d.kind}:${d.tick}:${Object.keys(d.set).join()}`)
    .join((enter) => {
      const e = enter.append('g').attr('class', 'marker');
      e.append('line');
      e.append('text');
      return e;
    });
  sel.attr('transform', (d) => `translate(${x(d.tick)},0)`);
  sel.select('line').attr('y1', 0).attr('y2', f.height).attr('stroke', (d) => (d.kind === 'intervention' ? PALETTE.vermillion : PALETTE.purple))
    .attr('stroke-width', 1.5).attr('stroke-dasharray', '4 3');
  sel.select('text').attr('x', 3).attr('y', 10).attr('font-size', 10).attr('fill', (d) => (d.kind === 'intervention' ? PALETTE.vermillion : PALETTE.purple))
    .text((d) => `${d.kind === 'intervention' ? labels.intervention : labels.scheduled}: ${Object.entries(d.set).map(([k, v]) => `${labels.param?.(k) ?? k} ${v}`).join(', ')}`);
}

/** The data behind a chart, as a real table: read by screen readers, opened by anyone. */
export function dataTable(container: HTMLElement, caption: string, headers: string[], rows: (string | number)[][]): void {
  const table = container.querySelector('table') ?? container.appendChild(document.createElement('table'));
  table.replaceChildren();
  const cap = table.createCaption();
  cap.textContent = caption;
  const head = table.createTHead().insertRow();
  for (const h of headers) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h;
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const r of rows) {
    const tr = body.insertRow();
    for (const v of r) tr.insertCell().textContent = typeof v === 'number' ? fmt(v) : v;
  }
}

export function fmt(v: number): string {
  if (!Number.isFinite(v)) return '—';
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(3);
}
