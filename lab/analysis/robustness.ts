// Robustness of policies under deep uncertainty (Lempert, Popper & Bankes 2003; McPhail et al. 2018,
// "Robustness metrics", Earth's Future): the scenarios of an experiment are the policies, and its
// design over uncertain constants × its seeds are the states of the world. A state is one design
// point with one replicate: every scenario runs that point with that seed (run = (scenario × points
// + point) × seeds + replicate, lab/plan.ts), so the policies face the same states. Per policy: the
// satisficing share (states where the outcome meets a threshold, with a Wilson 95 % interval), the
// regret in each state (its outcome against the best policy's in that state) and its distribution
// (mean, median, 90th percentile, maximum: minimax regret and 90th-percentile regret), the outcome's
// distribution, a ranking by each metric, and, for one policy, PRIM's boxes (prim.ts) of the
// constants where it fails the threshold (its vulnerable states).
import { designRanges } from './discover.ts';
import { AnalysisError, type Result } from './methods.ts';
import { outcomesOf, type Columns, type RunSource } from './outcomes.ts';
import { prim, type PrimOptions, type PrimResult } from './prim.ts';
import { mean, quantileSorted } from './stats.ts';

export interface RobustnessOptions {
  /** The metric (its final value). */
  outcome: string;
  /** A state is satisficing when the outcome is ≤ threshold (lower is better) or ≥ threshold (higher is better). */
  threshold: number;
  higherIsBetter: boolean;
  /** The policy whose vulnerable states are searched (default: the first by satisficing share). */
  policy?: string;
  prim?: PrimOptions;
}

export interface Wilson {
  share: number;
  low: number;
  high: number;
}

/** Wilson's score interval for k successes of n (Wilson 1927), 95 % by default. */
export function wilson(k: number, n: number, z = 1.959963984540054): Wilson {
  if (n === 0) return { share: NaN, low: NaN, high: NaN };
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { share: p, low: k === 0 ? 0 : Math.max(0, centre - half), high: k === n ? 1 : Math.min(1, centre + half) };
}

export interface Distribution {
  mean: number;
  q05: number;
  q25: number;
  q50: number;
  q75: number;
  q95: number;
}

export interface PolicyRobustness {
  scenario: string;
  /** States of the world (design point × replicate) where every policy has a value. */
  states: number;
  satisficed: number;
  satisficing: Wilson;
  outcome: Distribution;
  /** Regret in each state (≥ 0; 0 where this policy is the best), in the order of `Robustness.states`. */
  regrets: Float64Array;
  regret: { mean: number; median: number; p90: number; max: number };
}

export const RANK_METRICS = ['satisficingShare', 'meanRegret', 'p90Regret', 'maxRegret', 'meanOutcome', 'medianOutcome'] as const;
export type RankMetric = (typeof RANK_METRICS)[number];

export interface Ranking {
  metric: RankMetric;
  /** Scenario ids, best first (ties keep the experiment's order), with the value ranked on and the rank (tied policies share it: 1, 1, 3). */
  order: { scenario: string; value: number; rank: number }[];
}

/** A ranking as text, best first, tied policies joined by "=": "a = b > c". */
export const orderText = (k: Ranking): string =>
  k.order.map((o, i) => (i === 0 ? o.scenario : `${o.rank === k.order[i - 1].rank ? ' = ' : ' > '}${o.scenario}`)).join('');

/** The policies ranked first by a metric (several when tied). */
export const firsts = (k: Ranking): string[] => k.order.filter((o) => o.rank === 1).map((o) => o.scenario);

export interface Vulnerability {
  policy: string;
  /** Cases: the states; hits: the states where the policy fails the threshold. */
  prim: PrimResult;
  /** Why no box was searched (every state fails, none does), or undefined. */
  note?: string;
}

export interface Robustness {
  outcome: string;
  threshold: number;
  higherIsBetter: boolean;
  params: string[];
  ranges: [number, number][];
  /** The states of the world used: design point and replicate. */
  states: { point: number; replicate: number }[];
  policies: PolicyRobustness[];
  rankings: Ranking[];
  /** Whether no policy is first (alone or tied) by every metric. */
  disagree: boolean;
  vulnerable: Vulnerability;
}

const distribution = (sorted: Float64Array): Distribution => ({
  mean: mean(sorted),
  q05: quantileSorted(sorted, 0.05),
  q25: quantileSorted(sorted, 0.25),
  q50: quantileSorted(sorted, 0.5),
  q75: quantileSorted(sorted, 0.75),
  q95: quantileSorted(sorted, 0.95),
});

const sortedCopy = (xs: ArrayLike<number>) => Float64Array.from(xs).sort();

