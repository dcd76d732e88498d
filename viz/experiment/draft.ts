// The spec being built or loaded in the Experiment tab, as plain JSON (a draft: it may be invalid;
// lab/spec says what is wrong with it). The form reads and writes its fields here; fields the form
// has no control for (baseSeed, design.candidates, format) are kept as they are.
import { PARAM_BY_NAME } from '../../sim/index.ts';
import { parseDecimal } from '../../lab/numbers.ts';

export type Draft = Record<string, unknown>;

/** A number typed in a box; what is not a number is kept as typed, for the spec check to name it. */
export function num(text: string): number | string | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  return parseDecimal(s) ?? s;
}

/** A list typed in a box: "0, 0.5, 1" (commas, semicolons or spaces). */
export const list = (text: string): (number | string)[] => text.split(/[\s,;]+/).filter(Boolean).map((x) => num(x)!);

export const listText = (values: unknown): string => (Array.isArray(values) ? values.join(', ') : values === undefined ? '' : String(values));

export const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Set a field, or remove it when undefined (so that the spec has no `"field": null`). */
export function put(o: Record<string, unknown>, field: string, value: unknown): void {
  if (value === undefined) delete o[field];
  else o[field] = value;
}

/** The scenario references of a draft, from `scenario` or `scenarios`. */
export function scenarioRefs(d: Draft): string[] {
  if (typeof d.scenario === 'string') return [d.scenario];
  return Array.isArray(d.scenarios) ? d.scenarios.filter((s): s is string => typeof s === 'string') : [];
}

/** Write the scenario references, in the form the draft used: one as `scenario` if it had that field. */
export function setScenarioRefs(d: Draft, refs: string[]): void {
  const single = typeof d.scenario === 'string' && refs.length === 1;
  delete d.scenario;
  delete d.scenarios;
  if (single) d.scenario = refs[0];
  else if (refs.length) d.scenarios = refs;
}

export type DesignType = 'none' | 'grid' | 'lhs' | 'sobol' | 'morris';
export const DESIGN_TYPES: DesignType[] = ['none', 'grid', 'lhs', 'sobol', 'morris'];

export interface Varied {
  name: string;
  /** Grid values. */
  values: unknown[];
  low: unknown;
  high: unknown;
}

export interface DesignState {
  type: DesignType;
  samples?: unknown;
  levels?: unknown;
  seed?: unknown;
  candidates?: unknown;
  rows: Varied[];
}

const finite = (xs: unknown[]): number[] => xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));

export function designOf(d: Draft): DesignState {
  if (isObject(d.vary)) {
    return { type: 'grid', rows: Object.entries(d.vary).map(([name, values]) => {
      const v = Array.isArray(values) ? values : [values];
      const n = finite(v);
      return { name, values: v, low: n.length ? Math.min(...n) : undefined, high: n.length ? Math.max(...n) : undefined };
    }) };
  }
  if (isObject(d.design)) {
    const { type, samples, levels, seed, candidates, ranges } = d.design;
    const rows = isObject(ranges) ? Object.entries(ranges).map(([name, r]) => {
      const [low, high] = Array.isArray(r) ? r : [undefined, undefined];
      return { name, values: [low, high].filter((x) => x !== undefined), low, high };
    }) : [];
    return { type: DESIGN_TYPES.includes(type as DesignType) ? (type as DesignType) : 'lhs', samples, levels, seed, candidates, rows };
  }
  return { type: 'none', rows: [] };
}

/** Write the design back: `vary` for a grid, `design` for a sampled one with only the fields its type has. */
export function setDesign(d: Draft, s: DesignState): void {
  delete d.vary;
  delete d.design;
  if (s.type === 'none') return;
  if (s.type === 'grid') {
    d.vary = Object.fromEntries(s.rows.map((r) => [r.name, r.values]));
    return;
  }
  const design: Record<string, unknown> = { type: s.type, samples: s.samples, ranges: Object.fromEntries(s.rows.map((r) => [r.name, [r.low, r.high]])) };
  if (s.type === 'morris') {
    put(design, 'levels', s.levels);
    put(design, 'candidates', s.candidates);
  }
  if (s.type !== 'sobol') put(design, 'seed', s.seed);
  if (design.samples === undefined) delete design.samples;
  d.design = design;
}

/** A new varied parameter: the first not yet used, over its whole allowed range. */
export function newVaried(used: readonly string[], names: readonly string[]): Varied {
  const name = names.find((n) => !used.includes(n)) ?? names[0];
  const p = PARAM_BY_NAME.get(name)!;
  return { name, values: [p.min, p.max], low: p.min, high: p.max };
}

export interface Row {
  tick?: unknown;
  name: string;
  value: unknown;
}

/** `set` as rows. */
export const setRows = (d: Draft): Row[] => (isObject(d.set) ? Object.entries(d.set).map(([name, value]) => ({ name, value })) : []);

export function setSet(d: Draft, rows: Row[]): void {
  put(d, 'set', rows.length ? Object.fromEntries(rows.map((r) => [r.name, r.value])) : undefined);
}

/** `interventions` as rows, one per month and parameter. */
export function interventionRows(d: Draft): Row[] {
  if (!Array.isArray(d.interventions)) return [];
  return d.interventions.flatMap((c) => (isObject(c) && isObject(c.set) ? Object.entries(c.set).map(([name, value]) => ({ tick: c.tick, name, value })) : []));
}

/** Rows back into interventions: the rows of one month together, months in the order first given. */
export function setInterventions(d: Draft, rows: Row[]): void {
  const byTick = new Map<string, { tick: unknown; set: Record<string, unknown> }>();
  for (const r of rows) {
    const k = JSON.stringify(r.tick ?? null);
    if (!byTick.has(k)) byTick.set(k, { tick: r.tick, set: {} });
    byTick.get(k)!.set[r.name] = r.value;
  }
  put(d, 'interventions', rows.length ? [...byTick.values()] : undefined);
}
