// The SO population: capacity against autonomy, affiliated and independent told apart, size by revenue.
import * as d3 from 'd3';
import { axes, chartWidth, frame, PALETTE, plotHeightFor, type Svg } from './chart.ts';
import { pickable } from './pick.ts';

export interface SoPoint {
  id: number;
  skill: number;
  autonomy: number;
  affiliated: boolean;
  revenue: number;
}

export interface SoData {
  title: string;
  xLabel: string;
  yLabel: string;
  sizeNote: string;
  labels: { affiliated: string; independent: string };
  points: SoPoint[];
  /** Clicking an SO (or Enter on it) inspects it; the one inspected is ringed. */
  inspect?: { selected: number | null; pick(id: number): void; label(p: SoPoint): string; group: string };
}

export function soPopulation(svg: Svg, data: SoData): void {
  const f = frame(svg, {
    title: data.title, xLabel: data.xLabel, yLabel: data.yLabel, plotHeight: plotHeightFor(chartWidth(svg), 0.5, 190, 300),
    legend: [
      { label: data.labels.affiliated, color: PALETTE.vermillion, shape: 'box' },
      { label: data.labels.independent, color: PALETTE.blue, shape: 'dot' },
      { label: data.sizeNote, color: PALETTE.grey, shape: 'circle' },
    ],
  });
  const x = d3.scaleLinear().domain([0, 1]).range([0, f.width]);
  const y = d3.scaleLinear().domain([0, 1]).range([f.height, 0]);
  const r = d3.scaleSqrt().domain([0, Math.max(1, d3.max(data.points, (p) => p.revenue) ?? 1)]).range([2, 12]);
  axes(f, x, y);
  f.g.selectAll('line.threshold').data([0.5]).join('line').attr('class', 'threshold')
    .attr('x1', 0).attr('x2', f.width).attr('y1', y(0.5)).attr('y2', y(0.5)).attr('stroke', '#bbb').attr('stroke-dasharray', '2 3');
  f.g.selectAll<SVGElement, SoPoint>('.so').data(data.points, (d) => d.id)
    .join((enter) => enter.append('path').attr('class', 'so'))
    .attr('transform', (d) => `translate(${x(d.skill)},${y(d.autonomy)})`)
    // Affiliated SOs are squares, independent ones circles: shape and colour both tell them apart.
    .attr('d', (d) => d3.symbol(d.affiliated ? d3.symbolSquare : d3.symbolCircle, Math.PI * r(d.revenue) ** 2)())
    .attr('fill', (d) => (d.affiliated ? PALETTE.vermillion : PALETTE.blue)).attr('fill-opacity', 0.7)
    .attr('stroke', '#fff').attr('stroke-width', 0.5);
  const inspect = data.inspect;
  if (!inspect) return;
  // The marks are buttons: the chart is a group of them, named by its title.
  svg.attr('role', 'group').attr('aria-label', data.title);
  const marks = f.g.selectAll<SVGPathElement, SoPoint>('.so').sort((a, b) => a.id - b.id);
  pickable(svg.node()!, inspect.group, marks, {
    key: (d) => String(d.id), label: inspect.label, selected: (d) => d.id === inspect.selected, pick: (d) => inspect.pick(d.id),
  });
  // The one inspected, ringed above the others (the marks keep their order: one may have the focus).
  const chosen = data.points.filter((p) => p.id === inspect.selected);
  f.g.selectAll('circle.picked-ring').data(chosen).join('circle').attr('class', 'picked-ring').attr('pointer-events', 'none')
    .attr('cx', (d) => x(d.skill)).attr('cy', (d) => y(d.autonomy)).attr('r', (d) => r(d.revenue) + 4).attr('fill', 'none').attr('stroke', '#000').attr('stroke-width', 2);
  // A click near a small SO picks the nearest one (within 12 pixels).
  f.g.selectAll('rect.pick-zone').data([null]).join('rect').attr('class', 'pick-zone').attr('width', f.width).attr('height', f.height)
    .attr('fill', 'transparent').lower()
    .on('click', (event: MouseEvent) => {
      const [px, py] = d3.pointer(event, f.g.node());
      const near = d3.least(data.points, (p) => (x(p.skill) - px) ** 2 + (y(p.autonomy) - py) ** 2);
      if (near && (x(near.skill) - px) ** 2 + (y(near.autonomy) - py) ** 2 <= 144) inspect.pick(near.id);
    });
}
