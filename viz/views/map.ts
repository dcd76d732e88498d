// A map of communities: a grid (districts × communities), filled by needs met, with a bar of who
// serves the needy: in-house, affiliated SO, independent SO, or no one.
import * as d3 from 'd3';
import { frame, legend, PALETTE, WIDTH, MARGIN, type Svg } from './chart.ts';

/** Needs met rarely pass 0.4 in ten years: the colour scale spans 0–0.4. */
const MAX = 0.4;

export const PROVIDER_COLORS = ['#d9d9d9', PALETTE.grey, PALETTE.vermillion, PALETTE.blue];

export interface MapData {
  title: string;
  note: string;
  districtLabel: string;
  providerLabels: string[];
  districts: number;
  perDistrict: number;
  needsMet: ArrayLike<number>;
  /** Per community × 4 provider kinds: needy citizens served. */
  servedBy: ArrayLike<number>;
}

export function communityMap(svg: Svg, data: MapData): void {
  const height = 320;
  const f = frame(svg, data.title, data.note, '', height);
  legend(svg, data.providerLabels.map((label, i) => ({ label, color: PROVIDER_COLORS[i], shape: 'box' as const })));
  const cols = data.perDistrict;
  const cell = Math.min((WIDTH - MARGIN.left - MARGIN.right - 10) / cols, (f.height - 30) / data.districts);
  const color = d3.scaleSequential(d3.interpolateViridis).domain([0, MAX]);
  const cells = d3.range(data.districts * cols).map((c) => ({
    c, d: Math.floor(c / cols), j: c % cols, met: data.needsMet[c],
    shares: [0, 1, 2, 3].map((k) => data.servedBy[c * 4 + k]),
  }));
  const g = f.g.selectAll<SVGGElement, (typeof cells)[number]>('g.cell').data(cells, (d) => d.c).join((enter) => {
    const e = enter.append('g').attr('class', 'cell');
    e.append('rect').attr('class', 'fill');
    e.append('title');
    return e;
  }).attr('transform', (d) => `translate(${d.j * cell + 10},${d.d * cell + 24})`);
  g.select('rect.fill').attr('width', cell - 3).attr('height', cell - 3).attr('rx', 3).attr('fill', (d) => color(d.met));
  g.select('title').text((d) => `${data.districtLabel} ${d.d + 1}, #${d.j + 1}: ${d.met.toFixed(2)}`);
  g.each(function (d) {
    const total = d.shares.reduce((a, b) => a + b, 0) || 1;
    let x = 0;
    const parts = d.shares.map((s, k) => { const p = { k, x, w: ((cell - 9) * s) / total }; x += p.w; return p; });
    d3.select(this).selectAll('rect.share').data(parts).join('rect').attr('class', 'share')
      .attr('x', (p) => 3 + p.x).attr('y', cell - 12).attr('width', (p) => p.w).attr('height', 6).attr('fill', (p) => PROVIDER_COLORS[p.k]);
  });
  f.g.selectAll<SVGTextElement, number>('text.dlabel').data(d3.range(data.districts)).join('text').attr('class', 'dlabel')
    .attr('x', 6).attr('y', (d) => d * cell + 24 + cell / 2).attr('text-anchor', 'end').attr('font-size', 10).text((d) => `${d + 1}`);
  // Colour scale of needs met.
  const scaleG = f.g.selectAll<SVGGElement, null>('g.scale').data([null]).join('g').attr('class', 'scale')
    .attr('transform', `translate(${cols * cell + 20},24)`);
  scaleG.selectAll('rect').data(d3.range(0, 1.0001, 0.1)).join('rect').attr('x', 0).attr('y', (v) => (1 - v) * 100).attr('width', 10).attr('height', 10.5)
    .attr('fill', (v) => color(v * MAX));
  scaleG.selectAll('text').data([0, MAX / 2, MAX]).join('text').attr('x', 14).attr('y', (v) => (1 - v / MAX) * 100 + 8).attr('font-size', 10).text((v) => v.toFixed(1));
}
