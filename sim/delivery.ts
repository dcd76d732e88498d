// Process 3 — needs and delivery (docs/model.md §7.1, §7.6): slots of every contract and of in-house
// supply are filled by the needy of each (community, category), best quality first. One pass over
// the citizens: each first gains, keeps or resolves her need (sim/needs.ts), then is served. The pass
// visits only the needy and those whose draw of the month is low enough to start a need (sim/needs.ts).
import { COST_WEIGHT, K, Q_GOV } from './constants.ts';
import { COARSE_STEP, coarse, drawLevel, fine, lowDraws, monthHazards, onset, resolve, wordHash, type NeedHazards } from './needs.ts';
import { EFFORT, EFFORT_SLOTS, PROVIDER, PROVIDER_KINDS, type Citizens, type State } from './state.ts';

const { none: NONE, inHouse: IN_HOUSE, affiliated: AFFILIATED, independent: INDEPENDENT } = PROVIDER;
const KINDS = PROVIDER_KINDS.length;

/**
 * Weight of an SO in function transfer: a linear ramp in autonomy from `start` over `width`
 * (transferAutonomy ∓ transferRamp: 0.2 to 0.8, centred on the design's hard 0.5: docs/model-changes.md §Departures, 14).
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
  const hazards = monthHazards(s);
  const rate = P.satisfactionRate;
  const ptr = new Int32Array(K);
  const sums = new Float64Array(SUMS);
  const served = t.served, affiliated = t.affiliated, autonomy = t.autonomy;
  for (let cm = 0; cm < com.count; cm++) {
    const d = com.district[cm];
    for (let k = 0; k < K; k++) ptr[k] = offset[cm * K + k];
    sums.fill(0);
    serveCommunity(citizens, com.start[cm], com.start[cm + 1], hazards, offset.subarray(cm * K, cm * K + K + 1), ptr, slots, quality, owner, served, affiliated, autonomy, rampStart, rampWidth, rate, sums, dist.needy.subarray(d * K, d * K + K), com.servedBy.subarray(cm * KINDS, cm * KINDS + KINDS));
    const needSum = sums[NEED], unmet = sums[UNMET];
    dist.needSum[d] += needSum;
    dist.unmetSum[d] += unmet;
    dist.transferSum[d] += sums[TRANSFER];
    dist.transferValue[d] += sums[TRANSFER_VALUE];
    dist.metUnits[d] += sums[UNITS];
    dist.satisfactionSum[d] += sums[SAT];
    dist.served[d] += sums[BOUGHT_N] + sums[IN_N];
    dist.qualitySum[d] += sums[BOUGHT_Q] + sums[IN_Q];
    com.needsMet[cm] = needSum > 0 ? 1 - unmet / needSum : 1;
  }
  // No one served this month received more than the best quality on offer, as a citizen keeps it
  // (single precision, which may round up): next month's bound of the chance of resolution.
  let best = 0;
  for (let j = 0; j < size; j++) best = Math.max(best, Math.fround(quality[j]));
  s.servedQuality = best;
}

const NEED = 0, UNMET = 1, TRANSFER = 2, TRANSFER_VALUE = 3, UNITS = 4, SAT = 5, BOUGHT_Q = 6, BOUGHT_N = 7, IN_Q = 8, IN_N = 9, SUMS = 10;

/**
 * One community's citizens, 32 at a time (a word of the needy bits): those whose draw of the month
 * can decide something gain or resolve a need (sim/needs.ts), then the needy, first to last, take
 * the first open slot of their category's providers. The rest have no need and keep having none.
 * `offset` is the community's K + 1 bounds of provider lists, `needy` its district's K counts,
 * `servedBy` its KINDS counts; the month's sums are added into `sums`.
 */
