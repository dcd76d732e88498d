// Worker thread of `involution-lab calibrate` (built to dist/calibrate-worker.mjs): runs a proposal's
// replicates and answers with each replicate's target values. Results depend only on the task.
import { parentPort, workerData } from 'node:worker_threads';
import { simulateTargets, type ModelSetup } from '../../lab/abc/model.ts';
import { serve } from '../runs/protocol.ts';

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

const setup = workerData as ModelSetup;

serve<ProposalTask, ProposalResult>(parentPort!, (task) => {
  const t0 = performance.now();
  const values = task.seeds.map((seed) => simulateTargets(setup, task.theta, seed));
  return { values, ms: performance.now() - t0 };
});
