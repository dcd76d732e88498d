// A copy of the built CLI whose worker blocks after a fixed number of tasks: a kill -9 at an exact,
// repeatable point. The bundle looks for its workers beside itself first (cli/runs/worker-url.ts),
// so a worker file placed there wins over dist/.
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '..');
export const DIST = join(ROOT, 'dist');

/**
 * The CLI in `dir`, with `worker` (e.g. "experiment-worker") being the real one behind a gate: it
 * does the first `tasks` tasks it is given, then blocks for good. With one worker, exactly tasks
 * 0 … tasks − 1 finish, then the command waits to be killed.
 */
export function cliStoppingAfter(dir: string, worker: string, tasks: number): string {
  mkdirSync(dir, { recursive: true });
  cpSync(join(DIST, 'cli.mjs'), join(dir, 'cli.mjs'));
  cpSync(join(DIST, 'chunks'), join(dir, 'chunks'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir'); // the bundle's dependencies
  // Imported first, so its listener sees each task before the real worker's does.
  writeFileSync(join(dir, 'gate.mjs'), `
    import { parentPort } from 'node:worker_threads';
    let tasks = 0;
    parentPort.on('message', () => { if (++tasks > ${tasks}) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); });`);
  writeFileSync(join(dir, `${worker}.mjs`), `import './gate.mjs';\nimport ${JSON.stringify(pathToFileURL(join(DIST, `${worker}.mjs`)).href)};\n`);
  return join(dir, 'cli.mjs');
}
