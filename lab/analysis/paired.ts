// Paired comparison on common random numbers: the same seed in two scenarios gives a paired
// difference; its mean with a t interval (Law 2015, Simulation Modeling and Analysis, §10.2).
import { mean, sd, tQuantile } from './stats.ts';

export interface PairedDifference {
  n: number;
  /** Mean of other − baseline. */
  mean: number;
  sd: number;
  low: number;
  high: number;
}

/** Mean of a sample with its t interval (one sample: each value is already a paired difference or a statistic per seed). */
export function meanInterval(values: readonly number[], level = 0.95): PairedDifference {
  const m = mean(values);
  const s = sd(values);
  const half = values.length > 1 ? tQuantile(1 - (1 - level) / 2, values.length - 1) * (s / Math.sqrt(values.length)) : NaN;
  return { n: values.length, mean: m, sd: s, low: m - half, high: m + half };
}

export function pairedDifference(baseline: readonly number[], other: readonly number[], level = 0.95): PairedDifference {
  if (baseline.length !== other.length) throw new RangeError(`paired samples differ in size: ${baseline.length} and ${other.length}`);
  return meanInterval(other.map((x, i) => x - baseline[i]), level);
}
