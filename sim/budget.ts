// Process 2 — the budget round, once a year in each district's own month (docs/model.md §7.2–7.4):
// the official's decisions, the budget, purchase share, category allocation, projects and award.
import { award, type Incumbent } from './award.ts';
import { COST_WEIGHT, DISTRICT_BUDGET, K, SUITABILITY, VISIBILITY } from './constants.ts';
import { firstMonth, monthOfYear } from './clock.ts';
import { closeContract } from './contracts.ts';
import { effective } from './effective.ts';
import { pow } from './math.ts';
import { officialRound, projectSize } from './officials.ts';
import type { State } from './state.ts';

const VISIBILITY_TOTAL = VISIBILITY.reduce((a, b) => a + b, 0);

export function budget(s: State): void {
  const month = monthOfYear(s.tick);
  const first = firstMonth(s);
  for (let d = 0; d < s.districts.count; d++) {
    if (first || s.districts.roundMonth[d] === month) round(s, d);
  }
}

function round(s: State, d: number): void {
  const C = s.params.communitiesPerDistrict;
  const dist = s.districts;
  const first = firstMonth(s);
  const incumbents = closeAll(s, d);
  // What the year's bonuses did not use lapses with the budget year.
  dist.bonusFund[d] = 0;
  if (!first) decayTies(s, d);
  officialRound(s, d);
  // The service budget grows in real terms; purchase can expand service, not only replace in-house supply.
  dist.budget[d] = DISTRICT_BUDGET * pow(1 + s.params.budgetGrowth, s.tick / 12);
  allocate(s, d);
  // In the world's first month the first contracts run to the district's first regular round.
  const months = first && dist.roundMonth[d] > 0 ? dist.roundMonth[d] : 12;
  // The first month inherits the traditional split of money between city and district (sim/award.ts: inherited).
  const cityShare = first ? s.params.cityShare : effective(s.params).cityShare;
  const size = projectSize(s, dist.grain[d]);
  for (let k = 0; k < K; k++) {
    const money = dist.purchaseMoney[d * K + k];
    if (money <= 0) continue;
    // The city's money and the district's are let apart; each is cut into projects of the chosen size.
    for (const city of [1, 0]) {
      const pool = money * (city ? cityShare : 1 - cityShare);
      if (pool <= 0) continue;
      // The pool is cut into projects of about the chosen size: their number is pool / size rounded
      // down or up at random in proportion (at least one), so that it follows the money on average
      // rather than in steps (a step would read as form growing in jumps: proportional-growth).
      const x = pool / size;
      const n = Math.max(1, Math.floor(x) + (s.rng.budget() < x - Math.floor(x) ? 1 : 0));
      for (let j = 0; j < n; j++) {
        const first = n <= C ? Math.floor((j * C) / n) : j % C;
        const count = n <= C ? Math.floor(((j + 1) * C) / n) - first : 1;
        const project = { buyer: d, cat: k, firstCommunity: d * C + first, communities: count, payment: pool / n, months, city };
        // Each incumbent is offered renewal once: projects sharing a first community take turns.
        award(s, project, incumbents.get(k * C + first)?.shift() ?? null);
      }
    }
  }
}

/**
 * Close the district's contracts; remember who served each (category, first community), and the
 * inside share of the projects the district itself let (not the city's), which the award urn keeps
 * as its memory of last year.
 */
function closeAll(s: State, d: number): Map<number, Incumbent[]> {
  const c = s.contracts;
  const C = s.params.communitiesPerDistrict;
  const out = new Map<number, Incumbent[]>();
  let inside = 0;
  let all = 0;
  for (let i = 0; i < c.n; i++) {
    if (!c.active[i] || c.buyer[i] !== d) continue;
    if (!c.city[i]) {
      all++;
      inside += s.sos.affiliated[c.so[i]];
    }
    const score = closeContract(s, i, true);
    const key = c.cat[i] * C + (c.firstCommunity[i] - d * C);
    const list = out.get(key) ?? [];
    list.push({ so: c.so[i], score, mode: c.mode[i] });
    out.set(key, list);
  }
  s.districts.urnInside[d] = inside;
  s.districts.urnAll[d] = all;
  return out;
}

/** Ties grow with every contract won (in openContract) and fade without one. */
function decayTies(s: State, d: number): void {
  const D = s.districts.count;
  const decay = s.params.tieDecay;
  for (let so = 0; so < s.sos.n; so++) s.sos.ties[so * D + d] *= decay;
}

/**
 * w ← λ·w + (1 − λ)·w*, w* blending visibility with need × suitability by applicabilityClarity.
 * Training is bought from the budget; in-house money fills the need that purchase leaves uncovered.
 */
function allocate(s: State, d: number): void {
  const dist = s.districts;
  const p = s.params;
  const { cityShare } = effective(p);
  const needMoney = new Float64Array(K);
  let needTotal = 0;
  for (let k = 0; k < K; k++) {
    needMoney[k] = dist.needy[d * K + k] * COST_WEIGHT[k];
    needTotal += needMoney[k];
  }
  const target = new Float64Array(K);
  let suitTotal = 0;
  for (let k = 0; k < K; k++) {
    const needShare = needTotal > 0 ? needMoney[k] / needTotal : 1 / K;
    // Money kept at city level is allocated without local need information.
    const seen = (1 - cityShare) * needShare + cityShare / K;
    target[k] = seen * SUITABILITY[k] * SUITABILITY[k];
    suitTotal += target[k];
  }
  const first = firstMonth(s);
  const lambda = first ? 0 : p.pathDependence;
  const clarity = first ? 0 : p.applicabilityClarity;
  const B = dist.budget[d];
  const share = dist.purchaseShare[d];
  const training = (dist.training[d] = p.professionalTraining * p.trainingBudget * B);
  // The performance bonus (Changsha: evaluation with fund sponsoring) is set aside from the purchase
  // money, as much as full scores would earn on the contracts the rest buys; month 0 inherits the
  // traditional contracts, with no bonus.
  const bonus = first ? 0 : p.performanceFunding * p.performanceBonus;
  const reserve = bonus / (1 + bonus);
  dist.bonusReserve[d] = reserve * share * B;
  let gapTotal = 0;
  const gap = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    const wStar = (1 - clarity) * (VISIBILITY[k] / VISIBILITY_TOTAL) + clarity * (target[k] / suitTotal);
    const w = (dist.alloc[d * K + k] = lambda * dist.alloc[d * K + k] + (1 - lambda) * wStar);
    dist.purchaseMoney[d * K + k] = (1 - reserve) * share * B * w;
    const needShare = needTotal > 0 ? needMoney[k] / needTotal : 1 / K;
    gap[k] = Math.max(0, B * needShare - dist.purchaseMoney[d * K + k]);
    gapTotal += gap[k];
  }
  const inHouse = Math.max(0, (1 - share) * B - training);
  for (let k = 0; k < K; k++) dist.inHouseMoney[d * K + k] = gapTotal > 0 ? (inHouse * gap[k]) / gapTotal : 0;
}
