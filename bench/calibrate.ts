// Throughput of `involution-lab calibrate`: a 150-particle, 5-generation ABC-SMC calibration of two
// causes from five indicators at 5 000 citizens (120 months), on all cores, then on one worker for the
// speed-up. Wall time of the whole command (worker start-up each generation, journal, predictive check
// of 100 draws included). Uses the built worker: the npm script builds it first.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { calibrateCommand } from '../cli/calibrate/command.ts';

const dir = mkdtempSync(join(os.tmpdir(), 'involution-bench-calibrate-'));
const quiet = { stdout: () => {}, stderr: () => {}, progress: { isTTY: false, write: () => {} } };
const spec = join(dir, 'spec.json');
writeFileSync(spec, JSON.stringify({
  scenario: 'baseline-involution',
  set: { citizens: 5000 },
  priors: { politicalRationality: [0, 1], asymmetricDependence: [0, 1] },
  targets: {
    purchaseShare: { value: 0.35, sd: 0.02 },
    paperworkShare: { value: 0.33, sd: 0.02 },
    govRevenueShare: { value: 0.66, sd: 0.02 },
    projectsActive: { value: 141, sd: 10 },
    insideShare: { value: 0.57, sd: 0.06 },
  },
  particles: 150,
  generations: 5,
  seed: 1,
  predictive: { draws: 100 },
}));

async function measure(workers: number): Promise<{ seconds: number; simulated: number; used: number }> {
  const out = join(dir, `w${workers}`);
  const t0 = performance.now();
  const code = await calibrateCommand({ positionals: [spec], out, workers: String(workers) }, quiet);
  if (code !== 0) throw new Error(`calibrate with ${workers} workers exited with ${code}`);
  const seconds = (performance.now() - t0) / 1000;
  const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  return { seconds, simulated: m.timings.simulated, used: m.runs.calibration + m.runs.predictive };
}

const all = os.availableParallelism();
console.log(`Involution Lab calibrate: 150 particles × 5 generations, 2 parameters, 5 targets, 5 000 citizens, 120 months (node ${process.version}, ${all} cores)`);
console.log('workers   wall s   runs used   runs simulated   runs/s   speed-up');
const rows: [number, Awaited<ReturnType<typeof measure>>][] = [];
for (const workers of all > 1 ? [all, 1] : [1]) rows.push([workers, await measure(workers)]);
const single = rows.find(([w]) => w === 1)![1];
for (const [workers, r] of rows) {
  console.log(`${String(workers).padStart(7)} ${r.seconds.toFixed(1).padStart(8)} ${String(r.used).padStart(11)} ${String(r.simulated).padStart(16)} ${(r.simulated / r.seconds).toFixed(1).padStart(8)} ${(single.seconds / r.seconds).toFixed(2).padStart(10)}`);
}
console.log('runs used: those the result depends on; runs simulated: also those past a generation\'s last acceptance (they depend on the workers).');
rmSync(dir, { recursive: true, force: true });
