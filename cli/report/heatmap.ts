// Heatmap of a two-parameter grid: the mean final outcome in each cell, value printed in the cell.
import { esc, fmt, heading, svgOpen } from './html.ts';

export interface Heatmap {
  title: string;
  xLabel: string;
  yLabel: string;
  valueLabel: string;
  xs: number[];
  ys: number[];
  /** values[yi][xi] */
  values: number[][];
}

/** Viridis (van der Walt & Smith), sampled at 5 stops: perceptually uniform, legible in grey. */
const STOPS = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];

function color(t: number): string {
  const u = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(u));
  const f = u - i;
  const c = STOPS[i].map((v, k) => Math.round(v + f * (STOPS[i + 1][k] - v)));
  return `rgb(${c.join(',')})`;
}

const M = { left: 96, right: 120, bottom: 56 };

export function heatmap(h: Heatmap): string {
  const cw = Math.max(48, Math.min(110, 520 / h.xs.length)), ch = Math.max(28, Math.min(56, 320 / h.ys.length));
  const W = Math.max(560, M.left + cw * h.xs.length + M.right);
  const head = heading(h.title, W, `colour: ${h.valueLabel}`);
  const top = head.height + 30;
  const H = top + ch * h.ys.length + M.bottom;
  const flat = h.values.flat().filter(Number.isFinite);
  const lo = Math.min(...flat), hi = Math.max(...flat);
  const t = (v: number) => (hi > lo ? (v - lo) / (hi - lo) : 0.5);
  const cells = h.ys.flatMap((yv, yi) =>
    h.xs.map((xv, xi) => {
      const v = h.values[yi][xi];
      // Rows from the bottom up, so that the y parameter grows upwards as on a plot.
      const x = M.left + xi * cw, y = top + (h.ys.length - 1 - yi) * ch;
      const ink = t(v) > 0.6 ? '#111' : '#fff';
      return `<g><title>${esc(`${h.xLabel} ${fmt(xv)}, ${h.yLabel} ${fmt(yv)}: ${fmt(v)}`)}</title><rect x="${x}" y="${y}" width="${cw}" height="${ch}" fill="${color(t(v))}"/><text x="${x + cw / 2}" y="${y + ch / 2 + 4}" text-anchor="middle" fill="${ink}">${esc(fmt(v))}</text></g>`;
    }),
  );
  const gridBottom = top + h.ys.length * ch;
  const xLabels = h.xs.map((v, i) => `<text x="${M.left + (i + 0.5) * cw}" y="${gridBottom + 18}" text-anchor="middle">${esc(fmt(v))}</text>`);
  const yLabels = h.ys.map((v, i) => `<text x="${M.left - 8}" y="${top + (h.ys.length - 1 - i + 0.5) * ch + 4}" text-anchor="end">${esc(fmt(v))}</text>`);
  const lx = M.left + cw * h.xs.length + 24, lh = ch * h.ys.length;
  const gradient = Array.from({ length: 20 }, (_, i) => `<rect x="${lx}" y="${top + lh - ((i + 1) * lh) / 20}" width="14" height="${lh / 20 + 0.5}" fill="${color(i / 19)}"/>`);
  return `${svgOpen(W, H, h.title)}
${head.svg}
${cells.join('\n')}
<g class="axis">${xLabels.join('')}${yLabels.join('')}
<text class="label" x="${M.left + (cw * h.xs.length) / 2}" y="${gridBottom + 40}" text-anchor="middle">${esc(h.xLabel)}</text>
<text class="label" x="8" y="${top - 12}">${esc(h.yLabel)}</text></g>
${gradient.join('')}<text x="${lx + 20}" y="${top + 10}">${esc(fmt(hi))}</text><text x="${lx + 20}" y="${top + lh}">${esc(fmt(lo))}</text>
</svg>`;
}
