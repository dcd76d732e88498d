// A metric's final values from summary.csv, arranged as [scenario][design point][replicate].
import { UsageError } from '../common/errors.ts';
import type { Manifest } from '../experiment/manifest.ts';
import { decodeRun } from '../experiment/plan.ts';
import { column, type Table } from '../experiment/results.ts';
import { mean } from './stats.ts';

export type Outcomes = number[][][];

export function checkOutcome(m: Manifest, outcome: string | undefined): string {
  if (outcome === undefined) throw new UsageError(`analyze needs --outcome <metric>; recorded: ${m.metrics.join(', ')}`);
  if (!m.metrics.includes(outcome)) throw new UsageError(`--outcome "${outcome}" was not recorded; recorded: ${m.metrics.join(', ')}`);
  return outcome;
}

export function outcomesOf(m: Manifest, summary: Table, metric: string): Outcomes {
  const P = m.design.points.length, R = m.seeds.length;
  const out: Outcomes = m.scenarios.map(() => Array.from({ length: P }, () => new Array<number>(R).fill(NaN)));
  const runs = column(summary, 'run');
  const values = column(summary, metric);
  runs.forEach((run, i) => {
    const { scenario, point, replicate } = decodeRun(run, P, R);
    out[scenario][point][replicate] = values[i];
  });
  return out;
}

/** The outcome of each design point of one scenario, averaged over its seeds. */
export const pointMeans = (byPoint: number[][]): number[] => byPoint.map((reps) => mean(reps));
