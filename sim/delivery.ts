// Process 3 — needs and delivery (docs/model.md §7.1, §7.6): slots of every contract and of in-house
// supply are filled by the needy of each (community, category), best quality first. One pass over
// the citizens: each first gains, keeps or resolves her need (sim/needs.ts), then is served.
import { COST_WEIGHT, K, Q_GOV } from './constants.ts';
import { effective } from './effective.ts';
import { monthHazards, updateNeed } from './needs.ts';
import { EFFORT, EFFORT_SLOTS, PROVIDER, PROVIDER_KINDS, type State } from './state.ts';

const { none: NONE, inHouse: IN_HOUSE, affiliated: AFFILIATED, independent: INDEPENDENT } = PROVIDER;
const KINDS = PROVIDER_KINDS.length;

/**
 * Weight of an SO in function transfer: a linear ramp in autonomy from `start` over `width`
 * (transferAutonomy ∓ transferRamp: 0.2 to 0.8, centred on the design's hard 0.5: docs/model.md §Departures, 14).
 */
export function transferWeight(autonomy: number, start: number, width: number): number {
  return Math.min(1, Math.max(0, (autonomy - start) / width));
}

/**
 * Each SO's effort split and its quality. Paperwork is the buyers' demand and the SO's response: beyond
 * its own compliance orientation, it meets the most demanding of its contracts as far as it lacks
 * autonomy — autonomy follows its dependence on government money as far as buyers use it (Pfeffer &
 * Salancik; 1 − partnership) and is capped by a sponsor or a founding department (§7.8); every
 * project also asks for reports of its own.
 */
export function soQuality(s: State): void {
  const t = s.sos;
  const c = s.contracts;
  const p = s.params;
  const demand = new Float64Array(t.n);
  for (let i = 0; i < c.n; i++) if (c.active[i]) demand[c.so[i]] = Math.max(demand[c.so[i]], c.compliance[i]);
  for (let so = 0; so < t.n; so++) {
    if (!t.alive[so]) continue;
    const ds = t.effort[so * EFFORT_SLOTS + EFFORT.service], dc = t.effort[so * EFFORT_SLOTS + EFFORT.compliance], dr = t.effort[so * EFFORT_SLOTS + EFFORT.relations];
    const response = dc + Math.max(0, demand[so] - dc) * (1 - t.autonomy[so]);
    const compliance = Math.min(p.complianceCap, response + p.projectReporting * t.contracts[so]);
    const service = ((1 - compliance) * ds) / Math.max(1e-9, ds + dr);
    t.complianceEffort[so] = compliance;
    t.serviceEffort[so] = service;
    t.quality[so] = t.skill[so] * Math.min(1, service / p.fullService) * t.adequacy[so];
  }
}

