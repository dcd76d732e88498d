// The analysis modules against functions whose sensitivity indices are known analytically, and the
// `analyze` command on small experiments.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../lab/analysis/bootstrap.ts';
import { latinHypercube } from '../lab/design/lhs.ts';
import { morrisDesign } from '../lab/design/morris.ts';
import { morrisEffects } from '../lab/analysis/morris.ts';
import { pairedDifference } from '../lab/analysis/paired.ts';
import { decodeRun } from '../lab/plan.ts';
import { createRng } from '../lab/random.ts';
import { saltelliDesign } from '../lab/design/saltelli.ts';
import { sobolIndices } from '../lab/analysis/sobol.ts';
import { SOBOL_MAX_DIMENSIONS, sobolPoints } from '../lab/design/sobol-sequence.ts';
import { mean, tQuantile } from '../lab/analysis/stats.ts';

/** Ishigami & Homma (1990), a = 7, b = 0.1, inputs uniform on [−π, π] (here from the unit cube). */
const A = 7, B = 0.1;
const ishigami = (u: number[]) => {
  const [x1, x2, x3] = u.map((v) => -Math.PI + 2 * Math.PI * v);
  return Math.sin(x1) + A * Math.sin(x2) ** 2 + B * x3 ** 4 * Math.sin(x1);
};
const pi4 = Math.PI ** 4, pi8 = Math.PI ** 8;
const V1 = 0.5 * (1 + (B * pi4) / 5) ** 2, V2 = A ** 2 / 8, V13 = (B ** 2 * pi8 * 8) / 225;
const V = V1 + V2 + V13;
const ISHIGAMI = { S1: [V1 / V, V2 / V, 0], ST: [(V1 + V13) / V, V2 / V, V13 / V] };

/** Sobol's g-function, a = [0, 1, 4.5, 9, 99, 99, 99, 99]: V_i = 1 / (3 (1 + a_i)²). */
const G_A = [0, 1, 4.5, 9, 99, 99, 99, 99];
const g = (u: number[]) => u.reduce((p, x, i) => (p * (Math.abs(4 * x - 2) + G_A[i])) / (1 + G_A[i]), 1);
const Vi = G_A.map((a) => 1 / (3 * (1 + a) ** 2));
const VG = Vi.reduce((p, v) => p * (1 + v), 1) - 1;
const G = { S1: Vi.map((v) => v / VG), ST: Vi.map((v, i) => (v * Vi.reduce((p, w, j) => (j === i ? p : p * (1 + w)), 1)) / VG) };

describe('quasi-random and random designs', () => {
  it("Sobol' points equal SciPy's Sobol(d=3, scramble=False) and every dimension is a (0, m, 1)-net", () => {
    expect(sobolPoints(8, 3)).toEqual([
      [0, 0, 0], [0.5, 0.5, 0.5], [0.75, 0.25, 0.25], [0.25, 0.75, 0.75],
      [0.375, 0.375, 0.625], [0.875, 0.875, 0.125], [0.625, 0.125, 0.875], [0.125, 0.625, 0.375],
    ]);
    // The first 2^m points put exactly one point in each interval [i / 2^m, (i + 1) / 2^m).
    const points = sobolPoints(1024, SOBOL_MAX_DIMENSIONS);
    for (let d = 0; d < SOBOL_MAX_DIMENSIONS; d++) {
      expect(new Set(points.map((p) => Math.floor(p[d] * 1024))).size, `dimension ${d + 1}`).toBe(1024);
    }
  });

  it('a Latin hypercube has one point in each stratum of each dimension, reproducibly', () => {
    const points = latinHypercube(50, 4, createRng(3));
    for (let d = 0; d < 4; d++) expect(new Set(points.map((p) => Math.floor(p[d] * 50))).size).toBe(50);
    expect(latinHypercube(50, 4, createRng(3))).toEqual(points);
  });
});

