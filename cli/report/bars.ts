// Horizontal bar chart with confidence whiskers: sensitivity indices per parameter (Morris μ*,
// Sobol' S1 and ST) or paired differences. Bars start at zero; negative values go left.
import { extent, linear, niceDomain, niceTicks, xAxis } from './axis.ts';
import { esc, fmt, heading, PALETTE, svgOpen } from './html.ts';

export interface Bar {
  value: number;
  low?: number;
  high?: number;
}

export interface BarChart {
  title: string;
  subtitle?: string;
  xLabel: string;
  /** One row per label (a parameter, a design point); one bar per series in each row. */
  labels: string[];
  series: { name: string; bars: Bar[] }[];
}

const W = 760, RIGHT = 24, BAR = 14, GAP = 10;

function whisker(sx: (x: number) => number, b: Bar, y: number): string {
  if (b.low === undefined || b.high === undefined || !Number.isFinite(b.low) || !Number.isFinite(b.high)) return '';
  const [l, h, m] = [sx(b.low), sx(b.high), y + BAR / 2];
  return `<line class="ci" x1="${l}" x2="${h}" y1="${m}" y2="${m}"/><line class="ci" x1="${l}" x2="${l}" y1="${y + 3}" y2="${y + BAR - 3}"/><line class="ci" x1="${h}" x2="${h}" y1="${y + 3}" y2="${y + BAR - 3}"/>`;
}

export function barChart(c: BarChart): string {
  const head = heading(c.title, W, c.subtitle);
  // Room on the left for the longest label (about 6.6 px a character at 12 px), within reason.
  const left = Math.min(380, Math.max(110, 16 + 6.6 * Math.max(...c.labels.map((l) => l.length))));
  const top = head.height + 8 + c.series.length * 18;
  const perRow = c.series.length * BAR + GAP;
  const bottom = top + c.labels.length * perRow;
  const H = bottom + 70;
  const values = c.series.flatMap((s) => s.bars.flatMap((b) => [b.value, b.low ?? b.value, b.high ?? b.value]));
  const [d0, d1] = niceDomain(...extent([0, ...values]));
  const sx = linear(d0, d1, left, W - RIGHT);
  const rows = c.labels.map((label, r) => {
    const y0 = top + r * perRow + GAP / 2;
    const bars = c.series.map((s, k) => {
      const b = s.bars[r];
      if (!b || !Number.isFinite(b.value)) return '';
      const y = y0 + k * BAR;
      const [a, z] = [sx(Math.min(0, b.value)), sx(Math.max(0, b.value))];
      const tip = `${label}: ${s.name} ${fmt(b.value)}${b.low !== undefined ? ` [${fmt(b.low)}, ${fmt(b.high ?? NaN)}]` : ''}`;
      return `<g><title>${esc(tip)}</title><rect x="${a}" y="${y + 1}" width="${Math.max(0.5, z - a)}" height="${BAR - 2}" fill="${PALETTE[k % PALETTE.length]}" fill-opacity="0.8"/>${whisker(sx, b, y)}</g>`;
    });
    const text = label.length > 56 ? `${label.slice(0, 55)}…` : label;
    return `<text x="${left - 8}" y="${y0 + (c.series.length * BAR) / 2 + 4}" text-anchor="end">${esc(text)}</text>${bars.join('')}`;
  });
  const hasCi = c.series.some((s) => s.bars.some((b) => b?.low !== undefined));
  const legend = c.series.map((s, k) => `<rect x="${left}" y="${head.height + k * 18}" width="14" height="10" fill="${PALETTE[k % PALETTE.length]}" fill-opacity="0.8"/><text x="${left + 22}" y="${head.height + 9 + k * 18}">${esc(s.name)}</text>`);
  const note = hasCi ? `<text class="note" x="${left}" y="${H - 6}">whiskers: 95 % confidence interval</text>` : '';
  return `${svgOpen(W, H, c.title)}
${head.svg}${legend.join('')}
<g class="axis">${niceTicks(d0, d1).map((t) => `<line class="grid" x1="${sx(t)}" x2="${sx(t)}" y1="${top}" y2="${bottom}"/>`).join('')}<line class="zero" x1="${sx(0)}" x2="${sx(0)}" y1="${top}" y2="${bottom}"/></g>
${rows.join('\n')}
${xAxis(sx, niceTicks(d0, d1), bottom, left, W - RIGHT, c.xLabel)}
${note}
</svg>`;
}
