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

export function pairedDifference(baseline: readonly number[], other: readonly number[], level = 0.95): PairedDifference {
  if (baseline.length !== other.length) throw new RangeError(`paired samples differ in size: ${baseline.length} and ${other.length}`);
  const d = other.map((x, i) => x - baseline[i]);
  const m = mean(d);
  const s = sd(d);
  const half = d.length > 1 ? tQuantile(1 - (1 - level) / 2, d.length - 1) * (s / Math.sqrt(d.length)) : NaN;
  return { n: d.length, mean: m, sd: s, low: m - half, high: m + half };
}
