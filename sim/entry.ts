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

export function registrationChance(dualManagement: number, sponsorChance: number): number {
  return 1 - dualManagement * (1 - sponsorChance);
}

/**
 * Registration of a new SO: with chance dualManagement it needs a sponsoring agency, finds one with
 * sponsorChance and then registers under it (its autonomy capped); else it registers directly.
 */
function registration(u: number, p: { dualManagement: number; sponsorChance: number }): { registered: boolean; sponsored: boolean } {
  if (u >= p.dualManagement) return { registered: true, sponsored: false };
  const found = u / p.dualManagement < p.sponsorChance;
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
  const register = registrationChance(p.dualManagement, p.sponsorChance);
  // Independent SOs hold the niche's places, registered or not: an unregistered one lives on the
  // same community money, though it cannot take contracts.
  const alive = new Float64Array(dist.count);
  for (let so = 0; so < t.n; so++) if (t.alive[so] && !t.affiliated[so]) alive[t.home[so]]++;
  const pools = altPools(s);
  for (let d = 0; d < dist.count; d++) {
    const room = nichePlaces(s, d, pools) - alive[d];
    const candidates = room > 0 ? poisson(rng, (p.entryRate * room) / 12) : 0;
    for (let j = 0; j < candidates; j++) {
      foundSO(s, {
        affiliated: false,
        ...registration(rng(), p),
        home: d,
        field: fieldOf(s, d, rng()),
        skill: uniform(rng, p.entrantSkillMin, p.entrantSkillMax),
        autonomy: uniform(rng, p.entrantAutonomyMin, p.entrantAutonomyMax),
        tie: 0,
      });
      s.ledger.entered++;
    }
  }
  // Closures for reasons outside the model.
  for (let so = 0; so < t.n; so++) if (t.alive[so] && rng() < p.closureHazard) exit(s, so);
  // Unregistered SOs keep looking for a sponsor, or register directly once the rule allows it; an SO
  // registered under a sponsor leaves it as far as direct registration is allowed.
  const late = p.lateRegistration * register;
  const direct = (1 - p.dualManagement) / Math.max(1e-9, register);
  const leave = p.lateRegistration * (1 - p.dualManagement);
  for (let so = 0; so < t.n; so++) {
    if (!t.alive[so]) continue;
    if (t.sponsored[so]) {
      if (rng() < leave) t.sponsored[so] = 0;
      continue;
    }
    if (t.registered[so] || rng() >= late) continue;
    t.registered[so] = 1;
    t.registeredAt[so] = s.tick;
    t.sponsored[so] = rng() < direct ? 0 : 1;
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
