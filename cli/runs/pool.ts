// A pool of worker threads, started once and kept warm across batches of tasks: a calibration runs
// one batch a generation and one for its predictive check, an experiment one batch; a worker loads
// and compiles the model once, not once a batch. Each worker holds up to DEPTH tasks (it runs them
// one at a time, in order), so that it starts the next run while the main thread is still
// journaling the last. A worker that crashes (exits, runs out of memory) or throws loses only the
// task it was running: the worker is replaced, the task retried once, then reported as failed; the
// tasks queued behind it go back to the batch untouched; every finished result has already been
// handed over.
import { Worker } from 'node:worker_threads';
import type { Reply } from './protocol.ts';

export interface BatchHandlers<T, R> {
  onResult: (task: T, value: R) => void;
  onFailure: (task: T, error: string) => void;
}

export interface PoolOptions<T, R> extends BatchHandlers<T, R> {
  url: URL;
  size: number;
  workerData?: unknown;
}

export interface Pool {
  /** Resolves when every task has a result or a failure, or after stop(). */
  done: Promise<void>;
  /** Terminate every worker now; tasks in flight are dropped (not reported). */
  stop: () => Promise<void>;
}

export interface WorkerPool<T, R> {
  /**
   * Run a batch of tasks on the pool's workers (one batch at a time). Its stop() terminates the
   * workers; a later batch starts new ones.
   */
  run: (tasks: Iterator<T>, handlers: BatchHandlers<T, R>) => Pool;
  /** Terminate every worker (after the last batch). */
  close: () => Promise<void>;
}

interface Job<T> {
  task: T;
  /** Times the task was started and failed. */
  failures: number;
}

interface Batch<T, R> extends BatchHandlers<T, R> {
  tasks: Iterator<T>;
  /** Jobs to do before new tasks: retries, and jobs queued on a worker that died. */
  returned: Job<T>[];
  exhausted: boolean;
  stopped: boolean;
  finish: () => void;
}

interface Slot<T> {
  worker: Worker;
  /** Jobs posted to the worker, the running one first. */
  queued: Job<T>[];
  lastError: string;
  /** Set once the worker is to be replaced: anything it still sends is ignored, its jobs are back in the batch. */
  dead: boolean;
}

/** Tasks posted to one worker ahead of its reply: the running one and the next. */
const DEPTH = 2;
/** A task that fails this many times is reported, not retried. */
const ATTEMPTS = 2;

/**
 * Start `size` workers now (they load the model while the caller prepares its first batch). A pool
 * of 0 workers (nothing left to do) runs only empty batches.
 */
export function openPool<T, R>(options: { url: URL; size: number; workerData?: unknown }): WorkerPool<T, R> {
  const size = Math.max(0, options.size);
  const slots = new Set<Slot<T>>();
  let batch: Batch<T, R> | undefined;
  let closed = false;

  const take = (b: Batch<T, R>): Job<T> | undefined => {
    if (b.stopped) return undefined;
    if (b.returned.length) return b.returned.shift();
    if (b.exhausted) return undefined;
    const next = b.tasks.next();
    if (next.done) b.exhausted = true;
    return next.done ? undefined : { task: next.value, failures: 0 };
  };
  const hasWork = (b: Batch<T, R>) => !b.stopped && (b.returned.length > 0 || !b.exhausted);

  /** The batch is over when it has no work left and no worker holds a job of it. */
  const settle = () => {
    const b = batch;
    if (!b || hasWork(b)) return;
    for (const s of slots) if (s.queued.length) return;
    batch = undefined;
    b.finish();
  };

  /** Post the batch's jobs to a worker until it holds DEPTH. */
  const fill = (s: Slot<T>) => {
    if (!batch || s.dead) return;
    for (let job = s.queued.length < DEPTH ? take(batch) : undefined; job; job = s.queued.length < DEPTH ? take(batch) : undefined) {
      s.queued.push(job);
      s.worker.postMessage(job.task);
    }
  };

  /** The running job failed: retry it first (or report it); the jobs behind it were never started. */
  const fail = (s: Slot<T>, error: string) => {
    const [running, ...waiting] = s.queued.splice(0);
    if (!running || !batch) return;
    running.failures++;
    if (running.failures < ATTEMPTS) batch.returned.unshift(running);
    else batch.onFailure(running.task, error);
    batch.returned.push(...waiting);
  };

  function spawn(): void {
    const s: Slot<T> = { worker: new Worker(options.url, { workerData: options.workerData }), queued: [], lastError: '', dead: false };
    slots.add(s);
    s.worker.on('message', (reply: Reply<R>) => {
      if (s.dead) return;
      if (reply.ok) {
        batch?.onResult(s.queued.shift()!.task, reply.value);
        fill(s);
        settle();
      } else {
        // A throwing worker is replaced: it may be in a bad state. It may already have started
        // the next job; that job is redone elsewhere, and this worker's answer is ignored.
        s.dead = true;
        fail(s, reply.error);
        void s.worker.terminate();
      }
    });
    s.worker.on('error', (err) => (s.lastError = err.message));
    s.worker.on('exit', (code) => {
      slots.delete(s);
      const replaced = s.dead;
      s.dead = true;
      // A worker terminated by stop() or close() did not fail: its jobs are simply not done.
      if (closed || !batch || batch.stopped) return;
      if (!replaced) fail(s, s.lastError || `worker exited with code ${code}`);
      // Replace the worker while there is work; the last job's end ends the batch.
      if (hasWork(batch)) {
        topUp();
        for (const other of slots) fill(other);
      }
      settle();
    });
    fill(s);
  }

  /** Start workers until `size` are alive (a failed worker is being replaced, or a stopped batch terminated them). */
  const topUp = () => {
    let alive = 0;
    for (const s of slots) if (!s.dead) alive++;
    for (; alive < size; alive++) spawn();
  };

  const terminateAll = () =>
    Promise.all(
      [...slots].map((s) => {
        s.dead = true;
        return s.worker.terminate();
      }),
    );

  topUp();

  return {
    run(tasks, handlers) {
      if (closed) throw new Error('the worker pool is closed');
      if (batch) throw new Error('the worker pool is running a batch');
      let finish!: () => void;
      const done = new Promise<void>((resolve) => (finish = resolve));
      const b: Batch<T, R> = { ...handlers, tasks, returned: [], exhausted: false, stopped: false, finish };
      batch = b;
      // Workers a stopped batch terminated, or that failed after the last batch, are started again.
      topUp();
      for (const s of slots) fill(s);
      if (size === 0 && hasWork(b) && take(b)) throw new Error('a pool of no workers was given a task');
      settle();
      return {
        done,
        stop: async () => {
          b.stopped = true;
          await terminateAll();
          if (batch === b) batch = undefined;
          b.finish();
        },
      };
    },
    close: async () => {
      closed = true;
      await terminateAll();
      batch?.finish();
      batch = undefined;
    },
  };
}

/** One batch on a pool of its own, closed when the batch ends. */
export function runPool<T, R>(tasks: Iterator<T>, options: PoolOptions<T, R>): Pool {
  const pool = openPool<T, R>({ ...options, size: Math.max(1, options.size) });
  const batch = pool.run(tasks, options);
  return { done: batch.done.then(() => pool.close()), stop: batch.stop };
}
