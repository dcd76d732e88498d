// The month-0 memo (sim/spin-up-memo.ts): a run that starts from a kept world is the run without the
// memo, to the bit — its series and its whole final state, streams included — whatever ran before
// it in the process; every run gets its own copy; and a world of another size is not taken for it.
import { afterEach, describe, expect, it } from 'vitest';
import {
  createSim,
  createStreams,
  resolveParams,
  runSim,
  setSpinUpMemo,
  setSpinUpMemoLimits,
  spinUpMemoStats,
  STREAMS,
  type Decision,
  type Overrides,
  type Sim,
} from '../sim/index.ts';
import { copyStream } from '../sim/rng.ts';
import { scenario } from './helpers.ts';

const SEED = 5;
const SMALL: Overrides = { citizens: 2000, ticks: 30 };

function start(id: string, seed = SEED, set: Overrides = {}, decisions: Decision[] = []): Sim {
  const sc = scenario(id);
  return createSim(resolveParams(sc.params, { ...SMALL, ...set }), seed, sc.schedule, decisions);
}

/**
 * Everything a sim holds, by path: every element of every typed array (spare capacity too), every
 * number and string, the next three draws of every stream (this advances them: take it once, last)
 * and, with the sim, its series. Found by walking the state, so a field added later is compared too.
 */
function everything(sim: Sim, withSeries = true): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'function') out[path] = [0, 1, 2].map(() => (v as () => number)());
    else if (ArrayBuffer.isView(v)) out[path] = [v.constructor.name, ...Array.from(v as Float64Array)];
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    else out[path] = v;
  };
  walk(sim.state, 'state');
  if (withSeries) walk(sim.series, 'series');
  return out;
}

function expectSame(actual: Record<string, unknown>, expected: Record<string, unknown>): void {
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  // toEqual tells −0 from 0 and matches NaN with NaN: to the bit for numbers.
  for (const key of Object.keys(expected)) expect(actual[key], key).toEqual(expected[key]);
}

/** Every object, typed array buffer and function reachable from a state. */
function reachable(v: unknown, into = new Set<unknown>()): Set<unknown> {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function') || into.has(v)) return into;
  into.add(v);
  if (ArrayBuffer.isView(v)) into.add(v.buffer);
  else if (typeof v === 'object') for (const x of Object.values(v)) reachable(x, into);
  return into;
}

/** Run a sim to its end without the memo: the reference. */
function fresh(id: string, set: Overrides = {}, decisions: Decision[] = []): Record<string, unknown> {
  setSpinUpMemo(false);
  const sim = start(id, SEED, set, decisions);
  runSim(sim);
  setSpinUpMemo(true);
  return everything(sim);
}

const memoDelta = (f: () => void) => {
  const before = spinUpMemoStats();
  f();
  const after = spinUpMemoStats();
  return { hits: after.hits - before.hits, misses: after.misses - before.misses };
};

/** Empty the memo (off empties it) and turn it on again. */
function emptyMemo(): void {
  setSpinUpMemo(false);
  setSpinUpMemo(true);
}

afterEach(() => {
  setSpinUpMemoLimits();
  setSpinUpMemo(true);
});

