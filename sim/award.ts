// Award of a project (docs/model.md §7.5): renewal, competitive tender, or direction to a controllable
// SO, with increasing returns to what already goes inside the system (a non-linear Pólya urn).
// Only SOs working in the project's category bid: local markets are thin (Girth et al. 2012).
import { firstMonth } from './clock.ts';
import { K, MIN_TENDER_BIDDERS } from './constants.ts';
import { available, foundSO, openContract, renewalChance, type Project } from './contracts.ts';
import { effective, urn, type Effective } from './effective.ts';
import { COMPETITIVE, EFFORT, EFFORT_SLOTS, MODE, sosInField, type State } from './state.ts';
import { uniform } from './rng.ts';

const { directedInside: DIRECTED_INSIDE, directedTies: DIRECTED_TIES, newAffiliate: NEW_AFFILIATE } = MODE;

export interface Incumbent {
  so: number;
  score: number;
  mode: number;
}

/** Award a project, first offering renewal to the incumbent; returns the contract index, or -1 when nobody takes it. */
export function award(s: State, p: Project, incumbent: Incumbent | null): number {
  const e = effective(s.params);
  const rng = s.rng.award;
  if (firstMonth(s)) return inherited(s, p);
  if (incumbent && available(s, incumbent.so, p.payment)) {
    let chance = renewalChance(s, p.cat, incumbent.score);
    // Whole-process supervision: a poor performer is not simply renewed.
    if (incumbent.score < s.params.poorScore) chance *= 1 - s.params.wholeProcessSupervision;
    if (rng() < chance) return openContract(s, p, incumbent.so, incumbent.mode);
  }
  return tender(s, p, e);
}

/**
 * The city lets the money it keeps to its own affiliated SOs as far as it follows the traditional
 * mode (chance λ), without regard to any district's history. For the district's money, path
 * dependence decides whether a tender stays inside the system (goes to an affiliated SO): the buyer
 * follows the traditional mode with chance λ, and then goes inside with a chance that is an S-shaped
 * function of the share of the district's own projects already inside — increasing returns, steeper
 * with λ (a non-linear Pólya urn). Released resources are not kept inside. Outside the system, a
 * tender is competitive with chance `transparency`, else directed to the most tied SO.
 */
function tender(s: State, p: Project, e: Effective): number {
  const rng = s.rng.award;
  if (p.city && rng() < s.params.pathDependence) {
    const chosen = mostControllable(s, p, true);
    if (chosen >= 0) return directed(s, p, chosen, DIRECTED_INSIDE);
  }
  const inside = s.params.pathDependence * (1 - s.params.resourceRelease) * urn(insideShare(s, p.buyer), e.urnGamma);
  if (rng() < inside) {
    const chosen = mostControllable(s, p, true);
    if (chosen >= 0) return directed(s, p, chosen, DIRECTED_INSIDE);
    if (rng() < e.pi) return newAffiliate(s, p);
  }
  if (rng() < e.transparency) return competitive(s, p, e);
  const chosen = mostControllable(s, p, false);
  return chosen >= 0 ? directed(s, p, chosen, DIRECTED_TIES) : competitive(s, p, e);
}

/**
 * Month 0: the portfolio every scenario inherits from the traditional mode, whatever its policies —
 * each project with the local SO of its field most tied to the district (a new affiliated SO if none
 * can take it). So all scenarios of a seed start from the same awards (closures later in month 0
 * follow each scenario's entry draws), and the index's reference year
 * differs between them only by what their policies did in it.
 */
function inherited(s: State, p: Project): number {
  const t = s.sos;
  const best = mostTied(s, p, (so) => t.home[so] === p.buyer && available(s, so, p.payment));
  return best >= 0 ? openContract(s, p, best, t.affiliated[best] ? DIRECTED_INSIDE : DIRECTED_TIES) : newAffiliate(s, p);
}

/** The SO of the project's field, among those `accept` takes (asked in row order), with the strongest ties to the buyer; -1 if none. */
function mostTied(s: State, p: Project, accept: (so: number) => boolean): number {
  const t = s.sos;
  const D = s.districts.count;
  const x = sosInField(s);
  let best = -1;
  let bestTie = -1;
  for (let k = x.start[p.cat]; k < x.start[p.cat + 1]; k++) {
    const so = x.order[k];
    if (!accept(so)) continue;
    const tie = t.ties[so * D + p.buyer];
    if (tie > bestTie) {
      best = so;
      bestTie = tie;
    }
  }
  return best;
}

