// Needs: citizens gain, keep or resolve needs. Each month's update runs inside delivery's pass over
// the citizens (sim/delivery.ts), one citizen at a time, just before she is served.
//
// Draws (docs/model.md §7.1): citizen i's one draw u in month m is counter-based (citizenDraw), a
// hash of the seed, m and i, not a step of a generator: it is the same in every scenario of a seed
// whoever else is needy and in whatever order citizens are visited (common random numbers), it
// needs no stream state, and it is read only where it can decide something. u = (c + f) / 16: a
// coarse part c (0–15) from four random words shared by 32 citizens, one bit each, and a fine part f
// from her own hash. An event of chance p happens when u < p, so no one of c ≥ 16p can have it:
// delivery's pass picks those of low enough c from the words' bits (lowDraws), computes f only for
// them, and skips everyone else who has no need. The needs stream (Alea) seeds the first month's
// needs only (seedNeeds).
import { pow } from './math.ts';
import { K, PREVALENCE } from './constants.ts';
import type { Citizens, State } from './state.ts';

/**
 * Monthly onset hazards, by category: prevalence is steady near PREVALENCE at resolution
 * resolutionRef, eldercare's times `ageing`, every category's times `growth` (need growing alike in
 * every category, for the proportional-growth check).
 */
export function onsetHazards(ageing: number, out: Float64Array, resolutionRef: number, growth = 1): number {
  let total = 0;
  let prevalence = 0;
  for (let k = 0; k < K; k++) prevalence += PREVALENCE[k] * (k === 0 ? ageing : 1) * growth;
  for (let k = 0; k < K; k++) {
    out[k] = (PREVALENCE[k] * (k === 0 ? ageing : 1) * growth * resolutionRef) / Math.max(0.05, 1 - prevalence);
    total += out[k];
  }
  return total;
}

/** The month's onset hazards, as cumulative bounds: [eldercare, + disability, + children, total]. */
export interface NeedHazards {
  h0: number;
  h1: number;
  h2: number;
  total: number;
  /** Resolution: base chance and the added chance at full quality; the least level of a new need. */
  base: number;
  quality: number;
  needMin: number;
  /** The best quality served last month (State.servedQuality): no needy citizen received more. */
  servedQuality: number;
  /** The month's keys: of each citizen's fine part (A, B) and of the words of coarse parts (C, D). */
  keyA: number;
  keyB: number;
  keyC: number;
  keyD: number;
}

const hazard = new Float64Array(K);

/** A draw's coarse part counts in sixteenths; its fine part in steps of 2⁻³². Definitions, not behaviour. */
export const COARSE_STEP = 1 / 16;
const FINE_STEP = 1 / 4294967296;

/** Ageing to date, and this month's hazards and keys (once a month, before the pass over the citizens). */
export function monthHazards(s: State): NeedHazards {
  s.ageing = pow(1 + s.params.ageingRate, s.tick / 12);
  const p = s.params;
  const total = onsetHazards(s.ageing, hazard, p.resolutionRef, pow(1 + p.needGrowth, s.tick / 12));
  return {
    h0: hazard[0], h1: hazard[0] + hazard[1], h2: hazard[0] + hazard[1] + hazard[2], total,
    base: p.resolutionBase, quality: p.resolutionQuality, needMin: p.needMin, servedQuality: s.servedQuality,
    keyA: drawKey(s.seed, s.tick, 0), keyB: drawKey(s.seed, s.tick, 1), keyC: drawKey(s.seed, s.tick, 2), keyD: drawKey(s.seed, s.tick, 3),
  };
}

/**
 * The least level j (0–4) at which a chance p is at most 2^j / 16: no citizen whose draw's coarse
 * part is 2^j or more has u < p (lowDraws).
 */
export function drawLevel(p: number): number {
  let j = 0;
  while (j < 4 && p > (1 << j) * COARSE_STEP) j++;
  return j;
}

/** The citizens of a word of 32 whose draw's coarse part is below 2^level (coarse: the first word is its highest bit). */
export function lowDraws(level: number, w0: number, w1: number, w2: number, w3: number): number {
  return level === 0 ? ~(w0 | w1 | w2 | w3) : level === 1 ? ~(w0 | w1 | w2) : level === 2 ? ~(w0 | w1) : level === 3 ? ~w0 : -1;
}

/**
 * lowbias32 (C. Wellons, hash-prospector): a bijection of 32-bit integers of low bias (a flipped
 * input bit flips each output bit with chance close to ½). Only 32-bit integer operations, so it is
 * the same to the bit in every engine.
 */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Key j of the month's draws: a hash of the seed (as the streams read it, seed >>> 0), the month and j. */
export function drawKey(seed: number, tick: number, j: number): number {
  return mix32((mix32((seed >>> 0) ^ 0x6e656564) + Math.imul(tick, 0x9e3779b9) + Math.imul(j, 0x85ebca6b)) | 0);
}

