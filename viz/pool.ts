// The pool of model workers that Compare and the Experiment tab share: one module worker per core
// (navigator.hardwareConcurrency), each running one run at a time, fed from one queue. A worker that
// crashes, closes or hangs is lost (model.ts): it is replaced, and its run is tried once more on the
// next free worker; a run that fails twice is given up (the caller says so). A batch of runs can be
// cancelled: its queued runs are dropped at once, the ones already running finish.
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
  /** Drop the batch's queued runs (they reject with Cancelled); running ones still finish. */
  cancel(): void;
  readonly cancelled: boolean;
}

/** Citizen-months of one run: how long its worker may take before it is taken for hung. */
export const runCost = (scenario: Scenario, task: Pick<RunTask, 'set' | 'ticks'>): number => resolveParams(scenario.params, task.set).citizens * task.ticks;

/** All the cores the browser reports (at least one). */
export const POOL_SIZE = Math.max(1, navigator.hardwareConcurrency || 2);

let slots: Watched[] = [];
const idle: Watched[] = [];
const queue: Job[] = [];

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
  try {
    job.resolve(await slot.call(job.fn, job.cost));
  } catch (err) {
    if (slot.lost()) slot.restart();
    if (job.batch.cancelled) job.reject(new Cancelled());
    else if (++job.tries < job.batch.tries) queue.unshift(job);
    else job.reject(err);
  } finally {
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
    cancel() {
      state.cancelled = true;
      for (let i = queue.length - 1; i >= 0; i--) {
        if (queue[i].batch === state) queue.splice(i, 1)[0].reject(new Cancelled());
      }
    },
    get cancelled() {
      return state.cancelled;
    },
  };
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
