// Scenario discovery (PRIM with covering, the classification tree) on synthetic data whose boxes are
// known, the condition parser, and the results of designs without a sensitivity analysis (grid,
// replications, LHS) against sums done by hand; then `involution-lab discover` on a small experiment.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cart } from '../lab/analysis/cart.ts';
import { gridResult, lhsResult, replicationsResult } from '../lab/analysis/designs.ts';
import { discover, discoveryResult, meets, parseWhere } from '../lab/analysis/discover.ts';
import { AnalysisError } from '../lab/analysis/methods.ts';
import type { RunSource } from '../lab/analysis/outcomes.ts';
import { meanInterval } from '../lab/analysis/paired.ts';
import { binomialUpper, prim, type PrimStep } from '../lab/analysis/prim.ts';
import { createRng } from '../lab/random.ts';
import { gridCharts, lhsCharts, replicationsChart } from '../lab/report/designs.ts';
import { nodeDocument } from '../cli/report/dom.ts';

/** n points uniform in [0, 1]^k; y = 1 inside `inBox`, then each label flipped with probability `noise`. */
function synthetic(seed: number, n: number, k: number, inBox: (x: number[]) => boolean, noise = 0.05) {
  const r = createRng(seed);
  const x = Array.from({ length: k }, () => new Float64Array(n));
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = x.map((c) => (c[i] = r()));
    y[i] = (inBox(p) ? 1 : 0) ^ (r() < noise ? 1 : 0);
  }
  return { x, y, ranges: x.map((): [number, number] => [0, 1]) };
}

/** How far the chosen box's limits are from the true ones (a limit not in `truth` must be the range's end, or its restriction insignificant). */
function check(step: PrimStep, truth: Record<number, [number, number]>, k: number) {
  let worst = 0;
  for (let d = 0; d < k; d++) {
    if (truth[d]) {
      expect(step.restricted).toContain(d);
      expect(step.pValues[d]).toBeLessThan(1e-10);
      worst = Math.max(worst, Math.abs(step.limits[d][0] - truth[d][0]), Math.abs(step.limits[d][1] - truth[d][1]));
    } else if (step.restricted.includes(d)) {
      // An irrelevant parameter that noise got restricted: its quasi-p-value says it does not matter.
      expect(step.pValues[d]).toBeGreaterThan(0.1);
    }
  }
  return worst;
}

const TOL = 0.05;

