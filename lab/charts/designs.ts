// Charts of what a design's runs say (lab/analysis/designs.ts): means with their intervals against a
// parameter or over months, one line per series, small multiples stacked for a second parameter or
// a scenario; the distribution of replications (seeds as dots, quartiles as a box, the mean with its
// interval); and an outcome against a parameter with its binned-means smoother.
import { frame, type Chart, type ChartContext, DEFAULT_WIDTH } from './frame.ts';
import { linearAxis, Plot, plot, plotOptions } from './plot.ts';
import { fmt, PALETTE, seriesColor } from './style.ts';
import { clip, textWidth } from './text.ts';
import { ENGLISH } from './words.ts';

export interface IntervalPoint {
  x: number;
  mean: number;
  low: number;
  high: number;
  /** The line it belongs to (a scenario, a parameter's value). */
  series: string;
  /** The small multiple it belongs to ("pathDependence = 0.5"), if any. */
  facet?: string;
}

export interface IntervalChartData {
  title: string;
  subtitle?: string;
  xLabel: string;
  yLabel: string;
  points: IntervalPoint[];
  /** Lines in legend order (and colour order). */
  series: string[];
  /** Small multiples, top to bottom. */
  facets?: string[];
  /** Intervals as a band (many x values: months) instead of whiskers (few: a grid's values). */
  band?: boolean;
  note?: string;
}

const PANEL = 150;

/** Means and intervals against x, a line per series, a panel per facet. */
export function intervalChart(d: IntervalChartData, ctx: ChartContext): Chart {
  const W = ctx.width ?? DEFAULT_WIDTH;
  const facets = d.facets?.length ? d.facets : undefined;
  const color = (s: string) => seriesColor(Math.max(0, d.series.indexOf(s)));
  const y = linearAxis(
    d.points.flatMap((p) => [p.low, p.high, p.mean]),
    facets ? 4 : 5,
  );
  const xs = d.points.map((p) => p.x);
  const x = linearAxis(xs, Math.max(2, Math.floor(W / 90)));
  const xDomain: [number, number] = xs.length ? [Math.min(...xs), Math.max(...xs)] : [0, 1];
  const pad = xDomain[1] > xDomain[0] ? (xDomain[1] - xDomain[0]) * (d.band ? 0 : 0.04) : 0.5;
  const fy = facets ? { fy: 'facet' } : {};
  const marks: Plot.Markish[] = [];
  if (y.domain[0] < 0 && y.domain[1] > 0) marks.push(Plot.ruleY([0], { stroke: '#888' }));
  for (const s of d.series) {
    const mine = d.points.filter((p) => p.series === s).sort((a, b) => a.x - b.x);
    const title = (p: IntervalPoint) => `${s}${p.facet ? `, ${p.facet}` : ''}: ${fmt(p.x)} → ${fmt(p.mean)} [${fmt(p.low)}, ${fmt(p.high)}]`;
    if (d.band) marks.push(Plot.areaY(mine, { x: 'x', y1: 'low', y2: 'high', fill: color(s), fillOpacity: 0.16, ...fy }));
    else marks.push(Plot.ruleX(mine, { x: 'x', y1: 'low', y2: 'high', stroke: color(s), strokeWidth: 1.5, ...fy }));
    marks.push(Plot.lineY(mine, { x: 'x', y: 'mean', stroke: color(s), strokeWidth: 2, ...fy }));
    if (!d.band) marks.push(Plot.dot(mine, { x: 'x', y: 'mean', fill: color(s), r: 3, title, ...fy }));
  }
  if (facets)
    marks.push(Plot.text(facets, { fy: (f: string) => f, text: (f: string) => f, frameAnchor: 'top-left', dx: 4, dy: 3, fontWeight: 600, fill: '#333' }));
  const svg = plot(
    plotOptions(ctx, (facets?.length ?? 1) * PANEL + 34, {
      marginLeft: y.margin,
      x: { domain: [xDomain[0] - pad, xDomain[1] + pad], ticks: x.ticks.filter((t) => t >= xDomain[0] - pad && t <= xDomain[1] + pad) },
      y: { domain: y.domain, ticks: y.ticks, grid: true },
      ...(facets ? { fy: { domain: facets, axis: null, padding: 0.2 } } : {}),
      marks,
    }),
  );
  return frame(
    svg,
    {
      title: d.title,
      subtitle: d.subtitle,
      legend: d.series.length > 1 ? d.series.map((s) => ({ label: s, color: color(s), shape: d.band ? ('band' as const) : ('line' as const) })) : [],
      yLabel: d.yLabel,
      xLabel: d.xLabel,
      notes: d.note ? [d.note] : [],
    },
    ctx,
  );
}

export interface DistributionRow {
  label: string;
  /** Every seed's value. */
  values: number[];
  q25: number;
  median: number;
  q75: number;
  mean: number;
  low: number;
  high: number;
}

