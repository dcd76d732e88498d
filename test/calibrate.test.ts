// Calibration (ABC-SMC): the algorithm against an analytic posterior, recovery of known causes from
// the model's own output, and `involution-lab calibrate` as a researcher runs it (the built bin, real
// processes, real files): workers, kill -9 and resume, a damaged journal, malformed specs.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { simulateTargets, type ModelSetup } from '../lab/abc/model.ts';
import { summarise } from '../lab/abc/report.ts';
import { inProcess, outcomeOf, predictiveDraws, runSmc, type Prior, type Proposal, type Simulator, type SmcSettings } from '../lab/abc/smc.ts';
import { marginal, weightedPicker } from '../lab/abc/stats.ts';
import { createRng } from '../lab/random.ts';
import { completeManifest, generationRecord, manifestJson, manifestOf } from '../lab/abc/manifest.ts';
import { posteriorCsv, predictiveCsv, type Simulated } from '../lab/abc/files.ts';
import { runCalibration, StoredSimulator, type CalibrationSimulator, type LoopProgress } from '../lab/abc/run.ts';
import { modelSetup, resolveCalibration } from '../lab/abc/spec.ts';
import { JOURNAL } from '../cli/calibrate/journal.ts';
import { loadCalibration } from '../cli/calibrate/spec.ts';
import { cliStoppingAfter, DIST } from './gated-cli.ts';
import { scenario } from './helpers.ts';
import { runScenario } from '../sim/index.ts';
import { specWriter } from './specs.ts';

const settings = (over: Partial<SmcSettings> = {}): SmcSettings => ({
  particles: 1000, generations: 8, quantile: 0.5, minAcceptance: 0.01, minTolerance: 0, kernel: 'olcm', replicates: 1, seed: 3, ...over,
});

