// Shared pieces of every chart: the frame (title, legend, axes with units, footer), numbered markers
// of interventions and scheduled changes, and the data table behind each chart. Views are
// functions (svg, data) → void.
//
// A chart is drawn at the width it is shown at (the figure writes it to the SVG's `data-w`), so that
// one unit of the viewBox is one CSS pixel and text stays at its size on a phone. The legend and the
// footer are laid out first and the plot placed between them: nothing overprints the plot. An
// exported figure is redrawn at a fixed width with its provenance line (`data-provenance`).
import * as d3 from 'd3';
import { fmt, FONT, PALETTE } from '../../lab/charts/style.ts';
import { textWidth, wrap } from '../../lab/charts/text.ts';
import type { Marker } from '../worker/api.ts';

// The palette and the number format are the report's (lab/charts/style.ts): one of each.
export { PALETTE, fmt };

/** The width a chart is drawn at when nothing else is known, and the width of exported figures. */
export const WIDTH = 640;
export const MARGIN = { left: 56, right: 16 };
const ROW = 15;
/** Markers are drawn in ink, dotted: no data line is dotted or drawn in this grey. */
export const MARK_INK = '#333333';

export type Svg = d3.Selection<SVGSVGElement, unknown, null, undefined>;
export type G = d3.Selection<SVGGElement, unknown, null, undefined>;

export interface Frame {
  g: G;
  /** Width and height of the plotting area. */
  width: number;
  height: number;
  /** Width of the whole chart. */
  total: number;
}

export interface LegendItem {
  label: string;
  color: string;
  dash?: string;
  shape?: 'line' | 'dot' | 'box' | 'square' | 'circle' | 'bar';
}

/** A numbered marker's line in the footer. */
export interface FooterItem {
  n: number;
  kind: Marker['kind'];
  text: string;
}

export interface FrameSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  legend: LegendItem[];
  /** Height of the plotting area. */
  plotHeight: number;
  /** Room above the plot for marker badges. */
  strip?: number;
  footer?: FooterItem[];
  /** Plot margins other than the default. */
  left?: number;
  right?: number;
  /** What the chart shows, in a sentence or two: its text for screen readers (`<desc>`). */
  summary?: string;
}

/** Narrower than this, a chart is drawn at this width and scaled down. */
const MIN_WIDTH = 280;

/** The width this chart is drawn at (see the module's comment). */
export function chartWidth(svg: Svg): number {
  return Math.max(MIN_WIDTH, Number(svg.node()!.dataset.w) || WIDTH);
}

/** A plot height that suits the chart's width: flatter on wide screens, never too short on a phone. */
export function plotHeightFor(width: number, ratio = 0.42, min = 170, max = 280): number {
  return Math.round(Math.max(min, Math.min(max, width * ratio)));
}

/** Legend items in rows that wrap at the chart's width. */
function layoutLegend(items: LegendItem[], width: number): { placed: (LegendItem & { x: number; row: number })[]; rows: number } {
  let x = 8;
  let row = 0;
  const placed = items.map((item) => {
    const w = 32 + textWidth(item.label);
    if (x > 8 && x + w > width - 8) { x = 8; row++; }
    const at = { ...item, x, row };
    x += w;
    return at;
  });
  return { placed, rows: items.length ? row + 1 : 0 };
}

function join<E extends SVGElement>(parent: Svg | G, tag: string, cls: string) {
  return (parent as unknown as d3.Selection<SVGElement, unknown, null, undefined>).selectAll<E, null>(`${tag}.${cls}`).data([null]).join(tag).attr('class', cls) as unknown as d3.Selection<E, unknown, null, undefined>;
}

/** Text in several lines (tspans), at x, from y, `ROW` apart. */
function lines(sel: d3.Selection<SVGTextElement, unknown, null, undefined>, rows: string[], x: number, gap = ROW): void {
  sel.selectAll('tspan').data(rows).join('tspan').attr('x', x).attr('dy', (_, i) => (i ? gap : 0)).text((d) => d);
}

/**
 * The chart's frame: viewBox, title (also the accessible name), legend, axis labels, footer of
 * numbered markers and the provenance line of an exported figure.
 */
