// Throughput of `involution-lab experiment`: runs per second for default-size runs (20 000 citizens,
// 120 months, the default scenario) with one worker and with all workers, and the speed-up, for a
// short and a long batch (each worker pays a fixed start-up: loading and compiling the model, so the
// speed-up grows with the batch). Uses the built worker (dist/experiment-worker.mjs): run
// `npm run build:cli` first (the npm script does).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { experimentCommand } from '../cli/experiment/command.ts';

const BATCHES = process.argv[2] ? [Number(process.argv[2])] : [100, 400];
const dir = mkdtempSync(join(os.tmpdir(), 'involution-bench-'));
const quiet = { stdout: () => {}, stderr: () => {}, progress: { isTTY: false, write: () => {} } };

async function runsPerSecond(runs: number, workers: number): Promise<number> {
  const spec = join(dir, `spec-${runs}.json`);
  writeFileSync(spec, JSON.stringify({ scenario: 'baseline-involution', seeds: runs, metrics: ['involutionIndex', 'needsMet'] }));
  const out = join(dir, `r${runs}-w${workers}`);
  const t0 = performance.now();
  const code = await experimentCommand({ positionals: [spec], out, workers: String(workers) }, quiet);
  if (code !== 0) throw new Error(`experiment with ${workers} workers exited with ${code}`);
  return runs / ((performance.now() - t0) / 1000);
}

const all = os.availableParallelism();
console.log(`Involution Lab experiments: runs of baseline-involution, 20 000 citizens, 120 months (node ${process.version}, ${all} cores)`);
console.log('   runs  workers   runs/s   speed-up');
for (const runs of BATCHES) {
  const one = await runsPerSecond(runs, 1);
  console.log(`${String(runs).padStart(7)} ${'1'.padStart(8)} ${one.toFixed(2).padStart(8)} ${'1.00'.padStart(10)}`);
  const many = await runsPerSecond(runs, all);
  console.log(`${String(runs).padStart(7)} ${String(all).padStart(8)} ${many.toFixed(2).padStart(8)} ${(many / one).toFixed(2).padStart(10)}`);
}
console.log('Wall time of the whole command (worker start-up, journal and CSV writes included).');
rmSync(dir, { recursive: true, force: true });
