// Running an experiment in the browser: the runs not yet stored, on the pool of workers (all cores),
// each stored as it finishes (store.ts) and added to the results, which write summary.csv and
// runs.csv as the CLI does. Only missing runs are run: a reload or a Cancel loses no finished one.
import { ExperimentResults, runsOf, taskOf, type Experiment } from '../../lab/index.ts';
import { POOL_SIZE, Cancelled, runCost, type Batch } from '../pool.ts';
import { putRun, storedRuns } from './store.ts';

export interface Progress {
  /** Runs finished (stored and kept in memory), of `total`. */
  done: number;
  total: number;
  /** Runs computed by this page (not read back from the store). */
  ran: number;
  /** Runs given up after failing twice. */
  failed: number;
  /** Runs a second in this session, once measurable. */
  rate: number | null;
  /** Seconds left at that rate. */
  eta: number | null;
  /** Runs this browser has kept (stored), of `done`: fewer when its storage refused a write. */
  stored: number;
  /** Why the storage refused a write (e.g. QuotaExceededError), once it has. */
  storeError: string | null;
}

export interface RunOutcome {
  failed: number[];
  /** Runs computed by this call. */
  ran: number;
  /** Whether the store kept the runs (false when IndexedDB is unavailable or refused a write: a reload loses the rest). */
  kept: boolean;
  /** Runs of the experiment kept in the store at the end. */
  stored: number;
  /** Why the store refused a write, if it did. */
  storeError: string | null;
}

/** The results stored for this experiment, read back (entries that do not fit the experiment are skipped). */
export async function restore(e: Experiment, key: string): Promise<{ results: ExperimentResults; kept: boolean }> {
  const results = new ExperimentResults(e);
  try {
    for (const [run, rows] of await storedRuns(key)) {
      try {
        results.addRows(run, rows);
      } catch {
        // Not a run of this experiment, or of another length: run it again.
      }
    }
    return { results, kept: true };
  } catch {
    return { results, kept: false };
  }
}

/**
 * Run what `results` does not hold yet. Several runs are kept queued per worker, so that no worker
 * waits while a finished run is being stored.
 */
export async function runMissing(e: Experiment, key: string, results: ExperimentResults, b: Batch, onProgress: (p: Progress) => void, kept: boolean): Promise<RunOutcome> {
  const have = new Set(results.summaryColumns().values.run as Float64Array);
  const missing = runsOf(e.runs, null).filter((r) => !have.has(r));
  const failed: number[] = [];
  const start = performance.now();
  let ran = 0;
  let next = 0;
  // What was read back from the store is kept there; each new run counts once its write succeeded.
  let stored = kept ? results.size : 0;
  let storeError: string | null = kept ? null : 'IndexedDB is not available';
  const report = () => {
    const seconds = (performance.now() - start) / 1000;
    const rate = ran >= 2 && seconds > 0.2 ? ran / seconds : null;
    const left = e.runs - results.size - failed.length;
    onProgress({ done: results.size, total: e.runs, ran, failed: failed.length, rate, eta: rate ? left / rate : null, stored, storeError });
  };
  report();
  const lane = async () => {
    while (next < missing.length && !b.cancelled) {
      const run = missing[next++];
      const task = taskOf(e, run);
      const scenario = e.scenarios[task.scenario];
      let rows: number[][];
      try {
        rows = await b.run((api) => api.runRows(scenario, task, e.metrics, e.every), runCost(scenario, task));
      } catch (err) {
        if (err instanceof Cancelled || b.cancelled) return;
        failed.push(run);
        report();
        continue;
      }
      if (kept) {
        try {
          await putRun(key, run, rows);
          stored++;
        } catch (err) {
          // Said at once (the next report): the runs from here on are in this page only.
          kept = false;
          storeError = (err as Error | null)?.name || (err as Error | null)?.message || 'the write failed';
        }
      }
      results.addRows(run, rows);
      ran++;
      report();
    }
  };
  await Promise.all(Array.from({ length: POOL_SIZE * 2 }, lane));
  report();
  return { failed: failed.sort((a, b) => a - b), ran, kept, stored, storeError };
}
