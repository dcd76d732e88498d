// Which runs an experiment has, in which order, and which of them a shard does.
// Run index = (scenario × points + point) × seeds + replicate: replicates of one point are adjacent.
import { UsageError } from '../common/errors.ts';
import type { Experiment } from './experiment.ts';
import { autoShard } from './scheduler.ts';

export interface Shard {
  /** 1-based, as given on the command line (`--shard i/n`). */
  index: number;
  count: number;
}

export const SHARD_RULE = 'a shard i/n does the runs whose index ≡ i − 1 (mod n)';
export const RUN_LAYOUT = 'run = (scenario × points + point) × seeds + replicate, all 0-based';

export function parseShard(text: string, env: Record<string, string | undefined> = process.env): Shard {
  if (text.trim().startsWith('auto')) return autoShard(text, env);
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]), count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard ${JSON.stringify(text)} is not allowed: must be i/n with 1 ≤ i ≤ n, e.g. 3/8, or auto (from the job array)`);
  return { index, count };
}

/** Run indices of the experiment (or of one shard), ascending. */
export function runsOf(runs: number, shard: Shard | null): number[] {
  const out: number[] = [];
  for (let r = shard ? shard.index - 1 : 0; r < runs; r += shard ? shard.count : 1) out.push(r);
  return out;
}

export interface RunCoordinates {
  scenario: number;
  point: number;
  replicate: number;
}

export function decodeRun(run: number, points: number, seeds: number): RunCoordinates {
  return { scenario: Math.floor(run / (points * seeds)), point: Math.floor(run / seeds) % points, replicate: run % seeds };
}

/** What a worker needs for one run; scenarios, metrics and recording travel once, in workerData. */
export interface RunTask {
  run: number;
  scenario: number;
  seed: number;
  ticks: number;
  set: Record<string, number>;
}

export function taskOf(e: Experiment, run: number): RunTask {
  const { scenario, point, replicate } = decodeRun(run, e.design.points.length, e.seeds.length);
  const varied = Object.fromEntries(e.design.params.map((p, i) => [p, e.design.points[point][i]]));
  return { run, scenario, seed: e.seeds[replicate], ticks: e.ticks[scenario], set: { ...e.spec.set, ...varied } };
}
