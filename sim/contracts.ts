// Contracts and SOs: opening, closing and founding. Shared by the budget round, supervision and exit.
import {
  ASSET_SPECIFICITY,
  FIXED_COST_BASE,
  FIXED_COST_CAPACITY,
  IDLE_STAFF,
  MAX_CONTRACTS_BASE,
  MAX_CONTRACTS_CAPACITY,
  TIE_GAIN,
} from './constants.ts';
import { evaluate } from './evaluation.ts';
import { transfer } from './money.ts';
import { growTable, type State } from './state.ts';

export interface Project {
  buyer: number;
  cat: number;
  firstCommunity: number;
  communities: number;
  payment: number;
  months: number;
}

/** Monthly fixed cost; `use` is the share of a full team's contract money the SO holds. */
export function fixedCost(skill: number, use = 1): number {
  return FIXED_COST_BASE + FIXED_COST_CAPACITY * skill * (IDLE_STAFF + (1 - IDLE_STAFF) * use);
}

/** A skilled professional team serves more citizens for the same money. */
export function productivity(skill: number): number {
  return 0.75 + 0.5 * skill;
}

export function maxContracts(skill: number): number {
  return MAX_CONTRACTS_BASE + Math.floor(MAX_CONTRACTS_CAPACITY * skill);
}

/** Can this SO take one more contract? */
export function available(s: State, so: number): boolean {
  const t = s.sos;
  return t.alive[so] === 1 && t.registered[so] === 1 && t.contracts[so] < maxContracts(t.skill[so]);
}

export function openContract(s: State, p: Project, so: number, mode: number, overhead: number, compliance: number): number {
  const c = s.contracts;
  let i = c.n;
  for (let j = 0; j < c.n; j++) if (!c.active[j]) { i = j; break; }
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
  c.slots[i] = (p.payment * (1 - overhead) * productivity(s.sos.skill[so])) / s.unitCost[p.cat];
  c.monthsLeft[i] = p.months;
  c.overhead[i] = overhead;
  c.compliance[i] = compliance;
  c.mode[i] = mode;
  c.arrears[i] = 0;
  c.carry[i] = 0;
  c.observedSum[i] = 0;
  c.observedN[i] = 0;
  s.sos.contracts[so]++;
  const D = s.districts.count;
  const tie = so * D + p.buyer;
  s.sos.ties[tie] += TIE_GAIN * (1 - s.sos.ties[tie]);
  return i;
}

/** End a contract: settle arrears, evaluate (a bonus only for a contract run to its term). Returns the score. */
export function closeContract(s: State, i: number, completed: boolean): number {
  const c = s.contracts;
  transfer(s, c.buyer[i], c.so[i], c.arrears[i]);
  c.arrears[i] = 0;
  const score = evaluate(s, i, completed);
  c.active[i] = 0;
  s.sos.contracts[c.so[i]]--;
  return score;
}

/** Renewal without tender: λ + (1 − λ)·score, raised by the category's switching cost. */
export function renewalChance(s: State, cat: number, score: number): number {
  const lambda = s.params.pathDependence;
  const base = lambda + (1 - lambda) * score;
  return 1 - (1 - base) * (1 - 0.5 * ASSET_SPECIFICITY[cat]);
}

export interface NewSO {
  affiliated: boolean;
  registered: boolean;
  home: number;
  skill: number;
  autonomy: number;
  tie: number;
}

export function foundSO(s: State, o: NewSO): number {
  const t = s.sos;
  if (t.n === t.capacity) growTable(t);
  const i = t.n++;
  const D = s.districts.count;
  t.alive[i] = 1;
  t.affiliated[i] = o.affiliated ? 1 : 0;
  t.registered[i] = o.registered ? 1 : 0;
  t.home[i] = o.home;
  t.skill[i] = o.skill;
  t.autonomy[i] = o.autonomy;
  t.reserves[i] = 6 * fixedCost(o.skill);
  t.negativeMonths[i] = 0;
  t.reputation[i] = 0.5;
  t.adequacy[i] = 1;
  t.effort[i * 3] = 0.7;
  t.effort[i * 3 + 1] = 0.15;
  t.effort[i * 3 + 2] = 0.15;
  t.ties[i * D + o.home] = o.tie;
  t.observedQuality[i] = 0.5;
  return i;
}
