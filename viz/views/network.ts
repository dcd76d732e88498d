// The government–SO contract network: districts on the left, SOs on the right (grouped by home
// district), one curve per contract, width by payment. Colour means one thing only, how the contract
// was awarded; the kinds of node are told apart by shape (bar, hollow square, disc).
import * as d3 from 'd3';
import { chartWidth, frame, PALETTE, type Svg } from './chart.ts';
import { pickable } from './pick.ts';

export const MODE_COLORS = [PALETTE.vermillion, PALETTE.orange, PALETTE.purple, PALETTE.blue];
const NODE_INK = '#222222';

export interface NetworkData {
  title: string;
  note: string;
  districtLabel: string;
  modeLabels: string[];
  /** Names of the node shapes: district government, affiliated SO, independent SO. */
  shapeLabels: [string, string, string];
  districts: number;
  sos: { id: number; home: number; affiliated: boolean }[];
  contracts: { buyer: number; so: number; payment: number; mode: number }[];
  /** Clicking an SO or a district (or Enter on it) inspects it; the one inspected is ringed, its contracts drawn on top. */
  inspect?: {
    selected: { kind: 'so'; id: number } | { kind: 'district'; d: number } | null;
    pickSo(id: number): void;
    pickDistrict(d: number): void;
    soLabel(so: { id: number; home: number; affiliated: boolean }): string;
    districtLabel(d: number): string;
  };
}

export function network(svg: Svg, data: NetworkData): void {
  const W = chartWidth(svg);
  const f = frame(svg, {
    title: data.title, xLabel: data.note, yLabel: '', plotHeight: Math.max(180, Math.min(300, 40 + data.districts * 34)), left: 74, right: 24,
    legend: [
      ...data.modeLabels.map((label, i) => ({ label, color: MODE_COLORS[i] })),
      { label: data.shapeLabels[0], color: NODE_INK, shape: 'bar' as const },
      { label: data.shapeLabels[1], color: NODE_INK, shape: 'square' as const },
      { label: data.shapeLabels[2], color: NODE_INK, shape: 'dot' as const },
    ],
  });
  const top = 6;
  const yd = d3.scalePoint<number>().domain(d3.range(data.districts)).range([top, f.height]).padding(0.5);
  const sos = [...data.sos].sort((a, b) => a.home - b.home || a.id - b.id);
  const ys = d3.scalePoint<number>().domain(sos.map((s) => s.id)).range([top, f.height]).padding(0.5);
  const xl = 6, xr = Math.max(xl + 60, W - 74 - 24 - 8);
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
    e.append('rect').attr('x', -3.5).attr('y', -8).attr('width', 7).attr('height', 16).attr('fill', NODE_INK);
    e.append('text').attr('x', -8).attr('y', 4).attr('text-anchor', 'end');
    return e;
  }).attr('transform', (d) => `translate(${xl},${yd(d)})`).select('text').text((d) => `${data.districtLabel} ${d + 1}`);
  f.g.selectAll<SVGPathElement, (typeof sos)[number]>('path.so-node').data(sos, (d) => d.id).join('path').attr('class', 'so-node')
    .attr('transform', (d) => `translate(${xr},${ys(d.id)})`)
    // As large as the room between two SOs allows, so that nodes do not merge into a bar.
    .attr('d', (d) => d3.symbol(d.affiliated ? d3.symbolSquare : d3.symbolCircle, Math.max(4, Math.min(26, ys.step() ** 2 * 0.7)))())
    .attr('fill', (d) => (d.affiliated ? '#fff' : NODE_INK)).attr('stroke', NODE_INK).attr('stroke-width', 1.2);
  const inspect = data.inspect;
  if (!inspect) return;
  const sel = inspect.selected;
  const isSo = (id: number) => sel?.kind === 'so' && sel.id === id;
  const isDistrict = (d: number) => sel?.kind === 'district' && sel.d === d;
  // The inspected one's contracts stand out; the others fade.
  if (sel) {
    f.g.selectAll<SVGPathElement, (typeof links)[number]>('path.contract')
      .attr('stroke-opacity', (d) => (isSo(d.so) || isDistrict(d.buyer) ? 0.95 : 0.25))
      .filter((d) => isSo(d.so) || isDistrict(d.buyer)).raise();
  }
  svg.attr('role', 'group').attr('aria-label', data.title);
  // Each SO's row and each district's bar is a target as tall as the room it has.
  const h = Math.max(6, ys.step());
  const soHits = f.g.selectAll<SVGRectElement, (typeof sos)[number]>('rect.so-hit').data(sos, (d) => d.id).join('rect').attr('class', 'so-hit')
    .attr('x', xr - 10).attr('y', (d) => ys(d.id)! - h / 2).attr('width', 20).attr('height', h)
    .attr('fill', 'transparent').attr('stroke', (d) => (isSo(d.id) ? '#000' : 'none')).attr('stroke-width', 2);
  pickable(svg.node()!, 'net-so', soHits, { key: (d) => String(d.id), label: inspect.soLabel, selected: (d) => isSo(d.id), pick: (d) => inspect.pickSo(d.id) });
  const dh = Math.max(18, Math.min(30, yd.step()));
  const dHits = f.g.selectAll<SVGRectElement, number>('rect.district-hit').data(d3.range(data.districts)).join('rect').attr('class', 'district-hit')
    .attr('x', -70).attr('y', (d) => yd(d)! - dh / 2).attr('width', xl + 76).attr('height', dh)
    .attr('fill', 'transparent').attr('stroke', (d) => (isDistrict(d) ? '#000' : 'none')).attr('stroke-width', 2);
  pickable(svg.node()!, 'net-d', dHits, { key: String, label: inspect.districtLabel, selected: isDistrict, pick: (d) => inspect.pickDistrict(d) });
}
