// A memo of the world at month 0 (docs/model.md §5). The inherited years are a pure function of the
// seed and of the inherited regime (createSim builds the first month from the regime too), so runs
// that share them — every bundled scenario of a seed but proportional-growth, a lesson and its
// baseline, the arms of an experiment — need not run them again: the first run's month 0 is kept,
// and each later run starts from a copy of its own. Module-level, bounded (least recently used out).
import type { Params } from './params.ts';
import { copyStream } from './rng.ts';
import type { State } from './state.ts';

/** By default at most this many worlds are kept, and this many bytes of their typed arrays in all. */
export const MEMO_ENTRIES = 32;
export const MEMO_BYTES = 64 * 1024 * 1024;
// A world larger than a quarter of the bytes is not kept (at the default, about 1.3 million citizens:
// a kept world takes 12.8 bytes a citizen and ~35 kB besides).
let maxEntries = MEMO_ENTRIES;
let maxBytes = MEMO_BYTES;

interface Entry {
  readonly state: State;
  readonly bytes: number;
}

const memo = new Map<string, Entry>();
let enabled = true;
let bytes = 0;
let hits = 0;
let misses = 0;

/** Turn the memo on or off (tests, bench); off empties it. On by default. */
export function setSpinUpMemo(on: boolean): void {
  enabled = on;
  if (!on) {
    memo.clear();
    bytes = 0;
  }
}

/**
 * Bound the memo otherwise (a batch's worker: an experiment of several scenarios runs every seed of one
 * before the next, so with more seeds than worlds kept, least recently used out keeps none it needs);
 * what no longer fits goes at once. Called without limits, the defaults come back.
 */
export function setSpinUpMemoLimits(limits: { entries?: number; bytes?: number } = {}): void {
  const { entries = MEMO_ENTRIES, bytes: total = MEMO_BYTES } = limits;
  if (!(Number.isInteger(entries) && entries >= 0 && total >= 0))
    throw new Error(`spin-up memo limits: entries must be a whole number ≥ 0 and bytes ≥ 0, got ${entries} and ${total}`);
  maxEntries = entries;
  maxBytes = total;
  evict();
}

function evict(): void {
  for (const [k, e] of memo) {
    if (memo.size <= maxEntries && bytes <= maxBytes) break;
    memo.delete(k);
    bytes -= e.bytes;
  }
}

/** What the memo holds and how often it was used since the module loaded. */
export function spinUpMemoStats(): { enabled: boolean; entries: number; bytes: number; hits: number; misses: number } {
  return { enabled, entries: memo.size, bytes, hits, misses };
}

/**
 * The memo's key: the seed and every parameter of the regime that builds the first month and runs
 * the inherited years, sorted by name, each number in a form that tells every two doubles apart
 * (String is the shortest round trip; −0 spelled out). createSim gives the regime `ticks` 0: the run's
 * length is not part of month 0, and each run gets its own table of decisions.
 */
export function spinUpKey(seed: number, regime: Params): string {
  const exact = (v: unknown) => (typeof v !== 'number' ? `${typeof v}:${String(v)}` : Object.is(v, -0) ? '-0' : String(v));
  const fields = Object.keys(regime)
    .sort()
    .map((k) => `${k}=${exact((regime as Record<string, unknown>)[k])}`);
  return `seed=${exact(seed)};${fields.join(';')}`;
}

/**
 * The world kept under `key`, copied for one run only, or undefined when none is kept (or the memo is
 * off). The copy is written into `blank()`, a world just built by createState (about 1 ms at 20 000
 * citizens), so that its objects have the hidden classes of every other run's and the processes stay
 * compiled for them: objects of the copy's own making have others, and runs from them were measured
 * 15–20 % slower (every process deoptimised, then polymorphic).
 */
export function recallMonthZero(key: string, blank: () => State): State | undefined {
  if (!enabled) return undefined;
  const entry = memo.get(key);
  if (!entry) {
    misses++;
    return undefined;
  }
  hits++;
  memo.delete(key);
  memo.set(key, entry);
  return copyState(entry.state, blank()).state;
}