describe("Sobol' indices (Saltelli 2010 first order, Jansen total) with N = 4096", () => {
  it('recover the Ishigami function: S1 = 0.314, 0.442, 0; ST = 0.558, 0.442, 0.244 (within 0.02)', () => {
    const result = sobolIndices(saltelliDesign(4096, 3).map(ishigami), 3, { resamples: 500, seed: 1 });
    result.forEach((r, i) => {
      expect(r.S1).toBeCloseTo(ISHIGAMI.S1[i], 1);
      expect(Math.abs(r.S1 - ISHIGAMI.S1[i])).toBeLessThan(0.02);
      expect(Math.abs(r.ST - ISHIGAMI.ST[i])).toBeLessThan(0.02);
      // The bootstrap intervals hold the truth and are informative.
      expect(r.S1ci.low).toBeLessThan(ISHIGAMI.S1[i]);
      expect(r.S1ci.high).toBeGreaterThan(ISHIGAMI.S1[i]);
      expect(r.STci.low).toBeLessThan(ISHIGAMI.ST[i]);
      expect(r.STci.high).toBeGreaterThan(ISHIGAMI.ST[i]);
      expect(r.S1ci.high - r.S1ci.low).toBeLessThan(0.15);
    });
  });

  it('recover the g-function with a = [0, 1, 4.5, 9, 99, 99, 99, 99] (within 0.01)', () => {
    const result = sobolIndices(saltelliDesign(4096, 8).map(g), 8, { resamples: 200 });
    result.forEach((r, i) => {
      expect(Math.abs(r.S1 - G.S1[i]), `S1 of x${i + 1}`).toBeLessThan(0.01);
      expect(Math.abs(r.ST - G.ST[i]), `ST of x${i + 1}`).toBeLessThan(0.01);
    });
  });

  it('bootstrap intervals are seeded: the same seed gives the same interval', () => {
    const y = saltelliDesign(64, 3).map(ishigami);
    expect(sobolIndices(y, 3, { seed: 9 })).toEqual(sobolIndices(y, 3, { seed: 9 }));
    expect(sobolIndices(y, 3, { seed: 9 })[0].S1ci).not.toEqual(sobolIndices(y, 3, { seed: 10 })[0].S1ci);
  });
});

describe('Morris elementary effects (r = 50 trajectories, p = 4 levels)', () => {
  it('rank the g-function inputs x1 > x2 > x3 > x4, the four inert ones below 5 % of the largest μ*', () => {
    const d = morrisDesign(50, 8, 4, createRng(1));
    const e = morrisEffects(d.points, d.changed, d.points.map(g), 8);
    const mu = e.map((x) => x.muStar);
    expect(mu[0]).toBeGreaterThan(mu[1]);
    expect(mu[1]).toBeGreaterThan(mu[2]);
    expect(mu[2]).toBeGreaterThan(mu[3]);
    for (let i = 4; i < 8; i++) {
      expect(mu[i]).toBeLessThan(mu[3]);
      expect(mu[i]).toBeLessThan(0.05 * mu[0]);
    }
    expect(e.every((x) => x.n === 50)).toBe(true);
  });

  it('on Ishigami: μ*(x2) is exactly 7.875 on the p = 4 grid, and x3 (no first-order effect) ranks last', () => {
    // On the levels −π, −π/3, π/3, π every step of x2 changes 7 sin²(x2) by 5.25 over Δ = 2/3.
    for (const candidates of [50, 200]) {
      const d = morrisDesign(50, 3, 4, createRng(7), candidates);
      const [e1, e2, e3] = morrisEffects(d.points, d.changed, d.points.map(ishigami), 3);
      expect(e2.muStar).toBeCloseTo(7.875, 9);
      expect(e3.muStar).toBeLessThan(e1.muStar);
      expect(e3.muStar).toBeLessThan(e2.muStar);
      expect(e2.muStarCi.low).toBeLessThanOrEqual(e2.muStar);
    }
  });

  it("Campolongo's selection spreads trajectories further apart than the same number drawn at random", () => {
    const spread = (pts: number[][]) => {
      const traj = Array.from({ length: pts.length / 4 }, (_, t) => pts.slice(4 * t, 4 * t + 4));
      let s = 0;
      for (const a of traj) for (const b of traj) for (const p of a) for (const q of b) s += Math.hypot(...p.map((x, i) => x - q[i]));
      return s;
    };
    expect(spread(morrisDesign(10, 3, 4, createRng(2), 60).points)).toBeGreaterThan(spread(morrisDesign(10, 3, 4, createRng(2)).points));
  });
});

