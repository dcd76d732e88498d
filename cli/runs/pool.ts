// A pool of worker threads. Each worker holds up to DEPTH tasks (it runs them one at a time, in
// order), so that it starts the next run while the main thread is still journaling the last one.
// A worker that crashes (exits, runs out of memory) or throws loses only the task it was running:
// the worker is replaced, the task retried once, then reported as failed; the tasks queued behind
// it go back to the pool untouched; every finished result has already been handed over.
import { Worker } from 'node:worker_threads';
import type { Reply } from './protocol.ts';

export interface PoolOptions<T, R> {
  url: URL;
  size: number;
  workerData?: unknown;
  onResult: (task: T, value: R) => void;
  onFailure: (task: T, error: string) => void;
}

export interface Pool {
  /** Resolves when every task has a result or a failure, or after stop(). */
  done: Promise<void>;
  /** Terminate every worker now; tasks in flight are dropped (not reported). */
  stop: () => Promise<void>;
}

interface Job<T> {
  task: T;
  /** Times the task was started and failed. */
  failures: number;
}

/** Tasks posted to one worker ahead of its reply: the running one and the next. */
const DEPTH = 2;
/** A task that fails this many times is reported, not retried. */
const ATTEMPTS = 2;

export function runPool<T, R>(tasks: Iterator<T>, options: PoolOptions<T, R>): Pool {
  const workers = new Set<Worker>();
  /** Jobs to do before new tasks: retries, and jobs queued on a worker that died. */
  const returned: Job<T>[] = [];
  let stopped = false;
  let exhausted = false;
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));

  const take = (): Job<T> | undefined => {
    if (stopped) return undefined;
    if (returned.length) return returned.shift();
    if (exhausted) return undefined;
    const next = tasks.next();
    if (next.done) exhausted = true;
    return next.done ? undefined : { task: next.value, failures: 0 };
  };
  const hasWork = () => !stopped && (returned.length > 0 || !exhausted);

  function spawn(): void {
    const first = take();
    if (!first) {
      if (workers.size === 0) finish();
      return;
    }
    const worker = new Worker(options.url, { workerData: options.workerData });
    workers.add(worker);
    const queued: Job<T>[] = [];
    let lastError = '';
    /** Set once the worker is to be replaced: anything it still sends is ignored, its jobs are back in the pool. */
    let dead = false;
    const post = (job: Job<T>) => {
      queued.push(job);
      worker.postMessage(job.task);
    };
    const fill = () => {
      for (let job = queued.length < DEPTH ? take() : undefined; job; job = queued.length < DEPTH ? take() : undefined) post(job);
      if (queued.length === 0) void worker.terminate();
    };
    /** The running job failed: retry it first (or report it); the jobs behind it were never started. */
    const fail = (error: string) => {
      const [running, ...waiting] = queued.splice(0);
      if (!running) return;
      running.failures++;
      if (running.failures < ATTEMPTS) returned.unshift(running);
      else options.onFailure(running.task, error);
      returned.push(...waiting);
    };
    worker.on('message', (reply: Reply<R>) => {
      if (dead) return;
      if (reply.ok) {
        options.onResult(queued.shift()!.task, reply.value);
        fill();
      } else {
        // A throwing worker is replaced: it may be in a bad state. It may already have started
        // the next job; that job is redone elsewhere, and this worker's answer is ignored.
        dead = true;
        fail(reply.error);
        void worker.terminate();
      }
    });
    worker.on('error', (err) => (lastError = err.message));
    worker.on('exit', (code) => {
      workers.delete(worker);
      dead = true;
      // A worker terminated by stop() did not fail: its jobs are simply not done.
      if (!stopped) fail(lastError || `worker exited with code ${code}`);
      if (stopped) {
        if (workers.size === 0) finish();
        return;
      }
      // Replace the worker while there is work; the last one to leave ends the pool.
      if (hasWork()) spawn();
      else if (workers.size === 0) finish();
    });
    post(first);
    fill();
  }

  const size = Math.max(1, options.size);
  for (let i = 0; i < size; i++) spawn();
  return {
    done,
    stop: async () => {
      stopped = true;
      await Promise.all([...workers].map((w) => w.terminate()));
      finish();
    },
  };
}
