// Robustness of policies under deep uncertainty (lab/analysis/robustness.ts) on synthetic experiments
// whose answers are known by hand — satisficing shares with Wilson intervals, regrets, rankings that
// disagree, PRIM's box of the vulnerable states — then `involution-lab robust` on a small experiment:
// its refusals (one line, exit status 2, nothing written) and the CSV's shape.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AnalysisError } from '../lab/analysis/methods.ts';
import type { Columns, RunSource } from '../lab/analysis/outcomes.ts';
import { disagreementText, orderText, robustness, robustnessResult, wilson, ROBUSTNESS_COLUMNS } from '../lab/analysis/robustness.ts';
import { createRng } from '../lab/random.ts';

/** An experiment in memory: `policies` scenarios over `points` (params x1, x2, … in [0, 1]) and `seeds` replicates; value(policy, point, replicate). */
function synthetic(policies: string[], points: number[][], seeds: number, value: (s: number, x: number[], r: number) => number) {
  const m: RunSource = {
    scenarios: policies.map((id) => ({ id })),
    seeds: Array.from({ length: seeds }, (_, i) => i + 1),
    design: {
      type: 'lhs',
      params: points[0].map((_, d) => `x${d + 1}`),
      points,
      ranges: Object.fromEntries(points[0].map((_, d): [string, [number, number]] => [`x${d + 1}`, [0, 1]])),
    },
  };
  const run: number[] = [],
    y: number[] = [];
  policies.forEach((_, s) =>
    points.forEach((x, p) => {
      for (let r = 0; r < seeds; r++) {
        run.push((s * points.length + p) * seeds + r);
        y.push(value(s, x, r));
      }
    }),
  );
  const summary: Columns = { rows: run.length, values: { run, y } };
  return { m, summary };
}

// A: 0 where x1 < 0.5, 1 elsewhere; B: 0.4 everywhere; C: 2 everywhere. Four points, two seeds (the seed adds nothing).
const POINTS = [
  [0.1, 0.2],
  [0.3, 0.8],
  [0.7, 0.4],
  [0.9, 0.6],
];
const ABC = (s: number, x: number[]) => (s === 0 ? (x[0] < 0.5 ? 0 : 1) : s === 1 ? 0.4 : 2);

