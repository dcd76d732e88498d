// Process 5b — entry and registration (docs/model.md §7.9): candidate independent SOs appear in each
// district in proportion to the room left in its niche — open contract money and non-government
// funds, each place holding nicheMoney a month (density dependence: Hannan & Freeman 1989) — and
// choose the category where the district's purchase money is. Under dual management many cannot find
// a sponsor to register.
import { K } from './constants.ts';
import { altPools, exit } from './adaptation.ts';
import { insideShare } from './award.ts';
import { foundSO } from './contracts.ts';
import { effective } from './effective.ts';
import { poisson, uniform } from './rng.ts';
import type { State } from './state.ts';

/**
 * Registration under dual management (1998 Regulations on the Registration and Management of Social
 * Organizations, art. 3 and 9): an SO whose line of work the rule covers (sponsorRank below
 * dualManagement) needs a sponsoring agency and finds one with chance sponsorChance; one the rule does
 * not cover registers directly.
 */
function registers(rank: number, u: number, p: { dualManagement: number; sponsorChance: number }): { registered: boolean; sponsored: boolean } {
  if (rank >= p.dualManagement) return { registered: true, sponsored: false };
  const found = u < p.sponsorChance;
  return { registered: found, sponsored: found };
}

/**
 * Places in a district's niche: the money open to independent SOs over what sustains one. Contract
 * money is open as far as the district lets it itself (not the city), outside the system (the share
 * of its own projects not held by affiliated SOs, as the award's urn counts them) and by competitive
 * tender: money kept inside by the traditional mode feeds no independent SO (path dependence
 * crowds out the sector it was meant to grow: Li & Wang 2017; Pierson 2000).
 */
export function nichePlaces(s: State, d: number, pools: Float64Array = altPools(s)): number {
  const p = s.params;
  const e = effective(p);
  const dist = s.districts;
  let purchase = 0;
  for (let k = 0; k < K; k++) purchase += dist.purchaseMoney[d * K + k];
  return ((1 - e.cityShare) * (1 - insideShare(s, d)) * e.transparency * purchase + pools[d]) / p.nicheMoney;
}

export function entry(s: State): void {
  const p = s.params;
  const rng = s.rng.entry;
  const dist = s.districts;
  const t = s.sos;
  // Independent SOs hold the niche's places, registered or not: an unregistered one lives on the
  // same community money, though it cannot take contracts.
  const alive = new Float64Array(dist.count);
  for (let so = 0; so < t.n; so++) if (t.alive[so] && !t.affiliated[so]) alive[t.home[so]]++;
  const pools = altPools(s);
  for (let d = 0; d < dist.count; d++) {
    const room = nichePlaces(s, d, pools) - alive[d];
    const candidates = room > 0 ? poisson(rng, (p.entryRate * room) / 12) : 0;
    for (let j = 0; j < candidates; j++) {
      const rank = rng();
      const u = rng();
      const field = fieldOf(s, d, rng());
      const reg = registers(rank, u, p);
      foundSO(s, {
        affiliated: false,
        ...reg,
        sponsorRank: rank,
        home: d,
        field,
        skill: uniform(rng, p.entrantSkillMin, p.entrantSkillMax),
        autonomy: uniform(rng, p.entrantAutonomyMin, p.entrantAutonomyMax),
        tie: 0,
      });
      s.ledger.entered++;
    }
  }
  // Closures for reasons outside the model.
  for (let so = 0; so < t.n; so++) if (t.alive[so] && rng() < p.closureHazard) exit(s, so);
  // Each month, with chance lateRegistration: an unregistered SO tries again (for a sponsor, or
  // directly once the rule no longer covers it); a sponsored SO the rule no longer covers leaves its
  // sponsor. Under an unchanged rule a sponsored SO stays sponsored.
  for (let so = 0; so < t.n; so++) {
    if (!t.alive[so] || t.affiliated[so]) continue;
    const covered = t.sponsorRank[so] < p.dualManagement;
    if (t.sponsored[so]) {
      if (!covered && rng() < p.lateRegistration) t.sponsored[so] = 0;
      continue;
    }
    if (t.registered[so] || rng() >= p.lateRegistration) continue;
    const reg = registers(t.sponsorRank[so], rng(), p);
    if (!reg.registered) continue;
    t.registered[so] = 1;
    t.registeredAt[so] = s.tick;
    t.sponsored[so] = reg.sponsored ? 1 : 0;
  }
}

/** A new SO works where the district's purchase money is. */
function fieldOf(s: State, d: number, u: number): number {
  const money = s.districts.purchaseMoney;
  let total = 0;
  for (let k = 0; k < K; k++) total += money[d * K + k];
  let acc = 0;
  for (let k = 0; k < K - 1; k++) {
    acc += total > 0 ? money[d * K + k] / total : 1 / K;
    if (u < acc) return k;
  }
  return K - 1;
}
