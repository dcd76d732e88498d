// Scenario discovery's charts (lab/analysis/discover.ts): PRIM's trade-off between coverage and
// density along the peeling trajectory (each step a dot, the one shown ringed; a dot carries its step
// as data-step, so a page can let the reader pick it), a box's limits against each parameter's range
// with the quasi-p-values, and the cases in two parameters with the box drawn over them.
import { ticks } from 'd3-array';
import { frame, type Chart, type ChartContext, DEFAULT_WIDTH } from './frame.ts';
import { linearAxis, Plot, plot, plotOptions } from './plot.ts';
import { fmt, PALETTE, seriesColor } from './style.ts';
import { clip, textWidth } from './text.ts';
import { ENGLISH, type Words } from './words.ts';

/** The words of these charts, from the context's (English by default). */
function discoveryWords(w: Words) {
  return {
    density: w.say('report.chart.density'),
    coverage: w.say('report.chart.coverage'),
    restricted: (n: number) => w.say('report.chart.restricted', { n }),
    step: (n: number) => w.say('report.chart.step', { n }),
    dot: (step: number, coverage: string, density: string, restricted: number) => w.say('report.chart.dot', { step, coverage, density, restricted }),
    box: w.say('report.chart.box'),
    range: w.say('report.chart.range'),
    position: w.say('report.chart.position'),
    ofInterest: (n: number) => w.say('report.chart.ofInterest', { n }),
    others: (n: number) => w.say('report.chart.others', { n }),
  };
}

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
}

/** Density against coverage along the trajectory; dots coloured by the number of restricted parameters. */
export function tradeoffChart(d: TradeoffData, ctx: ChartContext): Chart {
  const W = ctx.width ?? DEFAULT_WIDTH;
  const w = discoveryWords(ctx.words ?? ENGLISH);
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
export function boxLimitsChart(d: { title: string; subtitle?: string; rows: LimitRow[] }, ctx: ChartContext): Chart {
  const W = ctx.width ?? DEFAULT_WIDTH;
  const w = discoveryWords(ctx.words ?? ENGLISH);
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
          title: (r: (typeof rows)[number]) =>
            (ctx.words ?? ENGLISH).say('report.chart.limitTip', { parameter: r.parameter, limits: r.text, low: fmt(r.rangeLow), high: fmt(r.rangeHigh) }),
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
}

/** The cases in two parameters, those of interest in colour, and the box over them. */
export function scatterBoxChart(d: ScatterBoxData, ctx: ChartContext): Chart {
  const W = ctx.width ?? DEFAULT_WIDTH;
  const w = discoveryWords(ctx.words ?? ENGLISH);
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