/**
 * The hash of counter x under two keys, as a signed 32-bit integer: x spread by a Weyl step and
 * offset by the first key, then lowbias32 with the second key mixed in halfway, so that each month
 * (each pair of keys) is its own bijection of the counter, not a shift of another month's.
 */
export function hash32(x: number, a: number, b: number): number {
  x = (Math.imul(x, 0x9e3779b9) + a) | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d) ^ b;
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  return x ^ (x >>> 16);
}

/** Word j (0–3) of citizens 32w to 32w + 31: bit i & 31 of the four words is the coarse part of citizen i's draw (coarse). */
export function wordHash(w: number, j: number, c: number, d: number): number {
  return hash32((w << 2) + j, c, d);
}

/** The coarse part of a draw, 0–15: bit `bit` of the four words of her 32, the first the highest. */
export function coarse(bit: number, w0: number, w1: number, w2: number, w3: number): number {
  return (((w0 >>> bit) & 1) << 3) | (((w1 >>> bit) & 1) << 2) | (((w2 >>> bit) & 1) << 1) | ((w3 >>> bit) & 1);
}

/** The fine part of citizen i's draw: her own hash, uniform on [0, 1) in steps of 2⁻³². */
export function fine(i: number, a: number, b: number): number {
  return (hash32(i, a, b) >>> 0) * FINE_STEP;
}

/**
 * Citizen i's draw u in the month, uniform on [0, 1): (coarse + fine) / 16, four random bits of her
 * word and 32 of her own hash. Exact: (coarse + fine) × 2³² is an integer below 2³⁶, so u is a double
 * without rounding, the same in Node and every browser. It depends on the seed, the month and i only.
 * Delivery's pass reads the coarse part first and the fine part only where it decides something: an
 * event of chance p happens when u < p, which the coarse part alone settles (no) when coarse/16 ≥ p;
 * with the default onset hazard (under 1/16) only citizens of coarse part 0, one in 16, can gain a need.
 */
export function citizenDraw(i: number, w0: number, w1: number, w2: number, w3: number, a: number, b: number): number {
  return (coarse(i & 31, w0, w1, w2, w3) + fine(i, a, b)) * COARSE_STEP;
}

/** Every citizen's draw u in month `tick` of a world of `n` citizens and seed `seed` (tests, docs). */
export function monthDraws(seed: number, tick: number, n: number): Float64Array {
  const [a, b, c, d] = [0, 1, 2, 3].map((j) => drawKey(seed, tick, j));
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const w = i >>> 5;
    out[i] = citizenDraw(i, wordHash(w, 0, c, d), wordHash(w, 1, c, d), wordHash(w, 2, c, d), wordHash(w, 3, c, d), a, b);
  }
  return out;
}

/**
 * One citizen's month, whatever the policy, from her one draw u (so scenarios sharing a seed share
 * every citizen's draws): a need resolves when u < resolutionBase + resolutionQuality × last month's
 * quality (resolve); without a need, u < the onset hazard starts one, and the same u picks the
 * category and the need level (onset). Delivery's pass does this for the citizens it visits: those
 * it skips have a draw too high for either (drawLevel, lowDraws).
 */
export function onset(c: Citizens, i: number, u: number, h: NeedHazards): number {
  let k: number, lo: number, hi: number;
  if (u < h.h0) { k = 0; lo = 0; hi = h.h0; }
  else if (u < h.h1) { k = 1; lo = h.h0; hi = h.h1; }
  else if (u < h.h2) { k = 2; lo = h.h1; hi = h.h2; }
  else { k = 3; lo = h.h2; hi = h.total; }
  c.needCat[i] = k;
  c.need[i] = h.needMin + (1 - h.needMin) * ((u - lo) / (hi - lo));
  c.needy[i >>> 5] |= 1 << (i & 31);
  return k;
}

/** A citizen's need resolves: no need, no quality received. */
export function resolve(c: Citizens, i: number): void {
  c.needCat[i] = -1;
  c.quality[i] = 0;
  c.needy[i >>> 5] &= ~(1 << (i & 31));
}

/** Initial needs at prevalence, from the needs stream. */
export function seedNeeds(s: State): void {
  const { needCat, need, needy } = s.citizens;
  const rng = s.rng.needs;
  for (let i = 0; i < s.citizens.n; i++) {
    let u = rng();
    for (let k = 0; k < K; k++) {
      if (u < PREVALENCE[k]) {
        needCat[i] = k;
        need[i] = s.params.needMin + (1 - s.params.needMin) * (u / PREVALENCE[k]);
        needy[i >>> 5] |= 1 << (i & 31);
        break;
      }
      u -= PREVALENCE[k];
    }
  }
}
