// The model's module Web Worker, watched: a worker that crashes (an `error` event) or does not
// answer a call in time (hung, or closed without a word) is lost. Every call pending on it is then
// rejected with `ModelLost` — none stays pending for ever — the worker is terminated, and the owner
// is told once. A new one is started with `restart()`.
import { wrap, type Remote } from 'comlink';
import type { SimApi } from './worker/api.ts';

export type LostReason = 'crashed' | 'hung';

export class ModelLost extends Error {
  constructor(readonly reason: LostReason) {
    super(`the model worker ${reason === 'crashed' ? 'crashed' : 'did not answer'}`);
    this.name = 'ModelLost';
  }
}

/**
 * How long a call may take before its worker is taken for hung: a fixed allowance plus about
 * 30 times the usual cost of the citizen-months it computes. Tests shorten it with a global
 * (`__INVOLUTION_WATCHDOG_MS__`, a fixed allowance for every call) so that a hang is seen soon.
 */
export function allowance(citizenMonths: number): number {
  const fixed = (globalThis as { __INVOLUTION_WATCHDOG_MS__?: number }).__INVOLUTION_WATCHDOG_MS__;
  return fixed ?? 15_000 + citizenMonths * 0.0005;
}

export interface Watched {
  /** Call the model; rejects with ModelLost if the worker is lost meanwhile or was already. */
  call<R>(fn: (api: Remote<SimApi>) => Promise<R>, citizenMonths?: number): Promise<R>;
  /** Whether the worker was lost (and not yet restarted). */
  lost(): boolean;
  /** A fresh worker in place of the lost (or any) one. */
  restart(): void;
  terminate(): void;
}

export function watchedWorker(onLost: (reason: LostReason) => void = () => {}): Watched {
  let worker: Worker;
  let api: Remote<SimApi>;
  let dead: LostReason | null = null;
  let pending = new Set<(e: ModelLost) => void>();

  const lose = (reason: LostReason) => {
    if (dead) return;
    dead = reason;
    worker.terminate();
    const rejects = pending;
    pending = new Set();
    rejects.forEach((reject) => reject(new ModelLost(reason)));
    onLost(reason);
  };

  const start = () => {
    dead = null;
    // Written out in full: Vite bundles the worker only for this exact form.
    worker = new Worker(new URL('./worker/worker.ts', import.meta.url), { type: 'module' });
    const w = worker;
    const crashed = (e: Event) => {
      e.preventDefault();
      if (w === worker) lose('crashed');
    };
    worker.addEventListener('error', crashed);
    worker.addEventListener('messageerror', crashed);
    api = wrap<SimApi>(worker);
  };
  start();

  return {
    call<R>(fn: (api: Remote<SimApi>) => Promise<R>, citizenMonths = 0): Promise<R> {
      if (dead) return Promise.reject(new ModelLost(dead));
      return new Promise<R>((resolve, reject) => {
        const timer = setTimeout(() => lose('hung'), allowance(citizenMonths));
        const settle = () => {
          clearTimeout(timer);
          pending.delete(reject);
        };
        pending.add(reject);
        fn(api).then((r) => { settle(); resolve(r); }, (e: unknown) => { settle(); reject(e); });
      });
    },
    lost: () => dead !== null,
    restart() {
      if (!dead) worker.terminate();
      const rejects = pending;
      pending = new Set();
      rejects.forEach((reject) => reject(new ModelLost('hung')));
      start();
    },
    terminate: () => worker.terminate(),
  };
}
