// The pool of model workers that Compare and the Experiment tab share: one module worker per core
// (navigator.hardwareConcurrency), each running one run at a time, fed from one queue. A worker that
// crashes, closes or hangs is lost (model.ts): it is replaced, and its run is tried once more on the
// next free worker; a run that fails twice is given up (the caller says so). A batch of runs can be
// cancelled: its queued runs are dropped at once, the ones already running finish — or, when asked
// to stop, their workers are replaced at once (a run of a million citizens takes minutes).
import type { Remote } from 'comlink';
import { resolveParams, type Scenario } from '../sim/index.ts';
import type { RunTask } from '../lab/index.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { watchedWorker, type Watched } from './model.ts';
import type { SimApi } from './worker/api.ts';

/** A run of a batch that was cancelled before it started. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

interface Job {
  fn: (api: Remote<SimApi>) => Promise<unknown>;
  /** Citizen-months: how long the run may take before its worker is taken for hung. */
  cost: number;
  tries: number;
  batch: { cancelled: boolean; tries: number };
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

export interface Batch {
  /** Queue one run; resolves with its result, rejects with its error (after a retry) or Cancelled. */
  run<R>(fn: (api: Remote<SimApi>) => Promise<R>, citizenMonths: number): Promise<R>;
  /**
   * Drop the batch's queued runs (they reject with Cancelled); running ones still finish, unless
   * `stop`: then their workers are replaced by fresh ones and those runs reject with Cancelled too.
   */
  cancel(stop?: boolean): void;
  readonly cancelled: boolean;
}

/** Citizen-months of one run: how long its worker may take before it is taken for hung. */
export const runCost = (scenario: Scenario, task: Pick<RunTask, 'set' | 'ticks'>): number => resolveParams(scenario.params, task.set).citizens * task.ticks;

/** All the cores the browser reports (at least one). */
export const POOL_SIZE = Math.max(1, navigator.hardwareConcurrency || 2);

let slots: Watched[] = [];
const idle: Watched[] = [];
const queue: Job[] = [];
/** The job each busy worker runs. */
const active = new Map<Watched, Job>();

function workers(): Watched[] {
  if (!slots.length) {
    slots = Array.from({ length: POOL_SIZE }, () => watchedWorker());
    idle.push(...slots);
  }
  return slots;
}

function pump(): void {
  while (idle.length && queue.length) start(idle.pop()!, queue.shift()!);
}

async function start(slot: Watched, job: Job): Promise<void> {
  active.set(slot, job);
  try {
    job.resolve(await slot.call(job.fn, job.cost));
  } catch (err) {
    if (slot.lost()) slot.restart();
    if (job.batch.cancelled) job.reject(new Cancelled());
    else if (++job.tries < job.batch.tries) queue.unshift(job);
    else job.reject(err);
  } finally {
    active.delete(slot);
    idle.push(slot);
    pump();
  }
}

/** A batch of runs; each is tried twice (`tries`) before its error is given. */
export function batch(tries = 2): Batch {
  workers();
  const state = { cancelled: false, tries };
  return {
    run<R>(fn: (api: Remote<SimApi>) => Promise<R>, citizenMonths: number): Promise<R> {
      if (state.cancelled) return Promise.reject(new Cancelled());
      return new Promise<R>((resolve, reject) => {
        queue.push({ fn, cost: citizenMonths, tries: 0, batch: state, resolve: resolve as (v: unknown) => void, reject });
        pump();
      });
    },
    cancel(stop = false) {
      state.cancelled = true;
      for (let i = queue.length - 1; i >= 0; i--) {
        if (queue[i].batch === state) queue.splice(i, 1)[0].reject(new Cancelled());
      }
      // A replaced worker's call rejects; start() then gives Cancelled and frees the slot.
      if (stop) for (const [slot, job] of active) if (job.batch === state) slot.restart();
    },
    get cancelled() {
      return state.cancelled;
    },
  };
}

/** How long this browser's workers take: seconds a month, plus seconds per citizen-month. */
export interface Speed {
  perMonth: number;
  perCitizenMonth: number;
}

let measured: Promise<Speed> | null = null;

/**
 * This browser's speed, measured once after the warm-up by timing short runs, a small world and a
 * large one, on one worker: the estimate of a batch before it runs. A run's time grows with its
 * months and, within a month, with its citizens. Each is timed three times and the quickest taken:
 * the first runs of a worker are slowed by its compiler, the runs of a batch are not.
 */
export function measureSpeed(): Promise<Speed> {
  if (measured) return measured;
  warmPool();
  const scenario = SCENARIOS[0];
  const SMALL = { citizens: 2000, ticks: 48 };
  const LARGE = { citizens: 200_000, ticks: 12 };
  const task = ({ citizens, ticks }: typeof SMALL) => ({ run: 0, scenario: 0, seed: 1, ticks, set: { citizens } });
  const cost = 3 * (SMALL.citizens * SMALL.ticks + LARGE.citizens * LARGE.ticks);
  measured = batch(1).run(async (api) => {
    // Seconds a month of each world, at its quickest of three runs.
    const perMonth = async (w: typeof SMALL) => {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) times.push(await api.timeRun(scenario, task(w)));
      return Math.min(...times) / w.ticks;
    };
    const small = await perMonth(SMALL);
    const large = await perMonth(LARGE);
    const perCitizenMonth = Math.max(0, (large - small) / (LARGE.citizens - SMALL.citizens));
    return { perMonth: Math.max(0, small - perCitizenMonth * SMALL.citizens), perCitizenMonth };
  }, cost);
  // A measurement that failed (a worker lost) is tried again when next asked for.
  measured.catch(() => {
    measured = null;
  });
  return measured;
}

let warmed = false;

/**
 * Start the pool before it is asked for (when Compare or Experiment is opened), each worker loaded
 * and its code warmed up by a short run, so that the first runs go at full speed. Once a page.
 */
export function warmPool(): void {
  if (warmed) return;
  warmed = true;
  // A warm-up that fails is not tried again: the runs asked for matter, not the warm-up.
  const warm = batch(1);
  const scenario = SCENARIOS[0];
  const task = { run: 0, scenario: 0, seed: 1, ticks: 24, set: { citizens: 2000 } };
  for (let i = 0; i < POOL_SIZE; i++) {
    warm.run((api) => api.runRows(scenario, task, ['involutionIndex'], 0), 2000 * 24).catch(() => {});
  }
}
