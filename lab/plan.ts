// Which runs an experiment has, in which order, and which of them a shard does (the command line
// reads the shard from its flags and the job array's environment: cli/experiment/scheduler.ts).
// Run index = (scenario × points + point) × seeds + replicate: replicates of one point are adjacent.
import { runScenario, type Scenario, type Series } from '../sim/index.ts';
import type { Experiment } from './spec/resolve.ts';

export interface Shard {
  /** 1-based, as given on the command line (`--shard i/n`). */
  index: number;
  count: number;
}

export const SHARD_RULE = 'a shard i/n does the runs whose index ≡ i − 1 (mod n)';
export const RUN_LAYOUT = 'run = (scenario × points + point) × seeds + replicate, all 0-based';

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
  /** Index into the experiment's scenarios. */
  scenario: number;
  seed: number;
  ticks: number;
  /** Parameter overrides on top of the scenario's: the spec's set, then the design point's values. */
  set: Record<string, number>;
}

export function taskOf(e: Experiment, run: number): RunTask {
  const { scenario, point, replicate } = decodeRun(run, e.design.points.length, e.seeds.length);
  const varied = Object.fromEntries(e.design.params.map((p, i) => [p, e.design.points[point][i]]));
  return { run, scenario, seed: e.seeds[replicate], ticks: e.ticks[scenario], set: { ...e.spec.set, ...varied } };
}

/** One run of an experiment, everything about it named: what a browser lists and runs. */
export interface PlannedRun extends RunTask, RunCoordinates {
  /** The scenario's id. */
  scenarioId: string;
  /** The design point's values by parameter name (empty without a design). */
  params: Record<string, number>;
}

export function plannedRun(e: Experiment, run: number): PlannedRun {
  const at = decodeRun(run, e.design.points.length, e.seeds.length);
  const params = Object.fromEntries(e.design.params.map((p, i) => [p, e.design.points[at.point][i]]));
  return { ...taskOf(e, run), ...at, scenarioId: e.scenarios[at.scenario].id, params };
}

/** The runs of the experiment (or of one shard), in run order. */
export const plannedRuns = (e: Experiment, shard: Shard | null = null): PlannedRun[] => runsOf(e.runs, shard).map((run) => plannedRun(e, run));

/** The model's series of one run: what the CLI's workers do for each task, and the browser in memory. */
export const runTask = (scenarios: readonly Scenario[], task: RunTask): Series =>
  runScenario(scenarios[task.scenario], task.seed, { ticks: task.ticks, set: task.set }).series;