export function frame(svg: Svg, spec: FrameSpec): Frame {
  const W = chartWidth(svg);
  const left = spec.left ?? MARGIN.left, right = spec.right ?? MARGIN.right;
  svg.attr('role', 'img').attr('font-family', FONT.family).attr('font-size', FONT.size);
  // Only the chart's own title: the map's cells have <title>s of their own.
  svg.selectChildren('title').data([spec.title]).join('title').text((d) => d);
  describe(svg, spec.summary);
  const titleRows = wrap(spec.title, W - 16, 14);
  lines(join<SVGTextElement>(svg, 'text', 'chart-title').attr('x', 8).attr('y', 19).attr('font-size', 14).attr('font-weight', 600), titleRows, 8, 17);
  let y = 19 + (titleRows.length - 1) * 17 + 17;
  const { placed, rows } = layoutLegend(spec.legend, W);
  drawLegend(svg, placed, y);
  y += rows * ROW + (spec.strip ?? 0) + 8;
  const top = y;
  const width = W - left - right;
  const height = spec.plotHeight;
  const g = join<SVGGElement>(svg, 'g', 'plot').attr('transform', `translate(${left},${top})`) as unknown as G;
  y = top + height + 22;
  const xRows = spec.xLabel ? wrap(spec.xLabel, W - 16) : [];
  lines(join<SVGTextElement>(svg, 'text', 'x-label').attr('y', y + 12).attr('text-anchor', 'middle'), xRows, xRows.length > 1 ? W / 2 : left + width / 2, 14);
  y += xRows.length ? 18 + (xRows.length - 1) * 14 : 0;
  join<SVGTextElement>(svg, 'text', 'y-label').attr('transform', `translate(13,${top + height / 2}) rotate(-90)`).attr('text-anchor', 'middle').text(spec.yLabel);
  y = drawFooter(svg, spec.footer ?? [], W, y);
  const provenance = svg.node()!.dataset.provenance;
  const prov = provenance ? wrap(provenance, W - 16, 9.5) : [];
  lines(join<SVGTextElement>(svg, 'text', 'provenance').attr('y', y + 14).attr('font-size', 9.5).attr('fill', '#444'), prov, 8, 13);
  y += prov.length * 13 + 8;
  svg.attr('viewBox', `0 0 ${W} ${Math.ceil(y)}`);
  return { g, width, height, total: W };
}

/** The chart's text summary (its `<desc>`, read after its title), or none. */
export function describe(svg: Svg, summary: string | undefined): void {
  svg.selectChildren('desc').data(summary ? [summary] : []).join('desc').text((d) => d);
}

function drawLegend(svg: Svg, placed: (LegendItem & { x: number; row: number })[], y0: number): void {
  const g = join<SVGGElement>(svg, 'g', 'legend');
  const item = g.selectAll<SVGGElement, (typeof placed)[number]>('g.item').data(placed).join('g').attr('class', 'item')
    .attr('transform', (d) => `translate(${d.x},${y0 + d.row * ROW})`);
  item.each(function (d) {
    const it = d3.select(this);
    it.selectAll('*').remove();
    const shape = d.shape ?? 'line';
    if (shape === 'line') it.append('line').attr('x1', 0).attr('x2', 18).attr('y1', -4).attr('y2', -4).attr('stroke', d.color).attr('stroke-width', 2.5).attr('stroke-dasharray', d.dash ?? null);
    else if (shape === 'dot' || shape === 'circle') it.append('circle').attr('cx', 8).attr('cy', -4).attr('r', 5).attr('fill', shape === 'dot' ? d.color : '#fff').attr('stroke', d.color).attr('stroke-width', 1.5);
    else if (shape === 'bar') it.append('rect').attr('x', 5).attr('y', -10).attr('width', 7).attr('height', 12).attr('fill', d.color);
    else it.append('rect').attr('x', 2).attr('y', -9).attr('width', 11).attr('height', 10).attr('fill', shape === 'box' ? d.color : '#fff').attr('stroke', shape === 'box' ? 'none' : d.color).attr('stroke-width', 1.5);
    it.append('text').attr('x', 22).attr('y', 0).text(d.label);
  });
}

/** A marker's badge: a black disc for an intervention, a white square for a scheduled change. */
function badge(sel: d3.Selection<SVGGElement, unknown, null, undefined>, n: number, kind: Marker['kind']): void {
  sel.selectAll('*').remove();
  if (kind === 'intervention') sel.append('circle').attr('r', 7.5).attr('fill', MARK_INK);
  else sel.append('rect').attr('x', -7).attr('y', -7).attr('width', 14).attr('height', 14).attr('fill', '#fff').attr('stroke', MARK_INK).attr('stroke-width', 1.5);
  sel.append('text').attr('text-anchor', 'middle').attr('y', 3.5).attr('font-size', 10).attr('font-weight', 700)
    .attr('fill', kind === 'intervention' ? '#fff' : MARK_INK).text(String(n));
}

