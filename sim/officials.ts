// Process 2a — district officials decide the form of purchase (docs/model.md §7.3). At each budget
// round an official chooses how much of the service budget to purchase (the purchase share, against
// the inherited in-house supply), how finely to cut the purchase money into projects (granularity)
// and how much paperwork to demand of each project, by trial and error (Cyert & March 1963): each
// year one of the three is changed, in turn; the change is kept if last year's reward reached the
// official's aspiration, else undone and the other direction tried next time. The aspiration
// follows experience. The reward is what the official is judged on (Li & Wang 2017,
// political rationality), against the other districts' officials over the same 12 months:
//   r = π · log(visible output) + (1 − π) · log(service seen per money) + push · log(purchase share),
// visible output being the projects shown upward (by the category's visibility, with diminishing
// attention) and the paperwork per project that reports show; service seen being the monitored
// quality times the citizens a project can serve, and the in-house units' quality times the citizens
// they can serve, per money of the whole service budget; push the weight the upper level's
// evaluation gives to purchase itself (the central push). No form figure has a closed form: money,
// projects and paperwork follow from the choices, the budget and the SOs' responses.
import { firstMonth } from './clock.ts';
import { effective } from './effective.ts';
import { exp, log, pow } from './math.ts';
import { DECISIONS as DECISION_NAMES, type State } from './state.ts';

// The decisions, in the order of their trials (DECISIONS, sim/state.ts): the budget line first (the
// share), then granularity, then demand.
const SHARE = DECISION_NAMES.indexOf('purchaseShare');
const GRAIN = DECISION_NAMES.indexOf('grain');
const DEMAND = DECISION_NAMES.indexOf('demand');
const DECISIONS = DECISION_NAMES.length;

/** A decision's value and upper bound (the lower is 0). */
function decision(s: State, d: number, v: number): { x: number; max: number } {
  const dist = s.districts;
  if (v === SHARE) return { x: dist.purchaseShare[d], max: 1 };
  if (v === GRAIN) return { x: dist.grain[d], max: 1 };
  return { x: dist.demand[d], max: s.params.maxDemand };
}

function setDecision(s: State, d: number, v: number, y: number): void {
  const dist = s.districts;
  if (v === SHARE) dist.purchaseShare[d] = y;
  else if (v === GRAIN) dist.grain[d] = y;
  else dist.demand[d] = y;
}

/**
 * Try a decision: granularity and demand move by a step, the purchase share — a budget line — by a
 * proportion of itself (a line is raised or cut by a fifth, not by a fixed slice of the budget).
 * Returns the value before the trial.
 */
function trial(s: State, d: number, v: number): number {
  const p = s.params;
  const dist = s.districts;
  const { x, max } = decision(s, d, v);
  const jitter = p.stepJitterMin + s.rng.budget();
  let dir = dist.trialDir[d * DECISIONS + v];
  // At a bound the only trial left is the other way.
  if ((dir > 0 && x >= max) || (dir < 0 && x <= 0)) dir = dist.trialDir[d * DECISIONS + v] = -dir as -1 | 1;
  const y = v === SHARE ? x * exp(dir * p.shareStep * jitter) : x + dir * (v === GRAIN ? p.officialStep : p.demandStep) * jitter;
  setDecision(s, d, v, Math.min(max, Math.max(0, y)));
  return x;
}

/** The trial did not pay: undo it and try the other way next time. */
function undo(s: State, d: number, v: number, before: number): void {
  setDecision(s, d, v, Math.min(decision(s, d, v).max, before));
  s.districts.trialDir[d * DECISIONS + v] *= -1;
}

export function officialRound(s: State, d: number): void {
  const dist = s.districts;
  const p = s.params;
  const taken = takenAt(s, d);
  if (firstMonth(s)) {
    dist.grain[d] = p.initialGrain;
    dist.demand[d] = Math.min(p.maxDemand, p.initialDemand);
    dist.purchaseShare[d] = p.initialPurchaseShare;
    // The first trial of each decision goes either way.
    for (let v = 0; v < DECISIONS; v++) dist.trialDir[d * DECISIONS + v] = s.rng.budget() < 0.5 ? -1 : 1;
    if (taken >= 0) take(s, d, taken);
    return;
  }
  const reward = relativeReward(s, d);
  const tried = dist.trialVar[d];
  const aspiration = dist.lastReward[d];
  if (taken >= 0) {
    // A person decides this year: the official's memory of her standing goes on, her trial stops.
    if (!Number.isNaN(reward)) dist.lastReward[d] = Number.isNaN(aspiration) ? reward : aspiration + p.aspirationRate * (reward - aspiration);
    take(s, d, taken);
    return;
  }
  if (Number.isNaN(reward)) return;
  // In the inherited years the official keeps the traditional decisions and only learns her
  // standing; her trials begin at month 0, with the central push (2013, 国办发〔2013〕96号).
  if (s.tick < 0) {
    dist.lastReward[d] = Number.isNaN(aspiration) ? reward : aspiration + p.aspirationRate * (reward - aspiration);
    return;
  }
  if (tried >= 0 && reward < aspiration) undo(s, d, tried, dist.trialFrom[d]);
  dist.lastReward[d] = Number.isNaN(aspiration) ? reward : aspiration + p.aspirationRate * (reward - aspiration);
  // The next trial changes the next decision, in turn: the purchase share, granularity, demand.
  const next = (tried + 1) % DECISIONS;
  dist.trialFrom[d] = trial(s, d, next);
  dist.trialVar[d] = next;
}

