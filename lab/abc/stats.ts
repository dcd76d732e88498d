// Weighted statistics of a particle population.
import { exp, pow } from '../../sim/math.ts';

/** Weights scaled to sum to 1. */
export function normalise(weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => w / total);
}

/**
 * Draws by weight: returns a function that, for u uniform in [0, 1), gives the first index whose
 * cumulative weight exceeds u × the total (a binary search over the cumulative weights).
 */
export function weightedPicker(weights: readonly number[]): (u: number) => number {
  const cumulative: number[] = [];
  weights.reduce((c, w, i) => (cumulative[i] = c + w), 0);
  const top = cumulative[cumulative.length - 1];
  return (u) => {
    const target = u * top;
    let lo = 0, hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/** Effective sample size (Kish): (Σw)² / Σw². */
export function effectiveSampleSize(weights: readonly number[]): number {
  let s = 0, s2 = 0;
  for (const w of weights) {
    s += w;
    s2 += w * w;
  }
  return s2 > 0 ? (s * s) / s2 : 0;
}

/**
 * The weighted q-quantile: the smallest value whose cumulative weight reaches q (values sorted,
 * ties broken by position, so the result is reproducible).
 */
export function weightedQuantile(values: readonly number[], weights: readonly number[], q: number): number {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  const total = weights.reduce((s, w) => s + w, 0);
  let cumulative = 0;
  for (const i of order) {
    cumulative += weights[i] / total;
    if (cumulative >= q - 1e-12) return values[i];
  }
  return values[order[order.length - 1]];
}

export interface Marginal {
  mean: number;
  sd: number;
  q05: number;
  q50: number;
  q95: number;
}

/** Weighted mean, sd and 5/50/95 % quantiles of one coordinate. */
export function marginal(values: readonly number[], weights: readonly number[]): Marginal {
  const w = normalise(weights);
  let mean = 0;
  values.forEach((v, i) => (mean += w[i] * v));
  let variance = 0;
  values.forEach((v, i) => (variance += w[i] * (v - mean) * (v - mean)));
  return { mean, sd: Math.sqrt(variance), q05: weightedQuantile(values, w, 0.05), q50: weightedQuantile(values, w, 0.5), q95: weightedQuantile(values, w, 0.95) };
}

/**
 * Weighted Gaussian kernel density of `values` at each point of `grid`; the bandwidth by Silverman's
 * rule on the effective sample size, never below `minBandwidth`.
 */
export function kde(values: readonly number[], weights: readonly number[], grid: readonly number[], minBandwidth: number): number[] {
  const w = normalise(weights);
  const { sd } = marginal(values, w);
  const h = Math.max(minBandwidth, 1.06 * sd * pow(effectiveSampleSize(w), -0.2));
  const norm = 1 / (h * Math.sqrt(2 * Math.PI));
  return grid.map((x) => {
    let s = 0;
    values.forEach((v, i) => {
      const z = (x - v) / h;
      s += w[i] * exp(-0.5 * z * z);
    });
    return s * norm;
  });
}
