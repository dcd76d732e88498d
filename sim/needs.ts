// Needs: citizens gain, keep or resolve needs. Each month's update runs inside delivery's pass over
// the citizens (sim/delivery.ts), one citizen at a time, just before she is served.
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
}

const hazard = new Float64Array(K);

/** Ageing to date, and this month's hazards (once a month, before the pass over the citizens). */
export function monthHazards(s: State): NeedHazards {
  s.ageing = pow(1 + s.params.ageingRate, s.tick / 12);
  const p = s.params;
  const total = onsetHazards(s.ageing, hazard, p.resolutionRef, pow(1 + p.needGrowth, s.tick / 12));
  return {
    h0: hazard[0], h1: hazard[0] + hazard[1], h2: hazard[0] + hazard[1] + hazard[2], total,
    base: p.resolutionBase, quality: p.resolutionQuality, needMin: p.needMin,
  };
}

/**
 * One citizen's month from exactly one draw u, whatever the policy (so scenarios sharing a seed
 * share every citizen's draws): a need resolves with chance resolutionBase + resolutionQuality × last month's
 * quality; without a need, the same draw decides onset, the category and the need level.
 */
export function updateNeed(c: Citizens, i: number, u: number, h: NeedHazards): void {
  if (c.needCat[i] >= 0) {
    if (u < h.base + h.quality * c.quality[i]) {
      c.needCat[i] = -1;
      c.quality[i] = 0;
    }
  } else if (u < h.total) {
    let k: number, lo: number, hi: number;
    if (u < h.h0) { k = 0; lo = 0; hi = h.h0; }
    else if (u < h.h1) { k = 1; lo = h.h0; hi = h.h1; }
    else if (u < h.h2) { k = 2; lo = h.h1; hi = h.h2; }
    else { k = 3; lo = h.h2; hi = h.total; }
    c.needCat[i] = k;
    c.need[i] = h.needMin + (1 - h.needMin) * ((u - lo) / (hi - lo));
  }
}

/** Initial needs at prevalence, from the needs stream. */
export function seedNeeds(s: State): void {
  const { needCat, need } = s.citizens;
  const rng = s.rng.needs;
  for (let i = 0; i < s.citizens.n; i++) {
    let u = rng();
    for (let k = 0; k < K; k++) {
      if (u < PREVALENCE[k]) {
        needCat[i] = k;
        need[i] = s.params.needMin + (1 - s.params.needMin) * (u / PREVALENCE[k]);
        break;
      }
      u -= PREVALENCE[k];
    }
  }
}
