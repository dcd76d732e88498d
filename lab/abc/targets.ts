// Observed targets and the distance of a simulation from them, normalised per target so that
// indicators on different scales count alike.

/** An observation: a value with its standard error, or a range the city is known to lie in. */
export type Observation = { value: number; sd: number } | { range: [number, number] };

export interface Target {
  /**
   * The target's own name, when the spec names its metric in field "metric" (then its key in
   * "targets" is this name): one metric may so be observed over several windows. Absent, the key is
   * the metric, and the metric is the target's name.
   */
  name?: string;
  /** A model metric (a column of the run's series). */
  metric: string;
  /** The month it is observed at (0-based series index). */
  tick: number;
  /** If given, the target is the metric's mean over months from … tick (a figure published for several years). */
  from?: number;
  observed: Observation;
}

/** The target's name as files, tables and progress show it: its own name, or its metric's. */
export const targetName = (t: { name?: string; metric: string }): string => t.name ?? t.metric;

/**
 * How far a simulated value is from the observation, in units of the observation's spread: (x − value)/sd,
 * or for a range 0 inside and the distance to the nearer end in half-widths outside.
 */
export function standardised(x: number, o: Observation): number {
  if ('value' in o) return (x - o.value) / o.sd;
  const [lo, hi] = o.range;
  const half = (hi - lo) / 2;
  return x < lo ? (lo - x) / half : x > hi ? (x - hi) / half : 0;
}

/** Root mean square of the standardised differences: 1 means "one sd (or half-width) off on average". */
export function distance(simulated: readonly number[], targets: readonly Target[]): number {
  let s = 0;
  targets.forEach((t, i) => {
    const z = standardised(simulated[i], t.observed);
    s += z * z;
  });
  const d = Math.sqrt(s / targets.length);
  // A NaN metric can never be accepted.
  return Number.isNaN(d) ? Infinity : d;
}

/** The month or months a target reads, as text: "71", or "12–71" for a mean over months. */
export const targetMonths = (t: { tick: number; from?: number }): string => (t.from === undefined ? String(t.tick) : `${t.from}–${t.tick}`);

/** The observation as text: "0.7 ± 0.05" or "[0.6, 0.9]". */
export const describeObservation = (o: Observation): string => ('value' in o ? `${o.value} ± ${o.sd}` : `[${o.range[0]}, ${o.range[1]}]`);
