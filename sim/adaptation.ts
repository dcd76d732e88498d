// Process 5a — SO adaptation (docs/model.md §7.8): finances, capacity, autonomy, effort, exit.
// Non-government money is a finite market in each district (donations, fees, volunteers' time),
// shared by its SOs, registered or not, by their skill: the government share of an SO's revenue emerges from the contracts it holds against what it
// raises, and differs between SOs. Autonomy follows that dependence. Training is bought by the
// districts and reaches only the SOs holding their contracts.
import { monthOfYear } from './clock.ts';
import { DISTRICT_BUDGET, MISSION } from './constants.ts';
import { pow } from './math.ts';
import { dependence, fixedCost } from './contracts.ts';
import { effective } from './effective.ts';
import { buildCapacity } from './money.ts';
import { EFFORT, EFFORT_SLOTS, type State } from './state.ts';
import type { Params } from './params.ts';
import { retender } from './supervision.ts';

/**
 * Non-government money a month in each district's market: what the community gives (it grows with
 * the economy, `altMarketGrowth`), and what the government money paid this month to the district's
 * independent SOs draws in (`crowdIn` per unit: public funding lends legitimacy and visibility and
 * crowds in donations and fees). Both reach SOs only as far as they are not asymmetrically dependent.
 */
export function altPools(s: State): Float64Array {
  const p = s.params;
  const t = s.sos;
  const e = effective(p);
  const out = new Float64Array(s.districts.count).fill(e.altMarket * DISTRICT_BUDGET * altMarketPath(p, s.tick));
  const drawn = p.crowdIn * e.altAccess;
  for (let so = 0; so < t.n; so++) if (t.alive[so] && !t.affiliated[so]) out[t.home[so]] += drawn * t.revenueGov[so];
  return out;
}

/**
 * The non-government market's size relative to month 0: it grows at altMarketGrowth up to the end of
 * its published years (altMarketYears from January 2012: donations 2012–2017), and with the economy
 * (budgetGrowth) after them, when donations stopped growing faster than it.
 */
export function altMarketPath(p: Params, tick: number): number {
  const fast = 12 * p.altMarketYears;
  if (tick <= fast) return pow(1 + p.altMarketGrowth, tick / 12);
  return pow(1 + p.altMarketGrowth, p.altMarketYears) * pow(1 + p.budgetGrowth, (tick - fast) / 12);
}

export function adaptation(s: State): void {
  const p = s.params;
  const t = s.sos;
  const D = s.districts.count;
  const F = D + 1;
  const yearEnd = monthOfYear(s.tick) === 11;
  // The non-government market of each district, and the skill of the SOs that compete for it.
  const { exploit } = effective(p);
  const pool = altPools(s);
  const skillSum = new Float64Array(D);
  for (let so = 0; so < t.n; so++) if (t.alive[so]) skillSum[t.home[so]] += t.skill[so];
  const trainingFor = training(s);
  // The SOs alive at the start of the month: one founded during it (an affiliate set up to take the
  // contracts of an SO that closes) starts next month, so a pass cannot found and close without end.
  const n = t.n;
  for (let so = 0; so < n; so++) {
    if (!t.alive[so]) continue;
    const skill = t.skill[so];
    const home = t.home[so];
    const due = t.contractMoney[so];
    const alt = skillSum[home] > 0 ? (pool[home] * skill) / skillSum[home] : 0;
    t.revenueAlt[so] = alt;
    t.funding[so * F + F - 1] += alt / 12;
    const paid = t.revenueGov[so];
    const use = Math.min(1, due / p.fullTeamMoney);
    // Contract money and other money alike are spent on service, but for the management fee.
    t.reserves[so] += paid + alt - fixedCost(p, skill, use) - (1 - p.managementFee) * (due + alt);
    if (due > 0) t.adequacy[so] += p.adequacyRate * (Math.min(1, paid / due) - t.adequacy[so]);
    // Learning by doing, and decay when idle; then the training bought for it, if any.
    t.skill[so] += p.learningRate * use * t.serviceEffort[so] * (1 - skill) - p.capacityDecay * (1 - use) * skill;
    if (trainingFor[so] > 0) buildCapacity(s, so, trainingFor[so]);
    // Autonomy follows resource dependence as far as buyers use it (1 − partnership); an affiliated
    // SO, or one registered through a sponsoring agency, never gets far from its sponsor.
    const ceiling = t.affiliated[so] ? p.affiliatedAutonomy : t.sponsored[so] ? p.sponsoredAutonomy : 1;
    const target = (1 - dependence(s, so) * exploit) * ceiling;
    t.autonomy[so] += p.autonomyRate * (target - t.autonomy[so]);
    if (yearEnd) learnEffort(s, so);
    t.negativeMonths[so] = t.reserves[so] < 0 ? t.negativeMonths[so] + 1 : 0;
    if (t.negativeMonths[so] >= p.exitMonths) exit(s, so);
  }
  for (let j = 0; j < t.n * F; j++) t.funding[j] *= 11 / 12;
}

