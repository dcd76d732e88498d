// Linear scales and "nice" tick values (1, 2, 5 × 10^k steps) for hand-built SVG charts.
import { esc, fmt } from './html.ts';

export type Scale = (x: number) => number;

export function linear(d0: number, d1: number, r0: number, r1: number): Scale {
  const span = d1 - d0 || 1;
  return (x) => r0 + ((x - d0) / span) * (r1 - r0);
}

/** Extent of finite values, widened when flat so that a constant series still gets an axis. */
export function extent(values: Iterable<number>): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  if (lo === Infinity) return [0, 1];
  if (lo === hi) return [lo - (Math.abs(lo) || 1) * 0.1, hi + (Math.abs(hi) || 1) * 0.1];
  return [lo, hi];
}

function niceStep(lo: number, hi: number, count: number): number {
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
}

export function niceTicks(lo: number, hi: number, count = 5): number[] {
  const step = niceStep(lo, hi, count);
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

/** The domain widened to whole steps, so that the axis starts and ends on a labelled value. */
export function niceDomain(lo: number, hi: number, count = 5): [number, number] {
  const step = niceStep(lo, hi, count);
  return [Math.floor(lo / step + 1e-9) * step, Math.ceil(hi / step - 1e-9) * step];
}

/** A horizontal axis at y, ticks and label below. */
export function xAxis(scale: Scale, ticks: number[], y: number, x0: number, x1: number, label: string): string {
  const marks = ticks.map((t) => `<line x1="${scale(t)}" x2="${scale(t)}" y1="${y}" y2="${y + 5}"/><text x="${scale(t)}" y="${y + 18}" text-anchor="middle">${esc(fmt(t))}</text>`);
  return `<g class="axis"><line x1="${x0}" x2="${x1}" y1="${y}" y2="${y}"/>${marks.join('')}<text class="label" x="${(x0 + x1) / 2}" y="${y + 36}" text-anchor="middle">${esc(label)}</text></g>`;
}

/**
 * A vertical axis at x, with light grid lines across the plot to x1; the label sits above the plot,
 * horizontal, so that a long metric name with its unit never runs into the title.
 */
export function yAxis(scale: Scale, ticks: number[], x: number, x1: number, y0: number, y1: number, label: string): string {
  const marks = ticks.map((t) => `<line class="grid" x1="${x}" x2="${x1}" y1="${scale(t)}" y2="${scale(t)}"/><text x="${x - 7}" y="${scale(t) + 4}" text-anchor="end">${esc(fmt(t))}</text>`);
  return `<g class="axis"><line x1="${x}" x2="${x}" y1="${y0}" y2="${y1}"/>${marks.join('')}<text class="label" x="8" y="${y1 - 14}">${esc(label)}</text></g>`;
}
