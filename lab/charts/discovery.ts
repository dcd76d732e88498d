// Scenario discovery's charts (lab/analysis/discover.ts): PRIM's trade-off between coverage and
// density along the peeling trajectory (each step a dot, the one shown ringed; a dot carries its step
// as data-step, so a page can let the reader pick it), a box's limits against each parameter's range
// with the quasi-p-values, and the cases in two parameters with the box drawn over them.
import { ticks } from 'd3-array';
import { frame, type Chart, type ChartContext, DEFAULT_WIDTH } from './frame.ts';
import { linearAxis, Plot, plot, plotOptions } from './plot.ts';
import { fmt, PALETTE, seriesColor } from './style.ts';
import { clip, textWidth } from './text.ts';

/** The words of these charts (English by default): a page passes its language's. */
export interface DiscoveryWords {
  density: string;
  coverage: string;
  restricted: (n: number) => string;
  step: (n: number) => string;
  /** A step's dot, as its tooltip says it. */
  dot: (step: number, coverage: string, density: string, restricted: number) => string;
  box: string;
  range: string;
  position: string;
  ofInterest: (n: number) => string;
  others: (n: number) => string;
}

export const DISCOVERY_WORDS: DiscoveryWords = {
  density: "density (share of the box's runs that are of interest)",
  coverage: 'coverage (share of all runs of interest inside the box)',
  restricted: (n) => `${n} restricted`,
  step: (n) => `step ${n}`,
  dot: (step, coverage, density, restricted) => `step ${step}: coverage ${coverage}, density ${density}, ${restricted} restricted`,
  box: 'the box',
  range: "the parameter's range",
  position: "position in the parameter's range (p: quasi-p-value of the restriction)",
  ofInterest: (n) => `of interest (${n})`,
  others: (n) => `others (${n})`,
};

export interface TradeoffStep {
  step: number;
  coverage: number;
  density: number;
  /** How many parameters the box restricts. */
  restricted: number;
}

export interface TradeoffData {
  title: string;
  subtitle?: string;
  steps: TradeoffStep[];
  /** The step drawn ringed (the box shown). */
  selected: number;
  words?: DiscoveryWords;
}

/** Density against coverage along the trajectory; dots coloured by the number of restricted parameters. */
export function tradeoffChart(d: TradeoffData, ctx: ChartContext): Chart {
  const W = ctx.width ?? DEFAULT_WIDTH;
  const w = d.words ?? DISCOVERY_WORDS;
  const counts = [...new Set(d.steps.map((s) => s.restricted))].sort((a, b) => a - b);
  const color = (n: number) => seriesColor(counts.indexOf(n));
  const y = linearAxis([0, 1, ...d.steps.map((s) => s.density)], 5);
  const sel = d.steps.filter((s) => s.step === d.selected);
  const svg = plot(
    plotOptions(ctx, Math.round(Math.max(180, Math.min(280, W * 0.42))) + 34, {
      marginLeft: y.margin,
      x: { domain: [0, 1.02], ticks: ticks(0, 1, 5) },
      y: { domain: [0, 1.02], ticks: ticks(0, 1, 5), grid: true },
      marks: [
        Plot.line(d.steps, { x: 'coverage', y: 'density', stroke: '#bbb', strokeWidth: 1 }),
        Plot.dot(d.steps, {
          x: 'coverage',
          y: 'density',
          r: 4.5,
          fill: (s: TradeoffStep) => color(s.restricted),
          className: 'step',
          title: (s: TradeoffStep) => w.dot(s.step, fmt(s.coverage), fmt(s.density), s.restricted),
        }),
        Plot.dot(sel, { x: 'coverage', y: 'density', r: 9, stroke: '#111', strokeWidth: 2, fill: 'none' }),
        // The label on the side with room: left of a box near full coverage.
        Plot.text(sel, {
          x: 'coverage',
          y: 'density',
          text: (s: TradeoffStep) => w.step(s.step),
          dx: sel[0]?.coverage > 0.75 ? -13 : 13,
          textAnchor: sel[0]?.coverage > 0.75 ? 'end' : 'start',
          fontWeight: 600,
        }),
      ],
    }),
  );
  // Each step's dot names its step, so that a page can make it a choice.
  svg.querySelectorAll('g.step circle').forEach((c, i) => c.setAttribute('data-step', String(d.steps[i].step)));
  return frame(
    svg,
    {
      title: d.title,
      subtitle: d.subtitle,
      legend: counts.map((n) => ({ label: w.restricted(n), color: color(n), shape: 'dot' as const })),
      yLabel: w.density,
      xLabel: w.coverage,
    },
    ctx,
  );
}

export interface LimitRow {
  parameter: string;
  rangeLow: number;
  rangeHigh: number;
  low: number;
  high: number;
  /** The restriction's quasi-p-value (NaN: not tested). */
  pValue: number;
}

