// A metric's final values from the summary table, arranged as [scenario][design point][replicate].
import type { Design } from '../design/design.ts';
import { decodeRun } from '../plan.ts';
import { mean } from './stats.ts';

export type Outcomes = number[][][];

/** What the arrangement of an experiment's runs depends on: an Experiment, or a manifest with its design. */
export interface RunSource {
  scenarios: readonly { id: string }[];
  seeds: readonly number[];
  design: Design;
}

/** Numeric columns of a table by name, a row a run (in any order: column "run" says which). */
export interface Columns {
  rows: number;
  values: Record<string, ArrayLike<number>>;
}

/** The outcome's values by scenario, point and replicate, from summary columns "run" and the metric; NaN where a run is missing. */
export function outcomesOf(m: RunSource, summary: Columns, metric: string): Outcomes {
  const P = m.design.points.length, R = m.seeds.length;
  const out: Outcomes = m.scenarios.map(() => Array.from({ length: P }, () => new Array<number>(R).fill(NaN)));
  const runs = summary.values.run;
  const values = summary.values[metric];
  for (let i = 0; i < summary.rows; i++) {
    const { scenario, point, replicate } = decodeRun(runs[i], P, R);
    out[scenario][point][replicate] = values[i];
  }
  return out;
}

/** The outcome of each design point of one scenario, averaged over its seeds. */
export const pointMeans = (byPoint: number[][]): number[] => byPoint.map((reps) => mean(reps));