describe('weightedPicker (resampling by weight: SMC proposals, predictive draws, validate --posterior)', () => {
  it('never picks a zero weight and picks in proportion to the weights', () => {
    const pick = weightedPicker([0, 1, 0, 3, 0]);
    const rng = createRng(5);
    const counts = [0, 0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[pick(rng())]++;
    expect([counts[0], counts[2], counts[4]]).toEqual([0, 0, 0]);
    // Expected 3 : 1; with 40 000 draws the ratio's sd is about 0.03.
    expect(counts[3] / counts[1]).toBeGreaterThan(2.85);
    expect(counts[3] / counts[1]).toBeLessThan(3.15);
  });

  it('maps u at the edges of [0, 1) to the first and last positive weights', () => {
    const pick = weightedPicker([0, 2, 2, 0]);
    expect(pick(0)).toBe(1);
    expect(pick(0.999999)).toBe(2);
  });
});

describe('ABC-SMC on a model with a known posterior', () => {
  // The mean of n = 10 draws from N(θ, 1) is observed as 1.3; with a flat prior on [−10, 10] the
  // posterior is N(1.3, 1/10) (truncation negligible). ABC with tolerance ε widens it by a uniform of
  // half-width ε·sd: at the final tolerance (< 0.3 sd) the sd grows by under 1.5 %.
  const se = Math.sqrt(0.1);
  const targets = [{ metric: 'mean', tick: 0, observed: { value: 1.3, sd: se } }];
  const prior: Prior = { names: ['theta'], lo: [-10], hi: [10] };
  /** Each replicate's observed mean. */
  const toyValues = (p: Proposal) => p.seeds.map((seed) => {
    const rng = createRng(seed);
    let u: number, v: number, q: number;
    do {
      u = 2 * rng() - 1;
      v = 2 * rng() - 1;
      q = u * u + v * v;
    } while (q >= 1 || q === 0);
    return [p.theta[0] + se * u * Math.sqrt((-2 * Math.log(q)) / q)];
  });
  const simulateToy = (p: Proposal) => outcomeOf(toyValues(p), targets);
  /** A fresh simulator each time: its store of outcomes belongs to one calibration. */
  const toy = () => inProcess(simulateToy);

  for (const kernel of ['olcm', 'twice-covariance'] as const) {
    it(`recovers the posterior mean within 0.05 and its sd within 15 % (${kernel} kernel)`, async () => {
      const r = await runSmc(prior, settings({ kernel }), toy());
      expect(r.complete).toBe(true);
      expect(r.populations).toHaveLength(8);
      const last = r.populations[7];
      expect(last.epsilon).toBeLessThan(0.3);
      // The tolerance falls every generation, and the acceptance rate with it.
      for (let g = 2; g < 8; g++) expect(r.populations[g].epsilon).toBeLessThan(r.populations[g - 1].epsilon);
      const m = marginal(last.particles.map((p) => p[0]), last.weights);
      expect(Math.abs(m.mean - 1.3)).toBeLessThan(0.05);
      expect(Math.abs(m.sd / se - 1)).toBeLessThan(0.15);
      // Generation 0 is the prior: its sd is the uniform's, 20/√12 ≈ 5.8.
      expect(marginal(r.populations[0].particles.map((p) => p[0]), r.populations[0].weights).sd).toBeGreaterThan(5);
      expect(last.ess).toBeGreaterThan(500);
    });
  }

  it('stops, keeping the last full generation, when the acceptance rate falls below the minimum', async () => {
    const r = await runSmc(prior, settings({ particles: 200, generations: 30, minAcceptance: 0.2 }), toy());
    expect(r.stopped).toMatch(/below the minimum acceptance rate 0.2; the posterior is generation \d+/);
    expect(r.populations.length).toBeLessThan(30);
    expect(r.exhausted).toBe(1000);
    expect(r.populations.every((p) => p.acceptance >= 0.2)).toBe(true);
  });

  it('gives the same population whatever order the simulations finish in, and however many extra are run', async () => {
    // As workers do: batches of 7 finished in reverse order, overshooting the N-th acceptance.
    const store = toy();
    const scrambled: Simulator = {
      known: store.known,
      run: async (step) => {
        const map = scrambled.known(step);
        let next = 0, accepted = 0;
        while (accepted < step.particles && next < step.cap) {
          const batch: number[] = [];
          while (batch.length < 7 && next < step.cap) batch.push(next++);
          for (const k of batch.reverse()) {
            const o = simulateToy(step.propose(k));
            map.set(k, o);
            if (o.distance <= step.epsilon) accepted++;
          }
        }
        return true;
      },
    };
    const s = settings({ particles: 100, generations: 4 });
    const plain = await runSmc(prior, s, toy());
    const shuffled = await runSmc(prior, s, scrambled);
    expect(JSON.stringify(shuffled.populations)).toBe(JSON.stringify(plain.populations));
  });

  it('reuses a stored simulation only when it is exactly the proposal, and simulates the rest (the loop of the CLI and the Diagnose tab)', async () => {
    /** The shared loop on simulations run in this thread, each kept and recorded. */
    class Loop extends StoredSimulator<Simulated> {
      kept: Simulated[] = [];
      reports: LoopProgress[] = [];
      protected async simulate(next: () => Proposal | undefined, onSimulated: (e: Simulated) => void): Promise<boolean> {
        for (let p = next(); p; p = next()) {
          const e = { g: p.generation, k: p.index, theta: p.theta, seeds: p.seeds, values: toyValues(p) };
          this.kept.push(e);
          onSimulated(e);
        }
        return true;
      }
      protected report(p: LoopProgress): void {
        this.reports.push(p);
      }
    }
    const s = settings({ particles: 40, generations: 3 });
    const plain = await runSmc(prior, s, toy());
    const first = new Loop(targets, new Map());
    const done = await runSmc(prior, s, first);
    expect(JSON.stringify(done.populations)).toBe(JSON.stringify(plain.populations));
    const draws = predictiveDraws(done.populations[2], 10, 2, s.seed);
    const checked = (await first.runDraws(draws))!;
    expect(checked.map((e) => e.k)).toEqual([...draws.keys()]);
    // Every acceptance the last generation needed, and no more: it stopped at N.
    const last = first.reports.filter((r) => r.stage === 'generation').at(-1)!;
    expect([last.generation, last.accepted]).toEqual([2, 40]);
    expect(first.rejected).toBe(0);

    // Stored as a second session finds them: generation 0, half of generation 1 (one entry of another
    // proposal, one with a replicate missing), 4 of the predictive draws.
    const g1 = first.kept.filter((e) => e.g === 1);
    const half = g1.slice(0, Math.floor(g1.length / 2));
    const stored = new Map<number, Map<number, Simulated>>([
      [0, new Map(first.kept.filter((e) => e.g === 0).map((e) => [e.k, e]))],
      [1, new Map(half.map((e, i) => [e.k, i === 3 ? { ...e, theta: [e.theta[0] + 1e-9] } : e]))],
      [-1, new Map(checked.slice(0, 5).map((e, i) => [e.k, i === 4 ? { ...e, values: e.values.slice(1) } : e]))],
    ]);
    const second = new Loop(targets, stored);
    const again = await runSmc(prior, s, second);
    expect(JSON.stringify(again.populations)).toBe(JSON.stringify(plain.populations));
    expect(JSON.stringify(await second.runDraws(draws))).toBe(JSON.stringify(checked));
    expect(second.rejected).toBe(1);
    const ran = (g: number) => second.kept.filter((e) => e.g === g).map((e) => e.k);
    expect(ran(0)).toEqual([]);
    expect(ran(1)).toEqual([half[3].k, ...g1.slice(half.length).map((e) => e.k)]);
    expect(ran(-1)).toEqual([4, 5, 6, 7, 8, 9]);
    // A generation starts from what is stored: the progress counts it.
    expect(second.reports.find((r) => r.generation === 1)).toMatchObject({ starting: true, attempts: half.length - 1 });
  });
});

describe('calibrating the model on observations made at known causes', () => {
  // A synthetic city: two causes set to known values, five indicators observed on one seed the
  // calibration never uses. The posterior must centre near the truth and its 90 % interval cover it.
  const ticks = 60;
  const metrics = ['purchaseShare', 'paperworkShare', 'govRevenueShare', 'projectsActive', 'insideShare'];
  const sds = [0.02, 0.02, 0.02, 10, 0.06];
  const setup: ModelSetup = { scenario: scenario('baseline-involution'), set: { citizens: 3000, ticks }, names: ['politicalRationality', 'asymmetricDependence'], targets: metrics.map((metric) => ({ metric, tick: ticks - 1 })) };
  const truth = [0.6, 0.5];
  const observed = simulateTargets(setup, truth, 987_654);
  const targets = metrics.map((metric, i) => ({ metric, tick: ticks - 1, observed: { value: observed[i], sd: sds[i] } }));
  const prior: Prior = { names: setup.names, lo: [0, 0], hi: [1, 1] };

  it('puts the posterior mean within one posterior sd (and 0.15) of the truth, and its 90 % interval around it', async () => {
    const r = await runSmc(prior, settings({ particles: 150, generations: 4, seed: 5 }), inProcess((p) => outcomeOf(p.seeds.map((s) => simulateTargets(setup, p.theta, s)), targets)));
    const summary = summarise(r.populations[3], prior);
    summary.forEach((s, a) => {
      expect(Math.abs(s.mean - truth[a]), s.name).toBeLessThan(Math.min(0.15, s.sd));
      expect(s.q05, s.name).toBeLessThanOrEqual(truth[a]);
      expect(s.q95, s.name).toBeGreaterThanOrEqual(truth[a]);
      // The five indicators identify both causes: the posterior is much narrower than the prior
      // (contraction 0.56 for political rationality in Model 2.0, whose officials learn noisily).
      expect(s.contraction, s.name).toBeGreaterThan(0.5);
    });
  });
});

const BIN = join(import.meta.dirname, '..', 'bin', 'involution-lab.mjs');
const cli = (...args: string[]) => spawnSync('node', [BIN, ...args], { encoding: 'utf8' });

describe('targets over several months', () => {
  it('a target with "from" is the mean of the metric over months from … tick; without it, the value at tick', () => {
    const set = { citizens: 1000, ticks: 24 };
    const setup: ModelSetup = { scenario: scenario('baseline-involution'), set, names: ['entryRate'], targets: [{ metric: 'soGrowthRate', tick: 23, from: 12 }, { metric: 'soGrowthRate', tick: 23 }] };
    const [window, last] = simulateTargets(setup, [2], 3);
    const { series } = runScenario(scenario('baseline-involution'), 3, { set: { ...set, entryRate: 2 } });
    const months = series.soGrowthRate.slice(12, 24);
    expect(window).toBeCloseTo(months.reduce((a, b) => a + b, 0) / 12, 12);
    expect(last).toBe(series.soGrowthRate[23]);
    expect(new Set(months).size).toBeGreaterThan(1);
  });

  it('refuses a window that ends before it starts, naming the field', () => {
    const bad = write({ ...SPEC, targets: { govRevenueShare: { range: [0.6, 0.9], tick: 20, from: 25 } } });
    const r = cli('calibrate', bad, '--out', join(tmp, 'never-window'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('field targets.govRevenueShare.from = 25 is not allowed: must be an integer month in [0, 20] (at most the target\'s tick)');
  });

  it('one metric over two windows: two targets named by their keys in the files, the tables, the report and the manifest', () => {
    const two = write({
      ...SPEC,
      particles: 10,
      generations: 1,
      predictive: { draws: 2, seeds: 1 },
      targets: {
        'share@0-14': { metric: 'govRevenueShare', range: [0.6, 0.9], from: 0, tick: 14 },
        'share@15-29': { metric: 'govRevenueShare', range: [0.6, 0.9], from: 15, tick: 29 },
        paperworkShare: { value: 0.3, sd: 0.03 },
      },
    });
    const dir = join(tmp, 'two-windows');
    const r = cli('calibrate', two, '--out', dir, '--workers', '1');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('from 3 targets (share@0-14, share@15-29, paperworkShare)');
    expect(read(dir, 'posterior.csv').split('\n')[0]).toBe('generation,particle,weight,distance,politicalRationality,asymmetricDependence,share@0-14,share@15-29,paperworkShare');
    expect(read(dir, 'predictive.csv').split('\n')[0]).toBe('draw,replicate,seed,politicalRationality,asymmetricDependence,share@0-14,share@15-29,paperworkShare');
    expect(r.stdout).toMatch(/^share@0-14 +0–14 +\[0\.6, 0\.9\]/m);
    expect(r.stdout).toMatch(/^share@15-29 +15–29 +\[0\.6, 0\.9\]/m);
    // The two windows are two values of the one metric: each the mean of its own months.
    const rows = read(dir, 'posterior.csv').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
    expect(rows.some((x) => x[6] !== x[7])).toBe(true);
    const m = JSON.parse(read(dir, 'manifest.json'));
    expect(m.targets.map((t: { name?: string; metric: string }) => [t.name, t.metric])).toEqual([['share@0-14', 'govRevenueShare'], ['share@15-29', 'govRevenueShare'], [undefined, 'paperworkShare']]);
    expect(m.predictive.map((c: { name?: string }) => c.name)).toEqual(['share@0-14', 'share@15-29', undefined]);
    const report = cli('report', dir);
    expect(report.status, report.stderr).toBe(0);
    const html = read(dir, 'report.html');
    expect(html).toContain('share@0-14 (govRevenueShare), mean over months 0–14: observed against posterior predictive');
    expect(html).toContain('share@15-29 (govRevenueShare), mean over months 15–29: observed against posterior predictive');
    // Its directory is found again as this calibration: --resume says it is complete.
    const again = cli('calibrate', two, '--out', dir, '--resume');
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toContain('already holds this calibration, complete');
  });

  it('refuses a bad "metric", a bad name and one metric twice over one window, each naming its field and value', () => {
    const bad = write({
      ...SPEC,
      targets: {
        early: { metric: 'govRevenueShare', range: [0.6, 0.9], from: 0, tick: 14 },
        again: { metric: 'govRevenueShare', range: [0.5, 0.9], from: 0, tick: 14 },
        'no spaces': { metric: 'govRevenueShare', range: [0.6, 0.9], tick: 20 },
        [`n${'x'.repeat(64)}`]: { metric: 'govRevenueShare', range: [0.6, 0.9], tick: 21 },
        paperworkShare: { metric: 'govRevenueShare', range: [0.6, 0.9], tick: 22 },
        typo: { metric: 'govRevenueShares', range: [0.6, 0.9] },
        number: { metric: 7, value: 1, sd: 1 },
      },
    });
    const out = join(tmp, 'never-named');
    const r = cli('calibrate', bad, '--out', out);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    const problems = r.stderr.trim().split('\n').slice(1).map((l) => l.trim());
    expect(problems).toEqual([
      'field targets.again is not allowed: it duplicates targets.early (the same metric "govRevenueShare" over the same months 0–14); give it another window or remove one',
      'field targets.no spaces: the target\'s name "no spaces" is not allowed: must be a short name: 1 to 64 letters, digits, _, -, @ or .',
      `field targets.n${'x'.repeat(59)}…: the target's name "n${'x'.repeat(59)}"… (65 characters) is not allowed: must be a short name: 1 to 64 letters, digits, _, -, @ or .`,
      'field targets.paperworkShare: the target\'s name "paperworkShare" is not allowed: it is another metric\'s name; name it otherwise (or drop "metric")',
      expect.stringMatching(/^field targets\.typo\.metric = "govRevenueShares" is not allowed: unknown metric; allowed: involutionIndex, /),
      'field targets.number.metric = 7 is not allowed: must be a metric name (a string); the target\'s key is then its own name',
    ]);
  });
});
const tmp = mkdtempSync(join(tmpdir(), 'involution-calibrate-'));
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const write = specWriter('calibration');

const SPEC = {
  description: 'test: two causes from two indicators',
  scenario: 'baseline-involution',
  ticks: 30,
  set: { citizens: 1500 },
  priors: { politicalRationality: [0, 1], asymmetricDependence: [0, 1] },
  targets: { paperworkShare: { value: 0.3, sd: 0.03 }, govRevenueShare: { range: [0.65, 0.75] } },
  particles: 30,
  generations: 3,
  seed: 11,
  predictive: { draws: 10, seeds: 2 },
};
const specFile = write(SPEC);
const ref = join(tmp, 'ref');

/** Everything in the manifest that must not depend on workers or sessions. */
const deterministic = (dir: string) => {
  const m = JSON.parse(read(dir, 'manifest.json'));
  delete m.timings;
  delete m.machine;
  return m;
};

function expectSameAsRef(dir: string): void {
  expect(read(dir, 'posterior.csv')).toBe(read(ref, 'posterior.csv'));
  expect(read(dir, 'predictive.csv')).toBe(read(ref, 'predictive.csv'));
  expect(deterministic(dir)).toEqual(deterministic(ref));
}

/**
 * A calibration with one gated worker that blocks on its 61st task (the worker serves every
 * generation): generation 0 (30 proposals) finishes, generation 1 simulates 30 proposals and hangs —
 * 60 journal lines at most. Waits for
 * `lines` of them, sends `signal`, and returns the exit code and the journal's line count.
 */
async function interrupted(name: string, lines: number, signal: NodeJS.Signals): Promise<{ dir: string; code: number | null; journal: number }> {
  const dir = join(tmp, name);
  const child = spawn('node', [cliStoppingAfter(join(tmp, `gated-${name}`), 'calibrate-worker', 60), 'calibrate', specFile, '--out', dir, '--workers', '1'], { stdio: 'ignore' });
  let exited = false;
  let code: number | null = null;
  const exit = new Promise((r) => child.once('exit', (c) => r(((exited = true), (code = c)))));
  const count = () => (existsSync(join(dir, JOURNAL)) ? read(dir, JOURNAL).split('\n').length - 1 : 0);
  while (count() < lines && !exited) await new Promise((r) => setTimeout(r, 5));
  expect(exited, 'the calibration ended before it was interrupted').toBe(false);
  child.kill(signal);
  await exit;
  return { dir, code, journal: count() };
}

describe('involution-lab calibrate', () => {
  beforeAll(() => {
    expect(existsSync(join(DIST, 'calibrate-worker.mjs')), 'run `npm run build:cli` first').toBe(true);
    const r = cli('calibrate', specFile, '--out', ref, '--workers', '1');
    expect(r.status, r.stderr).toBe(0);
  });

  it('writes posterior.csv, predictive.csv, a manifest, and prints the posterior and the predictive check', () => {
    const rows = read(ref, 'posterior.csv').trim().split('\n');
    expect(rows[0]).toBe('generation,particle,weight,distance,politicalRationality,asymmetricDependence,paperworkShare,govRevenueShare');
    expect(rows).toHaveLength(1 + 3 * 30);
    const m = JSON.parse(read(ref, 'manifest.json'));
    expect(m.status).toBe('complete');
    expect(m.stopped).toBe('reached the maximum of 3 generations');
    expect(m.generations.map((g: { generation: number }) => g.generation)).toEqual([0, 1, 2]);
    expect(m.generations[0].tolerance).toBeNull();
    expect(m.generations[2].tolerance).toBeLessThan(m.generations[1].tolerance);
    expect(m.runs.calibration).toBe(m.generations.reduce((s: number, g: { runs: number }) => s + g.runs, 0));
    expect(m.runs.predictive).toBe(20);
    expect(m.posterior.map((p: { name: string }) => p.name)).toEqual(['politicalRationality', 'asymmetricDependence']);
    expect(m.predictive).toHaveLength(2);
    expect(read(ref, 'predictive.csv').trim().split('\n')).toHaveLength(1 + 10 * 2);
    expect(existsSync(join(ref, JOURNAL))).toBe(false);
    // Weights of each generation sum to 1.
    for (const g of [0, 1, 2]) {
      const w = rows.slice(1).filter((r) => r.startsWith(`${g},`)).map((r) => Number(r.split(',')[2]));
      expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
    const again = cli('calibrate', specFile, '--out', join(tmp, 'printed'), '--workers', '2');
    expect(again.stdout).toMatch(/posterior \(generation 2, 30 particles, effective sample size \d+\):/);
    expect(again.stdout).toMatch(/politicalRationality\s+\[0, 1\]/);
    expect(again.stdout).toMatch(/posterior predictive check \(10 draws × 2 seeds\):/);
    expect(again.stdout).toMatch(/govRevenueShare\s+29\s+\[0.65, 0.75\]/);
    expectSameAsRef(join(tmp, 'printed'));
  });

  it('lab/ in memory, as the browser runs it, writes the same posterior.csv, predictive.csv and manifest', async () => {
    // The spec as the browser has it (an object, parsed from JSON); the simulations in this thread.
    const c = resolveCalibration(JSON.parse(readFileSync(specFile, 'utf8')));
    const setup = modelSetup(c);
    const values = (p: Proposal) => p.seeds.map((seed) => simulateTargets(setup, p.theta, seed));
    const sim: CalibrationSimulator = {
      ...inProcess((p) => outcomeOf(values(p), c.targets)),
      // Finished last first: the draws are written in draw order all the same.
      runDraws: async (draws) => [...draws].reverse().map((p) => ({ g: -1, k: p.index, theta: p.theta, seeds: p.seeds, values: values(p) })).reverse(),
    };
    const m = manifestOf(c, specFile, 'now');
    const run = await runCalibration(c, sim, (pop) => m.generations.push(generationRecord(pop, c.settings.replicates)));
    expect(run.draws).toBeDefined();
    completeManifest(m, c, run.populations, run.result, run.draws!);
    Object.assign(m, { status: 'complete', stopped: run.result.stopped });
    expect(posteriorCsv(run.populations, c.prior, c.targets)).toBe(read(ref, 'posterior.csv'));
    expect(predictiveCsv(run.draws!, c.prior, c.targets)).toBe(read(ref, 'predictive.csv'));
    const cli = JSON.parse(read(ref, 'manifest.json'));
    expect(manifestJson({ ...m, timings: cli.timings, machine: cli.machine, model: cli.model })).toBe(read(ref, 'manifest.json'));
    expect(run.result.stop).toEqual({ rule: 'generations', generations: 3 });
  });

  it('gives byte-identical files with 1 and 3 workers', () => {
    const dir = join(tmp, 'three');
    expect(cli('calibrate', specFile, '--out', dir, '--workers', '3').status).toBe(0);
    expectSameAsRef(dir);
  });

  it('loses nothing to kill -9: --resume ends byte-identical to an uninterrupted calibration', async () => {
    // One worker that blocks on its 61st task: generation 0 (30 proposals) finishes, generation 1
    // simulates 30 proposals and hangs. Kill it there.
    const { dir, journal } = await interrupted('killed', 60, 'SIGKILL');
    expect(journal).toBe(60);
    expect(JSON.parse(read(dir, 'manifest.json')).generations).toHaveLength(1);
    expect(read(dir, 'posterior.csv').trim().split('\n')).toHaveLength(31);

    expect(cli('calibrate', specFile, '--out', dir).status).toBe(2); // not without --resume
    const r = cli('calibrate', specFile, '--out', dir, '--resume', '--workers', '2');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch('resuming: 60 simulations already done');
    expectSameAsRef(dir);
  });

  it('holds its directory: a second session is refused as in use (fresh or --resume); after kill -9 two --resume at once run one session', async () => {
    const dir = join(tmp, 'locked');
    const child = spawn('node', [cliStoppingAfter(join(tmp, 'gated-locked'), 'calibrate-worker', 60), 'calibrate', specFile, '--out', dir, '--workers', '1'], { stdio: 'ignore' });
    let exited = false;
    const exit = new Promise((r) => child.once('exit', () => r((exited = true))));
    const count = () => (existsSync(join(dir, JOURNAL)) ? read(dir, JOURNAL).split('\n').length - 1 : 0);
    while (count() < 40 && !exited) await new Promise((r) => setTimeout(r, 5));
    expect(exited).toBe(false);
    for (const extra of [[], ['--resume']]) {
      const r = cli('calibrate', specFile, '--out', dir, ...extra);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(new RegExp(`^involution-lab: ${dir} is in use by pid ${child.pid} on host \\S+, running \`involution-lab calibrate ${specFile} --out ${dir}\` since \\S+; wait for it to end`));
      expect(r.stderr).not.toMatch(/--resume/);
    }
    child.kill('SIGKILL');
    await exit;
    const runs = await Promise.all(
      [1, 2].map(
        () =>
          new Promise<{ code: number | null; stderr: string }>((resolve) => {
            const c = spawn('node', [join(import.meta.dirname, '..', 'bin', 'involution-lab.mjs'), 'calibrate', specFile, '--out', dir, '--resume', '--workers', '1']);
            let stderr = '';
            c.stderr.on('data', (d) => (stderr += d));
            c.once('exit', (code) => resolve({ code, stderr }));
          }),
      ),
    );
    const said = runs.map((r) => r.stderr).join('\n');
    expect(said).not.toMatch(/\n\s+at /);
    expect(runs.filter((r) => /resuming: \d+ simulations already done/.test(r.stderr)), said).toHaveLength(1);
    for (const r of runs) {
      expect([0, 2], said).toContain(r.code);
      // The loser of the race may find the winner's lock before the winner has written who it is.
      if (r.code === 2) expect(r.stderr).toMatch(/is in use by (pid \d+|another session that is starting)/);
    }
    expectSameAsRef(dir);
  });

  it('a session killed before its first manifest was in place leaves a directory that starts afresh', () => {
    for (const extra of [['--resume'], []]) {
      const dir = join(tmp, `first-rename${extra.join('')}`);
      mkdirSync(join(dir, '.lock'), { recursive: true });
      writeFileSync(join(dir, '.lock-holder.json'), JSON.stringify({ pid: 2 ** 22 + 7, host: hostname(), command: 'killed', since: 'then', job: null }));
      writeFileSync(join(dir, `manifest.json.${2 ** 22 + 7}.tmp`), '{"kind": "involution-lab cali');
      const r = cli('calibrate', specFile, '--out', dir, '--workers', '2', ...extra);
      expect(r.status, r.stderr).toBe(0);
      expectSameAsRef(dir);
      expect(readdirSync(dir).sort()).toEqual(['manifest.json', 'posterior.csv', 'predictive.csv']);
    }
  });

  it('records SIGTERM as interrupted at once, exits 130, and resumes byte-identical', async () => {
    const { dir, code, journal } = await interrupted('terminated', 60, 'SIGTERM');
    expect(code).toBe(130);
    expect(JSON.parse(read(dir, 'manifest.json')).status).toBe('interrupted');
    expect(journal).toBe(60);
    const r = cli('calibrate', specFile, '--out', dir, '--resume', '--workers', '2');
    expect(r.status, r.stderr).toBe(0);
    expectSameAsRef(dir);
  });

  it('re-simulates a journal entry that fails its checksum or does not belong to the calibration', async () => {
    const { dir } = await interrupted('damaged', 40, 'SIGKILL');
    const entries = read(dir, JOURNAL).split('\n');
    // A changed digit in a result (checksum fails), and a well-formed entry for parameters the
    // calibration never proposed (checksum recomputed to match: caught by the regeneration check).
    entries[3] = entries[3].replace(/"values":\[\[(\d)/, (_, d) => `"values":[[${(Number(d) + 1) % 10}`);
    const forged = JSON.parse(entries[5]);
    forged.theta[0] = 0.123;
    const { checksum } = await import('../cli/runs/checksum.ts');
    forged.check = checksum(JSON.stringify([forged.g, forged.k, forged.theta, forged.seeds, forged.values, forged.ms]));
    entries[5] = JSON.stringify(forged);
    writeFileSync(join(dir, JOURNAL), entries.join('\n'));
    const r = cli('calibrate', specFile, '--out', dir, '--resume', '--workers', '2');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch('2 journal entries did not match this calibration or failed its checksum; they were simulated again');
    expectSameAsRef(dir);
  });

  it('on a full disk: exit 2 naming the path, not complete, journal kept; --resume with space back is byte-identical', (ctx) => {
    const mnt = join(tmp, 'small-disk');
    mkdirSync(mnt);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8k', 'tmpfs', mnt]).status !== 0) return ctx.skip('mounting a tmpfs is not permitted here (needs root)');
    try {
      let failures = 0;
      for (const kb of [8, 20, 36, 512]) {
        expect(spawnSync('mount', ['-o', `remount,size=${kb}k`, mnt]).status).toBe(0);
        const dir = join(mnt, `out-${kb}`);
        const r = cli('calibrate', specFile, '--out', dir, '--workers', '1');
        if (r.status === 0) continue;
        failures++;
        expect(r.status).toBe(2);
        expect(r.stderr).not.toMatch(/\n\s+at /);
        expect(r.stderr).toMatch(new RegExp(`^involution-lab: cannot write ${dir}/[\\w.-]+: no space left on the device \\(ENOSPC\\)$`, 'm'));
        if (existsSync(join(dir, 'manifest.json'))) expect(JSON.parse(read(dir, 'manifest.json')).status).not.toBe('complete');
        expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
        expect(spawnSync('mount', ['-o', 'remount,size=4096k', mnt]).status).toBe(0);
        const again = cli('calibrate', specFile, '--out', dir, '--resume', '--workers', '2');
        expect(again.status, again.stderr).toBe(0);
        expectSameAsRef(dir);
        rmSync(dir, { recursive: true });
      }
      // The first three sizes are well below what the calibration writes (about 70 KB): each cuts it at
      // a different place; the last lets it finish.
      expect(failures).toBeGreaterThanOrEqual(3);
    } finally {
      spawnSync('umount', [mnt]);
    }
  });

  it('refuses a malformed spec with one line per problem, exit 2, and writes nothing', () => {
    const bad = write({
      scenario: 'no-such-scenario',
      priors: { pathDependence: [0.5, 0.2], citizens: [100, 200], madeUp: [0, 1] },
      targets: { noSuchMetric: { value: 1, sd: 0.1 }, purchaseShare: { range: [0.4, 0.3] } },
      particles: 5,
      kernel: 'gaussian',
    });
    const out = join(tmp, 'never');
    const r = cli('calibrate', bad, '--out', out);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    const lines = r.stderr.trim().split('\n');
    // Problems of shape and, in what is well formed, of meaning: every one listed at once.
    expect(lines[0]).toMatch(/^involution-lab: calibration spec .* has 8 problems:$/);
    const listed = lines.slice(1).map((l) => l.trim());
    expect(listed.slice(0, 2)).toEqual([
      'field particles = 5 is not allowed: must be an integer in [10, 100000]',
      'field kernel = "gaussian" is not allowed: must be "olcm" (Filippi et al. 2013) or "twice-covariance" (Beaumont et al. 2009)',
    ]);
    expect(listed[2]).toMatch(/^field scenario = "no-such-scenario" is not allowed/);
    expect(listed.slice(3, 6)).toEqual([
      'field priors.pathDependence = [0.5,0.2] is not allowed: must be [low, high] with low < high',
      'field priors.citizens: citizens is an integer parameter; priors are for continuous parameters (fix it in field set)',
      'field priors.madeUp: unknown parameter "madeUp"; see involution-lab params',
    ]);
    expect(listed[6]).toMatch(/^field targets.noSuchMetric: unknown metric "noSuchMetric"/);
    expect(listed[7]).toBe('field targets.purchaseShare.range = [0.4,0.3] is not allowed: must be [low, high] with low < high');
    // A number too large for a double (1e309 reads as Infinity) is shown as such, not as null.
    const huge = write(JSON.stringify({ ...SPEC, seed: 5 }).replace('"asymmetricDependence":[0,1]', '"asymmetricDependence":[0,1e309]').replace('"seed":5', '"seed":1e309'));
    const h = cli('calibrate', huge, '--out', out);
    expect(h.status).toBe(2);
    expect(h.stderr).toContain('field priors.asymmetricDependence[1] = Infinity (a number beyond ±1.8e308) is not allowed: must be a number');
    expect(h.stderr).toContain('field seed = Infinity (a number beyond ±1.8e308) is not allowed');
    expect(h.stderr).not.toMatch(/null/);
    // An unknown key of 100 000 characters is repeated once, shortened.
    const key = 'k'.repeat(100_000);
    const long = write({ ...SPEC, priors: { [key]: [0, 1] }, targets: { [key]: { value: 1, sd: 1 } }, set: { [key]: 1 } });
    const l = cli('calibrate', long, '--out', out);
    expect(l.status).toBe(2);
    expect(l.stderr).toContain(`field priors.${'k'.repeat(60)}…: unknown parameter "${'k'.repeat(60)}"… (100,000 characters)`);
    expect(l.stderr).toContain(`field targets.${'k'.repeat(60)}…: unknown metric "${'k'.repeat(60)}"… (100,000 characters)`);
    expect(l.stderr.length).toBeLessThan(3000);
    // Shape fixed, every problem of meaning is listed too.
    const meaning = write({
      scenario: 'no-such-scenario',
      priors: { pathDependence: [0.5, 0.2], citizens: [100, 200], madeUp: [0, 1] },
      targets: { noSuchMetric: { value: 1, sd: 0.1 }, purchaseShare: { range: [0.4, 0.3], tick: 200 } },
    });
    const m = cli('calibrate', meaning, '--out', out);
    expect(m.status).toBe(2);
    const problems = m.stderr.trim().split('\n').slice(1).map((l) => l.trim());
    expect(problems).toHaveLength(7);
    expect(problems[0]).toMatch(/^field scenario = "no-such-scenario" is not allowed: must be one of baseline-involution, /);
    expect(problems[1]).toBe('field priors.pathDependence = [0.5,0.2] is not allowed: must be [low, high] with low < high');
    expect(problems[2]).toBe('field priors.citizens: citizens is an integer parameter; priors are for continuous parameters (fix it in field set)');
    expect(problems[3]).toBe('field priors.madeUp: unknown parameter "madeUp"; see involution-lab params');
    expect(problems[4]).toMatch(/^field targets.noSuchMetric: unknown metric "noSuchMetric"; allowed: involutionIndex, /);
    expect(problems[5]).toBe('field targets.purchaseShare.tick = 200 is not allowed: must be an integer month in [0, 119] (the run has 120 months)');
    expect(problems[6]).toBe('field targets.purchaseShare.range = [0.4,0.3] is not allowed: must be [low, high] with low < high');
    expect(existsSync(out)).toBe(false);
  });

  it('report draws the marginals by generation, the pairwise density and the predictive check', () => {
    const dir = join(tmp, 'report');
    cpSync(ref, dir, { recursive: true });
    const r = cli('report', dir);
    expect(r.status, r.stderr).toBe(0);
    const html = read(dir, 'report.html');
    expect(html).toMatch('ABC-SMC calibration of baseline-involution, 30 months: 2 parameters from 2 targets; 3 generations of 30 particles');
    expect(html.match(/aria-label="[^"]*: posterior by generation"/g)).toHaveLength(2);
    expect(html).toMatch(/aria-label="asymmetricDependence against politicalRationality"/);
    expect(html).toMatch(/final generation; weighted correlation r = -?\d\.\d\d/);
    expect(html.match(/: observed against posterior predictive"/g)).toHaveLength(2);
    // One density line per generation and parameter, and contours drawn.
    expect(html.match(/<title>generation \d<\/title>/g)).toHaveLength(6);
    expect(html).toMatch(/<path d="M[\d.]+,[\d.]+/);
    expect(html).not.toMatch(/NaN|undefined|Infinity,/);
    // A damaged cell is refused, naming the file, row and column.
    const csv = read(dir, 'posterior.csv').split('\n');
    csv[4] = csv[4].replace(/^(\d+,\d+,)[^,]+/, '$1');
    writeFileSync(join(dir, 'posterior.csv'), csv.join('\n'));
    const bad = cli('report', dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/posterior.csv line 5, column weight: "" is not a number/);
  });

  it('--dry-run counts the runs and times one, writing nothing', () => {
    const out = join(tmp, 'dry');
    const r = cli('calibrate', specFile, '--dry-run', '--out', out, '--workers', '2');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch('30 particles × at most 3 generations, 1 replicate a particle, then 20 predictive runs');
    expect(r.stdout).toMatch(/a run: about \d+ ms/);
    // 3 × 30 + 20; 30 + 2 × 60 + 20; 30 + 2 × ⌈30 / 0.02⌉ + 20.
    expect(r.stdout).toMatch(/runs: at least 110 \(every proposal accepted\), about 170 at 50 % acceptance \([\d.]+ (s|min) with 2 workers\), at most 3050 /);
    expect(existsSync(out)).toBe(false);
  });

  it('accepts every example calibration spec of docs/examples', () => {
    const examples = join(import.meta.dirname, '..', 'docs', 'examples');
    const files = readdirSync(examples).filter((f) => f.endsWith('.json') && 'priors' in JSON.parse(read(examples, f)));
    expect(files).toContain('diagnose-city.json');
    for (const f of files) {
      const c = loadCalibration(join(examples, f));
      expect(c.prior.names.length, f).toBeGreaterThan(0);
      expect(c.targets.length, f).toBeGreaterThan(0);
    }
  });

  it('refuses __proto__ keys and absurdly deep nesting before any schema sees them', () => {
    const proto = write(JSON.stringify(SPEC).replace('"priors":{', '"priors":{"__proto__":[0,1],'));
    const r = cli('calibrate', proto, '--out', join(tmp, 'never-proto'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/key "__proto__" \(at priors.__proto__\) is not allowed/);
    const deep = write(`{"scenario": ${'['.repeat(20_000)}${']'.repeat(20_000)}}`);
    const d = cli('calibrate', deep, '--out', join(tmp, 'never-deep'));
    expect(d.status).toBe(2);
    expect(d.stderr.trim().split('\n')).toHaveLength(1);
    expect(d.stderr).toMatch(/nests more than 64 levels deep/);
    expect(existsSync(join(tmp, 'never-proto')) || existsSync(join(tmp, 'never-deep'))).toBe(false);
  });

  it('analyze on a calibration directory says what it holds', () => {
    const r = cli('analyze', ref, '--method', 'paired', '--outcome', 'needsMet');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`involution-lab: ${ref} holds a calibration, not an experiment: analyze reads experiments (involution-lab report ${ref} draws a calibration's posterior)\n`);
  });

  it('refuses to resume into a directory that holds a different calibration', () => {
    const other = write({ ...SPEC, seed: 12 });
    const r = cli('calibrate', other, '--out', ref, '--resume');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/holds a different calibration \(differs in spec field seed\)/);
  });
});
