// Process 1 — needs: citizens gain, keep or resolve needs. Exactly one draw per citizen per month,
// whatever the policy, so that scenarios sharing a seed share every citizen's draws.
import { pow } from './math.ts';
import { K, NEED_MIN, PREVALENCE, R_BASE, R_QUALITY, R_REF } from './constants.ts';
import type { State } from './state.ts';

/** Monthly onset hazards, by category: prevalence is steady near PREVALENCE at resolution R_REF. */
export function onsetHazards(ageing: number, out: Float64Array): number {
  let total = 0;
  let prevalence = 0;
  for (let k = 0; k < K; k++) prevalence += PREVALENCE[k] * (k === 0 ? ageing : 1);
  for (let k = 0; k < K; k++) {
    out[k] = (PREVALENCE[k] * (k === 0 ? ageing : 1) * R_REF) / Math.max(0.05, 1 - prevalence);
    total += out[k];
  }
  return total;
}

const hazard = new Float64Array(K);

export function needs(s: State): void {
  s.ageing = pow(1 + s.params.ageingRate, s.tick / 12);
  const total = onsetHazards(s.ageing, hazard);
  const h0 = hazard[0], h1 = h0 + hazard[1], h2 = h1 + hazard[2];
  const { needCat, need, quality } = s.citizens;
  const rng = s.rng.needs;
  const n = s.citizens.n;
  for (let i = 0; i < n; i++) {
    const u = rng();
    if (needCat[i] >= 0) {
      if (u < R_BASE + R_QUALITY * quality[i]) {
        needCat[i] = -1;
        quality[i] = 0;
      }
    } else if (u < total) {
      // The same draw picks the category and, rescaled within it, the need level.
      let k: number, lo: number, hi: number;
      if (u < h0) { k = 0; lo = 0; hi = h0; }
      else if (u < h1) { k = 1; lo = h0; hi = h1; }
      else if (u < h2) { k = 2; lo = h1; hi = h2; }
      else { k = 3; lo = h2; hi = total; }
      needCat[i] = k;
      need[i] = NEED_MIN + (1 - NEED_MIN) * ((u - lo) / (hi - lo));
    }
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
        need[i] = NEED_MIN + (1 - NEED_MIN) * (u / PREVALENCE[k]);
        break;
      }
      u -= PREVALENCE[k];
    }
  }
}
