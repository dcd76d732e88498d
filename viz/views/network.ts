// The government–SO contract network: districts on the left, SOs on the right (grouped by home
// district), one curve per contract, width by payment, colour by how it was awarded.
import * as d3 from 'd3';
import { frame, legend, PALETTE, WIDTH, type Svg } from './chart.ts';

export const MODE_COLORS = [PALETTE.vermillion, PALETTE.orange, PALETTE.purple, PALETTE.blue];

export interface NetworkData {
  title: string;
  note: string;
  districtLabel: string;
  modeLabels: string[];
  districts: number;
  sos: { id: number; home: number; affiliated: boolean }[];
  contracts: { buyer: number; so: number; payment: number; mode: number }[];
}

export function network(svg: Svg, data: NetworkData): void {
  const height = 340;
  const f = frame(svg, data.title, data.note, '', height);
  legend(svg, data.modeLabels.map((label, i) => ({ label, color: MODE_COLORS[i] })));
  const top = 14;
  const yd = d3.scalePoint<number>().domain(d3.range(data.districts)).range([top, f.height]).padding(0.5);
  const sos = [...data.sos].sort((a, b) => a.home - b.home || a.id - b.id);
  const ys = d3.scalePoint<number>().domain(sos.map((s) => s.id)).range([top, f.height]).padding(0.5);
  const xl = 40, xr = WIDTH - 90 - 56;
  const w = d3.scaleSqrt().domain([0, Math.max(1, d3.max(data.contracts, (c) => c.payment) ?? 1)]).range([0.5, 4]);
  const known = new Set(sos.map((s) => s.id));
  const links = data.contracts.filter((c) => known.has(c.so));
  f.g.selectAll<SVGPathElement, (typeof links)[number]>('path.contract').data(links).join('path').attr('class', 'contract')
    .attr('fill', 'none').attr('stroke', (d) => MODE_COLORS[d.mode]).attr('stroke-opacity', 0.55).attr('stroke-width', (d) => w(d.payment))
    .attr('d', (d) => {
      const y1 = yd(d.buyer)!, y2 = ys(d.so)!;
      return `M${xl},${y1} C${(xl + xr) / 2},${y1} ${(xl + xr) / 2},${y2} ${xr},${y2}`;
    });
  f.g.selectAll<SVGGElement, number>('g.district').data(d3.range(data.districts)).join((enter) => {
    const e = enter.append('g').attr('class', 'district');
    e.append('rect').attr('x', -8).attr('y', -8).attr('width', 16).attr('height', 16).attr('fill', PALETTE.black);
    e.append('text').attr('x', -12).attr('y', 4).attr('text-anchor', 'end');
    return e;
  }).attr('transform', (d) => `translate(${xl},${yd(d)})`).select('text').text((d) => `${data.districtLabel} ${d + 1}`);
  f.g.selectAll<SVGPathElement, (typeof sos)[number]>('path.so-node').data(sos, (d) => d.id).join('path').attr('class', 'so-node')
    .attr('transform', (d) => `translate(${xr},${ys(d.id)})`)
    .attr('d', (d) => d3.symbol(d.affiliated ? d3.symbolSquare : d3.symbolCircle, 22)())
    .attr('fill', (d) => (d.affiliated ? PALETTE.vermillion : PALETTE.blue));
}
