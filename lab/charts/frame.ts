// The frame around a plot Observable Plot drew: title, subtitle, legend, axis labels with units,
// notes and the provenance line, all in one SVG (so that it can be inlined in the report and
// exported from the explorer as it is). Text is laid out first and the plot placed between, so
// nothing overprints it; long lines wrap to the chart's width. The document is the caller's: the
// browser's, or linkedom's in Node (lab/ never touches a global DOM).
import type { Plot, Scale, ScaleName } from '@observablehq/plot';
import { legend, ramp, type LegendItem, type Ramp } from './legend.ts';
import { el, SVG, X0 } from './svg.ts';
import { FONT } from './style.ts';
import { textWidth, wrap } from './text.ts';
import type { Words } from './words.ts';

/** Bold text is about this much wider than regular text. */
const BOLD = 1.1;

/** Where a chart is drawn: the document to build it in, and its width in px (one unit of its viewBox). */
export interface ChartContext {
  document: Document;
  width?: number;
  /** A line of provenance at the foot (an exported figure's scenario, seeds and version). */
  provenance?: string;
  /** The words of its legends and notes, and of the report's titles: English (words.ts's ENGLISH) unless given. */
  words?: Words;
}

export interface FrameOptions {
  title: string;
  subtitle?: string;
  legend?: LegendItem[];
  /** The vertical axis's label, with its unit: above the plot, horizontal, wrapped. */
  yLabel?: string;
  /** The horizontal axis's label, with its unit: under the plot. */
  xLabel?: string;
  /** Lines of explanation under the plot. */
  notes?: string[];
  /** A colour ramp's key (a heatmap's): its label, colours from low to high, and the values at its ends. */
  ramp?: Ramp;
}

/** A chart: one SVG element, its plot's scales (as Plot gives them) and the plot area within it. */
export type Chart = SVGSVGElement & {
  scale(name: ScaleName): Scale | undefined;
  /** The plotting area (inside the margins), in the chart's coordinates. */
  area: { left: number; top: number; width: number; height: number };
};

export const DEFAULT_WIDTH = 640;

/** Lines of text, each its own <text> (so that a title reads whole when its lines are joined). */
function textLines(svg: SVGElement, rows: string[], y: number, cls: string, px: number, gap: number, extra: Record<string, string | number> = {}): number {
  rows.forEach((r, i) => svg.appendChild(el(svg.ownerDocument, 'text', { class: cls, x: X0, y: y + i * gap, 'font-size': px, ...extra }, r)));
  return rows.length * gap;
}

/** A short name from text (FNV-1a), for ids that stay the same from run to run. */
function slug(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * Plot numbers its clip paths from a counter that runs on for the life of the page: named after
 * the chart's title instead, the same ids come out whatever was drawn before (snapshots, reports).
 */
function renameIds(g: Element, title: string): void {
  const ids = [...g.querySelectorAll('[id]')];
  ids.forEach((e, k) => {
    const old = `url(#${e.id})`, id = `c${slug(title)}-${k}`;
    e.id = id;
    for (const user of g.querySelectorAll('[clip-path]')) if (user.getAttribute('clip-path') === old) user.setAttribute('clip-path', `url(#${id})`);
  });
}

/** The frame around `plot` (Plot's SVG, moved into it): the chart as one SVG element. */
export function frame(plot: SVGSVGElement & Plot, o: FrameOptions, ctx: ChartContext): Chart {
  const doc = ctx.document;
  const W = ctx.width ?? DEFAULT_WIDTH;
  const svg = el(doc, 'svg', { class: 'chart', role: 'img', 'aria-label': o.title, xmlns: SVG, 'font-family': FONT.family, 'font-size': FONT.size }) as Chart;
  svg.appendChild(el(doc, 'title', {}, o.title));
  let y = 6 + FONT.title;
  y += textLines(svg, wrap(o.title, W - 2 * X0, BOLD * FONT.title), y, 'title', FONT.title, 18, { 'font-weight': 600 });
  if (o.subtitle) y += textLines(svg, wrap(o.subtitle, W - 2 * X0, FONT.note), y - 2, 'note', FONT.note, 14, { fill: '#555' });
  y += legend(svg, o.legend ?? [], W, y - 8);
  if (o.ramp) y += ramp(svg, o.ramp, W, y);
  if (o.yLabel) y += textLines(svg, wrap(`↑ ${o.yLabel}`, W - 2 * X0), y + 4, 'y-label', FONT.size, 14, { fill: '#333' });
  const top = y - 4;
  const height = Number(plot.getAttribute('height'));
  const g = svg.appendChild(el(doc, 'g', { class: 'plot', transform: `translate(0,${top})`, 'text-anchor': 'middle', fill: 'currentColor' }));
  for (const child of [...plot.childNodes]) if ((child as Element).tagName?.toLowerCase() !== 'style') g.appendChild(child);
  renameIds(g, o.title);
  // The chart is one image, named by its title: Plot's names of its marks ("rule", "x-axis tick")
  // are not for a reader, and on a group without a role they are not allowed.
  for (const e of g.querySelectorAll('[aria-label]')) e.removeAttribute('aria-label');
  y = top + height + 14;
  const x = plot.scale('x'), range = (x?.range ?? [X0, W - X0]) as number[];
  if (o.xLabel) {
    const rows = wrap(`${o.xLabel} →`, W - 2 * X0);
    // Under the plot's middle if it fits there (with room for a wider font than estimated), else the chart's.
    const mid = (range[0] + range[range.length - 1]) / 2;
    const fits = rows.length === 1 && 0.6 * textWidth(rows[0]) <= Math.min(mid, W - mid) - X0;
    rows.forEach((r, i) => svg.appendChild(el(doc, 'text', { class: 'x-label', x: fits ? mid : W / 2, y: y + i * 14, 'text-anchor': 'middle', fill: '#333' }, r)));
    y += rows.length * 14 + 4;
  }
  for (const note of o.notes ?? []) y += textLines(svg, wrap(note, W - 2 * X0, FONT.note), y, 'note', FONT.note, 14, { fill: '#555' });
  if (ctx.provenance) y += textLines(svg, wrap(ctx.provenance, W - 2 * X0, 9.5), y + 2, 'provenance', 9.5, 13, { fill: '#444' });
  const H = Math.ceil(y);
  svg.setAttribute('width', String(W));
  svg.setAttribute('height', String(H));
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  const yScale = plot.scale('y');
  const yRange = (yScale?.range ?? [height, 0]) as number[];
  svg.scale = (name) => plot.scale(name);
  svg.area = { left: range[0], top: top + Math.min(yRange[0], yRange[yRange.length - 1]), width: range[range.length - 1] - range[0], height: Math.abs(yRange[yRange.length - 1] - yRange[0]) };
  return svg;
}