describe('PRIM (peeling α 0.05, pasting, covering)', () => {
  it('recovers x1 > 0.6 and x2 < 0.3 among 5 parameters (2000 points, 5 % label noise) within ±0.05 on each limit, five data sets', () => {
    const worst: number[] = [];
    for (const seed of [1, 2, 3, 4, 5]) {
      const r = prim(synthetic(seed, 2000, 5, (p) => p[0] > 0.6 && p[1] < 0.3));
      // One box: after its points are removed, the rest is noise (density ≈ 5 %, below the threshold 0.8).
      expect(r.boxes).toHaveLength(1);
      const b = r.boxes[0];
      const step = b.trajectory[b.chosen];
      worst.push(check(step, { 0: [0.6, 1], 1: [0, 0.3] }, 5));
      expect(b.meetsThreshold).toBe(true);
      expect(step.density).toBeGreaterThan(0.85);
      // Coverage: about 0.95 × 0.12 / (0.95 × 0.12 + 0.05 × 0.88) = 0.72 of the cases of interest lie in the true box.
      expect(step.coverage).toBeGreaterThan(0.6);
      // The trajectory starts from the whole space and stops at a box of at least 5 % of the points.
      expect(b.trajectory[0].coverage).toBe(1);
      expect(b.trajectory[0].restricted).toEqual([]);
      expect(b.trajectory.at(-1)!.mass).toBeGreaterThanOrEqual(0.05);
    }
    expect(Math.max(...worst)).toBeLessThan(TOL);
  });

  it('finds a second box by covering when there are two: x1 > 0.6 and x2 < 0.3, or x3 < 0.25 and x4 > 0.7', () => {
    for (const seed of [1, 2, 3]) {
      const r = prim(synthetic(seed, 2000, 5, (p) => (p[0] > 0.6 && p[1] < 0.3) || (p[2] < 0.25 && p[3] > 0.7)));
      expect(r.boxes.length).toBe(2);
      const steps = r.boxes.map((b) => b.trajectory[b.chosen]);
      const first = steps.findIndex((s) => s.restricted.includes(0) && s.restricted.includes(1));
      const second = steps.findIndex((s) => s.restricted.includes(2) && s.restricted.includes(3));
      expect([first, second].sort()).toEqual([0, 1]);
      expect(check(steps[first], { 0: [0.6, 1], 1: [0, 0.3] }, 5)).toBeLessThan(TOL);
      expect(check(steps[second], { 2: [0, 0.25], 3: [0.7, 1] }, 5)).toBeLessThan(TOL);
      // Coverages are shares of all cases of interest: the two boxes together hold most of them, and no more than all.
      expect(steps[0].coverage + steps[1].coverage).toBeGreaterThan(0.6);
      expect(steps[0].coverage + steps[1].coverage).toBeLessThanOrEqual(1);
    }
  });

  it('a one-sided binomial tail: P(X ≥ k) for X ~ Binomial(n, p), against the sum of the terms', () => {
    const exact = (k: number, n: number, p: number) => {
      let s = 0,
        c = 1;
      for (let j = 0; j <= n; j++) {
        if (j >= k) s += c * p ** j * (1 - p) ** (n - j);
        c = (c * (n - j)) / (j + 1);
      }
      return s;
    };
    for (const [k, n, p] of [
      [3, 10, 0.2],
      [7, 10, 0.5],
      [1, 5, 0.1],
      [40, 50, 0.6],
      [0, 8, 0.3],
      [9, 8, 0.3],
    ])
      expect(binomialUpper(k, n, p)).toBeCloseTo(exact(k, n, p), 10);
  });
});

describe('classification tree (Gini, depth 3)', () => {
  it('finds the box x1 > 0.6 and x2 ≤ 0.3 as its one leaf of interest, within ±0.05, five data sets', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const leaves = cart(synthetic(seed, 2000, 5, (p) => p[0] > 0.6 && p[1] < 0.3));
      const hits = leaves.filter((l) => l.density >= 0.5);
      expect(hits).toHaveLength(1);
      const [l] = hits;
      expect(Math.abs(l.limits[0][0] - 0.6)).toBeLessThan(TOL);
      expect(l.limits[0][1]).toBe(1);
      expect(Math.abs(l.limits[1][1] - 0.3)).toBeLessThan(TOL);
      expect(l.limits[1][0]).toBe(0);
      // Splits that do not change what a leaf predicts are undone: no irrelevant parameter is split.
      expect(new Set(l.rule.map((r) => r.parameter))).toEqual(new Set([0, 1]));
      // The leaves partition the points.
      expect(leaves.reduce((a, x) => a + x.n, 0)).toBe(2000);
    }
  });
});

describe('the condition on the outcome (--where)', () => {
  it('reads comparisons and ranges, and refuses anything else naming the value and what is allowed', () => {
    expect(parseWhere('> 0.5')).toMatchObject({ op: '>', a: 0.5, text: '> 0.5' });
    expect(parseWhere('<0')).toMatchObject({ op: '<', a: 0, text: '< 0' });
    expect(parseWhere(' >= -1e-2 ')).toMatchObject({ op: '>=', a: -0.01 });
    expect(parseWhere('0.2..0.5')).toMatchObject({ op: 'range', a: 0.2, b: 0.5, text: '0.2..0.5' });
    expect(parseWhere('-1..-0.5')).toMatchObject({ op: 'range', a: -1, b: -0.5 });
    const w = parseWhere('0.2..0.5');
    expect([0.1, 0.2, 0.35, 0.5, 0.6].map((v) => meets(w, v))).toEqual([false, true, true, true, false]);
    expect([-1, 0, 1].map((v) => meets(parseWhere('<= 0'), v))).toEqual([true, true, false]);
    for (const bad of ['0.5', '=> 1', '> x', '0.5..0.2', '1..1', '> 1 2', '', 'involutionIndex > 0.5']) {
      expect(() => parseWhere(bad)).toThrow(AnalysisError);
      expect(() => parseWhere(bad)).toThrow(/is not allowed; allowed: "> x", ">= x", "< x", "<= x" or a range "a..b"/);
    }
  });
});

