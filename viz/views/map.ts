// A map of communities: a grid (districts × communities), filled by needs met, with a bar of who
// serves the needy: in-house, affiliated SO, independent SO, or no one.
import * as d3 from 'd3';
import { chartWidth, frame, PALETTE, type Svg } from './chart.ts';
import { PROVIDER_KINDS, type ProviderKind } from '../../sim/index.ts';
import { pickable } from './pick.ts';

/** Needs met rarely pass 0.4 in ten years: the colour scale spans 0–0.4, and more shows as 0.4. */
export const MAP_MAX = 0.4;

const PROVIDER_COLOR: Record<ProviderKind, string> = { none: '#d9d9d9', inHouse: PALETTE.grey, affiliated: PALETTE.vermillion, independent: PALETTE.blue };
/** The colours of the provider kinds, in the order of PROVIDER_KINDS (the columns of servedBy). */
export const PROVIDER_COLORS = PROVIDER_KINDS.map((k) => PROVIDER_COLOR[k]);

export interface MapData {
  title: string;
  /** What the fill and the bars mean; it names the scale's range (0 to MAP_MAX). */
  note: string;
  districtLabel: string;
  providerLabels: string[];
  districts: number;
  perDistrict: number;
  needsMet: ArrayLike<number>;
  /** Per community × 4 provider kinds: needy citizens served. */
  servedBy: ArrayLike<number>;
  /** Clicking a district's row (or Enter on its number) inspects the district; the one inspected is outlined. */
  inspect?: { selected: number | null; pick(d: number): void; label(d: number): string };
}

export function communityMap(svg: Svg, data: MapData): void {
  const W = chartWidth(svg);
  const cols = data.perDistrict;
  const left = 30, right = 16;
  const cell = Math.max(8, Math.min((W - left - right - 56) / cols, 40, 300 / data.districts));
  const f = frame(svg, {
    title: data.title, xLabel: data.note, yLabel: '', plotHeight: Math.max(110, data.districts * cell + 4), left, right,
    legend: data.providerLabels.map((label, i) => ({ label, color: PROVIDER_COLORS[i], shape: 'box' as const })),
  });
  const color = d3.scaleSequential(d3.interpolateViridis).domain([0, MAP_MAX]).clamp(true);
  const cells = d3.range(Math.min(data.needsMet.length, data.districts * cols)).map((c) => ({
    c, d: Math.floor(c / cols), j: c % cols, met: data.needsMet[c],
    shares: PROVIDER_KINDS.map((_, k) => data.servedBy[c * PROVIDER_KINDS.length + k]),
  }));
  const g = f.g.selectAll<SVGGElement, (typeof cells)[number]>('g.cell').data(cells, (d) => d.c).join((enter) => {
    const e = enter.append('g').attr('class', 'cell');
    e.append('rect').attr('class', 'fill');
    e.append('title');
    return e;
  }).attr('transform', (d) => `translate(${d.j * cell},${d.d * cell})`);
  g.select('rect.fill').attr('width', cell - 3).attr('height', cell - 3).attr('rx', 3).attr('fill', (d) => color(d.met));
  g.select('title').text((d) => `${data.districtLabel} ${d.d + 1}, #${d.j + 1}: ${d.met.toFixed(2)}`);
  const bar = Math.max(3, Math.min(6, cell / 5));
  g.each(function (d) {
    const total = d.shares.reduce((a, b) => a + b, 0) || 1;
    let x = 0;
    const parts = d.shares.map((s, k) => { const p = { k, x, w: (Math.max(0, cell - 9) * s) / total }; x += p.w; return p; });
    d3.select(this).selectAll('rect.share').data(parts).join('rect').attr('class', 'share')
      .attr('x', (p) => 3 + p.x).attr('y', cell - 5 - bar - 1).attr('width', (p) => p.w).attr('height', bar).attr('fill', (p) => PROVIDER_COLORS[p.k]);
  });
  f.g.selectAll<SVGTextElement, number>('text.dlabel').data(d3.range(data.districts)).join('text').attr('class', 'dlabel')
    .attr('x', -6).attr('y', (d) => d * cell + cell / 2 + 2).attr('text-anchor', 'end').attr('font-size', 10).text((d) => `${d + 1}`);
  // The colour scale of needs met, 0 to MAP_MAX, labelled as the note says.
  const sh = Math.min(100, data.districts * cell - 3);
  const scaleG = f.g.selectAll<SVGGElement, null>('g.scale').data([null]).join('g').attr('class', 'scale')
    .attr('transform', `translate(${cols * cell + 8},0)`);
  scaleG.selectAll('rect').data(d3.range(0, 1.0001, 0.1)).join('rect').attr('x', 0).attr('y', (v) => (1 - v) * (sh - sh / 11)).attr('width', 10).attr('height', sh / 11 + 0.5)
    .attr('fill', (v) => color(v * MAP_MAX));
  scaleG.selectAll('text').data([0, MAP_MAX / 2, MAP_MAX]).join('text').attr('class', 'scale-label').attr('x', 14).attr('y', (v) => (1 - v / MAP_MAX) * (sh - sh / 11) + sh / 22 + 4).attr('font-size', 10)
    .text((v) => (v === MAP_MAX ? `≥ ${v.toFixed(1)}` : v.toFixed(1)));
  const inspect = data.inspect;
  if (!inspect) return;
  svg.attr('role', 'group').attr('aria-label', data.title);
  g.style('cursor', 'pointer').on('click', (_, d) => inspect.pick(d.d));
  // A district's row: its number on the left is the keyboard's target, the outline the one inspected.
  const rows = f.g.selectAll<SVGRectElement, number>('rect.district-hit').data(d3.range(data.districts)).join('rect').attr('class', 'district-hit')
    .attr('x', -26).attr('y', (d) => d * cell - 1).attr('width', 24).attr('height', cell - 1)
    .attr('fill', 'transparent').attr('stroke', 'none');
  pickable(svg.node()!, 'map-d', rows, { key: String, label: inspect.label, selected: (d) => d === inspect.selected, pick: (d) => inspect.pick(d) });
  f.g.selectAll('rect.picked-row').data(inspect.selected !== null && inspect.selected < data.districts ? [inspect.selected] : []).join('rect').attr('class', 'picked-row')
    .attr('pointer-events', 'none').attr('x', -28).attr('y', (d) => d * cell - 2).attr('width', cols * cell + 28).attr('height', cell + 1).attr('rx', 4)
    .attr('fill', 'none').attr('stroke', '#000').attr('stroke-width', 2);
}
