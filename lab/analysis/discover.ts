// Scenario discovery (Bryant & Lempert 2010): which ranges of the varied parameters lead to the
// outcomes of interest? Each run is a case: its design point's parameter values (design.csv) and
// whether its final outcome (summary.csv) meets the condition `--where` ("> 0.5", "<= 0",
// "0.2..0.5"). PRIM's boxes (prim.ts) and, for comparison, a classification tree's leaves (cart.ts),
// per scenario. What `involution-lab discover` prints and writes, the report draws and the
// Experiment tab shows.
import { cart, type CartLeaf } from './cart.ts';
import { AnalysisError, type Result } from './methods.ts';
import { outcomesOf, type Columns, type RunSource } from './outcomes.ts';
import { prim, type PrimOptions, type PrimResult } from './prim.ts';

export interface Where {
  op: '>' | '>=' | '<' | '<=' | 'range';
  a: number;
  /** The range's upper end (op "range", both ends included). */
  b?: number;
  /** As written, normalised ("> 0.5", "0.2..0.5"). */
  text: string;
}

const NUM = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`;
export const WHERE_ALLOWED = '"> x", ">= x", "< x", "<= x" or a range "a..b" (a < b, both included)';

/** The condition on the outcome, or an AnalysisError naming the value and what is allowed. */
export function parseWhere(text: string): Where {
  const t = text.trim();
  const cmp = new RegExp(`^(>=|<=|>|<)\\s*(${NUM})$`).exec(t);
  if (cmp) return { op: cmp[1] as Where['op'], a: Number(cmp[2]), text: `${cmp[1]} ${Number(cmp[2])}` };
  const range = new RegExp(`^(${NUM})\\s*\\.\\.\\s*(${NUM})$`).exec(t);
  if (range && Number(range[1]) < Number(range[2]))
    return { op: 'range', a: Number(range[1]), b: Number(range[2]), text: `${Number(range[1])}..${Number(range[2])}` };
  throw new AnalysisError(`--where ${JSON.stringify(text)} is not allowed; allowed: ${WHERE_ALLOWED}`);
}

export const meets = (w: Where, v: number): boolean =>
  w.op === '>' ? v > w.a : w.op === '>=' ? v >= w.a : w.op === '<' ? v < w.a : w.op === '<=' ? v <= w.a : v >= w.a && v <= w.b!;

export interface DiscoverOptions extends PrimOptions {
  outcome: string;
  where: Where;
  /** The tree's deepest split (3). */
  maxDepth?: number;
}

export interface ScenarioDiscovery {
  scenario: string;
  /** The cases: per parameter the values (x[d][case]), whether each is of interest, and the outcome. */
  x: Float64Array[];
  y: Uint8Array;
  values: Float64Array;
  prim: PrimResult;
  cart: CartLeaf[];
}

export interface Discovery {
  outcome: string;
  where: Where;
  params: string[];
  ranges: [number, number][];
  scenarios: ScenarioDiscovery[];
}

/** Each varied parameter's range: the design's, or (a grid) its values' extent. */
export function designRanges(m: RunSource): [number, number][] {
  const { params, points, ranges } = m.design;
  return params.map((p, d) => ranges?.[p] ?? [Math.min(...points.map((q) => q[d])), Math.max(...points.map((q) => q[d]))]);
}

/** Why an experiment cannot be searched for boxes, or undefined. */
export function discoveryProblem(m: RunSource): string | undefined {
  if (!m.design.params.length)
    return `discover needs an experiment that varies parameters (a design of type grid, lhs, sobol or morris); this one's design is "${m.design.type}", with none varied`;
  return undefined;
}