/** An experiment's arrangement and summary columns from values by [scenario][point][replicate]. */
function experimentOf(type: string, params: string[], points: number[][], values: number[][][], ranges?: Record<string, [number, number]>) {
  const R = values[0][0].length;
  const m: RunSource = {
    scenarios: values.map((_, s) => ({ id: `s${s}` })),
    seeds: Array.from({ length: R }, (_, r) => r + 1),
    design: { type: type as 'grid', params, points, ranges },
  };
  const run: number[] = [],
    y: number[] = [];
  values.forEach((byPoint, s) => byPoint.forEach((reps, p) => reps.forEach((v, r) => (run.push((s * points.length + p) * R + r), y.push(v)))));
  return { m, summary: { rows: run.length, values: { run: Float64Array.from(run), y: Float64Array.from(y) } } };
}

describe('what a design without a sensitivity analysis says', () => {
  it("grid: each point's mean over seeds with its t interval, from the summary, and per recorded month from the runs", () => {
    const points = [
      [0, 10],
      [0, 20],
      [1, 10],
      [1, 20],
    ];
    const values = [points.map((_, i) => [i, i + 1, i + 3]), points.map((p) => [p[0], p[0] * 2, 5])];
    const { m, summary } = experimentOf('grid', ['a', 'b'], points, values);
    const r = gridResult(m, 'y', summary);
    expect(r.columns).toEqual(['scenario', 'point', 'a', 'b', 'tick', 'n', 'mean', 'low', 'high', 'sd']);
    expect(r.rows).toHaveLength(8);
    const d = meanInterval([2, 3, 5]);
    expect(r.rows[2]).toEqual(['s0', 2, 1, 10, '', 3, d.mean, d.low, d.high, d.sd]);
    // Over time: months 0 and 5 of runs of 6 months recorded every 5; month 5 holds the final values.
    const run: number[] = [],
      tick: number[] = [],
      y: number[] = [];
    for (let i = 0; i < summary.rows; i++) {
      run.push(summary.values.run[i], summary.values.run[i]);
      tick.push(0, 5);
      y.push(0, summary.values.y[i]);
    }
    const over = gridResult(m, 'y', summary, {
      table: { rows: run.length, values: { run: Float64Array.from(run), tick: Float64Array.from(tick), y: Float64Array.from(y) } },
      ticks: [6, 6],
      every: 5,
    });
    expect(over.rows).toHaveLength(16);
    expect(over.rows[4]).toEqual(['s0', 2, 1, 10, 0, 3, 0, 0, 0, 0]);
    expect(over.rows[5]).toEqual(['s0', 2, 1, 10, 5, 3, d.mean, d.low, d.high, d.sd]);
  });

  it('replications: quartiles, extremes and the mean with its t interval per scenario', () => {
    const { m, summary } = experimentOf('none', [], [[]], [[[4, 1, 3, 2, 5]], [[10, 10, 10, 10, 10]]]);
    const r = replicationsResult(m, 'y', summary);
    const d = meanInterval([4, 1, 3, 2, 5]);
    expect(r.rows[0]).toEqual(['s0', 0, 5, 3, d.low, d.high, d.sd, 1, 2, 3, 4, 5]);
    expect(r.rows[1].slice(2, 7)).toEqual([5, 10, 10, 10, 0]);
  });

  it("lhs: binned means of the design points (their mean over seeds) over each parameter's range", () => {
    // 20 points; y = 10 x0 (x1 irrelevant): 4 bins of width 0.25 on x0.
    const xs = Array.from({ length: 20 }, (_, i) => [(i + 0.5) / 20, ((i * 7) % 20) / 20]);
    const { m, summary } = experimentOf('lhs', ['x0', 'x1'], xs, [xs.map((p) => [10 * p[0] - 1, 10 * p[0] + 1])], { x0: [0, 1], x1: [0, 1] });
    const r = lhsResult(m, 'y', summary);
    expect(r.columns).toEqual(['scenario', 'parameter', 'bin', 'binLow', 'binHigh', 'n', 'mean', 'low', 'high']);
    const x0 = r.rows.filter((row) => row[1] === 'x0');
    expect(x0.map((row) => row[2])).toEqual([0, 1, 2, 3]);
    expect(x0.map((row) => row[5])).toEqual([5, 5, 5, 5]);
    // Bin 0 holds x0 = 0.025 … 0.225: mean of 10 x0 is 1.25.
    expect(Number(x0[0][6])).toBeCloseTo(1.25, 12);
    expect(Number(x0[3][6])).toBeCloseTo(8.75, 12);
    expect(x0[3][4]).toBe(1);
  });
});