describe('robustness on a known answer (A best where x1 < 0.5, B elsewhere)', () => {
  const { m, summary } = synthetic(['A', 'B', 'C'], POINTS, 2, ABC);
  const r = robustness(m, summary, { outcome: 'y', threshold: 0.3, higherIsBetter: false });
  const by = (id: string) => r.policies.find((p) => p.scenario === id)!;

  it('uses every design point × seed as a state shared by the policies', () => {
    expect(r.states).toHaveLength(8);
    expect(r.policies.map((p) => p.states)).toEqual([8, 8, 8]);
  });

  it('gives the satisficing share (outcome ≤ 0.3) with its Wilson 95 % interval', () => {
    // A satisfices in the 4 states with x1 < 0.5, B and C in none.
    expect(by('A').satisficed).toBe(4);
    expect(by('A').satisficing.share).toBe(0.5);
    // Wilson, 4 of 8: 0.5 ± 1.96/(1 + 1.96²/8) · √(0.25/8 + 1.96²/256) = [0.2152, 0.7848].
    expect(by('A').satisficing.low).toBeCloseTo(0.2152, 4);
    expect(by('A').satisficing.high).toBeCloseTo(0.7848, 4);
    // 0 of 8: [0, z²/(n + z²)] = [0, 0.3244].
    expect(by('B').satisficing).toEqual({ share: 0, low: 0, high: expect.closeTo(0.3244, 4) });
    expect(by('C').satisficed).toBe(0);
    // The ends are exact: no rounding below 0 or above 1.
    for (const n of [1, 7, 64, 1000]) {
      expect(wilson(0, n).low).toBe(0);
      expect(wilson(n, n).high).toBe(1);
    }
  });

  it('gives each state’s regret against the best policy there, and its mean, median, 90th percentile and maximum', () => {
    // x1 < 0.5: best A (0): regrets A 0, B 0.4, C 2. x1 ≥ 0.5: best B (0.4): A 0.6, B 0, C 1.6.
    expect([...by('A').regrets].map((v) => +v.toFixed(12))).toEqual([0, 0, 0, 0, 0.6, 0.6, 0.6, 0.6]);
    expect([...by('B').regrets].map((v) => +v.toFixed(12))).toEqual([0.4, 0.4, 0.4, 0.4, 0, 0, 0, 0]);
    expect(by('A').regret.mean).toBeCloseTo(0.3, 12);
    expect(by('B').regret.mean).toBeCloseTo(0.2, 12);
    expect(by('C').regret.mean).toBeCloseTo(1.8, 12);
    expect(by('A').regret.median).toBeCloseTo(0.3, 12);
    // 90th percentile (R's type 7) of four 0s and four 0.6s: the 7.3rd order statistic, 0.6.
    expect(by('A').regret.p90).toBeCloseTo(0.6, 12);
    expect(by('A').regret.max).toBeCloseTo(0.6, 12);
    expect(by('B').regret.max).toBeCloseTo(0.4, 12);
    expect(by('C').regret.max).toBeCloseTo(2, 12);
  });

  it('gives the outcome’s distribution', () => {
    expect(by('A').outcome.mean).toBe(0.5);
    expect(by('A').outcome.q50).toBe(0.5);
    expect(by('A').outcome.q25).toBe(0);
    expect(by('A').outcome.q95).toBe(1);
    for (const v of Object.values(by('B').outcome)) expect(v).toBeCloseTo(0.4, 12);
  });

  it('ranks by each metric, and says when they disagree', () => {
    const first = Object.fromEntries(r.rankings.map((k) => [k.metric, k.order.map((o) => o.scenario).join('>')]));
    expect(first).toEqual({
      satisficingShare: 'A>B>C',
      meanRegret: 'B>A>C',
      p90Regret: 'B>A>C',
      maxRegret: 'B>A>C',
      meanOutcome: 'B>A>C',
      medianOutcome: 'B>A>C',
    });
    expect(r.disagree).toBe(true);
    expect(disagreementText(r)).toMatch(/^The metrics disagree on the best policy \(satisficingShare: A; meanRegret: B;/);
    // Ties share a rank and are joined by "=": B and C satisfice nowhere.
    expect(orderText(r.rankings[0])).toBe('A > B = C');
    expect(r.rankings[0].order.map((o) => o.rank)).toEqual([1, 2, 2]);
    // A threshold nobody meets ties every policy on satisficing share: that is no disagreement.
    const none = robustness(m, summary, { outcome: 'y', threshold: -1, higherIsBetter: false });
    expect(orderText(none.rankings[0])).toBe('A = B = C');
    expect(none.disagree).toBe(false);
    expect(disagreementText(none)).toBe('Every metric puts B first (some tied); the orders after it differ.');
    // With a threshold B meets everywhere, every metric agrees.
    expect(robustness(m, summary, { outcome: 'y', threshold: 0.5, higherIsBetter: false }).disagree).toBe(false);
  });

  it('is the same with the outcome negated and higher is better', () => {
    const neg = synthetic(['A', 'B', 'C'], POINTS, 2, (s, x) => -ABC(s, x));
    const h = robustness(neg.m, neg.summary, { outcome: 'y', threshold: -0.3, higherIsBetter: true });
    h.policies.forEach((p, i) => {
      expect(p.satisficing).toEqual(r.policies[i].satisficing);
      expect([...p.regrets].map((v) => +v.toFixed(12))).toEqual([...r.policies[i].regrets].map((v) => +v.toFixed(12)));
    });
    expect(h.rankings.map((k) => k.order.map((o) => o.scenario))).toEqual(r.rankings.map((k) => k.order.map((o) => o.scenario)));
  });

  it('refuses one scenario, no design, and an unknown policy', () => {
    const one = synthetic(['A'], POINTS, 1, () => 0);
    expect(() => robustness(one.m, one.summary, { outcome: 'y', threshold: 0, higherIsBetter: false })).toThrow(/at least two scenarios/);
    const none = { ...m, design: { type: 'none' as const, params: [], points: [[]] } };
    expect(() => robustness(none, summary, { outcome: 'y', threshold: 0, higherIsBetter: false })).toThrow(/a design over uncertain parameters/);
    expect(() => robustness(m, summary, { outcome: 'y', threshold: 0, higherIsBetter: false, policy: 'D' })).toThrow(AnalysisError);
  });

  it('leaves out a state where a policy has no value', () => {
    const values = { ...summary.values, y: Float64Array.from(summary.values.y) };
    values.y[0] = NaN; // A, point 0, seed 1
    const part = robustness(m, { rows: summary.rows, values }, { outcome: 'y', threshold: 0.3, higherIsBetter: false });
    expect(part.states).toHaveLength(7);
    expect(part.policies[1].satisficed).toBe(0);
    expect(part.policies[0].satisficed).toBe(3);
  });
});

describe('the vulnerable states of the most robust policy', () => {
  // 300 points uniform in [0, 1]³, 2 seeds. A: ≈ 0 where x1 < 0.5 and ≈ 1 elsewhere (noise ± 0.1);
  // B: 0.4 everywhere; threshold 0.3. A satisfices in about half the states, B in none: A is chosen,
  // and its vulnerable states (outcome > 0.3) are x1 ≥ 0.5.
  const rng = createRng(7);
  const points = Array.from({ length: 300 }, () => [rng(), rng(), rng()]);
  const noise = new Map<string, number>();
  const { m, summary } = synthetic(['B', 'A'], points, 2, (s, x, r) => {
    const key = `${x[0]},${r}`;
    if (!noise.has(key)) noise.set(key, (rng() - 0.5) * 0.2);
    return s === 0 ? 0.4 : (x[0] < 0.5 ? 0 : 1) + noise.get(key)!;
  });
  const r = robustness(m, summary, { outcome: 'y', threshold: 0.3, higherIsBetter: false });

  it('chooses the policy with the highest satisficing share and finds x1 ≥ 0.5 within ±0.03', () => {
    const inside = points.filter((x) => x[0] >= 0.5).length;
    expect(r.policies[1].satisficed).toBe(2 * (300 - inside));
    expect(r.vulnerable.policy).toBe('A');
    expect(r.vulnerable.prim.hits).toBe(2 * inside);
    const b = r.vulnerable.prim.boxes[0];
    const step = b.trajectory[b.chosen];
    expect(step.restricted).toEqual([0]);
    expect(Math.abs(step.limits[0][0] - 0.5)).toBeLessThan(0.03);
    expect(step.limits[0][1]).toBe(1);
    // The lower limit may fall a little below 0.5, between two points: a few satisficing states inside.
    expect(step.density).toBeGreaterThan(0.95);
    expect(step.coverage).toBeGreaterThan(0.9);
    // Regret of A: in each state, max(0, A − 0.4); of B: max(0, 0.4 − A).
    const a = r.states.map((s) => summary.values.y[(1 * 300 + s.point) * 2 + s.replicate]);
    const expected = a.reduce((t, v) => t + Math.max(0, v - 0.4), 0) / a.length;
    expect(r.policies[1].regret.mean).toBeCloseTo(expected, 12);
    expect(r.policies[0].regret.mean).toBeCloseTo(a.reduce((t, v) => t + Math.max(0, 0.4 - v), 0) / a.length, 12);
  });

  it('searches the policy asked for, and says when it fails everywhere', () => {
    const b = robustness(m, summary, { outcome: 'y', threshold: 0.3, higherIsBetter: false, policy: 'B' });
    expect(b.vulnerable.policy).toBe('B');
    expect(b.vulnerable.prim.boxes).toEqual([]);
    expect(b.vulnerable.note).toMatch(/y > 0.3 in every state \(600\): nothing to tell apart/);
  });

  it('writes a table with the policy, rank and vulnerable rows', () => {
    const t = robustnessResult(r);
    expect(t.columns).toEqual([...ROBUSTNESS_COLUMNS]);
    const kinds = t.rows.map((row) => row[2]);
    expect(kinds.filter((k) => k === 'policy')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'rank')).toHaveLength(2 * 6);
    expect(kinds.filter((k) => k === 'vulnerable-box').length).toBeGreaterThanOrEqual(1);
    const limit = t.rows.find((row) => row[2] === 'vulnerable-limit')!;
    expect(limit[t.columns.indexOf('parameter')]).toBe('x1');
    expect(t.rows.every((row) => row.length === t.columns.length)).toBe(true);
  });
});