function drawFooter(svg: Svg, items: FooterItem[], W: number, y0: number): number {
  const g = join<SVGGElement>(svg, 'g', 'mark-legend');
  let y = y0 + 6;
  const placed = items.map((it) => {
    const rows = wrap(it.text, W - 40, 10.5);
    const at = { ...it, y: y + 10, rows };
    y += rows.length * 14 + 4;
    return at;
  });
  g.selectAll<SVGGElement, (typeof placed)[number]>('g.entry').data(placed).join('g').attr('class', 'entry')
    .attr('transform', (d) => `translate(0,${d.y})`)
    .each(function (d) {
      const e = d3.select(this);
      e.selectAll('*').remove();
      badge(e.append('g').attr('transform', 'translate(16,-4)'), d.n, d.kind);
      lines(e.append('text').attr('y', 0).attr('font-size', 10.5), d.rows, 30, 14);
    });
  return items.length ? y : y0;
}

export function axes(f: Frame, x: d3.AxisScale<number>, y: d3.AxisScale<number>): void {
  f.g.selectAll<SVGGElement, null>('g.x-axis').data([null]).join('g').attr('class', 'x-axis')
    .attr('transform', `translate(0,${f.height})`).call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(f.width / 70))) as never);
  f.g.selectAll<SVGGElement, null>('g.y-axis').data([null]).join('g').attr('class', 'y-axis').call(d3.axisLeft(y).ticks(Math.max(3, Math.floor(f.height / 40))) as never);
}

/** Words of the markers; `param` names a parameter (its identifier by default). */
export interface MarkLabels {
  intervention: string;
  scheduled: string;
  /** "Month 6", in the page's language. */
  month: (tick: number) => string;
  /** A band's limits in the hover read-out, "band 5–95 %: 0.1 to 0.3", in the page's language. */
  band?: (lo: string, hi: string) => string;
  param?: (name: string) => string;
  /** The scheduled change's note, in the page's language. */
  note?: (m: Marker) => string | undefined;
  /** The footer's line of a marker: "Month 36 · scheduled change: note (values)", punctuated for the language. */
  line?: (month: string, kind: string, what: string, note?: string) => string;
  /** A time chart's text summary: the last month shown and each line's value then, in the page's language. */
  summary?: (month: string, values: { label: string; value: string }[]) => string;
}

/** Markers numbered in time order, as the badges and the footer show them. */
export function numbered(marks: Marker[]): (Marker & { n: number })[] {
  return [...marks].sort((a, b) => a.tick - b.tick || (a.kind === b.kind ? 0 : a.kind === 'schedule' ? -1 : 1)).map((m, i) => ({ ...m, n: i + 1 }));
}

export function footerOf(marks: Marker[], labels: MarkLabels): FooterItem[] {
  return numbered(marks).map((m) => {
    const values = Object.entries(m.set).map(([k, v]) => `${labels.param?.(k) ?? k} ${v}`).join(', ');
    const note = labels.note?.(m);
    const kind = m.kind === 'intervention' ? labels.intervention : labels.scheduled;
    const text = labels.line ? labels.line(labels.month(m.tick), kind, values, note) : `${labels.month(m.tick)} · ${kind}: ${note ? `${note} (${values})` : values}`;
    return { n: m.n, kind: m.kind, text };
  });
}

/** Rows of badges so that none overlaps another: a badge goes up a row when its neighbour is too close. */
export function badgeRows(xs: number[]): number[] {
  const ends: number[] = [];
  return xs.map((x) => {
    let row = ends.findIndex((end) => x - end >= 17);
    if (row < 0) row = ends.length;
    ends[row] = x;
    return row;
  });
}

/** Vertical dotted marks with numbered badges above the plot. */
export function markers(f: Frame, x: d3.ScaleLinear<number, number>, marks: Marker[]): void {
  const list = numbered(marks);
  const rows = badgeRows(list.map((m) => x(m.tick)));
  const data = list.map((m, i) => ({ ...m, row: rows[i] }));
  const sel = f.g.selectAll<SVGGElement, (typeof data)[number]>('g.marker').data(data, (d) => `${d.kind}:${d.tick}`)
    .join((enter) => {
      const e = enter.append('g').attr('class', 'marker');
      e.append('line');
      e.append('g').attr('class', 'badge');
      return e;
    });
  sel.attr('transform', (d) => `translate(${x(d.tick)},0)`).attr('data-kind', (d) => d.kind);
  sel.select('line').attr('y1', (d) => -10 - d.row * 17).attr('y2', f.height).attr('stroke', MARK_INK)
    .attr('stroke-width', 1.6).attr('stroke-dasharray', '0.1 3.5').attr('stroke-linecap', 'round');
  sel.select<SVGGElement>('g.badge').attr('transform', (d) => `translate(0,${-10 - d.row * 17})`).each(function (d) { badge(d3.select(this), d.n, d.kind); });
}

/** Room above the plot for the badges of these markers. */
export function stripFor(marks: Marker[], x: (tick: number) => number): number {
  if (!marks.length) return 0;
  return (Math.max(...badgeRows(numbered(marks).map((m) => x(m.tick)))) + 1) * 17 + 4;
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
