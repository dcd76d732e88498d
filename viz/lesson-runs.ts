// A lesson's ensemble: its scenario on seeds 1–20 with the student's settings and interventions, and
// the baseline on the same seeds (and on the student's own seed, for their run's difference), run in
// the background on the pool of workers (viz/pool.ts) while the student predicts and watches. The
// runs are those `involution-lab run` makes with the same seed and settings: a student whose seed is
// among 1–20 finds their run among them.
import { resolveParams, type Change, type Scenario } from '../sim/index.ts';
import { batch, Cancelled, runCost, type Batch } from './pool.ts';

export interface EnsembleRequest {
  scenario: Scenario;
  baseline: Scenario | null;
  set: Record<string, number>;
  interventions: Change[];
  metrics: string[];
  seeds: number[];
  /** The student's seed: the baseline is also run on it. */
  own: number;
}

/** Every month of each metric, by seed. */
export type Runs = Map<number, Record<string, Float64Array>>;

export interface Ensemble {
  /** What the runs are for: the same key, the same runs. */
  key: string;
  runs: Runs;
  baseline: Runs;
  done: number;
  total: number;
  failed: number;
  finished: boolean;
}

export const ensembleKey = (r: EnsembleRequest): string =>
  JSON.stringify([r.scenario, r.baseline?.id ?? null, r.set, r.interventions, r.metrics, r.seeds, r.baseline ? r.own : null]);

/** Start the runs; `progress` is called after each (and once they are all in). Cancel stops them at once. */
export function runEnsemble(r: EnsembleRequest, progress: (e: Ensemble) => void): { ensemble: Ensemble; cancel: () => void } {
  const b: Batch = batch();
  // The length goes in the task; the other overrides in its set (as Compare's spec has them).
  const set = Object.fromEntries(Object.entries(r.set).filter(([k]) => k !== 'ticks'));
  const withIvs = (s: Scenario): Scenario => (r.interventions.length ? { ...s, schedule: [...s.schedule, ...r.interventions] } : s);
  const jobs: { scenario: Scenario; seed: number; into: 'runs' | 'baseline' }[] = [
    ...r.seeds.map((seed) => ({ scenario: withIvs(r.scenario), seed, into: 'runs' as const })),
    ...(r.baseline ? [...new Set([...r.seeds, r.own])].map((seed) => ({ scenario: withIvs(r.baseline!), seed, into: 'baseline' as const })) : []),
  ];
  const e: Ensemble = { key: ensembleKey(r), runs: new Map(), baseline: new Map(), done: 0, total: jobs.length, failed: 0, finished: false };
  jobs.forEach((job, run) => {
    // The scenario's own length unless the sidebar sets one, as the student's run.
    const task = { run, scenario: 0, seed: job.seed, ticks: resolveParams(job.scenario.params, r.set).ticks, set };
    b.run((api) => api.runRows(job.scenario, task, r.metrics, 1), runCost(job.scenario, task))
      .then(
        (rows) => {
          if (b.cancelled) return;
          e[job.into].set(job.seed, Object.fromEntries(r.metrics.map((m, k) => [m, Float64Array.from(rows, (row) => row[k + 1])])));
          e.done++;
        },
        (err: unknown) => {
          if (err instanceof Cancelled || b.cancelled) return;
          e.failed++;
          e.done++;
        },
      )
      .finally(() => {
        if (b.cancelled) return;
        e.finished = e.done === e.total;
        progress(e);
      });
  });
  return { ensemble: e, cancel: () => b.cancel(true) };
}