describe('wilson', () => {
  it('matches published values', () => {
    // Newcombe (1998), Table I: 81 of 263 → [0.2553, 0.3662]; 15 of 148 → [0.0624, 0.1605].
    expect(wilson(81, 263).low).toBeCloseTo(0.2553, 4);
    expect(wilson(81, 263).high).toBeCloseTo(0.3662, 4);
    expect(wilson(15, 148).low).toBeCloseTo(0.0624, 4);
    expect(wilson(15, 148).high).toBeCloseTo(0.1605, 4);
  });
});

describe('involution-lab robust', () => {
  const BIN = join(import.meta.dirname, '..', 'bin', 'involution-lab.mjs');
  const cli = (...args: string[]) => spawnSync('node', [BIN, ...args], { encoding: 'utf8' });
  const tmp = mkdtempSync(join(tmpdir(), 'involution-robust-'));
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
    one = '';
  beforeAll(() => {
    lhs = run('lhs', {
      scenarios: ['baseline-involution', 'full-prevention', 'service-orientation'],
      design: { type: 'lhs', samples: 12, ranges: { fragmentationLoss: [0, 0.5], reportVisibility: [0, 3] } },
    });
    one = run('one', { scenario: 'baseline-involution', design: { type: 'lhs', samples: 4, ranges: { fragmentationLoss: [0, 0.5] } } });
  }, 120_000);

  it('prints the table, the rankings and the vulnerable states, and writes the CSV', () => {
    const r = cli('robust', lhs, '--outcome', 'involutionIndex');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/robustness of the policies \(scenarios\) for involutionIndex over fragmentationLoss, reportVisibility/);
    expect(r.stdout).toMatch(/24 states of the world \(design point × seed\), shared by every policy; satisficing: involutionIndex ≤ 0/);
    expect(r.stdout).toMatch(/rankings \(best first\):/);
    expect(r.stdout).toMatch(/maximum regret \(minimax\)/);
    expect(r.stdout).toMatch(/vulnerable states of [a-z-]+ \(involutionIndex > 0\): \d+ of 24 states/);
    const csv = readFileSync(join(lhs, 'robustness-involutionIndex.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe(`method,outcome,${ROBUSTNESS_COLUMNS.join(',')}`);
    const cells = csv.map((l) => l.split(','));
    expect(cells.every((c) => c.length === ROBUSTNESS_COLUMNS.length + 2)).toBe(true);
    const col = (name: string) => ROBUSTNESS_COLUMNS.indexOf(name as (typeof ROBUSTNESS_COLUMNS)[number]) + 2;
    const policies = cells.filter((c) => c[col('kind')] === 'policy');
    expect(policies.map((c) => c[col('scenario')])).toEqual(['baseline-involution', 'full-prevention', 'service-orientation']);
    for (const c of policies) {
      expect(c.slice(0, 3)).toEqual(['robust', 'involutionIndex', '0']);
      expect(c[col('better')]).toBe('lower');
      expect(c[col('states')]).toBe('24');
      expect(Number(c[col('share')])).toBe(Number(c[col('satisficed')]) / 24);
      expect(Number(c[col('shareLow')])).toBeLessThanOrEqual(Number(c[col('share')]));
      expect(Number(c[col('regretMax')])).toBeGreaterThanOrEqual(Number(c[col('regretP90')]));
    }
    // In every state one policy is the best: some policy has zero regret in each, so the smallest mean regret is below every other.
    expect(cells.filter((c) => c[col('kind')] === 'rank')).toHaveLength(3 * 6);
    expect(cells.filter((c) => c[col('kind')] === 'vulnerable-cases')).toHaveLength(1);
    // --format csv prints the same CSV; --higher-is-better and --policy are written into it.
    const c = cli(
      'robust',
      lhs,
      '--outcome',
      'needsMet',
      '--threshold',
      '0.5',
      '--higher-is-better',
      '--policy',
      'baseline-involution',
      '--format',
      'csv',
      '--out',
      join(tmp, 'r.csv'),
    );
    expect(c.status, c.stderr).toBe(0);
    expect(c.stdout).toBe(readFileSync(join(tmp, 'r.csv'), 'utf8'));
    const rows = c.stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    expect(rows.every((row) => row[col('better')] === 'higher' && row[col('threshold')] === '0.5')).toBe(true);
    expect(rows.find((row) => row[col('kind')] === 'vulnerable-cases')![col('scenario')]).toBe('baseline-involution');
  });

  it('report: a robustness section for two or more scenarios and a design, from the CSV in the directory or computed, none for one scenario', () => {
    // Computed (involutionIndex ≤ 0) before any robust CSV is in the directory.
    const fresh = join(tmp, 'fresh');
    writeFileSync(join(tmp, 'fresh.json'), readFileSync(join(tmp, 'lhs.json')));
    expect(cli('experiment', join(tmp, 'fresh.json'), '--out', fresh).status).toBe(0);
    expect(cli('report', fresh).status).toBe(0);
    let html = readFileSync(join(fresh, 'report.html'), 'utf8');
    expect(html).toMatch(/<h2>Robustness of the policies<\/h2>/);
    expect(html).toMatch(/Computed for this report \(run robust to choose the outcome, threshold, direction and policy\)/);
    expect(html).toMatch(/aria-label="Satisficing share: states of the world with involutionIndex ≤ 0"/);
    expect(html).toMatch(/aria-label="Regret in involutionIndex: each policy against the best policy in the same state"/);
    expect(html).toMatch(/<th>ranked by<\/th>/);
    expect(html).toMatch(/Vulnerable states of [a-z-]+ \(involutionIndex &gt; 0\): \d+ of 24 states/);
    // Read from the CSV: the options it was made with (needsMet ≥ 0.5, the baseline's vulnerable states).
    expect(cli('robust', fresh, '--outcome', 'needsMet', '--threshold', '0.5', '--higher-is-better', '--policy', 'baseline-involution').status).toBe(0);
    expect(cli('report', fresh).status).toBe(0);
    html = readFileSync(join(fresh, 'report.html'), 'utf8');
    expect(html).toMatch(/Read from robustness-needsMet\.csv/);
    expect(html).toMatch(/aria-label="Satisficing share: states of the world with needsMet ≥ 0.5"/);
    expect(html).toMatch(/Vulnerable states of baseline-involution \(needsMet &lt; 0.5\)/);
    expect(html).not.toMatch(/Satisficing share: states of the world with involutionIndex/);
    expect(cli('report', one).status).toBe(0);
    expect(readFileSync(join(one, 'report.html'), 'utf8')).not.toMatch(/Robustness of the policies/);
  });

  it.each([
    [['--outcome', 'nope'], /--outcome "nope" was not recorded; recorded: involutionIndex, needsMet/],
    [[], /robust needs --outcome <metric>; recorded: involutionIndex, needsMet/],
    [['--outcome', 'involutionIndex', '--threshold', 'abc'], /--threshold "abc" is not allowed: must be a finite number/],
    [['--outcome', 'involutionIndex', '--threshold', 'Infinity'], /--threshold "Infinity" is not allowed/],
    [
      ['--outcome', 'involutionIndex', '--policy', 'money'],
      /--policy "money" is not a scenario of this experiment; allowed: baseline-involution, full-prevention, service-orientation/,
    ],
    [['--outcome', 'involutionIndex', '--format', 'xml'], /--format "xml" is not allowed; allowed: text, csv/],
  ])('refuses %j in one line, exit status 2, writing nothing', (args, message) => {
    const out = join(tmp, `refused-${args.join('_')}.csv`);
    const r = cli('robust', lhs, ...args, '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an experiment of one scenario, and a missing directory', () => {
    const r = cli('robust', one, '--outcome', 'involutionIndex');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/at least two scenarios; this one has 1 \(baseline-involution\)/);
    expect(existsSync(join(one, 'robustness-involutionIndex.csv'))).toBe(false);
    const m = cli('robust', join(tmp, 'absent'), '--outcome', 'involutionIndex');
    expect(m.status).toBe(2);
    expect(m.stderr).toMatch(/absent does not exist/);
  });
});
