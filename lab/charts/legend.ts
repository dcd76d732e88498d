// A chart's keys: legend items (swatch and label) in rows that wrap at the chart's width, and a
// colour ramp with the values at its ends.
import { el, ROW, X0 } from './svg.ts';
import { textWidth, wrap } from './text.ts';

export interface LegendItem {
  label: string;
  color: string;
  /** line: a line; band: a fan's band and its line; box: a filled bar; dot: a point. */
  shape?: 'line' | 'band' | 'box' | 'dot';
  /** A dashed line's pattern. */
  dash?: string;
}

/** A colour ramp's key (a heatmap's): its label, colours from low to high, and the values at its ends. */
export interface Ramp {
  label: string;
  colors: string[];
  lo: string;
  hi: string;
}

function swatch(doc: Document, item: LegendItem): SVGElement {
  const g = el(doc, 'g', {});
  const shape = item.shape ?? 'line';
  if (shape === 'band') g.appendChild(el(doc, 'rect', { x: 0, y: -10, width: 18, height: 12, fill: item.color, 'fill-opacity': 0.25 }));
  if (shape === 'box') g.appendChild(el(doc, 'rect', { x: 2, y: -9, width: 12, height: 10, fill: item.color }));
  if (shape === 'dot') g.appendChild(el(doc, 'circle', { cx: 8, cy: -4, r: 4.5, fill: item.color }));
  if (shape === 'line' || shape === 'band') g.appendChild(el(doc, 'line', { x1: 0, x2: 18, y1: -4, y2: -4, stroke: item.color, 'stroke-width': 2.5, ...(item.dash ? { 'stroke-dasharray': item.dash } : {}) }));
  return g;
}

/** Legend items in rows that wrap at the chart's width; returns its height. */
export function legend(svg: SVGElement, items: LegendItem[], width: number, y0: number): number {
  if (!items.length) return 0;
  const doc = svg.ownerDocument;
  const g = svg.appendChild(el(doc, 'g', { class: 'legend' }));
  let x = X0, row = 0;
  for (const item of items) {
    // A label wider than the chart (a design point's values on a phone) is wrapped on rows of its own.
    const lines = 30 + textWidth(item.label) > width - 2 * X0 ? wrap(item.label, width - 2 * X0 - 30) : [item.label];
    const w = 30 + Math.max(...lines.map((l) => textWidth(l)));
    if (x > X0 && (lines.length > 1 || x + w > width - X0)) [x, row] = [X0, row + 1];
    const it = g.appendChild(el(doc, 'g', { class: 'item', transform: `translate(${x},${y0 + 11 + row * ROW})` }));
    it.appendChild(swatch(doc, item));
    lines.forEach((l, i) => it.appendChild(el(doc, 'text', { x: 24, y: i * ROW }, l)));
    row += lines.length - 1;
    x = lines.length > 1 ? width : x + w;
  }
  return (row + 1) * ROW + 4;
}

/** A colour ramp's key: its label, then the low value, the colours and the high value (wrapped under the label when narrow). */
export function ramp(svg: SVGElement, r: Ramp, width: number, y0: number): number {
  const doc = svg.ownerDocument;
  const g = svg.appendChild(el(doc, 'g', { class: 'ramp' }));
  const label = r.label;
  const bar = 150, need = textWidth(label) + textWidth(r.lo) + textWidth(r.hi) + bar + 30;
  const [x0, y] = need <= width - 2 * X0 ? [X0 + textWidth(label) + 8, y0 + 4] : [X0, y0 + 4 + ROW];
  g.appendChild(el(doc, 'text', { x: X0, y: y0 + 4 }, label));
  g.appendChild(el(doc, 'text', { x: x0, y }, r.lo));
  const bx = x0 + textWidth(r.lo) + 6, step = bar / r.colors.length;
  r.colors.forEach((c, i) => g.appendChild(el(doc, 'rect', { x: bx + i * step, y: y - 10, width: step + 0.5, height: 12, fill: c })));
  g.appendChild(el(doc, 'text', { x: bx + bar + 6, y }, r.hi));
  return y - y0 + ROW;
}