/** Keep a copy of a world at month 0 (before any run's own decisions are placed in it). */
export function rememberMonthZero(key: string, state: State): void {
  if (!enabled) return;
  const copy = copyState(state);
  if (copy.bytes > maxBytes / 4) return;
  const old = memo.get(key);
  if (old) {
    memo.delete(key);
    bytes -= old.bytes;
  }
  memo.set(key, copy);
  bytes += copy.bytes;
  evict();
}

/**
 * A deep copy of a state, found by walking it rather than by a list of its fields, so a field added
 * to a table is copied too: typed arrays (by their buffers, so views of one buffer stay views of one
 * copy), arrays, plain objects, Maps and Sets, the random streams (their internal state: the copy
 * draws what the original would, and neither moves the other). An object met twice is copied once.
 * Anything else (a class instance, a function that is not a stream) cannot be copied faithfully
 * and throws, naming where it is in the state.
 *
 * With `into`, a state of the same making (createState), the copy is written into its plain objects,
 * keeping them: each of their fields becomes the copy of the state's field (a number or string
 * written only where it differs, so objects the state shares with the caller, its params, are left
 * alone: the memo's key makes them equal), and a field the state lacks is deleted.
 */
export function copyState(state: State, into?: State): { state: State; bytes: number } {
  const seen = new Map<unknown, unknown>();
  const filled = new Set<unknown>();
  let total = 0;
  const isPlain = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v) && !ArrayBuffer.isView(v) && [Object.prototype, null].includes(Object.getPrototypeOf(v));
  const fill = (target: Record<string, unknown>, source: Record<string, unknown>, path: string): void => {
    seen.set(source, target);
    filled.add(target);
    for (const k of Object.keys(target)) if (!Object.hasOwn(source, k)) delete target[k];
    for (const k of Object.keys(source)) {
      const from = source[k];
      const to = target[k];
      if (isPlain(from) && isPlain(to) && !seen.has(from) && !filled.has(to)) fill(to, from, `${path}.${k}`);
      else {
        const value = copy(from, `${path}.${k}`);
        if (!Object.is(value, to)) target[k] = value;
      }
    }
  };
  const copy = (v: unknown, path: string): unknown => {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return v;
    if (seen.has(v)) return seen.get(v);
    let out: unknown;
    if (typeof v === 'function') {
      out = copyStream(v as () => number, `state${path}`);
    } else if (ArrayBuffer.isView(v)) {
      let buffer = seen.get(v.buffer) as ArrayBufferLike | undefined;
      if (!buffer) {
        buffer = v.buffer.slice(0);
        seen.set(v.buffer, buffer);
        total += buffer.byteLength;
      }
      const perElement = 'BYTES_PER_ELEMENT' in v ? (v.BYTES_PER_ELEMENT as number) : 1;
      out = new (v.constructor as new (b: ArrayBufferLike, offset: number, length: number) => ArrayBufferView)(buffer, v.byteOffset, v.byteLength / perElement);
    } else if (Array.isArray(v)) {
      const a: unknown[] = [];
      seen.set(v, a);
      v.forEach((x, i) => (a[i] = copy(x, `${path}[${i}]`)));
      return a;
    } else if (v instanceof Map) {
      const m = new Map();
      seen.set(v, m);
      for (const [k, x] of v) m.set(k, copy(x, `${path}.get(${String(k)})`));
      return m;
    } else if (v instanceof Set) {
      const s = new Set();
      seen.set(v, s);
      for (const x of v) s.add(copy(x, `${path}[member]`));
      return s;
    } else if (isPlain(v)) {
      const o: Record<string, unknown> = Object.create(Object.getPrototypeOf(v));
      fill(o, v, path);
      return o;
    } else {
      const name = (Object.getPrototypeOf(v) as { constructor?: { name?: string } }).constructor?.name ?? 'non-plain';
      throw new Error(`the month-0 memo cannot copy state${path}: a ${name} object (keep state in typed arrays, plain objects, arrays, Maps or Sets)`);
    }
    seen.set(v, out);
    return out;
  };
  if (!into) return { state: copy(state, '') as State, bytes: total };
  fill(into as unknown as Record<string, unknown>, state as unknown as Record<string, unknown>, '');
  return { state: into, bytes: total };
}