/** A box's limits on each restricted parameter, as a share of its range (grey: the whole range). */
export function boxLimitsChart(d: { title: string; subtitle?: string; rows: LimitRow[]; words?: DiscoveryWords }, ctx: ChartContext): Chart {
  const W = ctx.width ?? DEFAULT_WIDTH;
  const w = d.words ?? DISCOVERY_WORDS;
  const left = Math.ceil(Math.min(W * 0.45, Math.max(60, 20 + Math.max(...d.rows.map((r) => textWidth(r.parameter))))));
  const unit = (r: LimitRow, v: number) => (r.rangeHigh > r.rangeLow ? (v - r.rangeLow) / (r.rangeHigh - r.rangeLow) : 0);
  const rows = d.rows.map((r) => ({
    ...r,
    u0: unit(r, r.low),
    u1: unit(r, r.high),
    text: `${fmt(r.low)} – ${fmt(r.high)}${Number.isFinite(r.pValue) ? `, p = ${fmt(r.pValue)}` : ''}`,
  }));
  const svg = plot(
    plotOptions(ctx, rows.length * 46 + 34, {
      marginLeft: left,
      marginRight: 18,
      x: { domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1], tickFormat: (v: number) => `${Math.round(v * 100)} %` },
      y: { type: 'band', domain: rows.map((r) => r.parameter), tickFormat: (l: string) => clip(l, left - 12), padding: 0.5 },
      marks: [
        Plot.barX(rows, { y: 'parameter', x1: 0, x2: 1, fill: '#e6e6e6' }),
        Plot.barX(rows, {
          y: 'parameter',
          x1: 'u0',
          x2: 'u1',
          fill: PALETTE.blue,
          fillOpacity: 0.75,
          title: (r: (typeof rows)[number]) => `${r.parameter}: ${r.text} (range ${fmt(r.rangeLow)} – ${fmt(r.rangeHigh)})`,
        }),
        Plot.text(rows, { y: 'parameter', x: (r: (typeof rows)[number]) => (r.u0 + r.u1) / 2, text: 'text', dy: -15, fill: '#222' }),
      ],
    }),
  );
  return frame(
    svg,
    {
      title: d.title,
      subtitle: d.subtitle,
      legend: [
        { label: w.box, color: PALETTE.blue, shape: 'box' },
        { label: w.range, color: '#cfcfcf', shape: 'box' },
      ],
      xLabel: w.position,
    },
    ctx,
  );
}

export interface ScatterBoxData {
  title: string;
  subtitle?: string;
  x: { label: string; lo: number; hi: number };
  y: { label: string; lo: number; hi: number };
  /** The cases: values of the two parameters, and whether each is of interest. */
  points: { x: number; y: number; hit: boolean }[];
  /** The box's limits on the two parameters. */
  box: { x: [number, number]; y: [number, number] };
  words?: DiscoveryWords;
}

/** The cases in two parameters, those of interest in colour, and the box over them. */
export function scatterBoxChart(d: ScatterBoxData, ctx: ChartContext): Chart {
  const W = ctx.width ?? DEFAULT_WIDTH;
  const w = d.words ?? DISCOVERY_WORDS;
  const y = linearAxis([d.y.lo, d.y.hi], 5);
  // A margin of 4 % around the ranges, so that runs at their ends are whole.
  const mx = 0.04 * (d.x.hi - d.x.lo),
    my = 0.04 * (d.y.hi - d.y.lo);
  const others = d.points.filter((p) => !p.hit),
    hits = d.points.filter((p) => p.hit);
  const svg = plot(
    plotOptions(ctx, Math.round(Math.max(200, Math.min(300, W * 0.5))) + 34, {
      marginLeft: y.margin,
      x: { domain: [d.x.lo - mx, d.x.hi + mx], ticks: ticks(d.x.lo, d.x.hi, 5) },
      y: { domain: [d.y.lo - my, d.y.hi + my], ticks: ticks(d.y.lo, d.y.hi, 5), grid: true },
      marks: [
        Plot.dot(others, { x: 'x', y: 'y', r: 1.8, fill: '#999', fillOpacity: 0.45 }),
        Plot.dot(hits, { x: 'x', y: 'y', r: 2.2, fill: PALETTE.vermillion, fillOpacity: 0.7 }),
        Plot.rect([d.box], {
          x1: (b: ScatterBoxData['box']) => b.x[0],
          x2: (b: ScatterBoxData['box']) => b.x[1],
          y1: (b: ScatterBoxData['box']) => b.y[0],
          y2: (b: ScatterBoxData['box']) => b.y[1],
          fill: 'none',
          stroke: '#111',
          strokeWidth: 2,
          strokeDasharray: '5 3',
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
        { label: w.ofInterest(hits.length), color: PALETTE.vermillion, shape: 'dot' },
        { label: w.others(others.length), color: '#999', shape: 'dot' },
        { label: w.box, color: '#111', dash: '5 3' },
      ],
      yLabel: d.y.label,
      xLabel: d.x.label,
    },
    ctx,
  );
}