describe('statistics', () => {
  it("Student's t quantiles match tables", () => {
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.7062, 3);
    expect(tQuantile(0.975, 9)).toBeCloseTo(2.2622, 4);
    expect(tQuantile(0.975, 30)).toBeCloseTo(2.0423, 4);
    expect(tQuantile(0.975, 1e6)).toBeCloseTo(1.96, 3);
    expect(tQuantile(0.05, 4)).toBeCloseTo(-2.1318, 4);
  });

  it('paired differences: mean and t interval of b − a', () => {
    const d = pairedDifference([1, 2, 3, 4], [1.5, 2.1, 3.9, 4.2]);
    const diffs = [0.5, 0.1, 0.9, 0.2];
    const sd = Math.sqrt(diffs.reduce((s, x) => s + (x - 0.425) ** 2, 0) / 3);
    expect(d.mean).toBeCloseTo(0.425, 12);
    expect(d.high - d.mean).toBeCloseTo((3.182446305 * sd) / 2, 6);
    expect(d.n).toBe(4);
  });

  it('a percentile bootstrap of the mean covers the true mean about 95 % of the time', () => {
    const rng = createRng(5);
    let covered = 0;
    for (let t = 0; t < 200; t++) {
      const xs = Array.from({ length: 40 }, () => rng());
      const [ci] = bootstrap(40, (s) => [mean(Array.from(s, (i) => xs[i]))], { resamples: 300, seed: t });
      if (ci.low < 0.5 && ci.high > 0.5) covered++;
    }
    expect(covered / 200).toBeGreaterThan(0.88);
    expect(covered / 200).toBeLessThan(0.99);
  });
});