/** PRIM and the tree, per scenario, on the final values of the outcome. */
export function discover(m: RunSource, summary: Columns, o: DiscoverOptions): Discovery {
  const problem = discoveryProblem(m);
  if (problem) throw new AnalysisError(problem);
  if (!summary.values[o.outcome]) throw new AnalysisError(`the summary has no column "${o.outcome}"`);
  const outcomes = outcomesOf(m, summary, o.outcome);
  const { params, points } = m.design;
  const ranges = designRanges(m);
  const scenarios = m.scenarios.map((s, si) => {
    const cases: { p: number; v: number }[] = [];
    outcomes[si].forEach((reps, p) => reps.forEach((v) => Number.isFinite(v) && cases.push({ p, v })));
    const x = params.map((_, d) => Float64Array.from(cases, (c) => points[c.p][d]));
    const y = Uint8Array.from(cases, (c) => (meets(o.where, c.v) ? 1 : 0));
    const values = Float64Array.from(cases, (c) => c.v);
    const hits = y.reduce((a, b) => a + b, 0);
    const data = { x, y, ranges };
    // With no run of interest, or only such runs, there is nothing to tell apart.
    if (hits === 0 || hits === y.length) return { scenario: s.id, x, y, values, prim: { boxes: [], n: y.length, hits }, cart: [] };
    return { scenario: s.id, x, y, values, prim: prim(data, o), cart: cart(data, { maxDepth: o.maxDepth }) };
  });
  if (scenarios.every((s) => !s.prim.boxes.length)) {
    const all = scenarios.flatMap((s) => [...s.values]);
    const none = scenarios.every((s) => s.prim.hits === 0);
    throw new AnalysisError(
      `--where "${o.where.text}" holds for ${none ? 'no' : 'every'} run (${all.length} runs; ${o.outcome} ranges from ${fmtRange(Math.min(...all))} to ${fmtRange(Math.max(...all))}): there is nothing to tell apart`,
    );
  }
  return { outcome: o.outcome, where: o.where, params, ranges, scenarios };
}

const fmtRange = (x: number) => String(Number(x.toPrecision(4)));

export const DISCOVERY_COLUMNS = [
  'where',
  'scenario',
  'kind',
  'box',
  'step',
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
  'restricted',
  'chosen',
];

/**
 * The discovery as a table (the condition in every row, so that the file says what it is of): per scenario, every step of each PRIM box's trajectory (kind
 * "prim-step": coverage, density, mass, points, restricted parameters, whether chosen), the limits
 * of every restricted parameter at every step (kind "prim-limit", with its quasi-p-value), and the
 * tree's leaves that predict the cases of interest (kind "cart-leaf", then "cart-limit" per split
 * parameter). Empty cells where a column does not apply.
 */
export function discoveryResult(d: Discovery): Result {
  const rows: (string | number)[][] = [];
  const row = (o: Partial<Record<(typeof DISCOVERY_COLUMNS)[number], string | number>>) =>
    rows.push(DISCOVERY_COLUMNS.map((c) => (c === 'where' ? d.where.text : (o[c] ?? ''))));
  for (const s of d.scenarios) {
    row({ scenario: s.scenario, kind: 'cases', n: s.prim.n, density: s.prim.n ? s.prim.hits / s.prim.n : 0 });
    s.prim.boxes.forEach((b, bi) => {
      b.trajectory.forEach((t, step) => {
        row({
          scenario: s.scenario,
          kind: 'prim-step',
          box: bi + 1,
          step,
          coverage: t.coverage,
          density: t.density,
          mass: t.mass,
          n: t.n,
          restricted: t.restricted.length,
          chosen: step === b.chosen ? 1 : 0,
        });
        for (const p of t.restricted)
          row({
            scenario: s.scenario,
            kind: 'prim-limit',
            box: bi + 1,
            step,
            parameter: d.params[p],
            low: t.limits[p][0],
            high: t.limits[p][1],
            rangeLow: d.ranges[p][0],
            rangeHigh: d.ranges[p][1],
            pValue: t.pValues[p],
            chosen: step === b.chosen ? 1 : 0,
          });
      });
    });
    s.cart.forEach((l, li) => {
      if (l.density < 0.5) return;
      row({
        scenario: s.scenario,
        kind: 'cart-leaf',
        box: li + 1,
        coverage: l.coverage,
        density: l.density,
        mass: l.n / s.y.length,
        n: l.n,
        restricted: new Set(l.rule.map((r) => r.parameter)).size,
      });
      [...new Set(l.rule.map((r) => r.parameter))].forEach((p) =>
        row({
          scenario: s.scenario,
          kind: 'cart-limit',
          box: li + 1,
          parameter: d.params[p],
          low: l.limits[p][0],
          high: l.limits[p][1],
          rangeLow: d.ranges[p][0],
          rangeHigh: d.ranges[p][1],
        }),
      );
    });
  }
  return { columns: DISCOVERY_COLUMNS, rows };
}

/** "0.6 ≤ x ≤ 1" limits of a box as text: the restricted parameters only. */
export function limitsText(
  params: readonly string[],
  limits: [number, number][],
  restricted: readonly number[],
  ranges: [number, number][],
  f: (x: number) => string,
): string {
  return restricted
    .map((p) => {
      const [lo, hi] = limits[p];
      if (lo > ranges[p][0] && hi < ranges[p][1]) return `${f(lo)} ≤ ${params[p]} ≤ ${f(hi)}`;
      return lo > ranges[p][0] ? `${params[p]} ≥ ${f(lo)}` : `${params[p]} ≤ ${f(hi)}`;
    })
    .join(' and ');
}
