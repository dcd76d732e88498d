// The Experiment tab's results kept in the browser (IndexedDB), so that closing or reloading the
// page loses no finished run: a run counts as done once its rows are stored. Database
// "involution-lab", version 1:
//
//   experiments  key "key" (the experiment's key, see key.ts)
//                { key, spec, files, runs, version, created, updated }: the spec as given, the
//                scenario files it names (by file name), its number of runs, the model version
//   runs         key ["key", "run"]
//                { key, run, rows }: a finished run's recorded rows [tick, ...metrics], as the
//                CLI's journal keeps them; summary.csv and runs.csv are rebuilt from them
//
// The raw API, promised: a dozen calls do not need a library.
import { committed, database, done } from '../idb.ts';

export interface StoredExperiment {
  key: string;
  spec: unknown;
  files: Record<string, unknown>;
  runs: number;
  version: string;
  created: number;
  updated: number;
}

interface StoredRun {
  key: string;
  run: number;
  rows: number[][];
}

const db = database('involution-lab', (db) => {
  db.createObjectStore('experiments', { keyPath: 'key' });
  db.createObjectStore('runs', { keyPath: ['key', 'run'] });
});

/** Every run of one experiment, by the key range [key, -∞] … [key, +∞]. */
const runsRange = (key: string) => IDBKeyRange.bound([key, -Infinity], [key, Infinity]);

export async function putExperiment(x: StoredExperiment): Promise<void> {
  const tx = (await db()).transaction('experiments', 'readwrite');
  tx.objectStore('experiments').put(x);
  return committed(tx);
}

/** Store one finished run; resolves once it is written (then it survives a reload). */
export async function putRun(key: string, run: number, rows: number[][]): Promise<void> {
  const tx = (await db()).transaction('runs', 'readwrite');
  tx.objectStore('runs').put({ key, run, rows } satisfies StoredRun);
  return committed(tx);
}

/** The stored experiments, the most recently run first, each with how many of its runs are stored. */
export async function listExperiments(): Promise<(StoredExperiment & { done: number })[]> {
  const tx = (await db()).transaction(['experiments', 'runs'], 'readonly');
  const all = await done(tx.objectStore('experiments').getAll() as IDBRequest<StoredExperiment[]>);
  const counts = await Promise.all(all.map((x) => done(tx.objectStore('runs').count(runsRange(x.key)))));
  return all.map((x, i) => ({ ...x, done: counts[i] })).sort((a, b) => b.updated - a.updated);
}

/** The stored runs of an experiment: run index → rows. */
export async function storedRuns(key: string): Promise<Map<number, number[][]>> {
  const tx = (await db()).transaction('runs', 'readonly');
  const all = await done(tx.objectStore('runs').getAll(runsRange(key)) as IDBRequest<StoredRun[]>);
  return new Map(all.map((r) => [r.run, r.rows]));
}

export async function deleteExperiment(key: string): Promise<void> {
  const tx = (await db()).transaction(['experiments', 'runs'], 'readwrite');
  tx.objectStore('experiments').delete(key);
  tx.objectStore('runs').delete(runsRange(key));
  return committed(tx);
}

/** How many runs of an experiment are stored. */
export async function countRuns(key: string): Promise<number> {
  const tx = (await db()).transaction('runs', 'readonly');
  return done(tx.objectStore('runs').count(runsRange(key)));
}