function directed(s: State, p: Project, so: number, mode: number): number {
  s.sos.credit[so * EFFORT_SLOTS + EFFORT.relations] += 1;
  return openContract(s, p, so, mode);
}

/**
 * Share of the district's own projects (not the city's) held by affiliated SOs: last year's portfolio
 * (closed at the round) and this year's awards so far, with one pseudo-count each way.
 */
export function insideShare(s: State, d: number): number {
  const x = s.districts;
  return (1 + x.urnInside[d] + x.ownInside[d]) / (2 + x.urnAll[d] + x.ownActive[d]);
}

/** Eligible for a project: working in its category, free to take it, and local, tied, or admitted by the release of resources. */
function eligible(s: State, so: number, p: Project): boolean {
  const t = s.sos;
  if (t.field[so] !== p.cat || !available(s, so, p.payment)) return false;
  if (t.home[so] === p.buyer || t.ties[so * s.districts.count + p.buyer] > s.params.tieThreshold) return true;
  return s.rng.award() < s.params.resourceRelease;
}

/** The eligible SO of the given kind with the strongest ties to the buyer. */
function mostControllable(s: State, p: Project, affiliated: boolean): number {
  const t = s.sos;
  return mostTied(s, p, (so) => (t.affiliated[so] === 1) === affiliated && eligible(s, so, p));
}

function competitive(s: State, p: Project, e: Effective): number {
  const t = s.sos;
  const D = s.districts.count;
  const rng = s.rng.award;
  const bonus = s.params.affiliationBonus * (1 - s.params.resourceRelease);
  const observedWeight = s.params.meritObservedWeight;
  let best = -1;
  let bestScore = -Infinity;
  let tied = -1;
  let tiedMost = -1;
  let bidders = 0;
  const x = sosInField(s);
  for (let k = x.start[p.cat]; k < x.start[p.cat + 1]; k++) {
    const so = x.order[k];
    if (!eligible(s, so, p)) continue;
    bidders++;
    // Buyers see quality only as observed: the noisy monitoring record, not the truth. Whole-process
    // supervision makes the award, like the evaluation, rest on outcomes (π_e).
    const merit = (1 - observedWeight) * t.reputation[so] + observedWeight * t.observedQuality[so];
    const control = t.ties[so * D + p.buyer] + bonus * t.affiliated[so];
    const score = (1 - e.piEval) * merit + e.piEval * control + s.params.bidNoise * (2 * rng() - 1);
    if (score > bestScore) {
      best = so;
      bestScore = score;
    }
    if (t.ties[so * D + p.buyer] > tiedMost) {
      tied = so;
      tiedMost = t.ties[so * D + p.buyer];
    }
  }
  s.ledger.tenders++;
  s.ledger.bidders += bidders;
  if (bidders < MIN_TENDER_BIDDERS) s.ledger.failedTenders++;
  // A tender with fewer than three bidders fails (流标); the buyer then lets the project by
  // negotiation with the bidders it has, where ties decide rather than the scores: the SO most tied
  // to the buyer, as a directed award (Government Procurement Law, art. 30–31, 36).
  if (bidders > 0 && bidders < MIN_TENDER_BIDDERS) return directed(s, p, tied, DIRECTED_TIES);
  if (best < 0) {
    // Nobody bids: a politically rational department sets up its own SO; else the money stays in-house.
    if (rng() < e.pi) return newAffiliate(s, p);
    s.districts.inHouseMoney[p.buyer * K + p.cat] += p.payment;
    return -1;
  }
  t.credit[best * EFFORT_SLOTS + EFFORT.service] += 1 - e.piEval;
  t.credit[best * EFFORT_SLOTS + EFFORT.relations] += e.piEval;
  return openContract(s, p, best, COMPETITIVE);
}

/** The department sets up its own service organization (a GONGO) to take the project. */
function newAffiliate(s: State, p: Project): number {
  const rng = s.rng.award;
  const q = s.params;
  const so = foundSO(s, {
    affiliated: true,
    registered: true,
    home: p.buyer,
    field: p.cat,
    skill: uniform(rng, q.newAffiliateSkillMin, q.newAffiliateSkillMax),
    autonomy: uniform(rng, q.newAffiliateAutonomyMin, q.newAffiliateAutonomyMax),
    tie: q.newAffiliateTie,
  });
  s.ledger.newAffiliates++;
  return openContract(s, p, so, NEW_AFFILIATE);
}