export function delivery(s: State): void {
  soQuality(s);
  const P = s.params;
  const rampStart = P.transferAutonomy - P.transferRamp;
  const rampWidth = 2 * P.transferRamp;
  const C = P.communitiesPerDistrict;
  const com = s.communities;
  const dist = s.districts;
  const t = s.sos;
  const c = s.contracts;
  const buckets = com.count * K;
  // Provider lists per (community, category), in compressed rows.
  const count = new Int32Array(buckets + 1);
  for (let i = 0; i < c.n; i++) {
    if (!c.active[i]) continue;
    for (let j = 0; j < c.communities[i]; j++) count[(c.firstCommunity[i] + j) * K + c.cat[i]]++;
  }
  for (let b = 0; b < buckets; b++) count[b]++; // in-house
  const offset = new Int32Array(buckets + 1);
  for (let b = 0; b < buckets; b++) offset[b + 1] = offset[b] + count[b];
  const size = offset[buckets];
  const quality = new Float64Array(size);
  const slots = new Float64Array(size);
  const owner = new Int32Array(size);
  const fill = offset.slice(0, buckets);
  for (let i = 0; i < c.n; i++) {
    if (!c.active[i]) continue;
    const so = c.so[i];
    const n = c.communities[i];
    const total = c.slots[i] + c.carry[i];
    for (let j = 0; j < n; j++) {
      const at = fill[(c.firstCommunity[i] + j) * K + c.cat[i]]++;
      quality[at] = t.quality[so] * c.continuity[i];
      slots[at] = share(total, j, n);
      owner[at] = so;
    }
    c.carry[i] = total - Math.floor(total);
  }
  for (let d = 0; d < dist.count; d++) {
    for (let k = 0; k < K; k++) {
      const total = dist.inHouseMoney[d * K + k] / (s.unitCost[k] * P.govCostFactor) + dist.inHouseCarry[d * K + k];
      for (let j = 0; j < C; j++) {
        const at = fill[(d * C + j) * K + k]++;
        quality[at] = Q_GOV[k];
        slots[at] = share(total, j, C);
        owner[at] = -1;
      }
      dist.inHouseCarry[d * K + k] = total - Math.floor(total);
    }
  }
  for (let b = 0; b < buckets; b++) sortByQuality(quality, slots, owner, offset[b], offset[b + 1]);

  dist.needy.fill(0);
  dist.needSum.fill(0);
  dist.unmetSum.fill(0);
  dist.transferSum.fill(0);
  dist.metUnits.fill(0);
  dist.transferValue.fill(0);
  dist.served.fill(0);
  dist.qualitySum.fill(0);
  dist.satisfactionSum.fill(0);
  t.served.fill(0);
  com.servedBy.fill(0);
  const citizens = s.citizens;
  const { needCat, need, quality: received, satisfaction } = citizens;
  const hazards = monthHazards(s);
  const rate = P.satisfactionRate;
  const draw = s.rng.needs;
  const ptr = new Int32Array(K);
  for (let cm = 0; cm < com.count; cm++) {
    const d = com.district[cm];
    for (let k = 0; k < K; k++) ptr[k] = offset[cm * K + k];
    let needSum = 0, unmet = 0, transfer = 0, transferValue = 0, units = 0, sat = 0;
    let boughtQ = 0, boughtN = 0, inQ = 0, inN = 0;
    for (let i = com.start[cm], end = com.start[cm + 1]; i < end; i++) {
      updateNeed(citizens, i, draw(), hazards);
      const k = needCat[i];
      if (k < 0) continue;
      const n = need[i];
      const stop = offset[cm * K + k + 1];
      let p = ptr[k];
      while (p < stop && slots[p] < 1) p++;
      ptr[k] = p;
      let q = 0;
      let kind = NONE;
      if (p < stop) {
        slots[p]--;
        q = quality[p];
        const so = owner[p];
        if (so < 0) {
          kind = IN_HOUSE;
          inQ += q;
          inN++;
        } else {
          t.served[so]++;
          boughtQ += q;
          boughtN++;
          kind = t.affiliated[so] ? AFFILIATED : INDEPENDENT;
          if (kind === INDEPENDENT) {
            const w = n * q * transferWeight(t.autonomy[so], rampStart, rampWidth);
            transfer += w;
            transferValue += w * COST_WEIGHT[k];
          }
        }
      }
      // Substance is the need met, whoever meets it: in-house supply counts as purchase does.
      units += n * q * COST_WEIGHT[k];
      received[i] = q;
      // Satisfaction starts at the first experience, then follows it as an exponential average.
      const before = satisfaction[i];
      sat += satisfaction[i] = before < 0 ? q : before + rate * (q - before);
      needSum += n;
      unmet += n * (1 - q);
      dist.needy[d * K + k]++;
      com.servedBy[cm * KINDS + kind]++;
    }
    dist.needSum[d] += needSum;
    dist.unmetSum[d] += unmet;
    dist.transferSum[d] += transfer;
    dist.transferValue[d] += transferValue;
    dist.metUnits[d] += units;
    dist.satisfactionSum[d] += sat;
    dist.served[d] += boughtN + inN;
    dist.qualitySum[d] += boughtQ + inQ;
    com.needsMet[cm] = needSum > 0 ? 1 - unmet / needSum : 1;
  }
}

/**
 * Whole slots of part j of n: cumulative rounding, so the parts add up to ⌊total⌋ and the fraction
 * left over is carried to next month. Rounding each part on its own made small worlds serve fewer.
 */
function share(total: number, j: number, n: number): number {
  return Math.floor((total * (j + 1)) / n) - Math.floor((total * j) / n);
}

/** Insertion sort of one provider list, best quality first; lists hold a handful of entries. */
function sortByQuality(q: Float64Array, slots: Float64Array, owner: Int32Array, lo: number, hi: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const qi = q[i], si = slots[i], oi = owner[i];
    let j = i - 1;
    while (j >= lo && q[j] < qi) {
      q[j + 1] = q[j];
      slots[j + 1] = slots[j];
      owner[j + 1] = owner[j];
      j--;
    }
    q[j + 1] = qi;
    slots[j + 1] = si;
    owner[j + 1] = oi;
  }
}

/** Unit cost of contracted service: the budget would cover BUDGET_COVERAGE of citizens at mean weight. */
export function unitCosts(citizensPerDistrict: number, budget: number, coverage: number): Float64Array {
  const base = budget / Math.max(1, citizensPerDistrict * coverage);
  return Float64Array.from(COST_WEIGHT, (w) => w * base);
}
