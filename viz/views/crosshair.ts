// A hover crosshair for time charts: a vertical line at the month under the pointer (mouse, pen or
// touch), a dot on each line, and a box with the month and each line's value (and, for a line with
// a band, the band's limits on a line of their own). The month hovered is kept on the plot, so a
// chart redrawn while playing keeps showing it with the new values. A mouse leaving the plot hides
// it; a finger's tap leaves it shown (the finger lifted, the values stay) until a tap elsewhere.
import * as d3 from 'd3';
import { fmt } from '../../lab/charts/style.ts';
import { textWidth } from '../../lab/charts/text.ts';
import type { Frame } from './chart.ts';

export interface HoverLine {
  label: string;
  color: string;
  values: ArrayLike<number>;
  /** The band around the line, if it has one: lower and upper limits per month. */
  lo?: ArrayLike<number>;
  hi?: ArrayLike<number>;
}

type Hovered = SVGGElement & { hoverMonth?: number | null; redrawHover?: () => void };

/** The plot a finger tapped last: its values stay shown until a tap lands outside it. */
let tapped: Hovered | null = null;
/** The documents whose taps are watched (one listener each, however often the charts are redrawn). */
const listening = new WeakSet<Document>();
function forgetTapOutside(event: PointerEvent): void {
  if (!tapped || tapped.contains(event.target as Node)) return;
  tapped.hoverMonth = null;
  tapped.redrawHover?.();
  tapped = null;
}

/**
 * `x` maps months as the chart's axis counts them; the values of row i are at month `first + i`
 * (the explorer's time charts count months from 1: see timeseries.ts), and so are the labels.
 */
export function crosshair(f: Frame, x: d3.ScaleLinear<number, number>, y: d3.ScaleLinear<number, number>, series: HoverLine[], monthLabel: (tick: number) => string,
  bandLabel: (lo: string, hi: string) => string = (lo, hi) => `${lo} – ${hi}`, first = 0): void {
  const plot = f.g.node() as Hovered;
  const n = Math.max(0, ...series.map((s) => s.values.length));
  const layer = f.g.selectAll<SVGGElement, null>('g.hover').data([null]).join('g').attr('class', 'hover').attr('pointer-events', 'none');
  const draw = () => {
    const i = plot.hoverMonth;
    if (i == null || i >= n) {
      layer.attr('display', 'none');
      return;
    }
    layer.attr('display', null);
    const px = x(first + i);
    layer.selectAll('line.cross').data([null]).join('line').attr('class', 'cross')
      .attr('x1', px).attr('x2', px).attr('y1', 0).attr('y2', f.height).attr('stroke', '#000').attr('stroke-width', 1).attr('stroke-opacity', 0.6);
    const points = series.filter((s) => i < s.values.length && Number.isFinite(s.values[i]));
    layer.selectAll('circle.dot').data(points).join('circle').attr('class', 'dot')
      .attr('cx', px).attr('cy', (s) => y(s.values[i])).attr('r', 3.5).attr('fill', (s) => s.color).attr('stroke', '#fff');
    // Each line's row (its key beside it), then its band's limits, indented, when it has a band.
    const rows: { text: string; color?: string; band?: boolean }[] = [{ text: monthLabel(first + i) }];
    for (const s of series) {
      const has = i < s.values.length;
      rows.push({ text: `${s.label}: ${has ? fmt(s.values[i]) : '—'}`, color: s.color });
      if (has && s.lo && s.hi && i < s.lo.length && i < s.hi.length) rows.push({ text: bandLabel(fmt(s.lo[i]), fmt(s.hi[i])), band: true });
    }
    const w = Math.min(f.total - 24, Math.max(...rows.map((r, k) => textWidth(r.text) + (k ? 18 : 6))) + 8);
    const h = rows.length * 14 + 8;
    const bx = px + 10 + w <= f.width ? px + 10 : Math.max(-40, px - 10 - w);
    const box = layer.selectAll<SVGGElement, null>('g.box').data([null]).join('g').attr('class', 'box').attr('transform', `translate(${bx},4)`);
    box.selectAll('rect.bg').data([null]).join('rect').attr('class', 'bg').attr('width', w).attr('height', h).attr('rx', 4)
      .attr('fill', '#fff').attr('fill-opacity', 0.95).attr('stroke', '#888');
    const keyed = rows.map((r, k) => ({ ...r, k })).filter((r) => r.color);
    box.selectAll('rect.key').data(keyed).join('rect').attr('class', 'key').attr('x', 6).attr('y', (r) => 4 + r.k * 14 + 2).attr('width', 8).attr('height', 8).attr('fill', (r) => r.color!);
    box.selectAll('text').data(rows).join('text').attr('x', (_, k) => (k ? 18 : 6)).attr('y', (_, k) => 4 + k * 14 + 10)
      .attr('class', (r) => (r.band ? 'band' : null)).attr('fill', (r) => (r.band ? '#444' : null))
      .attr('font-weight', (_, k) => (k ? 400 : 600)).text((r) => r.text);
  };
  const zone = f.g.selectAll<SVGRectElement, null>('rect.hover-zone').data([null]).join('rect').attr('class', 'hover-zone')
    .attr('width', f.width).attr('height', f.height).attr('fill', 'transparent');
  // On top of the lines (nothing under it needs the pointer), below the read-out.
  zone.raise();
  const at = (event: PointerEvent) => {
    const [px] = d3.pointer(event, plot);
    const i = Math.round(x.invert(px)) - first;
    plot.hoverMonth = n ? Math.max(0, Math.min(n - 1, i)) : null;
    if (event.pointerType !== 'mouse') tapped = plot;
    draw();
  };
  plot.redrawHover = draw;
  zone.on('pointermove', at).on('pointerdown', at).on('pointerleave', (event: PointerEvent) => {
    if (event.pointerType !== 'mouse') return;
    plot.hoverMonth = null;
    draw();
  });
  const doc = plot.ownerDocument;
  if (!listening.has(doc)) {
    listening.add(doc);
    doc.addEventListener('pointerdown', forgetTapOutside as EventListener, true);
  }
  layer.raise();
  draw();
}
