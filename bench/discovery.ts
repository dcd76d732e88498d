// `npm run bench:discovery [-- RUNS]`: scenario discovery and robustness analysis at scale. Writes,
// in the real formats, a complete experiment of about RUNS runs (default 100 000): five policies
// (the robust-preventions example's scenarios) over a Latin hypercube of four uncertain constants,
// one seed each, the final month of four metrics — with synthetic outcomes that hold a known box
// (the index is high where two of the constants are high, lower for each policy, plus noise); then
// times `discover` (PRIM with covering and a classification tree) and `robust` (satisficing,
// regret, rankings, the vulnerable states' PRIM boxes) as processes of the built CLI, with their
// peak memory, and says whether PRIM found the box. It reports; it does not fail on slowness.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { createRng } from '../lab/random.ts';
import { loadExperiment } from '../cli/experiment/experiment.ts';
import { manifestOf, writeManifest } from '../cli/experiment/manifest.ts';
import { writeDesignFile } from '../cli/experiment/design-file.ts';
import { tableWriter } from '../cli/experiment/tables.ts';
import { RunLayout, recordedTicks } from '../lab/rows.ts';
import { plannedRun } from '../lab/plan.ts';
import { positionsOf } from '../cli/experiment/journal.ts';

const RUNS = Number(process.argv[2] ?? 100_000);
const POLICIES = ['baseline-involution', 'clarify-applicability', 'service-orientation', 'whole-process-supervision', 'full-prevention'];
const BIN = join(import.meta.dirname, '..', 'bin', 'involution-lab.mjs');
const dir = mkdtempSync(join(process.env.BENCH_DIR ?? os.tmpdir(), 'involution-discovery-'));

const spec = {
  description: 'bench:discovery, synthetic outcomes with a known box',
  scenarios: POLICIES,
  ticks: 120,
  seeds: 1,
  record: { every: 120 },
  metrics: ['involutionIndex', 'formGrowth', 'substanceGrowth', 'needsMet'],
  design: {
    type: 'lhs',
    samples: Math.round(RUNS / POLICIES.length),
    seed: 1,
    ranges: { fragmentationLoss: [0, 0.5], reportVisibility: [0, 3], observationNoise: [0, 0.6], switchingCostWeight: [0, 1] },
  },
};
const specFile = join(dir, 'spec.json');
writeFileSync(specFile, JSON.stringify(spec));
const e = loadExperiment(specFile);
const layout = new RunLayout(e);
const ticks = recordedTicks(e.ticks[0], e.every);

/** The synthetic outcome: high where reportVisibility > 2 and switchingCostWeight > 0.6 (the box), lowered by each policy. */
function rowsOf(run: number): number[][] {
  const p = plannedRun(e, run);
  const rng = createRng(run + 1);
  const inBox = p.params.reportVisibility > 2 && p.params.switchingCostWeight > 0.6 ? 1 : 0;
  const index = inBox + 0.3 - 0.12 * p.scenario + 0.3 * (rng() - 0.5);
  return ticks.map((t) => [t, index, index + 0.5, 0.5, 0.2 - 0.05 * inBox]);
}

const out = join(dir, 'experiment');
mkdirSync(out);
const positions = positionsOf(e.runs, null);
const m = manifestOf(e, specFile, null, positions.count);
writeDesignFile(out, e.design);
const runs = tableWriter(join(out, 'runs.csv'), 'csv', layout.headers.runs);
const summary = tableWriter(join(out, 'summary.csv'), 'csv', layout.headers.summary);
let t0 = performance.now();
for (let run = 0; run < e.runs; run++) {
  const text = layout.format(run, rowsOf(run));
  for (const line of text.runs.slice(0, -1).split('\n')) runs.write(line);
  summary.write(text.summary.slice(0, -1));
}
writeManifest(out, { ...m, status: 'complete', files: { 'runs.csv': runs.commit(), 'summary.csv': summary.commit() }, runs: { ...m.runs, done: e.runs } });
console.log(
  `bench:discovery: ${e.runs} runs (${POLICIES.length} policies × ${e.design.points.length} LHS points of 4 constants), generated in ${((performance.now() - t0) / 1000).toFixed(1)} s in ${dir} (node ${process.version})`,
);
console.log('step                                                   wall s   peak memory');

function step(label: string, args: string[]): string {
  t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', 'node', BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${label} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const kb = Number(r.stderr.trim().split('\n').at(-1));
  console.log(`${label.padEnd(54)} ${seconds.toFixed(1).padStart(6)}   ${(kb / 1024).toFixed(0).padStart(6)} MB`);
  return r.stdout;
}

const found = step('discover --where "> 0.8" (PRIM, 3 boxes, tree)', ['discover', out, '--outcome', 'involutionIndex', '--where', '> 0.8', '--boxes', '3']);
step('robust --threshold 0.5 (satisficing, regret, PRIM of the vulnerable)', ['robust', out, '--outcome', 'involutionIndex', '--threshold', '0.5']);
const box = found
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => /^(reportVisibility|switchingCostWeight) [≥≤]/.test(l))
  .slice(0, 2);
console.log(`the box (reportVisibility > 2, switchingCostWeight > 0.6), as PRIM's first box restricts it:\n${box.map((l) => `  ${l.trim()}`).join('\n')}`);
if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