describe('the charts of what a design says', () => {
  const ctx = () => ({ document: nodeDocument() });
  const names = (svgs: string[]) => svgs.map((x) => /aria-label="([^"]*)"/.exec(x)![1]);

  it('grid of three parameters: each drawn against one, a panel per value of the next, the third at its middle value', () => {
    const levels = [0, 0.5, 1];
    const points = levels.flatMap((a) => levels.flatMap((b) => [10, 20, 30].map((c) => [a, b, c])));
    const { m, summary } = experimentOf('grid', ['a', 'b', 'c'], points, [points.map((p) => [p[0] + p[1], p[0] + p[1] + 0.2])]);
    const svgs = gridCharts(m, 'y', gridResult(m, 'y', summary), ctx());
    expect(names(svgs)).toEqual(['y (final month) against a', 'y (final month) against b', 'y (final month) against c']);
    expect(svgs[0]).toContain('a panel for each value of b; other parameters at their middle values: c = 20');
    expect(svgs[2]).toContain('a panel for each value of a; other parameters at their middle values: b = 0.5');
    // 3 values of a × 3 panels of b, one scenario: nine means with their whiskers.
    expect(svgs[0].slice(svgs[0].indexOf('class="plot"')).match(/<circle/g)).toHaveLength(9);
    // No months recorded: no chart over time.
    expect(svgs.join('')).not.toContain('over time');
  });

  it('replications: a row a scenario with a dot a seed; lhs: a chart a parameter, the one that moves most first', () => {
    const reps = experimentOf('none', [], [[]], [[[1, 2, 3, 4]], [[5, 6, 7, 8]]]);
    const [chart] = replicationsChart(reps.m, 'y', replicationsResult(reps.m, 'y', reps.summary), reps.summary, ctx());
    expect(chart).toContain('aria-label="y (final month) over 4 seeds, by scenario"');
    // 8 seeds as dots in the plot (the means are diamonds), besides the legend's.
    expect(chart.slice(chart.indexOf('class="plot"')).match(/<circle/g)).toHaveLength(8);
    const xs = Array.from({ length: 20 }, (_, i) => [(i + 0.5) / 20, ((i * 7) % 20) / 20]);
    const lhs = experimentOf('lhs', ['x0', 'x1'], xs, [xs.map((p) => [10 * p[1], 10 * p[1]])], { x0: [0, 1], x1: [0, 1] });
    expect(names(lhsCharts(lhs.m, 'y', lhsResult(lhs.m, 'y', lhs.summary), lhs.summary, ctx()))).toEqual([
      'y (final month) against x1',
      'y (final month) against x0',
    ]);
  });
});