describe('involution-lab analyze', () => {
  const BIN = join(import.meta.dirname, '..', 'bin', 'involution-lab.mjs');
  const cli = (...args: string[]) => spawnSync('node', [BIN, ...args], { encoding: 'utf8' });
  const tmp = mkdtempSync(join(tmpdir(), 'involution-analyze-'));
  const base = { ticks: 24, seeds: 2, metrics: ['involutionIndex', 'needsMet'], set: { citizens: 1000 } };
  const run = (name: string, spec: object) => {
    writeFileSync(join(tmp, `${name}.json`), JSON.stringify({ ...base, ...spec }));
    const r = cli('experiment', join(tmp, `${name}.json`), '--out', join(tmp, name));
    expect(r.status, r.stderr).toBe(0);
    return join(tmp, name);
  };
  let morris = '', sobol = '', pair = '', effect = '', grid = '', lhs = '';
  beforeAll(() => {
    const ranges = { pathDependence: [0, 1], politicalRationality: [0, 1], initialSOs: [20, 60] };
    morris = run('morris', { scenario: 'baseline-involution', design: { type: 'morris', samples: 6, ranges } });
    effect = run('effect', { scenarios: ['baseline-involution', 'full-prevention'], design: { type: 'morris', samples: 6, ranges } });
    sobol = run('sobol', { scenario: 'baseline-involution', design: { type: 'sobol', samples: 8, ranges } });
    pair = run('paired', { scenarios: ['baseline-involution', 'full-prevention', 'money-alone'], seeds: 6 });
    grid = run('grid', { scenarios: ['baseline-involution', 'full-prevention'], seeds: 3, record: { every: 12 }, vary: { pathDependence: [0, 1], politicalRationality: [0, 0.5, 1] } });
    lhs = run('lhs', { scenario: 'baseline-involution', design: { type: 'lhs', samples: 20, ranges: { pathDependence: [0, 1], initialSOs: [20, 60] } } });
  });

  const table = (file: string) => readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split(','));

  it('grid: per scenario, point and recorded month, the mean over seeds with a t interval; the final month equals the summary', () => {
    const r = cli('analyze', grid, '--method', 'grid', '--outcome', 'needsMet');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/grid analysis of needsMet \(each recorded month: mean over 3 seeds per design point, 95 % t interval\)/);
    const [head, ...rows] = table(join(grid, 'analysis-grid-needsMet.csv'));
    expect(head.join(',')).toBe('method,outcome,scenario,point,pathDependence,politicalRationality,tick,n,mean,low,high,sd');
    // 2 scenarios × 6 points × months 0, 12 and 23.
    expect(rows).toHaveLength(2 * 6 * 3);
    expect(rows.slice(0, 3).map((row) => row[6])).toEqual(['0', '12', '23']);
    const summary = table(join(grid, 'summary.csv')).slice(1); // run, scenario, seed, pathDependence, politicalRationality, involutionIndex, needsMet
    for (const row of rows.filter((x) => x[6] === '23')) {
      const finals = summary.filter((x) => x[1] === row[2] && x[3] === row[4] && x[4] === row[5]).map((x) => Number(x[6]));
      expect(finals).toHaveLength(3);
      expect(Number(row[8])).toBeCloseTo(mean(finals), 12);
      expect(Number(row[9])).toBeLessThanOrEqual(Number(row[8]));
      expect(Number(row[10])).toBeGreaterThanOrEqual(Number(row[8]));
    }
  });

  it('replications: the distribution of each scenario over its seeds; lhs: binned means against each parameter', () => {
    expect(cli('analyze', pair, '--method', 'replications', '--outcome', 'involutionIndex').status).toBe(0);
    const [head, ...rows] = table(join(pair, 'analysis-replications-involutionIndex.csv'));
    expect(head.join(',')).toBe('method,outcome,scenario,point,n,mean,low,high,sd,min,q25,median,q75,max');
    expect(rows.map((row) => row[2])).toEqual(['baseline-involution', 'full-prevention', 'money-alone']);
    const summary = table(join(pair, 'summary.csv')).slice(1);
    rows.forEach((row) => {
      const finals = summary.filter((x) => x[1] === row[2]).map((x) => Number(x[3])).sort((a, b) => a - b);
      expect(Number(row[5])).toBeCloseTo(mean(finals), 12);
      expect([row[9], row[13]].map(Number)).toEqual([finals[0], finals[5]]);
    });
    const l = cli('analyze', lhs, '--method', 'lhs', '--outcome', 'involutionIndex');
    expect(l.status, l.stderr).toBe(0);
    const [lhead, ...bins] = table(join(lhs, 'analysis-lhs-involutionIndex.csv'));
    expect(lhead.join(',')).toBe('method,outcome,scenario,parameter,bin,binLow,binHigh,n,mean,low,high');
    // 20 points: 4 bins per parameter, 5 points each (a Latin hypercube has one point in each twentieth).
    expect(bins.map((b) => b[3])).toEqual([...Array(4).fill('pathDependence'), ...Array(4).fill('initialSOs')]);
    expect(bins.filter((b) => b[3] === 'pathDependence').map((b) => b[7])).toEqual(['5', '5', '5', '5']);
  });

  it('morris: μ, μ*, σ and a μ* interval per parameter, as CSV in the directory and as a table', () => {
    const r = cli('analyze', morris, '--method', 'morris', '--outcome', 'involutionIndex');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/morris analysis of involutionIndex/);
    expect(r.stdout).toMatch(/parameter\s+mu\s+muStar\s+sigma/);
    const lines = readFileSync(join(morris, 'analysis-morris-involutionIndex.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('method,outcome,scenario,parameter,mu,muStar,sigma,muStarLow,muStarHigh,effects');
    expect(lines.slice(1).map((l) => l.split(',')[3])).toEqual(['pathDependence', 'politicalRationality', 'initialSOs']);
    for (const l of lines.slice(1)) expect(Number(l.split(',')[9])).toBe(6);
  });

  it("morris with --baseline: the elementary effects of each scenario's effect (paired on common seeds at each design point)", () => {
    const r = cli('analyze', effect, '--method', 'morris', '--outcome', 'involutionIndex', '--baseline', 'baseline-involution');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/the effect on involutionIndex of each scenario against baseline-involution/);
    const lines = readFileSync(join(effect, 'analysis-morris-involutionIndex-vs-baseline-involution.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('method,outcome,scenario,baseline,parameter,mu,muStar,sigma,muStarLow,muStarHigh,effects');
    expect(lines.slice(1).map((l) => l.split(',').slice(2, 5).join(','))).toEqual(
      ['pathDependence', 'politicalRationality', 'initialSOs'].map((p) => `full-prevention,baseline-involution,${p}`),
    );
    // The same numbers by hand: per design point, the mean over seeds of (prevention − baseline).
    const design = readFileSync(join(effect, 'design.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
    const summary = readFileSync(join(effect, 'summary.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    // run, scenario, seed, three parameters, involutionIndex: runs placed by their number (scenario, point, seed).
    const y3 = [0, 1].map(() => design.map(() => [NaN, NaN]));
    for (const s of summary) {
      const { scenario, point, replicate } = decodeRun(Number(s[0]), design.length, 2);
      y3[scenario][point][replicate] = Number(s[6]);
    }
    const [b, f] = y3;
    const y = design.map((_, p) => mean(f[p].map((v, i) => v - b[p][i])));
    const lo = [0, 0, 20], span = [1, 1, 40];
    const unit = design.map((d) => d.slice(1, 4).map((v, i) => (v - lo[i]) / span[i]));
    const expected = morrisEffects(unit, design.map((d) => d[4]), y, 3, { resamples: 1000, seed: 1 });
    lines.slice(1).forEach((l, i) => expect(l.split(',').slice(5, 8).map(Number)).toEqual([expected[i].mu, expected[i].muStar, expected[i].sigma]));
    // Without the baseline, the levels of both scenarios, in their own file.
    expect(cli('analyze', effect, '--method', 'morris', '--outcome', 'involutionIndex').status).toBe(0);
    expect(readFileSync(join(effect, 'analysis-morris-involutionIndex.csv'), 'utf8').trim().split('\n')).toHaveLength(7);
  });

  it('sobol: S1 and ST with intervals, written where --out says', () => {
    const out = join(tmp, 'sobol-needs.csv');
    const r = cli('analyze', sobol, '--method', 'sobol', '--outcome', 'needsMet', '--out', out, '--resamples', '200');
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('method,outcome,scenario,parameter,S1,S1Low,S1High,ST,STLow,STHigh');
    expect(lines).toHaveLength(4);
  });

  it('paired: each scenario against the baseline on common seeds, with a t interval', () => {
    const r = cli('analyze', pair, '--method', 'paired', '--outcome', 'involutionIndex', '--baseline', 'baseline-involution');
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(join(pair, 'analysis-paired-involutionIndex.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('method,outcome,scenario,baseline,point,n,meanDiff,low,high,sd,baselineMean,scenarioMean');
    expect(lines.slice(1).map((l) => l.split(',')[2])).toEqual(['full-prevention', 'money-alone']);
    const summary = readFileSync(join(pair, 'summary.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const final = (id: string) => summary.filter((s) => s[1] === id).map((s) => Number(s[3])); // run, scenario, seed, involutionIndex
    const expected = pairedDifference(final('baseline-involution'), final('full-prevention'));
    const row = lines[1].split(',').map(Number);
    expect(row.slice(5, 9)).toEqual([6, expected.mean, expected.low, expected.high]);
  });

  it('refuses a method the design does not support, or an outcome not recorded, in one line with exit 2', () => {
    const bad: [string[], RegExp][] = [
      [[pair, '--method', 'sobol', '--outcome', 'needsMet'], /--method sobol needs an experiment with design.type "sobol"; this one has "none"/],
      [[morris, '--method', 'paired', '--outcome', 'needsMet', '--baseline', 'x'], /--method paired needs an experiment with at least two scenarios/],
      [[morris, '--method', 'morris', '--outcome', 'needsMet', '--baseline', 'x'], /--baseline needs an experiment with at least two scenarios/],
      [[effect, '--method', 'morris', '--outcome', 'needsMet', '--baseline', 'nope'], /--baseline "nope" is not a scenario of this experiment; scenarios: baseline-involution, full-prevention/],
      [[pair, '--method', 'paired', '--outcome', 'needsMet', '--baseline', 'nope'], /--baseline "nope" is not a scenario of this experiment; scenarios: baseline-involution, full-prevention, money-alone/],
      [[pair, '--method', 'paired', '--outcome', 'coverage'], /--outcome "coverage" was not recorded; recorded: involutionIndex, needsMet/],
      [[pair, '--method', 'anova', '--outcome', 'needsMet'], /--method "anova" is not allowed; allowed: morris, sobol, paired, grid, replications, lhs/],
      [[join(tmp, 'nowhere'), '--method', 'morris', '--outcome', 'needsMet'], /nowhere does not exist/],
      [[pair, '--method', 'grid', '--outcome', 'needsMet'], /--method grid needs an experiment with design.type "grid"; this one has "none"/],
      [[morris, '--method', 'replications', '--outcome', 'needsMet'], /--method replications needs an experiment with no design \(no vary, no design: replications of each scenario\); this one has "morris"/],
      [[grid, '--method', 'grid', '--outcome', 'needsMet', '--baseline', 'full-prevention'], /--baseline applies to --method morris, sobol and paired; not to grid/],
    ];
    for (const [args, message] of bad) {
      const r = cli('analyze', ...args);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });
});