/** Why an experiment cannot be read for robustness, or undefined. */
export function robustnessProblem(m: RunSource): string | undefined {
  if (m.scenarios.length < 2)
    return `robustness compares policies: it needs an experiment with at least two scenarios; this one has ${m.scenarios.length} (${m.scenarios.map((s) => s.id).join(', ')})`;
  if (!m.design.params.length)
    return `robustness needs states of the world: a design over uncertain parameters (lhs, grid, sobol or morris); this experiment's design is "${m.design.type}", with none varied`;
  return undefined;
}

/** The robustness of each scenario (policy) over the states of the world (design point × seed). */
export function robustness(m: RunSource, summary: Columns, o: RobustnessOptions): Robustness {
  const problem = robustnessProblem(m);
  if (problem) throw new AnalysisError(problem);
  if (!summary.values[o.outcome]) throw new AnalysisError(`the summary has no column "${o.outcome}"`);
  if (!Number.isFinite(o.threshold)) throw new AnalysisError(`--threshold ${o.threshold} is not allowed: must be a finite number`);
  const ids = m.scenarios.map((s) => s.id);
  if (o.policy !== undefined && !ids.includes(o.policy))
    throw new AnalysisError(`--policy "${o.policy}" is not a scenario of this experiment; scenarios: ${ids.join(', ')}`);
  const outcomes = outcomesOf(m, summary, o.outcome);
  const P = m.design.points.length,
    R = m.seeds.length;
  // A state counts only where every policy has a finite value: regret compares policies in the same state.
  const states: { point: number; replicate: number }[] = [];
  for (let p = 0; p < P; p++) for (let r = 0; r < R; r++) if (outcomes.every((s) => Number.isFinite(s[p][r]))) states.push({ point: p, replicate: r });
  if (!states.length) throw new AnalysisError(`no state of the world (design point × seed) has a finite ${o.outcome} under every scenario`);
  const value = (si: number, k: number) => outcomes[si][states[k].point][states[k].replicate];
  const better = (a: number, b: number) => (o.higherIsBetter ? a > b : a < b);
  const ok = (v: number) => (o.higherIsBetter ? v >= o.threshold : v <= o.threshold);
  const best = states.map((_, k) => {
    let b = value(0, k);
    for (let si = 1; si < ids.length; si++) if (better(value(si, k), b)) b = value(si, k);
    return b;
  });
  const policies: PolicyRobustness[] = ids.map((id, si) => {
    const values = Float64Array.from(states, (_, k) => value(si, k));
    const regrets = Float64Array.from(values, (v, k) => (o.higherIsBetter ? best[k] - v : v - best[k]));
    const satisficed = values.reduce((a, v) => a + (ok(v) ? 1 : 0), 0);
    const r = sortedCopy(regrets);
    return {
      scenario: id,
      states: states.length,
      satisficed,
      satisficing: wilson(satisficed, states.length),
      outcome: distribution(sortedCopy(values)),
      regrets,
      regret: { mean: mean(r), median: quantileSorted(r, 0.5), p90: quantileSorted(r, 0.9), max: r[r.length - 1] },
    };
  });
  const sign = o.higherIsBetter ? -1 : 1;
  const metricValue: Record<RankMetric, (p: PolicyRobustness) => number> = {
    satisficingShare: (p) => p.satisficing.share,
    meanRegret: (p) => p.regret.mean,
    p90Regret: (p) => p.regret.p90,
    maxRegret: (p) => p.regret.max,
    meanOutcome: (p) => p.outcome.mean,
    medianOutcome: (p) => p.outcome.q50,
  };
  // Lower is better for every metric but the satisficing share, and the outcome when higher is better.
  const key: Record<RankMetric, (p: PolicyRobustness) => number> = {
    ...metricValue,
    satisficingShare: (p) => -p.satisficing.share,
    meanOutcome: (p) => sign * p.outcome.mean,
    medianOutcome: (p) => sign * p.outcome.q50,
  };
  const rankings: Ranking[] = RANK_METRICS.map((metric) => ({
    metric,
    order: policies
      .map((p, i) => ({ p, i }))
      .sort((a, b) => key[metric](a.p) - key[metric](b.p) || a.i - b.i)
      .map(({ p }) => ({ scenario: p.scenario, value: metricValue[metric](p), rank: 1 + policies.filter((q) => key[metric](q) < key[metric](p)).length })),
  }));
  const disagree = !ids.some((id) => rankings.every((k) => firsts(k).includes(id)));
  // The policy searched: as asked, else the most robust by satisficing share (ties: the lower mean regret).
  const policy =
    o.policy ??
    policies.map((p, i) => ({ p, i })).sort((a, b) => b.p.satisficing.share - a.p.satisficing.share || a.p.regret.mean - b.p.regret.mean || a.i - b.i)[0].p
      .scenario;
  const { params, points } = m.design;
  const ranges = designRanges(m);
  const pi = ids.indexOf(policy);
  const x = params.map((_, d) => Float64Array.from(states, (s) => points[s.point][d]));
  const y = Uint8Array.from(states, (_, k) => (ok(value(pi, k)) ? 0 : 1));
  const hits = y.reduce((a, b) => a + b, 0);
  const where = `${o.outcome} ${o.higherIsBetter ? '<' : '>'} ${o.threshold}`;
  const vulnerable: Vulnerability =
    hits === 0 || hits === y.length
      ? { policy, prim: { boxes: [], n: y.length, hits }, note: `${where} in ${hits === 0 ? 'no' : 'every'} state (${y.length}): nothing to tell apart` }
      : { policy, prim: prim({ x, y, ranges }, o.prim) };
  return { outcome: o.outcome, threshold: o.threshold, higherIsBetter: o.higherIsBetter, params, ranges, states, policies, rankings, disagree, vulnerable };
}

