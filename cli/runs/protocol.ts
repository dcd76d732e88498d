// The pool's message protocol: the main thread posts one task at a time; the worker answers each
// with a reply. Kept apart so that any worker file (the model's, a test's) can speak it.

export type Reply<R> = { ok: true; value: R } | { ok: false; error: string };

/** Inside a worker: answer every task with `handle(task)`, or with the error it threw. */
export function serve<T, R>(port: { on(event: 'message', f: (task: T) => void): void; postMessage(reply: Reply<R>): void }, handle: (task: T) => R): void {
  port.on('message', (task) => {
    let reply: Reply<R>;
    try {
      reply = { ok: true, value: handle(task) };
    } catch (err) {
      reply = { ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
    }
    port.postMessage(reply);
  });
}
