// Process 6 — metrics (docs/model.md §7.10): reporters declared apart from the rules, recorded from
// tick 0 into columnar series, for the whole city and per district. The reporter only reads the
// model's state (the month is closed by sim/settlement.ts); it writes only its own series and trackers. What each column is, and their order,
// is the registry's (sim/metric-registry.ts); the rows below are typed by its names.
import { DISTRICT_BUDGET, K } from './constants.ts';
import { productivity } from './contracts.ts';
import type { Params } from './params.ts';
import { IndexTracker, inFigureOrder } from './involution.ts';
import { COMPETITIVE, type State } from './state.ts';
import { DISTRICT_METRICS, METRICS, type DistrictMetricName, type MetricName } from './metric-registry.ts';

export type Series = Record<string, number[]>;

export function metricNames(districts: number): string[] {
  const names: string[] = [...METRICS];
  for (const m of DISTRICT_METRICS) for (let d = 0; d < districts; d++) names.push(`${m}.d${d}`);
  return names;
}

/** Running totals at each recorded month, for the metrics taken over the last 12 months. */
interface History {
  /** SOs alive (registered or not). */
  alive: number[];
  /** SOs founded (entrants and new affiliates) and closed since month 0. */
  founded: number[];
  exited: number[];
  tenders: number[];
  bidders: number[];
  failed: number[];
}

export interface Recorder {
  readonly series: Series;
  readonly city: IndexTracker;
  readonly districts: IndexTracker[];
  readonly history: History;
}

export function createRecorder(s: State): Recorder {
  const D = s.districts.count;
  const series: Series = Object.fromEntries(metricNames(D).map((n) => [n, []]));
  const eps = s.params.indexEpsilon;
  return {
    series,
    city: new IndexTracker(indexScales(s.params), eps),
    districts: Array.from({ length: D }, () => new IndexTracker(indexScales(s.params, 1 / D), eps)),
    history: { alive: [], founded: [], exited: [], tenders: [], bidders: [], failed: [] },
  };
}

type ScaleParams = Pick<Params, 'districts' | 'citizens' | 'initialPurchaseShare' | 'budgetCoverage' | 'fullTeamMoney'>;

/**
 * Natural scales of the index's six figures (FORM, then SUBSTANCE), for the whole city or a part of
 * it (a district: 1/D): the first year's purchase money, the standard contracts it buys, a fifth of
 * it in staff time on paperwork; the citizens the whole first budget serves a month at half a
 * need-unit each (need met, and capability: the need met at the SO sector's service per money); the
 * citizens the purchase money serves, alike (the autonomous share of the need met).
 */
export function indexScales(p: ScaleParams, part = 1): number[] {
  const money = p.initialPurchaseShare * DISTRICT_BUDGET * p.districts * part;
  const units = 0.5 * p.budgetCoverage * p.citizens * part;
  const bought = p.initialPurchaseShare * units;
    return inFigureOrder({ purchaseSpending: money, projectsActive: money / p.fullTeamMoney, paperworkLoad: 0.2 * money, needUnitsServed: units, transferVolume: bought, soCapability: units });
}

/**
 * An SO's professional level: the standard need-units a unit of the money it is staffed for meets,
 * at standard cost — (1 − overhead) × productivity × present quality. Capability is the need met at
 * the level of the independent SOs (`soCapability`, docs/model.md §7.11): a sector that grows in
 * number, staff or money without serving better per yuan is no more capable.
 */
export function serviceLevel(p: Params, skill: number, quality: number): number {
  return (1 - p.projectOverhead) * productivity(p, skill) * quality;
}