describe('the month-0 memo', () => {
  it('copies a random stream to the bit: the copy draws what the original would, and neither moves the other', () => {
    const streams = createStreams(SEED);
    const twins = createStreams(SEED);
    for (const name of STREAMS) {
      for (let i = 0; i < 1000; i++) twins[name]();
      for (let i = 0; i < 1000; i++) streams[name]();
      const copy = copyStream(streams[name]);
      const copied = Array.from({ length: 1000 }, copy);
      const own = Array.from({ length: 1000 }, streams[name]);
      const twin = Array.from({ length: 1000 }, twins[name]);
      expect(copied, name).toEqual(twin);
      expect(own, name).toEqual(twin);
    }
    expect(() => copyStream(() => 0.5, 'state.rng.x')).toThrow(/state\.rng\.x/);
  });

  it('gives a run started from a kept world its series and final state without the memo, to the bit', () => {
    const decisions: Decision[] = [{ year: 1, district: 0, purchaseShare: 0.5, grain: 0.8, demand: 0.3 }];
    const a = fresh('baseline-involution');
    const aDecided = fresh('baseline-involution', {}, decisions);
    const b = fresh('full-prevention');
    const bDecided = fresh('full-prevention', {}, decisions);
    // Four years, and a decision in the last: it needs a longer table than the 30-month runs'.
    const late: Decision[] = [{ year: 3, district: 1, purchaseShare: 0.4, grain: 0.2, demand: 0.1 }];
    const longer = fresh('partnership', { ticks: 48 }, late);
    emptyMemo();
    const HIT = { hits: 1, misses: 0 };
    /** Run from the memo's side and hold it to the memo-off reference: its use of the memo, then its whole state. */
    const expectRun = (id: string, used: { hits: number; misses: number }, reference: Record<string, unknown>, d: Decision[] = [], set: Overrides = {}) => {
      let sim: Sim | undefined;
      expect(memoDelta(() => (sim = start(id, SEED, set, d)))).toEqual(used);
      runSim(sim!);
      expectSame(everything(sim!), reference);
    };
    // The world is kept before a person's decisions are put in: they stay the run's own.
    expectRun('baseline-involution', { hits: 0, misses: 1 }, aDecided, decisions);
    // Another scenario of the seed starts from the kept world.
    expectRun('full-prevention', HIT, b);
    expectRun('full-prevention', HIT, bDecided, decisions);
    // The first scenario again, after two runs started from the same kept world.
    expectRun('baseline-involution', HIT, a);
    // A run of another length starts from the same kept world, with a table of decisions of its own.
    expectRun('partnership', HIT, longer, late, { ticks: 48 });
  });

  it('hands every run its own copy: what one run does to its world never reaches another', () => {
    setSpinUpMemo(false);
    const reference = everything(start('partnership'), false);
    setSpinUpMemo(true);
    const spoil = (sim: Sim) => {
      for (const x of reachable(sim.state)) {
        if (ArrayBuffer.isView(x) && !(x instanceof DataView)) (x as Float64Array).fill(7);
        if (typeof x === 'function') for (let i = 0; i < 10; i++) (x as () => number)();
      }
      sim.state.ledger.paid = -1;
      runSim(sim, 3);
    };
    emptyMemo();
    let kept: Sim | undefined, taken: Sim | undefined;
    expect(
      memoDelta(() => (kept = start('baseline-involution'))),
      'its world is kept',
    ).toEqual({ hits: 0, misses: 1 });
    expect(
      memoDelta(() => (taken = start('release-resources'))),
      'it starts from the kept world',
    ).toEqual({ hits: 1, misses: 0 });
    // No object, buffer or stream is shared by two runs.
    const first = reachable(kept!.state);
    expect([...reachable(taken!.state)].filter((x) => first.has(x))).toEqual([]);
    spoil(kept!);
    spoil(taken!);
    let later: Sim | undefined;
    expect(memoDelta(() => (later = start('partnership')))).toEqual({ hits: 1, misses: 0 });
    expectSame(everything(later!, false), reference);
  });

  it('does not take a world of another size, another seed or other inherited years for the kept one, and takes it whatever the levers', () => {
    emptyMemo();
    const used = (id: string, seed: number, set: Overrides = {}) => memoDelta(() => start(id, seed, set));
    expect(used('baseline-involution', SEED)).toEqual({ hits: 0, misses: 1 });
    expect(used('service-orientation', SEED, { partnership: 0.9 }), 'levers are reforms from month 0').toEqual({ hits: 1, misses: 0 });
    expect(used('baseline-involution', SEED, { initialSOs: 30 })).toEqual({ hits: 0, misses: 1 });
    expect(used('baseline-involution', SEED, { citizens: 2500 })).toEqual({ hits: 0, misses: 1 });
    expect(used('baseline-involution', SEED + 1)).toEqual({ hits: 0, misses: 1 });
    expect(used('baseline-involution', SEED, { spinUpYears: 2 })).toEqual({ hits: 0, misses: 1 });
    expect(used('baseline-involution', SEED, { ticks: 36 }), "the run's length is not part of month 0").toEqual({ hits: 1, misses: 0 });
    expect(used('baseline-involution', SEED, { fixedCostBase: 0.05 }), 'a model constant').toEqual({ hits: 0, misses: 1 });
    // With traditionalYears 0 the inherited years run under the run's own levers.
    expect(used('baseline-involution', SEED, { traditionalYears: 0 })).toEqual({ hits: 0, misses: 1 });
    expect(used('baseline-involution', SEED, { traditionalYears: 0, partnership: 0.9 })).toEqual({ hits: 0, misses: 1 });
    expect(used('baseline-involution', SEED, { citizens: 2500 })).toEqual({ hits: 1, misses: 0 });
    // Off, it neither keeps nor takes.
    setSpinUpMemo(false);
    expect(used('baseline-involution', SEED)).toEqual({ hits: 0, misses: 0 });
    expect(spinUpMemoStats().entries).toBe(0);
  });

  it('keeps as many worlds as it is allowed, the least recently used out; tighter limits put out at once what no longer fits', () => {
    emptyMemo();
    setSpinUpMemoLimits({ entries: 3 });
    const used = (seed: number) => memoDelta(() => start('baseline-involution', seed));
    for (const seed of [1, 2, 3]) expect(used(seed)).toEqual({ hits: 0, misses: 1 });
    expect(used(1)).toEqual({ hits: 1, misses: 0 });
    // Seed 4 puts out seed 2, the least recently used; seed 2 is then grown again and puts out 3.
    expect(used(4)).toEqual({ hits: 0, misses: 1 });
    expect(used(2)).toEqual({ hits: 0, misses: 1 });
    expect(used(1)).toEqual({ hits: 1, misses: 0 });
    expect(spinUpMemoStats().entries).toBe(3);
    // With room for four (a batch's worker allows more), the memo grows to four.
    setSpinUpMemoLimits({ entries: 4 });
    for (const seed of [5, 6, 7]) used(seed);
    expect(spinUpMemoStats().entries).toBe(4);
    setSpinUpMemoLimits({ entries: 1 });
    expect(spinUpMemoStats().entries).toBe(1);
    setSpinUpMemoLimits({ bytes: 0 });
    expect(spinUpMemoStats()).toMatchObject({ entries: 0, bytes: 0 });
    expect(() => setSpinUpMemoLimits({ entries: 1.5 })).toThrow(/whole number/);
  });
});
