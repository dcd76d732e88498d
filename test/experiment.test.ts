// `involution-lab experiment` and `merge` as a researcher runs them: the built bin, real processes,
// real files. Small worlds (1500 citizens, 30 months) keep the whole file to a few seconds.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { JOURNAL } from '../cli/experiment/journal.ts';
import { differences, type Manifest } from '../cli/experiment/manifest.ts';
import { openPool, runPool } from '../cli/runs/pool.ts';
import { findScenario } from '../scenarios/index.ts';
import type { Scenario } from '../sim/index.ts';
import { VERSION } from '../sim/version.ts';
import { cliStoppingAfter, DIST } from './gated-cli.ts';
import { GOOD_SPEC, specWriter } from './specs.ts';

const BIN = join(import.meta.dirname, '..', 'bin', 'involution-lab.mjs');
const cli = (...args: string[]) => spawnSync('node', [BIN, ...args], { encoding: 'utf8' });
const tmp = mkdtempSync(join(tmpdir(), 'involution-experiment-'));
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

/** 2 scenarios × 4 grid points × 30 seeds = 240 runs. */
const SPEC = {
  description: 'test grid',
  scenarios: ['baseline-involution', 'money-alone'],
  ticks: 30,
  seeds: 30,
  record: { every: 10 },
  metrics: ['involutionIndex', 'purchaseSpending', 'needsMet'],
  set: { citizens: 1500 },
  vary: { pathDependence: [0.3, 0.9], partnership: [0, 0.5] },
};
const RUNS = 240;
const specFile = join(tmp, 'spec.json');
writeFileSync(specFile, JSON.stringify(SPEC));

/** The uninterrupted, unsharded reference, with one worker. */
const ref = join(tmp, 'ref');
beforeAll(() => {
  expect(existsSync(join(DIST, 'experiment-worker.mjs')), 'run `npm run build:cli` first').toBe(true);
  const r = cli('experiment', specFile, '--out', ref, '--workers', '1');
  expect(r.status, r.stderr).toBe(0);
});

function expectSameFiles(dir: string): void {
  expect(read(dir, 'runs.csv')).toBe(read(ref, 'runs.csv'));
  expect(read(dir, 'summary.csv')).toBe(read(ref, 'summary.csv'));
}