/** The money an SO's present team is staffed for: what it holds, or the core an idle SO keeps. */
function staffedMoney(p: Params, held: number): number {
  return Math.max(held, p.idleStaff * p.fullTeamMoney);
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

/**
 * Growth of registered SOs over the last 12 months (registered now / registered 12 months ago − 1),
 * as the Ministry of Civil Affairs bulletins report it; over the months so far before month 12.
 */
function yearlyGrowth(series: Series, registered: number): number {
  const n = series.tick.length;
  if (n === 0) return 0;
  const back = Math.max(0, n - 12);
  const before = series.independentSOs[back] + series.affiliatedSOs[back];
  return ratio(registered, before) - (before > 0 ? 1 : 0);
}

/** p90 − p10 of a sample (linear interpolation between order statistics); 0 for fewer than two values. */
function decileSpread(values: number[]): number {
  if (values.length < 2) return 0;
  values.sort((a, b) => a - b);
  const at = (q: number) => {
    const h = (values.length - 1) * q, lo = Math.floor(h);
    return lo + 1 < values.length ? values[lo] + (h - lo) * (values[lo + 1] - values[lo]) : values[lo];
  };
  return at(0.9) - at(0.1);
}

/**
 * How far the districts' inside shares differ beyond chance: the sd over districts of the share of
 * their own (district-let) projects held by affiliated SOs, less what each district's few contracts
 * would spread by chance (method of moments: s² − mean p̂(1 − p̂)/(n − 1), never below 0), over the
 * districts with at least two such projects. Five contracts alone spread a share by about ±0.2.
 */
export function insideShareSpread(own: Float64Array, ownInside: Float64Array): number {
  let n = 0, sum = 0, chance = 0;
  for (let d = 0; d < own.length; d++) {
    if (own[d] < 2) continue;
    const p = ownInside[d] / own[d];
    n++;
    sum += p;
    chance += (p * (1 - p)) / (own[d] - 1);
  }
  if (n < 2) return 0;
  const m = sum / n;
  let squares = 0;
  for (let d = 0; d < own.length; d++) {
    if (own[d] < 2) continue;
    const x = ownInside[d] / own[d] - m;
    squares += x * x;
  }
  return Math.sqrt(Math.max(0, squares / (n - 1) - chance / n));
}

/**
 * Flows over the last 12 months from running totals: SOs that closed, as a share of those alive 12
 * months before plus those founded since; eligible bidders per competitive tender, and the share of
 * those tenders that fail for want of bidders. Then this month's
 * totals join the history.
 */
function yearlyFlows(s: State, h: History, alive: number): { exitRate: number; bidders: number; failed: number } {
  const n = h.alive.length;
  const founded = s.ledger.entered + s.ledger.newAffiliates;
  let exitRate = 0, bidders = 0, failed = 0;
  if (n > 0) {
    const back = Math.max(0, n - 12);
    exitRate = ratio(s.ledger.exited - h.exited[back], h.alive[back] + founded - h.founded[back]);
    bidders = ratio(s.ledger.bidders - h.bidders[back], s.ledger.tenders - h.tenders[back]);
    failed = ratio(s.ledger.failedTenders - h.failed[back], s.ledger.tenders - h.tenders[back]);
  }
  h.alive.push(alive);
  h.founded.push(founded);
  h.exited.push(s.ledger.exited);
  h.tenders.push(s.ledger.tenders);
  h.bidders.push(s.ledger.bidders);
  h.failed.push(s.ledger.failedTenders);
  return { exitRate, bidders, failed };
}

export function record(s: State, r: Recorder): void {
  const D = s.districts.count;
  const dist = s.districts;
  const c = s.contracts;
  const t = s.sos;
  const F = D + 1;
  const spend = new Float64Array(D), projects = new Float64Array(D), paperwork = new Float64Array(D);
  const competitive = new Float64Array(D), inside = new Float64Array(D);
  // Contract money held by government-connected SOs: affiliates, or SOs registered under a sponsoring agency.
  let connected = 0;
  // The district's own projects (not the city's money): where its path dependence shows.
  const own = new Float64Array(D), ownInside = new Float64Array(D);
  const modes = new Set<number>();
  // Purchase money set aside for performance bonuses is purchase spending too.
  for (let d = 0; d < D; d++) spend[d] = dist.bonusReserve[d];
  for (let i = 0; i < c.n; i++) {
    if (!c.active[i]) continue;
    const d = c.buyer[i];
    spend[d] += c.payment[i];
    projects[d]++;
    // Procedure: the SO staff time spent on the project's paperwork, in money.
    paperwork[d] += c.payment[i] * t.complianceEffort[c.so[i]];
    if (c.mode[i] === COMPETITIVE) competitive[d]++;
    inside[d] += t.affiliated[c.so[i]];
    if (t.affiliated[c.so[i]] || t.sponsored[c.so[i]]) connected += c.payment[i];
    if (!c.city[i]) {
      own[d]++;
      ownInside[d] += t.affiliated[c.so[i]];
    }
    modes.add(c.mode[i]);
  }
  let independent = 0, affiliated = 0, unregistered = 0, skill = 0, autonomy = 0, gov = 0, all = 0, received = 0;
  let diversity = 0;
  const development = new Float64Array(D);
  // Per district, Σ staffed money × level and Σ staffed money over its registered independent SOs.
  const levelSum = new Float64Array(D);
  const staffed = new Float64Array(D);
  let paperShare = 0, withContracts = 0, alive = 0;
  const govShares: number[] = [];
  for (let so = 0; so < t.n; so++) {
    received += t.revenueGov[so];
    if (!t.alive[so]) continue;
    alive++;
    if (!t.registered[so]) { unregistered++; continue; }
    if (t.affiliated[so]) affiliated++;
    else {
      independent++;
      development[t.home[so]] += t.skill[so] * t.autonomy[so];
      const money = staffedMoney(s.params, t.held[so]);
      levelSum[t.home[so]] += money * serviceLevel(s.params, t.skill[so], t.quality[so]);
      staffed[t.home[so]] += money;
      // Revenue diversity: 1 − Herfindahl index over funders.
      let total = 0, hhi = 0;
      for (let j = 0; j < F; j++) total += t.funding[so * F + j];
      for (let j = 0; j < F; j++) {
        const share = total > 0 ? t.funding[so * F + j] / total : 0;
        hhi += share * share;
      }
      diversity += total > 0 ? 1 - hhi : 0;
    }
    skill += t.skill[so];
    autonomy += t.autonomy[so];
    for (let j = 0; j < F; j++) all += t.funding[so * F + j];
    gov += t.funding[so * F + F - 1];
    if (t.contracts[so] > 0) {
      paperShare += t.complianceEffort[so];
      withContracts++;
      // The government share of this SO's revenue (its funding from districts, against its own).
      let total = 0;
      for (let j = 0; j < F; j++) total += t.funding[so * F + j];
      if (total > 0) govShares.push(1 - t.funding[so * F + F - 1] / total);
    }
  }
  gov = all - gov;
  const sum = (a: ArrayLike<number>) => { let x = 0; for (let i = 0; i < a.length; i++) x += a[i]; return x; };
  const needSum = sum(dist.needSum), needy = sum(dist.needy), served = sum(dist.served);
  const spendAll = sum(spend), projectsAll = sum(projects), paperworkAll = sum(paperwork);
  const transfer = ratio(sum(dist.transferSum), needSum);
  const devAll = sum(development) / s.initialSOs;
  const needsMet = needSum > 0 ? 1 - sum(dist.unmetSum) / needSum : 1;
  // Capability: each district's need met at the staffed-money-weighted level of its independent SOs.
  const capability = new Float64Array(D);
  for (let d = 0; d < D; d++) capability[d] = dist.metUnits[d] * ratio(levelSum[d], staffed[d]);
  const unitsAll = sum(dist.metUnits), transferAll = sum(dist.transferValue), capabilityAll = sum(capability);
    const g = r.city.push(inFigureOrder({ purchaseSpending: spendAll, projectsActive: projectsAll, paperworkLoad: paperworkAll, needUnitsServed: unitsAll, transferVolume: transferAll, soCapability: capabilityAll }));
  let budgetAll = 0, purchaseAll = 0;
  for (let d = 0; d < D; d++) {
    budgetAll += dist.budget[d];
    for (let k = 0; k < K; k++) purchaseAll += dist.purchaseMoney[d * K + k];
  }
  const flows = yearlyFlows(s, r.history, alive);
  const row: Record<MetricName, number> = {
    tick: s.tick,
    involutionIndex: g.index,
    formGrowth: g.form,
    substanceGrowth: g.substance,
    elasticity: Math.abs(g.form) > 1e-9 ? g.substance / g.form : 0,
    purchaseSpending: spendAll,
    projectsActive: projectsAll,
    paperworkLoad: paperworkAll,
    purchaseShare: ratio(purchaseAll, budgetAll),
    paperworkShare: ratio(paperShare, withContracts),
    purchaseModes: modes.size,
    competitiveShare: ratio(sum(competitive), projectsAll),
    insideShare: ratio(sum(inside), projectsAll),
    functionTransfer: transfer,
    soDevelopment: devAll,
    independentSOs: independent,
    affiliatedSOs: affiliated,
    unregisteredSOs: unregistered,
    soGrowthRate: yearlyGrowth(r.series, independent + affiliated),
    soExitRate: flows.exitRate,
    soCapacity: ratio(skill, independent + affiliated),
    soAutonomy: ratio(autonomy, independent + affiliated),
    govRevenueShare: ratio(gov, all),
    govRevenueShareSpread: decileSpread(govShares),
    revenueDiversity: ratio(diversity, independent),
    biddersPerTender: flows.bidders,
    failedTenderShare: flows.failed,
    connectedMoneyShare: ratio(connected, spendAll - sum(dist.bonusReserve)),
    needsMet,
    coverage: ratio(served, needy),
    serviceQuality: ratio(sum(dist.qualitySum), served),
    satisfaction: ratio(sum(dist.satisfactionSum), needy),
    moneyPaid: sum(dist.paid),
    moneyReceived: received,
    needUnitsServed: unitsAll,
    transferVolume: transferAll,
    soCapability: capabilityAll,
    projectGranularity: sum(dist.grain) / D,
    paperworkDemand: sum(dist.demand) / D,
    budget: budgetAll,
    insideShareSpread: insideShareSpread(own, ownInside),
  };
  for (const m of METRICS) r.series[m].push(row[m]);
  for (let d = 0; d < D; d++) {
    let needyD = 0;
    for (let k = 0; k < K; k++) needyD += dist.needy[d * K + k];
    const ft = ratio(dist.transferSum[d], dist.needSum[d]);
    const met = dist.needSum[d] > 0 ? 1 - dist.unmetSum[d] / dist.needSum[d] : 1;
        const gd = r.districts[d].push(
      inFigureOrder({ purchaseSpending: spend[d], projectsActive: projects[d], paperworkLoad: paperwork[d], needUnitsServed: dist.metUnits[d], transferVolume: dist.transferValue[d], soCapability: capability[d] }),
    );
    const values: Record<DistrictMetricName, number> = {
      involutionIndex: gd.index,
      purchaseShare: ratio(sum(dist.purchaseMoney.subarray(d * K, d * K + K)), dist.budget[d]),
      projectsActive: projects[d],
      competitiveShare: ratio(competitive[d], projects[d]),
      insideShare: ratio(ownInside[d], own[d]),
      functionTransfer: ft,
      needsMet: met,
      satisfaction: ratio(dist.satisfactionSum[d], needyD),
      projectGranularity: dist.grain[d],
      paperworkDemand: dist.demand[d],
    };
    for (const m of DISTRICT_METRICS) r.series[`${m}.d${d}`].push(values[m]);
  }
}
