// The SO population: capacity against autonomy, affiliated and independent told apart, size by revenue.
import * as d3 from 'd3';
import { axes, chartWidth, frame, PALETTE, plotHeightFor, type Svg } from './chart.ts';

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
}