describe('involution-lab experiment', () => {
  it('writes tidy runs.csv, summary.csv and a manifest; common seeds across points and scenarios', () => {
    const summary = read(ref, 'summary.csv').trim().split('\n');
    expect(summary[0]).toBe('run,scenario,seed,pathDependence,partnership,involutionIndex,purchaseSpending,needsMet');
    expect(summary).toHaveLength(RUNS + 1);
    const runs = read(ref, 'runs.csv').trim().split('\n');
    expect(runs[0]).toBe('run,scenario,seed,pathDependence,partnership,tick,involutionIndex,purchaseSpending,needsMet');
    expect(runs).toHaveLength(RUNS * 4 + 1); // ticks 0, 10, 20 and the last, 29
    expect(runs.slice(1, 5).map((l) => l.split(',')[5])).toEqual(['0', '10', '20', '29']);
    const rows = summary.slice(1).map((l) => l.split(','));
    expect(rows.map((r) => Number(r[0]))).toEqual(Array.from({ length: RUNS }, (_, i) => i));
    // Replicate r has the same seed at every design point and in both scenarios.
    const seeds = rows.slice(0, 30).map((r) => r[2]);
    expect(new Set(seeds).size).toBe(30);
    for (let k = 0; k < RUNS / 30; k++) expect(rows.slice(k * 30, k * 30 + 30).map((r) => r[2])).toEqual(seeds);
    const m = JSON.parse(read(ref, 'manifest.json'));
    expect(m).toMatchObject({ status: 'complete', model: { version: '0.2.0' }, spec: SPEC, runs: { total: RUNS, done: RUNS } });
    expect(m.seeds.map(String)).toEqual(seeds);
    // The design is held once, in design.csv, and named in the manifest by its hash.
    expect(read(ref, 'design.csv')).toBe('point,pathDependence,partnership\n0,0.3,0\n1,0.3,0.5\n2,0.9,0\n3,0.9,0.5\n');
    expect(m.design).toEqual({ type: 'grid', params: ['pathDependence', 'partnership'], size: 4, file: 'design.csv', sha256: createHash('sha256').update(read(ref, 'design.csv')).digest('hex') });
    expect(m.files['runs.csv'].sha256).toBe(createHash('sha256').update(read(ref, 'runs.csv')).digest('hex'));
    expect(m.files['summary.csv']).toMatchObject({ rows: RUNS, bytes: read(ref, 'summary.csv').length });
    expect(m.machine).toMatchObject({ workers: 1, node: process.version, host: hostname() });
    expect(m.sessions).toHaveLength(1);
    expect(m.sessions[0]).toMatchObject({ host: hostname(), pid: expect.any(Number), status: 'complete', scheduler: { kind: expect.any(String) } });
    expect(readdirSync(ref).sort()).toEqual(['design.csv', 'manifest.json', 'runs.csv', 'summary.csv']);
  });

  it('writes byte-identical files with 1 and with 3 workers', () => {
    const dir = join(tmp, 'three');
    const r = cli('experiment', specFile, '--out', dir, '--workers', '3');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(read(dir, 'manifest.json')).machine.workers).toBe(3);
    expectSameFiles(dir);
  });

  it('merges shards into exactly what one unsharded run writes', () => {
    const shards = [1, 2, 3].map((i) => join(tmp, `shard${i}`));
    shards.forEach((dir, i) => expect(cli('experiment', specFile, '--out', dir, '--shard', `${i + 1}/3`, '--workers', '1').status).toBe(0));
    const first = read(shards[0], 'summary.csv').trim().split('\n').slice(1).map((l) => Number(l.split(',')[0]));
    expect(first).toEqual(Array.from({ length: RUNS / 3 }, (_, i) => 3 * i)); // index ≡ 0 (mod 3)
    expect(JSON.parse(read(shards[1], 'manifest.json')).shard).toMatchObject({ index: 2, count: 3 });

    const missing = cli('merge', shards[0], shards[2], '--out', join(tmp, 'bad-merge'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/runs missing: 1, 4, 7, .* \(80 in all\); shard 2\/3 not given/);
    const twice = cli('merge', ...shards, shards[1], '--out', join(tmp, 'bad-merge'));
    expect(twice.stderr).toMatch(/shard 2\/3 is given twice/);
    const mixed = cli('merge', shards[0], ref, '--out', join(tmp, 'bad-merge'));
    expect(mixed.stderr).toMatch(/run 0 is in both/);
    expect(existsSync(join(tmp, 'bad-merge'))).toBe(false);

    const merged = join(tmp, 'merged');
    const r = cli('merge', ...shards, '--out', merged);
    expect(r.status, r.stderr).toBe(0);
    expectSameFiles(merged);
    // Shards hold no copy of the design; the merge builds it from the spec, checked by its hash.
    expect(shards.some((d) => existsSync(join(d, 'design.csv')))).toBe(false);
    expect(read(merged, 'design.csv')).toBe(read(ref, 'design.csv'));
    const m = JSON.parse(read(merged, 'manifest.json'));
    const parts = shards.map((d) => JSON.parse(read(d, 'manifest.json')));
    expect(m.shard).toBeNull();
    expect(m.timings.runSeconds).toBeCloseTo(parts.reduce((s, p) => s + p.timings.runSeconds, 0), 9);
    expect(m.mergedFrom.map((p: { shard: string }) => p.shard)).toEqual(['1/3', '2/3', '3/3']);
  });

  it('refuses to merge shards of a different spec', () => {
    const other = join(tmp, 'other-spec.json');
    writeFileSync(other, JSON.stringify({ ...SPEC, seeds: 3 }));
    const dir = join(tmp, 'other-shard');
    expect(cli('experiment', other, '--out', dir, '--shard', '1/3').status).toBe(0);
    const r = cli('merge', join(tmp, 'shard1'), dir, '--out', join(tmp, 'bad-merge'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/holds a different experiment .*differs in spec field seeds/);
  });

  it('refuses to merge a shard that holds a row twice', () => {
    const copy = join(tmp, 'shard1-doubled');
    cpSync(join(tmp, 'shard1'), copy, { recursive: true });
    const [header, first, ...rest] = read(join(tmp, 'shard1'), 'summary.csv').split('\n');
    writeFileSync(join(copy, 'summary.csv'), [header, first, first, ...rest].join('\n'));
    const r = cli('merge', copy, join(tmp, 'shard2'), join(tmp, 'shard3'), '--out', join(tmp, 'doubled-merge'));
    expect(r.status).toBe(2);
    // Caught by the hash the manifest recorded; without it (a manifest of 0.1), by the row itself.
    expect(r.stderr).toMatch(/shard1-doubled\/summary.csv is not the file its experiment wrote \(its SHA-256 differs/);
    const m = JSON.parse(read(copy, 'manifest.json'));
    writeFileSync(join(copy, 'manifest.json'), JSON.stringify({ ...m, files: undefined }));
    const unchecked = cli('merge', copy, join(tmp, 'shard2'), join(tmp, 'shard3'), '--out', join(tmp, 'doubled-merge'));
    expect(unchecked.stderr).toMatch(/shard1-doubled\/summary.csv row 2 starts "0,baseline-involution,.*"; run 3 must start "3,baseline-involution,/);
    expect(existsSync(join(tmp, 'doubled-merge'))).toBe(false);
  });

  it('merges shards made by different commits of one version, with a warning naming them', () => {
    const copies = [1, 2, 3].map((i) => join(tmp, `shard${i}-commit`));
    copies.forEach((dir, i) => cpSync(join(tmp, `shard${i + 1}`), dir, { recursive: true }));
    const m = JSON.parse(read(copies[1], 'manifest.json'));
    m.model.commit = 'f'.repeat(40);
    writeFileSync(join(copies[1], 'manifest.json'), JSON.stringify(m));
    const merged = join(tmp, 'merged-commits');
    const r = cli('merge', ...copies, '--out', merged);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^warning: the shards were made by different commits of the model: .*ffffffffffff \(.*shard2-commit\)/);
    expectSameFiles(merged);
  });

  it('loses nothing to kill -9: --resume finishes with no duplicate and equals an uninterrupted run', async () => {
    const dir = join(tmp, 'killed');
    const KILLED_AFTER = 20;
    // A copy of the CLI whose worker does runs 0 … 19 and then blocks (test/gated-cli.ts).
    const child = spawn('node', [cliStoppingAfter(join(tmp, 'gated'), 'experiment-worker', KILLED_AFTER), 'experiment', specFile, '--out', dir, '--workers', '1'], { stdio: 'ignore' });
    let exited = false;
    const exit = new Promise((r) => child.once('exit', () => r(exited = true)));
    const lines = (file: string) => (existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8').split('\n').length - 1 : 0);
    // The 20th run is journaled and its rows appended (summary.csv: header and 20 rows); its worker
    // hangs on the 21st, so nothing more is written. Kill it there.
    while (lines('summary.csv') < KILLED_AFTER + 1 && !exited) await new Promise((r) => setTimeout(r, 5));
    expect(exited, 'the experiment ended before it was killed').toBe(false);
    child.kill('SIGKILL');
    await exit;
    expect(lines(JOURNAL)).toBe(KILLED_AFTER);
    expect(lines('summary.csv')).toBe(KILLED_AFTER + 1);
    expect(lines('runs.csv')).toBe(KILLED_AFTER * 4 + 1);
    expect(JSON.parse(read(dir, 'manifest.json')).status).toBe('running');

    expect(cli('experiment', specFile, '--out', dir).status).toBe(2); // not without --resume
    const r = cli('experiment', specFile, '--out', dir, '--resume', '--workers', '2');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(`resuming: ${KILLED_AFTER} of ${RUNS} runs already done`);
    const keys = read(dir, 'runs.csv').trim().split('\n').slice(1).map((l) => `${l.split(',')[0]}@${l.split(',')[5]}`);
    expect(new Set(keys).size).toBe(keys.length);
    expectSameFiles(dir);
    expect(existsSync(join(dir, JOURNAL))).toBe(false);
  });

  it('refuses a directory holding another experiment, even with --resume', () => {
    const other = join(tmp, 'other.json');
    writeFileSync(other, JSON.stringify({ ...SPEC, ticks: 12 }));
    for (const extra of [[], ['--resume']]) {
      const r = cli('experiment', other, '--out', ref, ...extra);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/holds a different experiment \(differs in spec field ticks\)/);
    }
    const stray = join(tmp, 'stray');
    mkdirSync(stray);
    writeFileSync(join(stray, 'notes.txt'), 'mine');
    expect(cli('experiment', specFile, '--out', stray).stderr).toMatch(/is not empty and holds no experiment manifest/);
    expect(readdirSync(stray)).toEqual(['notes.txt']);
    const done = cli('experiment', specFile, '--out', ref, '--resume');
    expect(done.status).toBe(0);
    expect(done.stderr).toMatch(/already holds this experiment, complete; nothing to do/);
  });

  it('--dry-run prints the runs, the design points and an estimate, and writes nothing', () => {
    const dir = join(tmp, 'dry');
    const r = cli('experiment', specFile, '--out', dir, '--dry-run', '--shard', '2/4');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/2 scenarios × 4 design points × 30 seeds = 240 runs; shard 2\/4 does 60/);
    expect(r.stdout).toMatch(/calibration: 24 months of baseline-involution with 1500 citizens in \d+ ms/);
    expect(r.stdout).toMatch(/estimate: [\d.]+ s a run, about [\d.]+ s with \d+ workers?/);
    expect(existsSync(dir)).toBe(false);
  });

  it('accepts every example experiment spec of docs/examples', () => {
    const examples = join(import.meta.dirname, '..', 'docs', 'examples');
    // Calibration specs (they have priors) are checked in calibrate.test.ts.
    const files = readdirSync(examples).filter((f) => f.endsWith('.json') && !('priors' in JSON.parse(read(examples, f))));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const f of files) {
      const r = cli('experiment', join(examples, f), '--dry-run');
      expect(r.status, `${f}: ${r.stderr}`).toBe(0);
      expect(r.stdout, f).toMatch(/= \d+ runs\n/);
    }
  });

  it('says in one line, with exit status 2, when its output is piped into a reader that stops early', () => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; node ${JSON.stringify(BIN)} experiment ${JSON.stringify(specFile)} --dry-run | head -c 10`], { encoding: 'utf8' });
    expect(r.stdout).toBe('experiment');
    expect(r.stderr).toBe('involution-lab: cannot write standard output: the reader closed the pipe (EPIPE); the output is incomplete\n');
    expect(r.status).toBe(2);
  });
});

/**
 * A worker script for the pool, in a file: `onMessage` is the body of its message handler (with
 * `task`, `parentPort`, `threadId`, and `firstTime()`: true once, then false, across workers).
 */
function poolWorker(name: string, onMessage: string): URL {
  const mark = join(tmp, `${name}.mark`);
  const file = join(tmp, `${name}.mjs`);
  writeFileSync(file, `
    import { parentPort, threadId } from 'node:worker_threads';
    import { existsSync, writeFileSync } from 'node:fs';
    const firstTime = () => !existsSync(${JSON.stringify(mark)}) && (writeFileSync(${JSON.stringify(mark)}, ''), true);
    parentPort.on('message', (task) => { ${onMessage} });`);
  return new URL(`file://${file}`);
}

describe('the worker pool', () => {
  it('keeps every finished result when workers crash; a crashed run is retried once and its worker replaced, then reported', async () => {
    const url = poolWorker('crashy-worker', `
      if (task === 3 && firstTime()) process.exit(1);
      if (task === 7) process.exit(3);
      if (task === 5) return parentPort.postMessage({ ok: false, error: 'Error: run 5 is bad\\n    at somewhere' });
      parentPort.postMessage({ ok: true, value: threadId });`);
    const results = new Map<number, number>();
    const failures = new Map<number, string>();
    const reported: number[] = [];
    const pool = runPool<number, number>([0, 1, 2, 3, 4, 5, 6, 7, 8, 9][Symbol.iterator](), {
      url,
      size: 2,
      onResult: (task, thread) => (reported.push(task), results.set(task, thread)),
      onFailure: (task, error) => (reported.push(task), failures.set(task, error)),
    });
    await pool.done;
    expect([...results.keys()].sort()).toEqual([0, 1, 2, 3, 4, 6, 8, 9]);
    expect([...failures.keys()].sort()).toEqual([5, 7]);
    // Each task is reported exactly once, though a dying worker may have started the next one.
    expect(reported.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(failures.get(5)).toMatch(/^Error: run 5 is bad/);
    expect(failures.get(7)).toBe('worker exited with code 3');
    // Crashes and errors each cost a worker: 2 to start, and one new worker for each of the 5 failures.
    expect(new Set(results.values()).size).toBeGreaterThan(2);
    expect(existsSync(join(tmp, 'crashy-worker.mark'))).toBe(true);
  });

  it('keeps its workers from one batch to the next; replaces one lost in a batch; starts new ones after a stopped batch', async () => {
    // Each task answers with the thread that ran it; task 13 crashes its worker once.
    const url = poolWorker('warm-worker', `
      if (task === 13 && firstTime()) process.exit(1);
      parentPort.postMessage({ ok: true, value: threadId });`);
    const pool = openPool<number, number>({ url, size: 2 });
    const batch = async (tasks: number[]) => {
      const threads = new Map<number, number>();
      const failures: number[] = [];
      await pool.run(tasks[Symbol.iterator](), { onResult: (task, thread) => threads.set(task, thread), onFailure: (task) => failures.push(task) }).done;
      expect(failures).toEqual([]);
      expect([...threads.keys()].sort((a, b) => a - b)).toEqual(tasks);
      return new Set(threads.values());
    };
    try {
      const first = await batch([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(first.size).toBe(2);
      // The same two threads, warm, run the next batch, and an empty batch ends at once.
      expect(await batch([8, 9, 10, 11, 12])).toEqual(first);
      expect(await batch([])).toEqual(new Set());
      // A crash (on the batch's first task, before any answer) costs one worker: its replacement
      // joins the survivor, and both serve the next batch.
      const crashed = await batch([13, 14, 15, 16, 17, 18, 19, 20]);
      expect(crashed.size).toBe(2);
      expect([...crashed].filter((t) => first.has(t))).toHaveLength(1);
      const after = await batch([21, 22, 23, 24, 25, 26]);
      expect(after).toEqual(crashed);
      // A stopped batch terminates the workers; the next batch runs on two new ones.
      const stopped = pool.run([27, 28, 29][Symbol.iterator](), { onResult: () => {}, onFailure: () => {} });
      await stopped.stop();
      await stopped.done;
      const fresh = await batch([30, 31, 32, 33]);
      expect(fresh.size).toBe(2);
      expect([...fresh].filter((t) => after.has(t) || first.has(t))).toEqual([]);
    } finally {
      await pool.close();
    }
  });

  it('reports no failure for a run that stop() cut short, even one on its retry', async () => {
    // Task 0 fails once, then its retry (on a fresh worker) says so in a file and never ends.
    const retrying = join(tmp, 'slow-worker.retrying');
    const url = poolWorker('slow-worker', `
      if (firstTime()) return parentPort.postMessage({ ok: false, error: 'transient' });
      if (task === 0) writeFileSync(${JSON.stringify(retrying)}, '');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);`);
    const reported: string[] = [];
    const pool = runPool<number, number>([0, 1, 2][Symbol.iterator](), {
      url,
      size: 1,
      onResult: (task) => reported.push(`result ${task}`),
      onFailure: (task, error) => reported.push(`failure ${task}: ${error}`),
    });
    // Task 0 failed once and is on its retry, busy: stop now.
    while (!existsSync(retrying)) await new Promise((r) => setTimeout(r, 5));
    await pool.stop();
    await pool.done;
    expect(reported).toEqual([]);
  });
});

const GOOD = GOOD_SPEC;
const specOf = specWriter('bad');
let n = 0;

describe('a malformed spec: one clear line, exit 2, nothing written', () => {
  const cases: [unknown, RegExp][] = [
    ['{"seeds": ', /spec file .* is not valid JSON/],
    [[1, 2], /the spec must be a JSON object/],
    [{ ...GOOD, seeds: 'ten' }, /field seeds = "ten" is not allowed: must be a count \(an integer in \[1, 100000\]\) or a non-empty list/],
    [{ ...GOOD, seeds: [1, -4] }, /field seeds\[1\] = -4 is not allowed: must be an integer in \[0, 4294967295\]/],
    [{ ...GOOD, seeds: [3, 3] }, /field seeds lists 3 twice/],
    [{ ...GOOD, metrics: undefined }, /field metrics is missing: must be a non-empty list of metric names/],
    [{ ...GOOD, metrics: ['happiness'] }, /field metrics\[0\] = "happiness" is not allowed: must be a metric of involutionIndex, formGrowth, /],
    [{ ...GOOD, metrics: ['needsMet.d9'] }, /"needsMet.d9" does not exist in scenario baseline-involution with districts = 6/],
    [{ ...GOOD, scenario: 'utopia' }, /field scenario = "utopia" is not allowed: must be one of baseline-involution, /],
    [{ ...GOOD, scenario: undefined }, /field scenario is missing/],
    [{ ...GOOD, scenarios: ['money-alone'] }, /give either field scenario or field scenarios, not both/],
    [{ ...GOOD, ticks: 0 }, /field ticks = 0 is not allowed: must be an integer in \[1, 2400\] \(months\)/],
    [{ ...GOOD, record: { every: 0 } }, /field record.every = 0 is not allowed: must be an integer in \[1, 2400\]/],
    [{ ...GOOD, frobnicate: 1 }, /unknown field "frobnicate" in the spec; allowed: description, scenario, scenarios/],
    [{ ...GOOD, set: { pathDependence: 1.5 } }, /field set.pathDependence: parameter pathDependence = 1.5 is not allowed: must be a number in \[0, 1\]/],
    [{ ...GOOD, set: { seed: 3 } }, /parameter seed cannot be set here; use the field seeds/],
    [{ ...GOOD, vary: { nonsense: [1] } }, /field vary.nonsense\[0\]: unknown parameter "nonsense"; known: pathDependence/],
    [{ ...GOOD, vary: { citizens: [1000, 1500.5] } }, /field vary.citizens\[1\]: parameter citizens = 1500.5 is not allowed: must be an integer/],
    [{ ...GOOD, vary: { citizens: [2000] } }, /parameter citizens is both in field set and in field vary/],
    [{ ...GOOD, vary: { partnership: [0] }, design: { type: 'lhs', samples: 4, ranges: { policyPush: [0, 1] } } }, /either field vary .* or field design/],
    [{ ...GOOD, design: { type: 'factorial', samples: 4, ranges: {} } }, /field design.type = "factorial" is not allowed: must be "lhs", "sobol" or "morris"/],
    [{ ...GOOD, design: { type: 'sobol', samples: 4, ranges: { partnership: [0, 1] }, seed: 2 } }, /unknown field "seed" in field design; allowed: type, samples, ranges$/m],
    [{ ...GOOD, design: { type: 'morris', samples: 4, levels: 5, ranges: { partnership: [0, 1] } } }, /field design.levels = 5 is not allowed: must be an even integer/],
    [{ ...GOOD, design: { type: 'lhs', samples: 4, ranges: { partnership: [0.8, 0.2] } } }, /field design.ranges.partnership = \[0.8, 0.2\] is not allowed: low must be below high/],
    [{ ...GOOD, design: { type: 'lhs', samples: 4, ranges: { partnership: [0, 2] } } }, /field design.ranges.partnership\[1\]: parameter partnership = 2 is not allowed/],
    [{ ...GOOD, design: { type: 'lhs', samples: 4, ranges: { partnership: [0] } } }, /field design.ranges.partnership = \[0\] is not allowed: must be a pair of numbers \[low, high\]/],
    [{ ...GOOD, interventions: [{ tick: -1, set: { partnership: 0.9 } }] }, /field interventions\[0\].tick = -1 is not allowed: must be an integer in \[0, 2400\] \(the month the change applies from\)/],
    [{ ...GOOD, interventions: [{ tick: 3, set: { citizens: 5000 } }] }, /field interventions\[0\].set.citizens: parameter citizens cannot change during a run: it sets the size of the world \(give it in field set\)/],
    [{ ...GOOD, interventions: [{ tick: 3, set: { partnership: 2 } }] }, /field interventions\[0\].set.partnership: parameter partnership = 2 is not allowed: must be a number in \[0, 1\]/],
    [{ ...GOOD, interventions: [{ tick: 3, set: {} }] }, /field interventions\[0\].set is empty: must name at least one parameter/],
    [{ ...GOOD, interventions: [{ tick: 3, set: { partnership: 0.5 }, when: 1 }] }, /unknown field "when" in field interventions\[0\]; allowed: tick, set$/m],
    [{ ...GOOD, interventions: Array.from({ length: 1001 }, (_, i) => ({ tick: i % 12, set: { partnership: 0.5 } })) }, /field interventions = \[\{"tick":0,.*… \([\d,]+ characters\) is not allowed: must be a list of at most 1000 changes/],
    // 10^8 grid points: counted and refused before any is built (building them ran out of memory).
    [{ ...GOOD, vary: Object.fromEntries(['pathDependence', 'politicalRationality', 'dualManagement', 'asymmetricDependence', 'partnership', 'resourceRelease', 'serviceOrientation', 'applicabilityClarity'].map((p) => [p, [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]])) }, /the spec asks for 200000000 runs \(1 scenarios × 100000000 points × 2 seeds\); at most 10000000/],
  ];
  for (const [content, message] of cases) {
    it(String(message).slice(1, 70), () => {
      const out = join(tmp, `never${n++}`);
      const r = cli('experiment', specOf(content), '--out', out);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^involution-lab: (spec|cannot read spec)/);
      expect(r.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    });
  }

  it('lists every problem of a spec at once, of shape and of meaning, each value shortened', () => {
    const r = cli('experiment', specOf({ ...GOOD, seeds: 'ten', ticks: 0, metrics: ['happiness'], set: { pathDependence: 1.5, ['k'.repeat(100_000)]: 1 } }), '--out', join(tmp, `never${n++}`));
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^involution-lab: spec .* has 5 problems:$/);
    const listed = lines.slice(1).map((l) => l.trim());
    for (const says of [
      /^field seeds = "ten" is not allowed/,
      /^field ticks = 0 is not allowed/,
      /^field metrics\[0\] = "happiness" is not allowed/,
      /^field set.pathDependence: parameter pathDependence = 1.5 is not allowed: must be a number in \[0, 1\]$/,
      /^field set.k{60}…: unknown parameter "k{60}"… \(100,000 characters\); known: /,
    ]) expect(listed.filter((l) => says.test(l)), String(says)).toHaveLength(1);
    expect(r.stderr.length).toBeLessThan(3000);
  });

  it('refuses a list of 10^7 seeds before looking inside it, and names the field of a nesting too deep', () => {
    const file = join(tmp, 'huge-seeds.json');
    writeFileSync(file, `{"scenario": "baseline-involution", "metrics": ["needsMet"], "seeds": [${'1,'.repeat(10_000_000)}1]}`);
    const r = cli('experiment', file, '--out', join(tmp, `never${n++}`));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`involution-lab: spec file ${file} holds ${statSync(file).size.toLocaleString('en-US')} bytes; a spec or scenario file may hold at most 8,000,000 bytes\n`);
    writeFileSync(file, `{"scenario": "baseline-involution", "metrics": ["needsMet"], "seeds": [${'1,'.repeat(200_000)}1]}`);
    const list = cli('experiment', file, '--out', join(tmp, `never${n++}`));
    expect(list.status).toBe(2);
    expect(list.stderr).toBe(`involution-lab: spec file ${file}: field seeds has 200,001 entries; at most 100,000\n`);
    const deep = cli('experiment', specOf(`{"scenario": "baseline-involution", "metrics": ${'['.repeat(100)}${']'.repeat(100)}}`), '--out', join(tmp, `never${n++}`));
    expect(deep.status).toBe(2);
    expect(deep.stderr).toMatch(/nests more than 64 levels deep \(at field metrics\[0\]… \(63 levels\)\)/);
  });

  it('names a missing spec file and bad flags', () => {
    const bad: [string[], RegExp][] = [
      [['experiment', join(tmp, 'nope.json'), '--out', join(tmp, 'x')], /cannot read spec file .*nope.json: ENOENT/],
      [['experiment', specOf(GOOD)], /experiment needs --out <dir> \(or --dry-run\)/],
      [['experiment', '--out', join(tmp, 'x')], /experiment needs a spec file/],
      [['experiment', specOf(GOOD), '--out', join(tmp, 'x'), '--workers', '0'], /--workers "0" is not allowed: must be an integer in \[1, 1024\]/],
      [['experiment', specOf(GOOD), '--out', join(tmp, 'x'), '--shard', '4/3'], /--shard "4\/3" is not allowed: must be i\/n with 1 ≤ i ≤ n/],
      [['experiment', specOf(GOOD), '--out', join(tmp, 'x'), '--shard', `${'9'.repeat(400)}/${'9'.repeat(400)}`], /--shard "9+\/9+" is not allowed: must be i\/n with 1 ≤ i ≤ n/],
      [['experiment', specOf(GOOD), '--frob'], /unknown flag --frob for experiment; allowed: --out, --workers, --shard, --resume, --dry-run/],
      [['experiment', specOf(GOOD), '--out', ''], /--out is empty: give a path/],
      [['experiment', specOf(GOOD), '--out', join(specFile, 'sub')], /cannot read .*spec.json\/sub: a part of the path is not a directory \(ENOTDIR\)$/m],
      [['analyze', ref, '--method', 'paired', '--outcome', 'needsMet', '--baseline', 'money-alone', '--out', tmp], /--out .* is a directory; give a file name/],
    ];
    for (const [args, message] of bad) {
      const r = cli(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(existsSync(join(tmp, 'x'))).toBe(false);
    }
  });
});

describe('what a resume compares', () => {
  const base = findScenario('baseline-involution')!;
  const manifest = (scenario: Scenario) => ({ model: { version: VERSION }, spec: { seeds: 2, metrics: ['involutionIndex'] }, scenarios: [scenario], design: null, shard: null, format: 'csv' }) as unknown as Manifest;
  it('ignores a scenario\'s teaching text, title, source and lesson, but not its overrides or schedule', () => {
    const retold = { ...base, teaching: { en: 'Told anew.', zh: '重述。' }, lesson: undefined };
    expect(differences(manifest(base), manifest(retold))).toEqual([]);
    expect(differences(manifest(base), manifest({ ...base, params: { pathDependence: 0.5 } }))).toEqual(['scenario contents']);
    expect(differences(manifest(base), manifest({ ...base, schedule: [{ tick: 12, set: { partnership: 1 } }] }))).toEqual(['scenario contents']);
  });
});
