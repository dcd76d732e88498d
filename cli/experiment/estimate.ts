// --dry-run: how many runs, how many design points, and how long, from one short calibration run
// in this process. The model's cost is about linear in citizens × months, so one run scales to all.
import { resolveParams, runScenario } from '../../sim/index.ts';
import type { Experiment } from '../../lab/spec/resolve.ts';
import { decodeRun, taskOf } from '../../lab/plan.ts';

export interface Estimate {
  calibration: { scenario: string; citizens: number; ticks: number; ms: number };
  /** Estimated seconds of model time for all the runs, on one core. */
  runSeconds: number;
}

const CALIBRATION_TICKS = 24;
const CALIBRATION_REPEATS = 8;
const CALIBRATION_BUDGET_MS = 400;

export function estimate(e: Experiment, runs: readonly number[]): Estimate {
  const citizens = new Map<string, number>();
  const citizensOf = (run: number) => {
    const { scenario, point } = decodeRun(run, e.design.points.length, e.seeds.length);
    const key = e.design.params.includes('citizens') ? `${scenario}:${point}` : `${scenario}`;
    let n = citizens.get(key);
    if (n === undefined) citizens.set(key, (n = resolveParams(e.scenarios[scenario].params, taskOf(e, run).set).citizens));
    return n;
  };
  const task = taskOf(e, runs[0]);
  const ticks = Math.min(CALIBRATION_TICKS, task.ticks);
  // Repeat the calibration run (up to 8 times, or for 0.4 s) and keep the fastest: the first ones
  // run before the JIT has compiled the model, and a long batch spends nearly all its time compiled.
  let ms = Infinity;
  for (let i = 0, spent = 0; i < CALIBRATION_REPEATS && spent < CALIBRATION_BUDGET_MS; i++) {
    const t0 = performance.now();
    runScenario(e.scenarios[task.scenario], task.seed, { ticks, set: task.set });
    const took = performance.now() - t0;
    ms = Math.min(ms, took);
    spent += took;
  }
  const perCitizenTick = ms / 1000 / (citizensOf(runs[0]) * ticks);
  let runSeconds = 0;
  for (const run of runs) runSeconds += perCitizenTick * citizensOf(run) * e.ticks[decodeRun(run, e.design.points.length, e.seeds.length).scenario];
  return { calibration: { scenario: e.scenarios[task.scenario].id, citizens: citizensOf(runs[0]), ticks, ms }, runSeconds };
}
