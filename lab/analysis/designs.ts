// What a design without a sensitivity analysis says about an outcome, so that every design has a
// result:
// - grid: at each design point (and each recorded month), the mean over seeds with its 95 % t
//   interval; charts read it against each varied parameter, one line per scenario;
// - replications (no design): each scenario's distribution of final values over seeds (quartiles,
//   extremes, the mean with its 95 % t interval);
// - lhs: the outcome against each parameter, smoothed by binned means: the parameter's range cut in
//   equal bins, and in each the mean of the design points' outcomes (their mean over seeds) with a
//   95 % t interval over those points.
import { decodeRun } from '../plan.ts';
import { recordedTicks } from '../rows.ts';
import { outcomesOf, pointMeans, type Columns, type RunSource } from './outcomes.ts';
import { meanInterval } from './paired.ts';
import { quantileSorted } from './stats.ts';
import type { Result } from './methods.ts';

/** Runs' recorded months: columns "run", "tick" and the outcome, a row a run and month (runs.csv), in any order; with each scenario's months and the recording interval. */
export interface RunsTable {
  table: Columns;
  ticks: readonly number[];
  every: number;
}

/**
 * Grid: per scenario, design point and recorded month, the outcome's mean over seeds with a 95 % t
 * interval. From the runs' recorded months when given, else from the summary (the final month only,
 * its tick left empty).
 */
export function gridResult(m: RunSource, outcome: string, summary: Columns, runs?: RunsTable): Result {
  const { params, points } = m.design;
  const P = points.length,
    R = m.seeds.length;
  const ticksOf = m.scenarios.map((_, s) => (runs ? recordedTicks(runs.ticks[s], runs.every) : [NaN]));
  // values[scenario][point][tick index][replicate]
  const values = m.scenarios.map((_, s) => points.map(() => ticksOf[s].map(() => new Array<number>(R).fill(NaN))));
  if (runs) {
    const index = ticksOf.map((ts) => new Map(ts.map((t, i) => [t, i])));
    const run = runs.table.values.run,
      tick = runs.table.values.tick,
      v = runs.table.values[outcome];
    for (let i = 0; i < runs.table.rows; i++) {
      const { scenario, point, replicate } = decodeRun(run[i], P, R);
      const ti = index[scenario].get(tick[i]);
      if (ti !== undefined) values[scenario][point][ti][replicate] = v[i];
    }
  } else {
    outcomesOf(m, summary, outcome).forEach((byPoint, s) => byPoint.forEach((reps, p) => (values[s][p][0] = reps)));
  }
  const rows: (string | number)[][] = [];
  m.scenarios.forEach((sc, s) =>
    points.forEach((point, p) =>
      ticksOf[s].forEach((t, ti) => {
        const d = meanInterval(values[s][p][ti]);
        rows.push([sc.id, p, ...point, Number.isNaN(t) ? '' : t, d.n, d.mean, d.low, d.high, d.sd]);
      }),
    ),
  );
  return { columns: ['scenario', 'point', ...params, 'tick', 'n', 'mean', 'low', 'high', 'sd'], rows };
}

/** Replications: per scenario, the distribution of the final values over seeds. */
export function replicationsResult(m: RunSource, outcome: string, summary: Columns): Result {
  const outcomes = outcomesOf(m, summary, outcome);
  const rows = m.scenarios.flatMap((sc, s) =>
    outcomes[s].map((reps, p) => {
      const d = meanInterval(reps);
      const sorted = [...reps].sort((a, b) => a - b);
      const q = (x: number) => quantileSorted(sorted, x);
      return [sc.id, p, d.n, d.mean, d.low, d.high, d.sd, sorted[0], q(0.25), q(0.5), q(0.75), sorted[sorted.length - 1]];
    }),
  );
  return { columns: ['scenario', 'point', 'n', 'mean', 'low', 'high', 'sd', 'min', 'q25', 'median', 'q75', 'max'], rows };
}

/** Bins of a parameter's range: at most 10, and at least 5 design points a bin on average. */
export const binCount = (points: number): number => Math.max(1, Math.min(10, Math.floor(points / 5)));

/** LHS: per scenario and parameter, the binned means of the design points' outcomes (mean over seeds). */
export function lhsResult(m: RunSource, outcome: string, summary: Columns): Result {
  const { params, points, ranges } = m.design;
  const outcomes = outcomesOf(m, summary, outcome);
  const B = binCount(points.length);
  const rows: (string | number)[][] = [];
  m.scenarios.forEach((sc, s) => {
    const y = pointMeans(outcomes[s]);
    params.forEach((name, d) => {
      const [lo, hi] = ranges?.[name] ?? [Math.min(...points.map((q) => q[d])), Math.max(...points.map((q) => q[d]))];
      const width = (hi - lo) / B;
      const bins: number[][] = Array.from({ length: B }, () => []);
      points.forEach((q, p) => {
        if (Number.isFinite(y[p])) bins[Math.min(B - 1, Math.max(0, Math.floor((q[d] - lo) / width)))].push(y[p]);
      });
      bins.forEach((ys, b) => {
        const r = meanInterval(ys);
        rows.push([sc.id, name, b, lo + b * width, b === B - 1 ? hi : lo + (b + 1) * width, r.n, r.mean, r.low, r.high]);
      });
    });
  });
  return { columns: ['scenario', 'parameter', 'bin', 'binLow', 'binHigh', 'n', 'mean', 'low', 'high'], rows };
}
