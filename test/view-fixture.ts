// The fixed data the explorer's view snapshots are drawn from (test/views.test.ts), as Plot's tests
// draw from penguins.csv: one explorer snapshot (the object viz/worker/api.ts gives the views) and
// Compare's runs, generated once from the model by scripts/view-fixture.ts and committed as
// test/fixtures/views.json. A change to the model's numbers does not move the snapshots; a change
// to the snapshot's shape (a key, a type) fails test/views.test.ts until the fixture is generated
// again (`npx tsx scripts/view-fixture.ts`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSim, FORM, resolveParams, runSim, SUBSTANCE } from '../sim/index.ts';
import { findScenario } from '../scenarios/index.ts';
import { api, type Snapshot } from '../viz/worker/api.ts';

export const FIXTURE = join(import.meta.dirname, 'fixtures', 'views.json');
export const SEED = 7;
export const MONTHS = 48;
export const SCENARIO = 'reform-at-year-3';
/** The explorer's run: reform-at-year-3 (its scheduled change at month 36) with 1000 citizens for 48 months, and an intervention at month 42. */
export const explorerSnapshot = (months = MONTHS): Snapshot =>
  api.replay(SCENARIO, SEED, { citizens: 1000, ticks: MONTHS }, [{ tick: 42, set: { partnership: 0.2 } }], months);
/** The series the views draw (the index and its six figures); the fixture keeps only these rows. */
export const VIEW_METRICS = ['involutionIndex', 'formGrowth', 'substanceGrowth', ...FORM, ...SUBSTANCE];
export const COMPARE_SCENARIOS = ['baseline-involution', 'full-prevention'];
/** Compare's runs: involutionIndex of seeds 1–3 of two scenarios, 1000 citizens, 36 months. */
export const compareRuns = (): Record<string, number[][]> =>
  Object.fromEntries(
    COMPARE_SCENARIOS.map((id) => [
      id,
      [1, 2, 3].map((seed) => runSim(createSim(resolveParams(findScenario(id)!.params, { citizens: 1000, ticks: 36 }), seed)).involutionIndex),
    ]),
  );

type Typed = Float64Array | Int32Array | Int16Array | Uint8Array;
const TYPED = { Float64Array, Int32Array, Int16Array, Uint8Array } as const;
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Five significant digits: the snapshots round to two decimals, and the file stays small. */
const round = (x: number) => (Number.isInteger(x) ? x : Number(x.toPrecision(5)));

/** JSON of a value with typed arrays as `{"$type": name, "values": [...]}`. */
export function encode(v: unknown): Json {
  if (ArrayBuffer.isView(v)) return { $type: v.constructor.name, values: Array.from(v as Typed, round) };
  if (Array.isArray(v)) return v.map(encode);
  if (typeof v === 'number') return round(v);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encode(x)]));
  return v as Json;
}

export function decode(v: Json): unknown {
  if (Array.isArray(v)) return v.map(decode);
  if (v && typeof v === 'object') {
    if (typeof v.$type === 'string') return TYPED[v.$type as keyof typeof TYPED].from(v.values as number[]);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x)]));
  }
  return v;
}

/** The explorer snapshot with only the rows of VIEW_METRICS. */
export function trimmed(snap: Snapshot): Snapshot {
  const keep = snap.names.map((n, i) => [n, i] as const).filter(([n]) => VIEW_METRICS.includes(n));
  return { ...snap, names: keep.map(([n]) => n), rows: keep.map(([, i]) => snap.rows[i]) };
}

export interface ViewFixture {
  explorer: Snapshot;
  compare: Record<string, number[][]>;
}

export function readFixture(): ViewFixture {
  const raw = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { explorer: Json; compare: Record<string, number[][]> };
  return { explorer: decode(raw.explorer) as Snapshot, compare: raw.compare };
}

/**
 * The shape of a value: for an object its keys and each key's shape, for an array the shape of its
 * first element, a typed array by its kind, anything else by its type. Numbers and lengths are not shape.
 */
export function shapeOf(v: unknown): unknown {
  if (ArrayBuffer.isView(v)) return v.constructor.name;
  if (Array.isArray(v)) return v.length ? [shapeOf(v[0])] : [];
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, x]) => [k, shapeOf(x)]),
    );
  return typeof v;
}
