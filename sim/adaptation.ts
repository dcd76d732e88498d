// Process 5a — SO adaptation (MODEL.md §4.5): finances, capacity, autonomy, effort, exit.
import {
  AFFILIATED_AUTONOMY,
  ALT_MATCH,
  ALT_REVENUE,
  AUTONOMY_RATE,
  CAPACITY_DECAY,
  EFFORT_LEARNING,
  FULL_TEAM_MONEY,
  LEARNING,
  MANAGEMENT_FEE,
  MIN_SERVICE_EFFORT,
  MISSION,
  MISSION_WEIGHT,
  TRAINING,
} from './constants.ts';
import { fixedCost } from './contracts.ts';
import type { State } from './state.ts';
import { retender } from './supervision.ts';

/** Non-government revenue: scarce where dependence is asymmetric, unless SOs are helped to raise it. */
export function altRevenue(s: State, skill: number, contractMoney: number): number {
  const p = s.params;
  const scarcity = p.asymmetricDependence * (1 - 0.5 * p.altRevenueSupport);
  return (1 - scarcity) * (1 + p.altRevenueSupport) * (ALT_REVENUE * skill + ALT_MATCH * contractMoney);
}

/**
 * Resource dependence (Pfeffer & Salancik): government share of revenue, weighted by how
 * concentrated the funders are (Herfindahl index over the districts and other sources).
 */
export function dependence(s: State, so: number): number {
  const F = s.districts.count + 1;
  const f = s.sos.funding;
  let total = 0;
  for (let j = 0; j < F; j++) total += f[so * F + j];
  if (total <= 0) return 0;
  let hhi = 0;
  for (let j = 0; j < F; j++) {
    const share = f[so * F + j] / total;
    hhi += share * share;
  }
  const govShare = 1 - f[so * F + F - 1] / total;
  return govShare * (0.5 + 0.5 * hhi);
}

export function adaptation(s: State): void {
  const p = s.params;
  const t = s.sos;
  const F = s.districts.count + 1;
  const yearEnd = s.tick % 12 === 11;
  for (let so = 0; so < t.n; so++) {
    if (!t.alive[so]) continue;
    const skill = t.skill[so];
    const due = t.contractMoney[so];
    const alt = altRevenue(s, skill, due);
    t.revenueAlt[so] = alt;
    t.funding[so * F + F - 1] += alt / 12;
    const paid = t.revenueGov[so];
    const use = Math.min(1, due / FULL_TEAM_MONEY);
    t.reserves[so] += paid + alt - fixedCost(skill, use) - (1 - MANAGEMENT_FEE) * due;
    if (due > 0) t.adequacy[so] += 0.3 * (Math.min(1, paid / due) - t.adequacy[so]);
    // Learning by doing, training, and decay when idle.
    t.skill[so] +=
      LEARNING * use * t.serviceEffort[so] * (1 - skill) +
      TRAINING * p.professionalTraining * (1 - skill) -
      CAPACITY_DECAY * (1 - use) * skill;
    // Autonomy moves toward 1 − dependence × asymmetry; partnership keeps dependence from being used.
    const target =
      (1 - p.asymmetricDependence * dependence(s, so) * (1 - p.partnership)) * (t.affiliated[so] ? AFFILIATED_AUTONOMY : 1);
    const rate = target < t.autonomy[so] ? AUTONOMY_RATE * (1 - 0.5 * p.partnership) : AUTONOMY_RATE;
    t.autonomy[so] += rate * (target - t.autonomy[so]);
    if (yearEnd) learnEffort(s, so);
    t.negativeMonths[so] = t.reserves[so] < 0 ? t.negativeMonths[so] + 1 : 0;
    if (t.negativeMonths[so] >= p.exitMonths) exit(s, so);
  }
  for (let j = 0; j < t.n * F; j++) t.funding[j] *= 11 / 12;
}

/** Reinforcement toward whatever won contracts and scores this year: service, compliance, relations. */
function learnEffort(s: State, so: number): void {
  const e = s.sos.effort;
  const cr = s.sos.credit;
  const total = cr[so * 3] + cr[so * 3 + 1] + cr[so * 3 + 2];
  if (total <= 0) return;
  for (let j = 0; j < 3; j++) {
    const goal = MISSION_WEIGHT * MISSION[j] + (1 - MISSION_WEIGHT) * (cr[so * 3 + j] / total);
    e[so * 3 + j] += EFFORT_LEARNING * (goal - e[so * 3 + j]);
    cr[so * 3 + j] = 0;
  }
  if (e[so * 3] < MIN_SERVICE_EFFORT) {
    const rest = e[so * 3 + 1] + e[so * 3 + 2];
    e[so * 3 + 1] *= (1 - MIN_SERVICE_EFFORT) / rest;
    e[so * 3 + 2] *= (1 - MIN_SERVICE_EFFORT) / rest;
    e[so * 3] = MIN_SERVICE_EFFORT;
  }
}

/** An SO whose reserves stayed negative too long closes; its contracts are tendered again. */
function exit(s: State, so: number): void {
  s.sos.alive[so] = 0;
  s.ledger.exited++;
  const c = s.contracts;
  for (let i = 0; i < c.n; i++) if (c.active[i] && c.so[i] === so) retender(s, i);
}