/** Whether the metrics agree on the best policy, in a sentence. */
export function disagreementText(r: Robustness): string {
  const top = (k: Ranking) => firsts(k).join(' = ');
  if (r.disagree)
    return `The metrics disagree on the best policy (${r.rankings.map((k) => `${k.metric}: ${top(k)}`).join('; ')}): each answers a different question (McPhail et al. 2018).`;
  const common = r.policies.map((p) => p.scenario).filter((id) => r.rankings.every((k) => firsts(k).includes(id)));
  const same = new Set(r.rankings.map(orderText)).size === 1;
  return `Every metric puts ${common.join(' and ')} first${r.rankings.some((k) => firsts(k).length > 1) ? ' (some tied)' : ''}${same ? '' : '; the orders after it differ'}.`;
}

export const ROBUSTNESS_COLUMNS = [
  'threshold',
  'better',
  'kind',
  'scenario',
  'metric',
  'rank',
  'value',
  'states',
  'satisficed',
  'share',
  'shareLow',
  'shareHigh',
  'mean',
  'q05',
  'q25',
  'q50',
  'q75',
  'q95',
  'regretMean',
  'regretMedian',
  'regretP90',
  'regretMax',
  'box',
  'parameter',
  'low',
  'high',
  'rangeLow',
  'rangeHigh',
  'pValue',
  'coverage',
  'density',
  'mass',
  'n',
] as const;

/**
 * The robustness as a table (threshold and direction in every row): a row of kind "policy" per
 * scenario (satisficing share with its interval, the outcome's distribution, the regret's), "rank"
 * rows (per metric, each scenario's rank and the value ranked on), and the chosen policy's
 * vulnerable states: "vulnerable-cases" (states, and those failing), "vulnerable-box" (the chosen
 * step of each PRIM box: coverage, density, mass, states) and "vulnerable-limit" (each restricted
 * parameter: its limits, its range and quasi-p-value). Empty cells where a column does not apply.
 */
export function robustnessResult(r: Robustness): Result {
  const rows: (string | number)[][] = [];
  const better = r.higherIsBetter ? 'higher' : 'lower';
  const row = (o: Partial<Record<(typeof ROBUSTNESS_COLUMNS)[number], string | number>>) =>
    rows.push(ROBUSTNESS_COLUMNS.map((c) => (c === 'threshold' ? r.threshold : c === 'better' ? better : (o[c] ?? ''))));
  for (const p of r.policies) {
    const { mean: m, q05, q25, q50, q75, q95 } = p.outcome;
    row({
      kind: 'policy',
      scenario: p.scenario,
      states: p.states,
      satisficed: p.satisficed,
      share: p.satisficing.share,
      shareLow: p.satisficing.low,
      shareHigh: p.satisficing.high,
      mean: m,
      q05,
      q25,
      q50,
      q75,
      q95,
      regretMean: p.regret.mean,
      regretMedian: p.regret.median,
      regretP90: p.regret.p90,
      regretMax: p.regret.max,
    });
  }
  for (const k of r.rankings) k.order.forEach((o) => row({ kind: 'rank', metric: k.metric, rank: o.rank, scenario: o.scenario, value: o.value }));
  const v = r.vulnerable;
  row({ kind: 'vulnerable-cases', scenario: v.policy, states: v.prim.n, n: v.prim.hits, density: v.prim.n ? v.prim.hits / v.prim.n : 0 });
  v.prim.boxes.forEach((b, bi) => {
    const c = b.trajectory[b.chosen];
    row({ kind: 'vulnerable-box', scenario: v.policy, box: bi + 1, coverage: c.coverage, density: c.density, mass: c.mass, n: c.n });
    for (const d of c.restricted)
      row({
        kind: 'vulnerable-limit',
        scenario: v.policy,
        box: bi + 1,
        parameter: r.params[d],
        low: c.limits[d][0],
        high: c.limits[d][1],
        rangeLow: r.ranges[d][0],
        rangeHigh: r.ranges[d][1],
        pValue: c.pValues[d],
      });
  });
  return { columns: [...ROBUSTNESS_COLUMNS], rows };
}