/** Replications: per row, every seed as a dot, the quartiles as a box with the median, and the mean with its interval. */
export function distributionChart(d: { title: string; subtitle?: string; xLabel: string; rows: DistributionRow[] }, ctx: ChartContext): Chart {
  const W = ctx.width ?? DEFAULT_WIDTH;
  const left = Math.ceil(Math.min(W * 0.4, Math.max(60, 20 + Math.max(...d.rows.map((r) => textWidth(r.label))))));
  const x = linearAxis(
    d.rows.flatMap((r) => [...r.values, r.low, r.high]),
    Math.max(3, Math.floor(W / 90)),
  );
  const n = d.rows.length;
  const rows = d.rows.map((r, i) => ({ ...r, i }));
  // Dots spread over the row's height by a fixed pattern (not random), so that ties stay visible.
  const dots = rows.flatMap((r) => r.values.map((v, k) => ({ v, y: r.i - 0.28 + (((k * 7) % 13) / 12) * 0.4 })));
  const svg = plot(
    plotOptions(ctx, n * 48 + 34, {
      marginLeft: left,
      x: { domain: x.domain, ticks: x.ticks, grid: true },
      y: { domain: [n - 0.5, -0.5], ticks: rows.map((r) => r.i), tickFormat: (i: number) => clip(d.rows[i]?.label ?? '', left - 12) },
      marks: [
        Plot.rect(rows, {
          y1: (r: (typeof rows)[number]) => r.i - 0.3,
          y2: (r: (typeof rows)[number]) => r.i + 0.14,
          x1: 'q25',
          x2: 'q75',
          fill: PALETTE.blue,
          fillOpacity: 0.14,
          stroke: PALETTE.blue,
          strokeOpacity: 0.5,
        }),
        Plot.ruleX(rows, {
          x: 'median',
          y1: (r: (typeof rows)[number]) => r.i - 0.3,
          y2: (r: (typeof rows)[number]) => r.i + 0.14,
          stroke: PALETTE.blue,
          strokeWidth: 2,
        }),
        Plot.dot(dots, { x: 'v', y: 'y', r: 2.2, fill: '#333', fillOpacity: 0.45 }),
        Plot.ruleY(rows, { y: (r: (typeof rows)[number]) => r.i + 0.3, x1: 'low', x2: 'high', stroke: PALETTE.vermillion, strokeWidth: 3 }),
        Plot.dot(rows, {
          y: (r: (typeof rows)[number]) => r.i + 0.3,
          x: 'mean',
          fill: PALETTE.vermillion,
          symbol: 'diamond',
          r: 4.5,
          title: (r: DistributionRow) =>
            (ctx.words ?? ENGLISH).say('report.chart.distributionTip', {
              label: r.label,
              mean: fmt(r.mean),
              low: fmt(r.low),
              high: fmt(r.high),
              median: fmt(r.median),
            }),
        }),
      ],
    }),
  );
  return frame(
    svg,
    {
      title: d.title,
      subtitle: d.subtitle,
      legend: [
        { label: (ctx.words ?? ENGLISH).say('report.chart.seed'), color: '#333', shape: 'dot' },
        { label: (ctx.words ?? ENGLISH).say('report.chart.quartiles'), color: PALETTE.blue, shape: 'box' },
        { label: (ctx.words ?? ENGLISH).say('report.chart.meanInterval'), color: PALETTE.vermillion },
      ],
      xLabel: d.xLabel,
    },
    ctx,
  );
}

export interface SmootherData {
  title: string;
  subtitle?: string;
  xLabel: string;
  yLabel: string;
  /** Each design point's outcome (its mean over seeds), by series. */
  points: { x: number; y: number; series: string }[];
  /** The binned means: each bin's middle, mean and interval, by series. */
  bins: { x: number; mean: number; low: number; high: number; series: string }[];
  series: string[];
  note?: string;
}

/** An outcome against one parameter: design points as dots, binned means as a line in its interval band. */
export function smootherChart(d: SmootherData, ctx: ChartContext): Chart {
  const W = ctx.width ?? DEFAULT_WIDTH;
  const color = (s: string) => seriesColor(Math.max(0, d.series.indexOf(s)));
  const y = linearAxis([...d.points.map((p) => p.y), ...d.bins.flatMap((b) => [b.low, b.high])], 5);
  const xs = [...d.points.map((p) => p.x), ...d.bins.map((b) => b.x)];
  const x = linearAxis(xs, Math.max(2, Math.floor(W / 90)));
  const marks: Plot.Markish[] = [];
  for (const s of d.series) {
    const bins = d.bins.filter((b) => b.series === s && Number.isFinite(b.mean));
    marks.push(
      Plot.dot(
        d.points.filter((p) => p.series === s),
        { x: 'x', y: 'y', r: 2, fill: color(s), fillOpacity: 0.35 },
      ),
      Plot.areaY(bins, {
        x: 'x',
        y1: (b: (typeof bins)[number]) => (Number.isFinite(b.low) ? b.low : b.mean),
        y2: (b: (typeof bins)[number]) => (Number.isFinite(b.high) ? b.high : b.mean),
        fill: color(s),
        fillOpacity: 0.18,
      }),
      Plot.lineY(bins, { x: 'x', y: 'mean', stroke: color(s), strokeWidth: 2.2 }),
      Plot.dot(bins, {
        x: 'x',
        y: 'mean',
        r: 3.5,
        fill: 'white',
        stroke: color(s),
        strokeWidth: 1.5,
        title: (b: (typeof bins)[number]) => `${s}: ${fmt(b.x)} → ${fmt(b.mean)} [${fmt(b.low)}, ${fmt(b.high)}]`,
      }),
    );
  }
  const svg = plot(
    plotOptions(ctx, Math.round(Math.max(160, Math.min(240, W * 0.36))) + 34, {
      marginLeft: y.margin,
      x: { domain: x.domain, ticks: x.ticks },
      y: { domain: y.domain, ticks: y.ticks, grid: true },
      marks,
    }),
  );
  return frame(
    svg,
    {
      title: d.title,
      subtitle: d.subtitle,
      legend: [
        ...d.series.map((s) => ({
          label: d.series.length > 1 ? s : (ctx.words ?? ENGLISH).say('report.chart.binnedMean'),
          color: color(s),
          shape: 'band' as const,
        })),
        { label: (ctx.words ?? ENGLISH).say('report.chart.designPoint'), color: d.series.length > 1 ? '#777' : color(d.series[0]), shape: 'dot' as const },
      ],
      yLabel: d.yLabel,
      xLabel: d.xLabel,
      notes: d.note ? [d.note] : [],
    },
    ctx,
  );
}
