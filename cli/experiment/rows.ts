// CSV rows of a run, in runs.csv (one per recorded tick) and summary.csv (the final values). Numbers
// in JavaScript's shortest round-trip form (String(x)), so the CSV holds the exact doubles.
import type { Series } from '../../sim/index.ts';
import type { Experiment } from './experiment.ts';
import { decodeRun } from './plan.ts';

export interface Headers {
  runs: string;
  summary: string;
}

export function headersOf(e: Experiment): Headers {
  const front = ['run', 'scenario', 'seed', ...e.design.params];
  return { runs: [...front, 'tick', ...e.metrics].join(',') + '\n', summary: [...front, ...e.metrics].join(',') + '\n' };
}

/** Whether entry i of a series of n is recorded: every k-th and the last (k = 0: the last only). */
const isRecorded = (i: number, n: number, every: number): boolean => i === n - 1 || (every > 0 && i % every === 0);

/** Rows [tick, ...metrics] at every k-th tick and at the last one (k = 0: the last one only). */
export function recordedRows(series: Series, metrics: readonly string[], every: number): number[][] {
  const n = series.tick.length;
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) if (isRecorded(i, n, every)) rows.push([series.tick[i], ...metrics.map((m) => series[m][i])]);
  return rows;
}

/** How many rows a run of `ticks` months has in runs.csv (its series holds months 0 … ticks − 1). */
export function recordedCount(ticks: number, every: number): number {
  let count = 0;
  for (let i = 0; i < ticks; i++) if (isRecorded(i, ticks, every)) count++;
  return count;
}

export interface RunText {
  runs: string;
  summary: string;
}

/** The run's lines of runs.csv and its line of summary.csv. */
export function formatRun(e: Experiment, run: number, rows: number[][]): RunText {
  const { scenario, point, replicate } = decodeRun(run, e.design.points.length, e.seeds.length);
  const front = [run, e.scenarios[scenario].id, e.seeds[replicate], ...e.design.points[point]].map(String).join(',');
  const runs = rows.map((r) => `${front},${r.map(String).join(',')}\n`).join('');
  const summary = `${front},${rows[rows.length - 1].slice(1).map(String).join(',')}\n`;
  return { runs, summary };
}
