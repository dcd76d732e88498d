// Contracts and SOs: opening, closing and founding. Shared by the budget round, supervision and exit.
import { ASSET_SPECIFICITY, MISSION } from './constants.ts';
import { pow } from './math.ts';
import { evaluate } from './evaluation.ts';
import { transfer } from './money.ts';
import type { Params } from './params.ts';
import { EFFORT_SLOTS, growTable, type State } from './state.ts';

export interface Project {
  buyer: number;
  cat: number;
  firstCommunity: number;
  communities: number;
  payment: number;
  months: number;
  /** 1 when paid from the money the city keeps. */
  city: number;
}

/** The project a contract row holds, as it would be tendered again: the months still to run. Reads only. */
export function projectOf(s: State, i: number): Project {
  const c = s.contracts;
  return {
    buyer: c.buyer[i],
    cat: c.cat[i],
    firstCommunity: c.firstCommunity[i],
    communities: c.communities[i],
    payment: c.payment[i],
    months: c.monthsLeft[i],
    city: c.city[i],
  };
}

/** Monthly fixed cost; `use` is the share of a full team's contract money the SO holds. */
export function fixedCost(p: Params, skill: number, use = 1): number {
  return p.fixedCostBase + p.fixedCostCapacity * skill * (p.idleStaff + (1 - p.idleStaff) * use);
}

/** A skilled professional team serves more citizens for the same money: 1 at skill 0.5. */
export function productivity(p: Params, skill: number): number {
  const gain = p.skillProductivity;
  return 1 - gain / 2 + gain * skill;
}

/** Contract money a month an SO's team can hold: more with skill. */
export function teamMoney(p: Params, skill: number): number {
  return p.fullTeamMoney * (1 + p.teamGrowth * skill);
}

/** Can this SO take a project of this monthly money? */
export function available(s: State, so: number, payment: number): boolean {
  const t = s.sos;
  return t.alive[so] === 1 && t.registered[so] === 1 && (t.held[so] === 0 || t.held[so] + payment <= teamMoney(s.params, t.skill[so]));
}

/**
 * Open a contract. Its overhead is the SO's management share plus the project's transaction cost
 * (applications, audits, reports: the same money whatever the project's size); the paperwork it
 * demands is the buyer's current demand.
 */
export function openContract(s: State, p: Project, so: number, mode: number): number {
  const c = s.contracts;
  let i = c.free;
  while (i < c.n && c.active[i]) i++;
  c.free = i + 1;
  if (i === c.n) {
    if (c.n === c.capacity) growTable(c);
    c.n++;
  }
  c.active[i] = 1;
  c.buyer[i] = p.buyer;
  c.so[i] = so;
  c.cat[i] = p.cat;
  c.firstCommunity[i] = p.firstCommunity;
  c.communities[i] = p.communities;
  c.payment[i] = p.payment;
  const overhead = Math.min(s.params.overheadCap, s.params.projectOverhead + s.params.transactionCost / p.payment);
  c.slots[i] = (p.payment * (1 - overhead) * productivity(s.params, s.sos.skill[so])) / s.unitCost[p.cat];
  c.monthsLeft[i] = p.months;
  c.overhead[i] = overhead;
  c.compliance[i] = s.districts.demand[p.buyer];
  c.city[i] = p.city;
  c.continuity[i] = pow(Math.min(1, p.payment / s.params.fullTeamMoney), s.params.fragmentationLoss);
  c.mode[i] = mode;
  c.arrears[i] = 0;
  c.carry[i] = 0;
  c.observedSum[i] = 0;
  c.observedN[i] = 0;
  s.sos.contracts[so]++;
  s.sos.held[so] += p.payment;
  if (!p.city) {
    s.districts.ownActive[p.buyer]++;
    s.districts.ownInside[p.buyer] += s.sos.affiliated[so];
  }
  const D = s.districts.count;
  const tie = so * D + p.buyer;
  s.sos.ties[tie] += s.params.tieGain * (1 - s.sos.ties[tie]);
  return i;
}

/** End a contract: settle arrears, evaluate (a bonus only for a contract run to its term). Returns the score. */
export function closeContract(s: State, i: number, completed: boolean): number {
  const c = s.contracts;
  transfer(s, c.buyer[i], c.so[i], c.arrears[i]);
  c.arrears[i] = 0;
  const score = evaluate(s, i, completed);
  c.active[i] = 0;
  if (i < c.free) c.free = i;
  if (!c.city[i]) {
    s.districts.ownActive[c.buyer[i]]--;
    s.districts.ownInside[c.buyer[i]] -= s.sos.affiliated[c.so[i]];
  }
  s.sos.contracts[c.so[i]]--;
  s.sos.held[c.so[i]] = s.sos.contracts[c.so[i]] > 0 ? s.sos.held[c.so[i]] - c.payment[i] : 0;
  return score;
}

/** Renewal without tender: λ + (1 − λ)·score, raised by the category's switching cost. */
export function renewalChance(s: State, cat: number, score: number): number {
  const lambda = s.params.pathDependence;
  const base = lambda + (1 - lambda) * score;
  return 1 - (1 - base) * (1 - s.params.switchingCostWeight * ASSET_SPECIFICITY[cat]);
}

export interface NewSO {
  affiliated: boolean;
  registered: boolean;
  sponsored?: boolean;
  /** Where its line of work stands in the registration rules (SOs.sponsorRank); 0 for an affiliated SO. */
  sponsorRank?: number;
  home: number;
  field: number;
  skill: number;
  autonomy: number;
  tie: number;
}

export function foundSO(s: State, o: NewSO): number {
  const t = s.sos;
  if (t.n === t.capacity) growTable(t);
  const i = t.n++;
  const D = s.districts.count;
  t.id[i] = t.founded++;
  t.registeredAt[i] = s.tick;
  t.alive[i] = 1;
  t.affiliated[i] = o.affiliated ? 1 : 0;
  t.registered[i] = o.registered ? 1 : 0;
  t.sponsored[i] = o.sponsored ? 1 : 0;
  t.sponsorRank[i] = o.sponsorRank ?? 0;
  t.home[i] = o.home;
  t.field[i] = o.field;
  t.held[i] = 0;
  t.skill[i] = o.skill;
  t.autonomy[i] = o.autonomy;
  t.reserves[i] = s.params.foundingReserves * fixedCost(s.params, o.skill);
  t.negativeMonths[i] = 0;
  t.reputation[i] = s.params.foundingReputation;
  t.adequacy[i] = 1;
  // A new SO splits its effort as its mission would.
  for (let j = 0; j < EFFORT_SLOTS; j++) t.effort[i * EFFORT_SLOTS + j] = MISSION[j];
  t.ties[i * D + o.home] = o.tie;
  t.observedQuality[i] = s.params.foundingObservedQuality;
  return i;
}

/**
 * Resource dependence (Pfeffer & Salancik 1978): the government share of the SO's revenue, weighted
 * by how concentrated its funders are (Herfindahl index over the districts and other sources).
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
  const w = s.params.concentrationWeight;
  return govShare * (1 - w + w * hhi);
}
