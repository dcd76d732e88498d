// Horizontal bars with confidence whiskers, a row per label and a bar per series in each row:
// Morris μ* and σ, Sobol' S1 and ST, paired differences. Bars start at zero; negative values go left.
import { frame, type Chart, type ChartContext, DEFAULT_WIDTH } from './frame.ts';
import { linearAxis, Plot, plot, plotOptions } from './plot.ts';
import { fmt, seriesColor } from './style.ts';
import { clip, textWidth } from './text.ts';
import { ENGLISH } from './words.ts';

export interface Bar {
  value: number;
  low?: number;
  high?: number;
}

export interface BarChartData {
  title: string;
  subtitle?: string;
  /** The value axis's label, with its unit. */
  xLabel: string;
  /** One row per label (a parameter, a design point); one bar per series in each row. */
  labels: string[];
  series: { name: string; bars: Bar[] }[];
}

const BAR = 14, GAP = 12;
/** The band of a row that holds its label, when the labels are written above the bars. */
const LABEL = '\u0000label';

const hasCi = (b: Bar | undefined): b is Required<Bar> => b?.low !== undefined && b.high !== undefined && Number.isFinite(b.low) && Number.isFinite(b.high);

export function barChart(d: BarChartData, ctx: ChartContext): Chart {
  const W = ctx.width ?? DEFAULT_WIDTH;
  const need = 24 + Math.max(...d.labels.map((l) => textWidth(l)));
  // Labels too long for half the width (design points on a phone) go above their bars, whole, not clipped in the margin.
  const above = need > W * 0.5;
  const left = above ? 24 : Math.ceil(Math.min(W * 0.5, Math.max(80, need)));
  const rows = d.series.flatMap((s, k) => s.bars.map((b, r) => ({ ...b, r, k, name: s.name })).filter((b) => Number.isFinite(b.value)));
  const x = linearAxis([0, ...rows.flatMap((b) => (hasCi(b) ? [b.value, b.low, b.high] : [b.value]))], Math.max(3, Math.floor((W - left) / 90)));
  const ci = rows.filter(hasCi);
  const tip = (b: (typeof rows)[number]) => `${d.labels[b.r]}: ${b.name} ${fmt(b.value)}${hasCi(b) ? ` [${fmt(b.low)}, ${fmt(b.high)}]` : ''}`;
  const fy = { fy: 'r', y: 'name' } as const;
  const marks: Plot.Markish[] = [
    Plot.ruleX([0], { stroke: '#555' }),
    ...d.series.map((_, k) => Plot.barX(rows.filter((b) => b.k === k), { ...fy, x: 'value', fill: seriesColor(k), fillOpacity: 0.85, title: tip })),
    Plot.ruleY(ci, { ...fy, x1: 'low', x2: 'high', stroke: '#222', strokeWidth: 1.2 }),
    Plot.tickX(ci, { ...fy, x: 'low', stroke: '#222', strokeWidth: 1.2, insetTop: 3, insetBottom: 3 }),
    Plot.tickX(ci, { ...fy, x: 'high', stroke: '#222', strokeWidth: 1.2, insetTop: 3, insetBottom: 3 }),
  ];
  if (above)
    marks.push(
      Plot.text(
        d.labels.map((l, r) => ({ r, l: clip(l, W - left - 18) })),
        { fy: 'r', y: () => LABEL, text: 'l', frameAnchor: 'left', textAnchor: 'start', fill: '#222' },
      ),
    );
  const perRow = (d.series.length + (above ? 1 : 0)) * BAR + GAP;
  const svg = plot(plotOptions(ctx, d.labels.length * perRow + 34, {
    marginLeft: left,
    x: { domain: x.domain, ticks: x.ticks, grid: true },
    y: { axis: null, domain: [...(above ? [LABEL] : []), ...d.series.map((s) => s.name)], padding: 0.08 },
    fy: above
      ? { domain: d.labels.map((_, r) => r), axis: null, padding: GAP / perRow }
      : { domain: d.labels.map((_, r) => r), tickFormat: (r: number) => clip(d.labels[r], left - 14), label: null, padding: GAP / perRow },
    marks,
  }));
  return frame(svg, {
    title: d.title,
    subtitle: d.subtitle,
    legend: d.series.map((s, k) => ({ label: s.name, color: seriesColor(k), shape: 'box' as const })),
    xLabel: d.xLabel,
    notes: ci.length ? [(ctx.words ?? ENGLISH).say('report.chart.whiskers')] : [],
  }, ctx);
}
