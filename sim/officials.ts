// Process 2a — district officials decide the form of purchase (docs/model.md §Officials). At each
// budget round an official chooses how finely to cut the purchase money into projects (granularity)
// and how much paperwork to demand of each project, by trial and error (Cyert & March 1963): each
// year one of the two is changed by a step; the change is kept if last year's reward reached the
// official's aspiration, else undone and the other direction tried next time. The aspiration follows
// experience. The reward is what the official is judged on (Li & Wang 2017, political rationality),
// against the other districts' officials over the same 12 months:
//   r = π · log(visible output) + (1 − π) · log(service seen per money),
// visible output being the projects shown upward (by the category's visibility, with diminishing
// attention) and the paperwork per project that reports show; service seen being the monitored
// quality times the citizens a project can serve. Neither form figure has a
// closed form: projects and paperwork follow from the choices, the money and the SOs' responses.
import { effective } from './effective.ts';
import { log, pow } from './math.ts';
import type { State } from './state.ts';

const GRAIN = 0;
const DEMAND = 1;

export function officialRound(s: State, d: number): void {
  const dist = s.districts;
  const p = s.params;
  if (s.tick === 0) {
    dist.grain[d] = p.initialGrain;
    dist.demand[d] = Math.min(p.maxDemand, p.initialDemand);
    // The first trial of each decision goes either way.
    for (const v of [GRAIN, DEMAND]) dist.trialDir[d * 2 + v] = s.rng.budget() < 0.5 ? -1 : 1;
    return;
  }
  const reward = relativeReward(s, d);
  if (Number.isNaN(reward)) return;
  const tried = dist.trialVar[d];
  const aspiration = dist.lastReward[d];
  if (tried >= 0 && reward < aspiration) {
    // The trial did not pay: undo it and try the other way next time.
    if (tried === GRAIN) dist.grain[d] = Math.min(1, Math.max(0, dist.grain[d] - dist.trialChange[d]));
    else dist.demand[d] = Math.min(p.maxDemand, Math.max(0, dist.demand[d] - dist.trialChange[d]));
    dist.trialDir[d * 2 + tried] *= -1;
  }
  dist.lastReward[d] = Number.isNaN(aspiration) ? reward : aspiration + p.aspirationRate * (reward - aspiration);
  // The next trial changes the other decision.
  const next = tried === GRAIN ? DEMAND : GRAIN;
  const x = next === GRAIN ? dist.grain[d] : dist.demand[d];
  const max = next === GRAIN ? 1 : p.maxDemand;
  const step = (next === GRAIN ? p.officialStep : p.demandStep) * (p.stepJitterMin + s.rng.budget());
  let dir = dist.trialDir[d * 2 + next];
  // At a bound the only trial left is the other way.
  if ((dir > 0 && x >= max) || (dir < 0 && x <= 0)) dir = dist.trialDir[d * 2 + next] = -dir as -1 | 1;
  const y = Math.min(max, Math.max(0, x + dir * step));
  if (next === GRAIN) dist.grain[d] = y;
  else dist.demand[d] = y;
  dist.trialVar[d] = next;
  dist.trialChange[d] = y - x;
}

/** An official's reward over the last 12 months: π·log(visible) + (1 − π)·log(service seen per money); NaN without money. */
function reward(s: State, d: number, pi: number): number {
  const dist = s.districts;
  let money = 0, visible = 0, seen = 0;
  for (let m = d * 12; m < d * 12 + 12; m++) {
    money += dist.moneySum[m];
    visible += dist.visibleSum[m];
    seen += dist.serviceSeen[m];
  }
  if (money <= 0) return NaN;
  return pi * log(visible + 1e-9) + (1 - pi) * log((seen + 1e-9) / money);
}

/**
 * The official is judged against the other districts' officials over the same 12 months (a
 * yardstick, as in a promotion tournament), so that what changes for every district — money, the SO
 * sector, need — does not pass for the effect of the official's own trial.
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