/**
 * An official's decisions for one year taken by a person — a student in the classroom
 * (`involution-lab classroom`) — instead of the model's trial and error. They hold at every budget
 * round of the district in that year (months 12·year … 12·year + 11); a year without one is the
 * model's. The purchase share is at least 0.01: the model changes it by a proportion of itself, so
 * from 0 it could never come back.
 */
export interface Decision {
  readonly year: number;
  readonly district: number;
  readonly purchaseShare: number;
  readonly grain: number;
  readonly demand: number;
}

/** Where the decision taken for district d in this year sits in `takenDecisions` (d's three values from there), or -1 for the model's own. */
function takenAt(s: State, d: number): number {
  if (s.tick < 0) return -1;
  const at = (Math.floor(s.tick / 12) * s.districts.count + d) * DECISIONS;
  return at < s.takenDecisions.length && !Number.isNaN(s.takenDecisions[at]) ? at : -1;
}

function take(s: State, d: number, at: number): void {
  const dist = s.districts;
  dist.purchaseShare[d] = s.takenDecisions[at + SHARE];
  dist.grain[d] = s.takenDecisions[at + GRAIN];
  dist.demand[d] = s.takenDecisions[at + DEMAND];
  dist.trialVar[d] = -1;
}

/** An official's standing over the last 12 months: π·log(visible) + (1 − π)·log(service seen per money) + push·log(purchase share); NaN without money. */
function reward(s: State, d: number, pi: number): number {
  const dist = s.districts;
  let money = 0, visible = 0, seen = 0;
  for (let m = d * 12; m < d * 12 + 12; m++) {
    money += dist.moneySum[m];
    visible += dist.visibleSum[m];
    seen += dist.serviceSeen[m];
  }
  if (money <= 0) return NaN;
  return pi * log(visible + 1e-9) + (1 - pi) * log((seen + 1e-9) / money) + s.params.policyPush * log(dist.purchaseShare[d] + 1e-9);
}

/**
 * What each district's official is judged on over the last 12 months, as her superiors see it: the
 * upward-visible output, the service seen per money, and her standing against the other districts
 * (the reward of her decisions; NaN without money). Only reads the state.
 */
export function standings(s: State): { visible: number; seenPerMoney: number; standing: number }[] {
  const dist = s.districts;
  const out = [];
  for (let d = 0; d < dist.count; d++) {
    let money = 0, visible = 0, seen = 0;
    for (let m = d * 12; m < d * 12 + 12; m++) {
      money += dist.moneySum[m];
      visible += dist.visibleSum[m];
      seen += dist.serviceSeen[m];
    }
    out.push({ visible, seenPerMoney: money > 0 ? seen / money : NaN, standing: relativeReward(s, d) });
  }
  return out;
}

/**
 * The official is judged against the other districts' officials over the same 12 months (a
 * yardstick, as in a promotion tournament), so that what changes for every district — money, the SO
 * sector, need — does not pass for the effect of the official's own trial. The central push is part of
 * the standing and so of the yardstick: an official gains by purchasing more than her peers.
 */
function relativeReward(s: State, d: number): number {
  const { pi } = effective(s.params);
  const own = reward(s, d, pi);
  let peers = 0, n = 0;
  for (let e = 0; e < s.districts.count; e++) {
    if (e === d) continue;
    const r = reward(s, e, pi);
    if (!Number.isNaN(r)) {
      peers += r;
      n++;
    }
  }
  return n > 0 ? own - peers / n : own;
}

/** Monthly money of one project at granularity g: a standard contract at 0, a showcase project at 1. */
export function projectSize(s: State, grain: number): number {
  const p = s.params;
  return p.fullTeamMoney * pow(p.showcaseRatio, grain);
}
