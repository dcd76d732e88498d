// A hover crosshair for time charts: a vertical line at the month under the pointer (mouse, pen or
// touch), a dot on each line, and a box with the month and each line's value. The month hovered
// is kept on the plot, so a chart redrawn while playing keeps showing it with the new values.
import * as d3 from 'd3';
import { fmt } from '../../lab/charts/style.ts';
import { textWidth } from '../../lab/charts/text.ts';
import type { Frame } from './chart.ts';

export interface HoverLine {
  label: string;
  color: string;
  values: ArrayLike<number>;
}

type Hovered = SVGGElement & { hoverMonth?: number | null };

export function crosshair(f: Frame, x: d3.ScaleLinear<number, number>, y: d3.ScaleLinear<number, number>, series: HoverLine[], monthLabel: (tick: number) => string): void {
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
    const px = x(i);
    layer.selectAll('line.cross').data([null]).join('line').attr('class', 'cross')
      .attr('x1', px).attr('x2', px).attr('y1', 0).attr('y2', f.height).attr('stroke', '#000').attr('stroke-width', 1).attr('stroke-opacity', 0.6);
    const points = series.filter((s) => i < s.values.length && Number.isFinite(s.values[i]));
    layer.selectAll('circle.dot').data(points).join('circle').attr('class', 'dot')
      .attr('cx', px).attr('cy', (s) => y(s.values[i])).attr('r', 3.5).attr('fill', (s) => s.color).attr('stroke', '#fff');
    const rows = [monthLabel(i), ...series.map((s) => `${s.label}: ${i < s.values.length ? fmt(s.values[i]) : '—'}`)];
    const w = Math.min(f.total - 24, Math.max(...rows.map((r) => textWidth(r))) + 26);
    const h = rows.length * 14 + 8;
    const bx = px + 10 + w <= f.width ? px + 10 : Math.max(-40, px - 10 - w);
    const box = layer.selectAll<SVGGElement, null>('g.box').data([null]).join('g').attr('class', 'box').attr('transform', `translate(${bx},4)`);
    box.selectAll('rect.bg').data([null]).join('rect').attr('class', 'bg').attr('width', w).attr('height', h).attr('rx', 4)
      .attr('fill', '#fff').attr('fill-opacity', 0.95).attr('stroke', '#888');
    box.selectAll('rect.key').data(series).join('rect').attr('class', 'key').attr('x', 6).attr('y', (_, k) => 4 + (k + 1) * 14 + 2).attr('width', 8).attr('height', 8).attr('fill', (s) => s.color);
    box.selectAll('text').data(rows).join('text').attr('x', (_, k) => (k ? 18 : 6)).attr('y', (_, k) => 4 + k * 14 + 10)
      .attr('font-weight', (_, k) => (k ? 400 : 600)).text((d) => d);
  };
  const zone = f.g.selectAll<SVGRectElement, null>('rect.hover-zone').data([null]).join('rect').attr('class', 'hover-zone')
    .attr('width', f.width).attr('height', f.height).attr('fill', 'transparent');
  // On top of the lines (nothing under it needs the pointer), below the read-out.
  zone.raise();
  const at = (event: PointerEvent) => {
    const [px] = d3.pointer(event, plot);
    const i = Math.round(x.invert(px));
    plot.hoverMonth = n ? Math.max(0, Math.min(n - 1, i)) : null;
    draw();
  };
  zone.on('pointermove', at).on('pointerdown', at).on('pointerleave', () => { plot.hoverMonth = null; draw(); });
  layer.raise();
  draw();
}