describe("discover on an experiment's runs", () => {
  // A grid over two parameters, 3 seeds a point: y > 0.5 where a ≥ 0.6 and b ≤ 0.2.
  const levels = [0, 0.2, 0.4, 0.6, 0.8, 1];
  const points = levels.flatMap((a) => levels.map((b) => [a, b]));
  const rule = (p: number[]) => (p[0] >= 0.6 && p[1] <= 0.2 ? 1 : 0);
  const values = [points.map((p) => [0, 1, 2].map((r) => rule(p) + 0.01 * r)), points.map(() => [0, 0, 0])];
  const { m, summary } = experimentOf('grid', ['a', 'b'], points, values);

  it('finds the box in the scenario that has runs of interest, and says the other has nothing to tell apart', () => {
    const d = discover(m, summary, { outcome: 'y', where: parseWhere('> 0.5') });
    expect(d.ranges).toEqual([
      [0, 1],
      [0, 1],
    ]);
    const [s0, s1] = d.scenarios;
    const b = s0.prim.boxes[0];
    const step = b.trajectory[b.chosen];
    expect(step.density).toBe(1);
    expect(step.coverage).toBe(1);
    expect(step.limits).toEqual([
      [0.6, 1],
      [0, 0.2],
    ]);
    expect(s1.prim.boxes).toEqual([]);
    const t = discoveryResult(d);
    expect(t.columns.slice(0, 3)).toEqual(['where', 'scenario', 'kind']);
    expect(t.rows.filter((r) => r[2] === 'cases').map((r) => [r[1], r[12], r[14]])).toEqual([
      ['s0', 6 / 36, 108],
      ['s1', 0, 108],
    ]);
    const limits = t.rows.filter((r) => r[2] === 'prim-limit' && r[16] === 1);
    expect(limits.map((r) => [r[5], r[6], r[7]])).toEqual([
      ['a', 0.6, 1],
      ['b', 0, 0.2],
    ]);
    expect(t.rows.every((r) => r[0] === '> 0.5')).toBe(true);
  });

  it('refuses a condition no run meets, and a design that varies nothing', () => {
    expect(() => discover(m, summary, { outcome: 'y', where: parseWhere('> 5') })).toThrow(
      /--where "> 5" holds for no run \(216 runs; y ranges from 0 to 1.02\): there is nothing to tell apart/,
    );
    const none = experimentOf('none', [], [[]], [[[1, 2, 3]]]);
    expect(() => discover(none.m, none.summary, { outcome: 'y', where: parseWhere('> 1') })).toThrow(/discover needs an experiment that varies parameters/);
  });
});

