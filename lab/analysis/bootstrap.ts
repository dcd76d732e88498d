// Percentile bootstrap (Efron & Tibshirani 1993): resample the independent units (base rows of a
// Saltelli design, Morris trajectories) with replacement, seeded, and take the empirical quantiles.
import { createRng, randomInt } from '../random.ts';
import { quantileSorted } from './stats.ts';

export interface BootstrapOptions {
  /** Number of resamples (1000 by default). */
  resamples?: number;
  /** Seed of the resampling stream (1 by default). */
  seed?: number;
  /** Confidence level (0.95 by default). */
  level?: number;
}

export interface Interval {
  low: number;
  high: number;
}

/**
 * Percentile intervals of a vector statistic. `statistic(sample)` gets `n` unit indices (drawn with
 * replacement) and returns one value per component; non-finite values of a resample are dropped.
 */
export function bootstrap(n: number, statistic: (sample: Int32Array) => number[], options: BootstrapOptions = {}): Interval[] {
  const { resamples = 1000, seed = 1, level = 0.95 } = options;
  const rng = createRng(seed);
  const sample = new Int32Array(n);
  const draws: number[][] = [];
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) sample[i] = randomInt(rng, n);
    statistic(sample).forEach((v, c) => {
      draws[c] ??= [];
      if (Number.isFinite(v)) draws[c].push(v);
    });
  }
  const alpha = (1 - level) / 2;
  // An empty list (every resample undefined, e.g. a constant output) gives a NaN interval.
  return Array.from(draws, (values) => {
    values.sort((a, b) => a - b);
    return { low: quantileSorted(values, alpha), high: quantileSorted(values, 1 - alpha) };
  });
}