/** Each district's training money, shared by the SOs holding its contracts in proportion to their money. */
function training(s: State): Float64Array {
  const c = s.contracts;
  const dist = s.districts;
  const out = new Float64Array(s.sos.n);
  const money = new Float64Array(dist.count);
  for (let i = 0; i < c.n; i++) if (c.active[i]) money[c.buyer[i]] += c.payment[i];
  for (let i = 0; i < c.n; i++) {
    const d = c.buyer[i];
    if (!c.active[i] || dist.training[d] <= 0) continue;
    out[c.so[i]] += (dist.training[d] * c.payment[i]) / money[d];
  }
  return out;
}

/**
 * Reinforcement toward whatever won contracts and scores this year (service, compliance, relations),
 * held back by the SO's own mission as far as it is autonomous: `missionWeight` is the mission's weight
 * for a fully autonomous SO, and an SO that depends on its buyers, or answers to a sponsor or the
 * department that founded it, drifts toward what they reward (goal displacement; Froelich 1999,
 * Ebrahim, Battilana & Mair 2014; [LW] asymmetric dependence).
 */
export function learnEffort(s: State, so: number): void {
  const p = s.params;
  const e = s.sos.effort;
  const cr = s.sos.credit;
  const total = cr[so * EFFORT_SLOTS + EFFORT.service] + cr[so * EFFORT_SLOTS + EFFORT.compliance] + cr[so * EFFORT_SLOTS + EFFORT.relations];
  if (total <= 0) return;
  const w = p.missionWeight * s.sos.autonomy[so];
  for (let j = 0; j < 3; j++) {
    const goal = w * MISSION[j] + (1 - w) * (cr[so * EFFORT_SLOTS + j] / total);
    e[so * EFFORT_SLOTS + j] += p.effortLearning * (goal - e[so * EFFORT_SLOTS + j]);
    cr[so * EFFORT_SLOTS + j] = 0;
  }
  const min = p.minServiceEffort;
  if (e[so * EFFORT_SLOTS + EFFORT.service] < min) {
    const rest = e[so * EFFORT_SLOTS + EFFORT.compliance] + e[so * EFFORT_SLOTS + EFFORT.relations];
    e[so * EFFORT_SLOTS + EFFORT.compliance] *= (1 - min) / rest;
    e[so * EFFORT_SLOTS + EFFORT.relations] *= (1 - min) / rest;
    e[so * EFFORT_SLOTS + EFFORT.service] = min;
  }
}

/** An SO whose reserves stayed negative too long closes (or one closes for reasons outside the model); its contracts are tendered again. */
export function exit(s: State, so: number): void {
  s.sos.alive[so] = 0;
  s.ledger.exited++;
  const c = s.contracts;
  for (let i = 0; i < c.n; i++) if (c.active[i] && c.so[i] === so) retender(s, i);
}
