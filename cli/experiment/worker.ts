// Worker thread of `involution-lab experiment` (built to dist/experiment-worker.mjs): runs one run of
// the model at a time and answers with the recorded rows. Results depend only on the task.
import { parentPort, workerData } from 'node:worker_threads';
import { setSpinUpMemoLimits, type Scenario } from '../../sim/index.ts';
import { runTask, type RunTask } from '../../lab/plan.ts';
import { recordedRows } from '../../lab/rows.ts';
import { serve } from '../runs/protocol.ts';

export interface WorkerData {
  scenarios: Scenario[];
  metrics: string[];
  every: number;
}

export interface RunOutput {
  rows: number[][];
  ms: number;
}

const { scenarios, metrics, every } = workerData as WorkerData;

// Runs go scenario by scenario, every seed of one before the next: keep the month-0 world of as many
// seeds as 128 MB hold (about 440 at 20 000 citizens), so the next scenario's runs start from them.
setSpinUpMemoLimits({ entries: 1024, bytes: 128 * 1024 * 1024 });

serve<RunTask, RunOutput>(parentPort!, (task) => {
  const t0 = performance.now();
  const series = runTask(scenarios, task);
  return { rows: recordedRows(series, metrics, every), ms: performance.now() - t0 };
});
