// A metric's final values from the summary table, arranged as [scenario][design point][replicate].
import { UsageError } from '../common/errors.ts';
import type { Manifest } from '../experiment/manifest.ts';
import { decodeRun } from '../experiment/plan.ts';
import type { Columns, Loaded } from '../experiment/results.ts';
import { mean } from './stats.ts';

export type Outcomes = number[][][];

export function checkOutcome(m: Manifest | Loaded, outcome: string | undefined): string {
  if (outcome === undefined) throw new UsageError(`analyze needs --outcome <metric>; recorded: ${m.metrics.join(', ')}`);
  if (!m.metrics.includes(outcome)) throw new UsageError(`--outcome "${outcome}" was not recorded; recorded: ${m.metrics.join(', ')}`);
  return outcome;
}

/** The outcome's values by scenario, point and replicate, from summary columns "run" and the metric. */
export function outcomesOf(m: Loaded, summary: Columns, metric: string): Outcomes {
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
