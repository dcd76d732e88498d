// Award of a project (MODEL.md §4.3): renewal, competitive tender, or direction to a controllable
// SO, with increasing returns to what already goes inside the system (a non-linear Pólya urn).
import { AFFILIATION_BONUS, BID_NOISE, POOR_SCORE } from './constants.ts';
import { available, foundSO, openContract, renewalChance, type Project } from './contracts.ts';
import { effective, urn, type Effective } from './effective.ts';
import { COMPETITIVE, type State } from './state.ts';
import { uniform } from './rng.ts';

const DIRECTED_INSIDE = 0;
const DIRECTED_TIES = 1;
const NEW_AFFILIATE = 2;

export interface Incumbent {
  so: number;
  score: number;
  mode: number;
}

/** Award a project, first offering renewal to the incumbent; returns the contract index. */
export function award(s: State, p: Project, incumbent: Incumbent | null): number {
  const e = effective(s.params);
  const rng = s.rng.award;
  if (incumbent && available(s, incumbent.so)) {
    let chance = renewalChance(s, p.cat, incumbent.score);
    // Whole-process supervision: a poor performer is not simply renewed.
    if (incumbent.score < POOR_SCORE) chance *= 1 - s.params.wholeProcessSupervision;
    if (rng() < chance) return openContract(s, p, incumbent.so, incumbent.mode, e.overhead, e.compliance);
  }
  return tender(s, p, e);
}

/**
 * Path dependence decides whether a tender stays inside the system (goes to an affiliated SO): the
 * buyer follows the traditional mode with chance λ, and then goes inside with a chance that is an
 * S-shaped function of the share of the district's contracts already inside — increasing returns,
 * steeper with λ (a non-linear Pólya urn). Released resources are not kept inside. Outside the
 * system, a tender is competitive with chance `transparency`, else directed to the most tied SO.
 */
function tender(s: State, p: Project, e: Effective): number {
  const rng = s.rng.award;
  const inside = s.params.pathDependence * (1 - s.params.resourceRelease) * urn(insideShare(s, p.buyer), e.urnGamma);
  if (rng() < inside) {
    const chosen = mostControllable(s, p.buyer, true);
    if (chosen >= 0) return directed(s, p, e, chosen, DIRECTED_INSIDE);
    if (rng() < e.pi) return newAffiliate(s, p, e);
  }
  if (rng() < e.transparency) return competitive(s, p, e);
  const chosen = mostControllable(s, p.buyer, false);
  return chosen >= 0 ? directed(s, p, e, chosen, DIRECTED_TIES) : competitive(s, p, e);
}

function directed(s: State, p: Project, e: Effective, so: number, mode: number): number {
  s.sos.credit[so * 3 + 2] += 1;
  return openContract(s, p, so, mode, e.overhead, e.compliance);
}

/**
 * Share of the district's contracts held by affiliated SOs: last year's portfolio (closed at the
 * round) and this year's awards so far, with one pseudo-count each way.
 */
function insideShare(s: State, d: number): number {
  const c = s.contracts;
  let inside = 1 + s.districts.urnInside[d];
  let all = 2 + s.districts.urnAll[d];
  for (let i = 0; i < c.n; i++) {
    if (!c.active[i] || c.buyer[i] !== d) continue;
    all++;
    inside += s.sos.affiliated[c.so[i]];
  }
  return inside / all;
}

/** Eligible for the district's tenders: local, tied, or admitted by the release of resources. */
function eligible(s: State, so: number, d: number): boolean {
  if (!available(s, so)) return false;
  if (s.sos.home[so] === d || s.sos.ties[so * s.districts.count + d] > 0.05) return true;
  return s.rng.award() < s.params.resourceRelease;
}

/** The eligible SO of the given kind with the strongest ties to the buyer. */
function mostControllable(s: State, d: number, affiliated: boolean): number {
  const t = s.sos;
  const D = s.districts.count;
  let best = -1;
  let bestTie = -1;
  for (let so = 0; so < t.n; so++) {
    if ((t.affiliated[so] === 1) !== affiliated || !eligible(s, so, d)) continue;
    const tie = t.ties[so * D + d];
    if (tie > bestTie) {
      best = so;
      bestTie = tie;
    }
  }
  return best;
}

function competitive(s: State, p: Project, e: Effective): number {
  const t = s.sos;
  const D = s.districts.count;
  const rng = s.rng.award;
  const bonus = AFFILIATION_BONUS * (1 - s.params.resourceRelease);
  let best = -1;
  let bestScore = -Infinity;
  let bidders = 0;
  for (let so = 0; so < t.n; so++) {
    if (!eligible(s, so, p.buyer)) continue;
    bidders++;
    // Buyers see quality only as observed: the noisy monitoring record, not the truth.
    const merit = 0.5 * t.reputation[so] + 0.5 * t.observedQuality[so];
    const control = t.ties[so * D + p.buyer] + bonus * t.affiliated[so];
    const score = (1 - e.pi) * merit + e.pi * control + BID_NOISE * (2 * rng() - 1);
    if (score > bestScore) {
      best = so;
      bestScore = score;
    }
  }
  s.ledger.tenders++;
  s.ledger.bidders += bidders;
  if (best < 0) return newAffiliate(s, p, e);
  t.credit[best * 3] += 1 - e.pi;
  t.credit[best * 3 + 2] += e.pi;
  return openContract(s, p, best, COMPETITIVE, e.overhead, e.compliance);
}

/** The department sets up its own service organization (a GONGO) to take the project. */
function newAffiliate(s: State, p: Project, e: Effective): number {
  const rng = s.rng.award;
  const so = foundSO(s, {
    affiliated: true,
    registered: true,
    home: p.buyer,
    skill: uniform(rng, 0.2, 0.45),
    autonomy: uniform(rng, 0.05, 0.2),
    tie: 0.5,
  });
  s.ledger.newAffiliates++;
  return openContract(s, p, so, NEW_AFFILIATE, e.overhead, e.compliance);
}