describe('involution-lab discover', () => {
  const BIN = join(import.meta.dirname, '..', 'bin', 'involution-lab.mjs');
  const cli = (...args: string[]) => spawnSync('node', [BIN, ...args], { encoding: 'utf8' });
  const tmp = mkdtempSync(join(tmpdir(), 'involution-discover-'));
  const run = (name: string, spec: object) => {
    writeFileSync(
      join(tmp, `${name}.json`),
      JSON.stringify({ ticks: 24, seeds: 2, metrics: ['involutionIndex', 'needsMet'], set: { citizens: 1000 }, ...spec }),
    );
    const r = cli('experiment', join(tmp, `${name}.json`), '--out', join(tmp, name));
    expect(r.status, r.stderr).toBe(0);
    return join(tmp, name);
  };
  let lhs = '',
    none = '';
  beforeAll(() => {
    lhs = run('lhs', {
      scenario: 'baseline-involution',
      design: { type: 'lhs', samples: 40, ranges: { pathDependence: [0, 1], politicalRationality: [0, 1] } },
    });
    none = run('none', { scenario: 'baseline-involution' });
  });

  it('prints the boxes, their trade-off curve and the tree, and writes the CSV the report reads', () => {
    const summary = readFileSync(join(lhs, 'summary.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => Number(l.split(',')[5]));
    // Above the 40th smallest of 80 distinct values: half the runs are of interest.
    const median = [...summary].sort((a, b) => a - b)[39];
    const r = cli('discover', lhs, '--outcome', 'involutionIndex', '--where', `> ${median}`);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(`scenario discovery of involutionIndex > ${median} \\(final value of each run\\) over pathDependence, politicalRationality`),
    );
    expect(r.stdout).toMatch(/baseline-involution: 40 of 80 runs have involutionIndex >/);
    expect(r.stdout).toMatch(/PRIM box 1 \(step \d+ of \d+.*\): coverage [\d.]+, density [\d.]+/);
    expect(r.stdout).toMatch(/trade-off \(peeling trajectory\): step coverage density restricted/);
    expect(r.stdout).toMatch(/← chosen \(largest coverage × density after the whole space\)/);
    expect(r.stdout).toMatch(/classification tree \(CART, Gini, depth 3\)/);
    const csv = readFileSync(join(lhs, 'discovery-involutionIndex.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('method,outcome,where,scenario,kind,box,step,parameter,low,high,rangeLow,rangeHigh,pValue,coverage,density,mass,n,restricted,chosen');
    expect(csv[1]).toBe(`discover,involutionIndex,> ${median},baseline-involution,cases,,,,,,,,,,0.5,,80,,`);
    expect(csv.filter((l) => l.includes(',prim-step,') && l.endsWith(',1'))).toHaveLength(csv.filter((l) => l.includes(',prim-step,1,0,')).length);
    // --format csv prints the same CSV.
    const c = cli('discover', lhs, '--outcome', 'involutionIndex', '--where', `> ${median}`, '--format', 'csv', '--out', join(tmp, 'd.csv'));
    expect(c.status, c.stderr).toBe(0);
    expect(c.stdout).toBe(readFileSync(join(tmp, 'd.csv'), 'utf8'));
    expect(c.stdout.trim().split('\n')).toEqual(csv);
    // The report draws the discovery.
    expect(cli('report', lhs).status).toBe(0);
    const html = readFileSync(join(lhs, 'report.html'), 'utf8');
    expect(html).toMatch(/<h2>Scenario discovery<\/h2>/);
    expect(html).toMatch(/PRIM box 1: the peeling trajectory of involutionIndex/);
    expect(html).toMatch(/<h2>The outcome against each sampled parameter<\/h2>/);
  });

  it('refuses bad input in one line naming the field, the value and what is allowed, with exit 2, writing nothing', () => {
    const bad: [string[], RegExp][] = [
      [[lhs, '--outcome', 'coverage', '--where', '> 0'], /--outcome "coverage" was not recorded; recorded: involutionIndex, needsMet/],
      [[lhs, '--outcome', 'involutionIndex', '--where', '=> 0'], /--where "=> 0" is not allowed; allowed: "> x", ">= x", "< x", "<= x" or a range "a..b"/],
      [[lhs, '--outcome', 'involutionIndex', '--where', '0.5..0.2'], /--where "0.5..0.2" is not allowed/],
      [[lhs, '--outcome', 'involutionIndex'], /discover needs --where <condition> on involutionIndex/],
      [[lhs, '--outcome', 'involutionIndex', '--where', '> 1000'], /--where "> 1000" holds for no run \(80 runs; involutionIndex ranges from/],
      [[lhs, '--outcome', 'involutionIndex', '--where', '> 0', '--threshold', '2'], /--threshold "2" is not allowed: must be a number in \(0, 1\]/],
      [[lhs, '--outcome', 'involutionIndex', '--where', '> 0', '--format', 'json'], /--format "json" is not allowed; allowed: text, csv/],
      [
        [none, '--outcome', 'involutionIndex', '--where', '> 0'],
        /discover needs an experiment that varies parameters \(a design of type grid, lhs, sobol or morris\); this one's design is "none"/,
      ],
    ];
    for (const [args, message] of bad) {
      const out = join(tmp, 'never.csv');
      const r = cli('discover', ...args, '--out', out);
      expect(r.status, r.stdout).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    }
  });
});
