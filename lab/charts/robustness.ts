// Robustness's regret chart (lab/analysis/robustness.ts): per policy, its regret in every state of
// the world as a dot, the mean, the 90th percentile and the maximum (minimax regret) marked. The
// satisficing shares are bars with their Wilson intervals (bars.ts).
import { frame, type Chart, type ChartContext, DEFAULT_WIDTH } from './frame.ts';
import { linearAxis, Plot, plot, plotOptions } from './plot.ts';
import { fmt, PALETTE } from './style.ts';
import { clip, textWidth } from './text.ts';
import { ENGLISH } from './words.ts';

export interface RegretRow {
  label: string;
  /** The regret in each state. */
  values: number[];
  mean: number;
  median: number;
  p90: number;
  max: number;
}

export function regretChart(d: { title: string; subtitle?: string; xLabel: string; rows: RegretRow[] }, ctx: ChartContext): Chart {
  const W = ctx.width ?? DEFAULT_WIDTH;
  const w = ctx.words ?? ENGLISH;
  const left = Math.ceil(Math.min(W * 0.4, Math.max(60, 20 + Math.max(...d.rows.map((r) => textWidth(r.label))))));
  const x = linearAxis([0, ...d.rows.flatMap((r) => [...r.values, r.max])], Math.max(3, Math.floor(W / 90)));
  const n = d.rows.length;
  const rows = d.rows.map((r, i) => ({ ...r, i }));
  type R = (typeof rows)[number];
  // Dots spread over the row's height by a fixed pattern (not random), so that ties stay visible.
  const dots = rows.flatMap((r) => r.values.map((v, k) => ({ v, y: r.i - 0.28 + (((k * 7) % 13) / 12) * 0.4 })));
  const svg = plot(
    plotOptions(ctx, n * 44 + 34, {
      marginLeft: left,
      x: { domain: x.domain, ticks: x.ticks, grid: true },
      y: { domain: [n - 0.5, -0.5], ticks: rows.map((r) => r.i), tickFormat: (i: number) => clip(d.rows[i]?.label ?? '', left - 12) },
      marks: [
        Plot.ruleY(rows, { y: (r: R) => r.i + 0.3, x1: 'median', x2: 'p90', stroke: PALETTE.blue, strokeWidth: 3 }),
        Plot.dot(dots, { x: 'v', y: 'y', r: 2.2, fill: '#333', fillOpacity: 0.45 }),
        Plot.dot(rows, {
          y: (r: R) => r.i + 0.3,
          x: 'mean',
          fill: PALETTE.vermillion,
          symbol: 'diamond',
          r: 4.5,
          title: (r: R) => w.say('report.chart.regretTip', { label: r.label, mean: fmt(r.mean), median: fmt(r.median), p90: fmt(r.p90), max: fmt(r.max) }),
        }),
        Plot.ruleX(rows, { x: 'max', y1: (r: R) => r.i + 0.18, y2: (r: R) => r.i + 0.42, stroke: PALETTE.black, strokeWidth: 2 }),
      ],
    }),
  );
  return frame(
    svg,
    {
      title: d.title,
      subtitle: d.subtitle,
      legend: [
        { label: w.say('report.chart.state'), color: '#333', shape: 'dot' },
        { label: w.say('report.chart.medianP90'), color: PALETTE.blue },
        { label: w.say('report.chart.mean'), color: PALETTE.vermillion, shape: 'dot' },
        { label: w.say('report.chart.maximum'), color: PALETTE.black },
      ],
      xLabel: d.xLabel,
    },
    ctx,
  );
}
