// Worker thread of `involution-lab calibrate` (built to dist/calibrate-worker.mjs): runs a proposal's
// replicates and answers with each replicate's target values. Results depend only on the task.
import { parentPort, workerData } from 'node:worker_threads';
import { runScenario, type Scenario } from '../../sim/index.ts';
import { serve } from '../experiment/protocol.ts';

export interface CalibrationWorkerData {
  scenario: Scenario;
  /** Fixed overrides (ticks included). */
  set: Record<string, number>;
  /** Parameter names, in the order of a task's theta. */
  names: string[];
  targets: { metric: string; tick: number }[];
}

export interface ProposalTask {
  generation: number;
  index: number;
  theta: number[];
  seeds: number[];
}

export interface ProposalResult {
  /** values[replicate][target] */
  values: number[][];
  ms: number;
}

/** The target values of one run of the scenario with parameters theta. */
export function simulateTargets(d: CalibrationWorkerData, theta: readonly number[], seed: number): number[] {
  const set = { ...d.set };
  d.names.forEach((n, i) => (set[n] = theta[i]));
  const { series } = runScenario(d.scenario, seed, { set });
  return d.targets.map((t) => series[t.metric][t.tick]);
}

if (parentPort) {
  const data = workerData as CalibrationWorkerData;
  serve<ProposalTask, ProposalResult>(parentPort, (task) => {
    const t0 = performance.now();
    const values = task.seeds.map((seed) => simulateTargets(data, task.theta, seed));
    return { values, ms: performance.now() - t0 };
  });
}
