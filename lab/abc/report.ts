// What a calibration says: per parameter the posterior against its prior (how much the data
// identify it), and per target where the observation falls among the posterior's predictions.
import { quantile } from 'd3-array';
import type { Population, Prior } from './smc.ts';
import { marginal, type Marginal } from './stats.ts';
import type { Target } from './targets.ts';

export interface ParameterSummary extends Marginal {
  name: string;
  lo: number;
  hi: number;
  /**
   * 1 − posterior variance / prior variance: near 1 the data pin the parameter down, near 0 they
   * say nothing about it (its posterior is as wide as its prior).
   */
  contraction: number;
  verdict: 'identified' | 'partly identified' | 'not identified';
}

/** Contraction above which a parameter counts as identified, and below which as not identified. */
export const IDENTIFIED = 0.75, NOT_IDENTIFIED = 0.25;

export function summarise(pop: Population, prior: Prior): ParameterSummary[] {
  return prior.names.map((name, a) => {
    const m = marginal(pop.particles.map((p) => p[a]), pop.weights);
    const width = prior.hi[a] - prior.lo[a];
    const contraction = 1 - (m.sd * m.sd) / ((width * width) / 12);
    const verdict = contraction >= IDENTIFIED ? 'identified' : contraction <= NOT_IDENTIFIED ? 'not identified' : 'partly identified';
    return { name, lo: prior.lo[a], hi: prior.hi[a], ...m, contraction, verdict };
  });
}

/** Weighted correlation of two parameters in a population: which parameters trade off. */
export function correlation(pop: Population, a: number, b: number): number {
  let ma = 0, mb = 0;
  pop.particles.forEach((p, i) => {
    ma += pop.weights[i] * p[a];
    mb += pop.weights[i] * p[b];
  });
  let sab = 0, saa = 0, sbb = 0;
  pop.particles.forEach((p, i) => {
    const da = p[a] - ma, db = p[b] - mb;
    sab += pop.weights[i] * da * db;
    saa += pop.weights[i] * da * da;
    sbb += pop.weights[i] * db * db;
  });
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

export interface PredictiveSummary {
  /** The target's own name, when it has one (lab/abc/targets.ts). */
  name?: string;
  metric: string;
  tick: number;
  /** The first month of a target that is a mean over months. */
  from?: number;
  observed: Target['observed'];
  mean: number;
  q05: number;
  q50: number;
  q95: number;
  /** Share of predictions at or below the observed value; for a range, the share inside it. */
  position: number;
  /** The observation inside the central 90 % of the predictions (for a range: the range overlaps it). */
  consistent: boolean;
}

/** values[i][target]: one row per predictive run. */
export function predictiveCheck(values: readonly number[][], targets: readonly Target[]): PredictiveSummary[] {
  return targets.map((t, j) => {
    const xs = values.map((v) => v[j]);
    const q05 = quantile(xs, 0.05)!, q50 = quantile(xs, 0.5)!, q95 = quantile(xs, 0.95)!;
    const o = t.observed;
    const position = 'value' in o ? xs.filter((x) => x <= o.value).length / xs.length : xs.filter((x) => x >= o.range[0] && x <= o.range[1]).length / xs.length;
    const consistent = 'value' in o ? o.value >= q05 && o.value <= q95 : o.range[1] >= q05 && o.range[0] <= q95;
    return { ...(t.name !== undefined ? { name: t.name } : {}), metric: t.metric, tick: t.tick, ...(t.from !== undefined ? { from: t.from } : {}), observed: o, mean: xs.reduce((s, x) => s + x, 0) / xs.length, q05, q50, q95, position, consistent };
  });
}
