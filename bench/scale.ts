// `npm run bench:scale [-- RUNS SHARDS]`: merge, resume, analyze and report at scale, in bounded memory.
// Generates, in the real formats, the shard directories of a Sobol' experiment of about RUNS runs
// (default 2^20 = 1 048 576: 131 072 base rows × 8 points, one seed, 11 recorded months, 4 metrics)
// split into SHARDS shards (default 20) with synthetic values, and a directory interrupted with all
// but two runs in its journal; then times each step as a separate process of the built CLI and
// prints its wall time and peak memory (maximum resident set size), and the sizes of CSV and Parquet.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { createRng } from '../lab/random.ts';
import { AppendFile } from '../cli/common/files.ts';
import { writeDesignFile } from '../cli/experiment/design-file.ts';
import { loadExperiment } from '../cli/experiment/experiment.ts';
import { journalLine, JOURNAL, positionsOf } from '../cli/experiment/journal.ts';
import { manifestOf, writeManifest } from '../cli/experiment/manifest.ts';
import { RunLayout, recordedTicks } from '../lab/rows.ts';
import { tableFile, tableWriter } from '../cli/experiment/tables.ts';

const BASE = Number(process.argv[2] ?? 1_048_576) / 8;
const SHARDS = Number(process.argv[3] ?? 20);
const BIN = join(import.meta.dirname, '..', 'bin', 'involution-lab.mjs');
const dir = mkdtempSync(join(process.env.BENCH_DIR ?? os.tmpdir(), 'involution-scale-'));

const spec = {
  description: 'bench:scale, synthetic values',
  scenario: 'baseline-involution',
  ticks: 120,
  seeds: 1,
  record: { every: 12 },
  metrics: ['involutionIndex', 'needsMet', 'purchaseSpending', 'functionTransfer'],
  set: { citizens: 1000 },
  design: { type: 'sobol', samples: BASE, ranges: Object.fromEntries(['pathDependence', 'politicalRationality', 'dualManagement', 'asymmetricDependence', 'partnership', 'serviceOrientation'].map((p) => [p, [0, 1]])) },
};
const specFile = join(dir, 'spec.json');
writeFileSync(specFile, JSON.stringify(spec));
const e = loadExperiment(specFile);
const layout = new RunLayout(e);
const ticks = recordedTicks(e.ticks[0], e.every);

/** Synthetic rows of a run: [tick, ...metrics], deterministic in the run index. */
function rowsOf(run: number): number[][] {
  const rng = createRng(run + 1);
  return ticks.map((t) => [t, ...e.metrics.map(() => rng())]);
}

function shard(index: number | null): string {
  const s = index === null ? null : { index, count: SHARDS };
  const out = join(dir, index === null ? 'interrupted' : `shard-${index}`);
  mkdirSync(out);
  const positions = positionsOf(e.runs, s);
  const m = manifestOf(e, specFile, s, positions.count);
  if (index === null) writeDesignFile(out, e.design);
  if (index === null) {
    // All but the last two runs in the journal: resume reads it, runs two, rewrites everything.
    const journal = new AppendFile(join(out, JOURNAL));
    for (let p = 0; p < positions.count - 2; p++) {
      const run = positions.run(p);
      journal.append(journalLine({ run, ms: 1, ...layout.format(run, rowsOf(run)) }));
    }
    journal.close();
    writeManifest(out, { ...m, status: 'interrupted', runs: { ...m.runs, done: positions.count - 2 } });
    return out;
  }
  const runs = tableWriter(join(out, 'runs.csv'), 'csv', layout.headers.runs);
  const summary = tableWriter(join(out, 'summary.csv'), 'csv', layout.headers.summary);
  for (let p = 0; p < positions.count; p++) {
    const run = positions.run(p);
    const text = layout.format(run, rowsOf(run));
    for (const line of text.runs.slice(0, -1).split('\n')) runs.write(line);
    summary.write(text.summary.slice(0, -1));
  }
  const files = { 'runs.csv': runs.commit(), 'summary.csv': summary.commit() };
  writeManifest(out, { ...m, status: 'complete', files, runs: { ...m.runs, done: positions.count } });
  return out;
}

const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GB`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const size = (path: string) => statSync(path).size;

console.log(`bench:scale: ${e.runs} runs (${e.design.points.length} Sobol' points × ${e.seeds.length} seed, ${ticks.length} recorded months, ${e.metrics.length} metrics), ${SHARDS} shards, in ${dir} (node ${process.version}, ${os.availableParallelism()} cores)`);
let t0 = performance.now();
const shards = Array.from({ length: SHARDS }, (_, i) => shard(i + 1));
const interrupted = shard(null);
const shardBytes = shards.reduce((s, d) => s + size(join(d, 'runs.csv')) + size(join(d, 'summary.csv')), 0);
console.log(`generated in ${((performance.now() - t0) / 1000).toFixed(0)} s: shards ${gb(shardBytes)} of CSV, journal ${gb(size(join(interrupted, JOURNAL)))}`);
console.log('step                                   wall s   peak memory');

/** Run the CLI under GNU time (apt-get install time): wall seconds and maximum resident set size. */
function step(label: string, args: string[]): void {
  t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', 'node', BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t0) / 1000;
  const kb = Number(r.stderr.trim().split('\n').at(-1));
  if (r.status !== 0) throw new Error(`${label} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  console.log(`${label.padEnd(38)} ${seconds.toFixed(1).padStart(6)}   ${mb(kb * 1024).padStart(8)}`);
}

const merged = join(dir, 'merged'), mergedParquet = join(dir, 'merged-parquet');
step(`merge ${SHARDS} shards (CSV)`, ['merge', ...shards, '--out', merged]);
step(`merge ${SHARDS} shards to Parquet`, ['merge', ...shards, '--out', mergedParquet, '--format', 'parquet']);
step('resume (journal of all but 2 runs)', ['experiment', specFile, '--out', interrupted, '--resume', '--workers', '1']);
step('analyze --method sobol (CSV)', ['analyze', merged, '--method', 'sobol', '--outcome', 'involutionIndex', '--resamples', '100']);
step('analyze --method sobol (Parquet)', ['analyze', mergedParquet, '--method', 'sobol', '--outcome', 'involutionIndex', '--resamples', '100']);
step('report (CSV)', ['report', merged]);
step('report (Parquet)', ['report', mergedParquet]);
const manifest = (d: string) => JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf8'));
console.log(`status after resume: ${manifest(interrupted).status}, ${manifest(interrupted).runs.done} runs; merged: ${manifest(merged).runs.done} runs`);
for (const t of ['runs', 'summary'] as const) {
  const csv = size(join(merged, tableFile(t, 'csv'))), pq = size(join(mergedParquet, tableFile(t, 'parquet')));
  console.log(`${t}: CSV ${mb(csv)}, Parquet ${mb(pq)} (${(csv / pq).toFixed(1)}× smaller)`);
}
if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
