// Fan chart: the mean over seeds as a line and the 5–95 % band across seeds, over months; the
// legend below the plot, so that long labels (scenario and design point) fit.
import { extent, linear, niceDomain, niceTicks, xAxis, yAxis } from './axis.ts';
import { esc, heading, PALETTE, svgOpen } from './html.ts';

export interface FanSeries {
  label: string;
  x: number[];
  mean: number[];
  low: number[];
  high: number[];
}

export interface FanChart {
  title: string;
  xLabel: string;
  yLabel: string;
  series: FanSeries[];
}

const W = 760, PLOT_H = 260, M = { left: 72, right: 24, bottom: 50 }, ROW = 18;

const path = (xs: number[], ys: number[]) => xs.map((x, i) => `${i ? 'L' : 'M'}${x.toFixed(1)},${ys[i].toFixed(1)}`).join('');

export function fanChart(c: FanChart): string {
  const head = heading(c.title, W);
  const top = head.height + 30, bottom = top + PLOT_H;
  const H = bottom + M.bottom + (c.series.length + 1) * ROW;
  const [x0, x1] = extent(c.series.flatMap((s) => s.x));
  const [y0, y1] = niceDomain(...extent(c.series.flatMap((s) => [...s.low, ...s.high, ...s.mean])));
  const sx = linear(x0, x1, M.left, W - M.right);
  const sy = linear(y0, y1, bottom, top);
  const fans = c.series.map((s, i) => {
    const color = PALETTE[i % PALETTE.length];
    const xs = s.x.map(sx);
    const back = xs.map((x, j) => `${x.toFixed(1)},${sy(s.low[j]).toFixed(1)}`).reverse();
    const band = `${path(xs, s.high.map(sy))}L${back.join('L')}Z`;
    return `<g><title>${esc(s.label)}</title><path d="${band}" fill="${color}" fill-opacity="0.18" stroke="none"/><path d="${path(xs, s.mean.map(sy))}" fill="none" stroke="${color}" stroke-width="2"/></g>`;
  });
  const legendTop = bottom + M.bottom;
  const legend = c.series.map((s, i) => {
    const y = legendTop + i * ROW;
    const color = PALETTE[i % PALETTE.length];
    return `<rect x="${M.left}" y="${y}" width="16" height="10" fill="${color}" fill-opacity="0.3"/><line x1="${M.left}" x2="${M.left + 16}" y1="${y + 5}" y2="${y + 5}" stroke="${color}" stroke-width="2"/><text x="${M.left + 24}" y="${y + 10}">${esc(s.label)}</text>`;
  });
  const note = `<text class="note" x="${M.left}" y="${legendTop + c.series.length * ROW + 10}">line: mean over seeds; band: 5th to 95th percentile across seeds</text>`;
  return `${svgOpen(W, H, c.title)}
${head.svg}
${yAxis(sy, niceTicks(y0, y1), M.left, W - M.right, bottom, top, c.yLabel)}
${xAxis(sx, niceTicks(x0, x1, 8), bottom, M.left, W - M.right, c.xLabel)}
${fans.join('\n')}
${legend.join('')}${note}
</svg>`;
}