function serveCommunity(
  citizens: Citizens, first: number, end: number, hazards: NeedHazards, offset: Int32Array, ptr: Int32Array,
  slots: Float64Array, quality: Float64Array, owner: Int32Array, served: Float64Array, affiliated: Uint8Array, autonomy: Float64Array,
  rampStart: number, rampWidth: number, rate: number, sums: Float64Array, needy: Float64Array, servedBy: Float64Array,
): void {
  const { needCat, need, quality: received, satisfaction, needy: needyBits } = citizens;
  const { keyA, keyB, keyC, keyD, total: onsetTotal, base: resolveBase, quality: resolveQuality, servedQuality } = hazards;
  // Each citizen's draw is u = (c + fine) / 16 (sim/needs.ts, citizenDraw): an event of chance p
  // happens when u < p, and no one whose coarse part c is at least 16p can have it. So only the
  // citizens of c below 2^level(p) are looked at: for onsets, level of the month's hazard; for
  // resolutions, of the highest chance any needy citizen has (at the best quality served last month).
  const onsetLevel = drawLevel(onsetTotal);
  const resolveLevel = drawLevel(resolveBase + resolveQuality * servedQuality);
  let needSum = 0, unmet = 0, transfer = 0, transferValue = 0, units = 0, sat = 0;
  let boughtQ = 0, boughtN = 0, inQ = 0, inN = 0;
  for (let w = first >>> 5, last = (end - 1) >>> 5; first < end && w <= last; w++) {
    const at = w << 5;
    let range = -1;
    if (at < first) range &= -1 << (first - at);
    if (end - at < 32) range &= (1 << (end - at)) - 1;
    const w0 = wordHash(w, 0, keyC, keyD), w1 = wordHash(w, 1, keyC, keyD), w2 = wordHash(w, 2, keyC, keyD), w3 = wordHash(w, 3, keyC, keyD);
    // First the needs of the word's citizens change (each from her own draw and state alone), then
    // its needy are served in order, as if each were served just after her own change.
    const wasNeedy = needyBits[w] & range;
    let needyNow = wasNeedy;
    // One pass over those whose draw can decide something: the needy of low enough draw (a need may
    // resolve) and the others of low enough draw (one may start).
    const look = (wasNeedy & lowDraws(resolveLevel, w0, w1, w2, w3)) | (~wasNeedy & range & lowDraws(onsetLevel, w0, w1, w2, w3));
    for (let m = look; m !== 0; m &= m - 1) {
      const b = 31 - Math.clz32(m & -m);
      const i = at + b;
      const c = coarse(b, w0, w1, w2, w3) * COARSE_STEP;
      const chance = (wasNeedy >>> b) & 1 ? resolveBase + resolveQuality * received[i] : onsetTotal;
      if (!(c < chance)) continue;
      const u = c + fine(i, keyA, keyB) * COARSE_STEP;
      if (!(u < chance)) continue;
      if ((wasNeedy >>> b) & 1) {
        resolve(citizens, i);
        needyNow &= ~(1 << b);
      } else {
        onset(citizens, i, u, hazards);
        needyNow |= 1 << b;
      }
    }
    for (let m = needyNow; m !== 0; m &= m - 1) {
      const i = at + 31 - Math.clz32(m & -m);
      const k = needCat[i];
      const n = need[i];
      const stop = offset[k + 1];
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
          served[so]++;
          boughtQ += q;
          boughtN++;
          kind = affiliated[so] ? AFFILIATED : INDEPENDENT;
          if (kind === INDEPENDENT) {
            const weight = n * q * transferWeight(autonomy[so], rampStart, rampWidth);
            transfer += weight;
            transferValue += weight * COST_WEIGHT[k];
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
      needy[k]++;
      servedBy[kind]++;
    }
  }
  sums[NEED] += needSum;
  sums[UNMET] += unmet;
  sums[TRANSFER] += transfer;
  sums[TRANSFER_VALUE] += transferValue;
  sums[UNITS] += units;
  sums[SAT] += sat;
  sums[BOUGHT_Q] += boughtQ;
  sums[BOUGHT_N] += boughtN;
  sums[IN_Q] += inQ;
  sums[IN_N] += inN;
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
