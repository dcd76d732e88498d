// All state as structure-of-arrays typed arrays. Citizens are stored by community (contiguous
// ranges), so a citizen's community is implicit: 13⅛ bytes of state per citizen.
import { K } from './constants.ts';
import type { Params } from './params.ts';
import type { Streams } from './rng.ts';

export interface Citizens {
  readonly n: number;
  /** -1 for no need, else the category. */
  readonly needCat: Int8Array;
  /** The needy as bits: bit i & 31 of word i >> 5 is set when needCat[i] ≥ 0 (so delivery's pass visits only them; sim/needs.ts keeps both). */
  readonly needy: Int32Array;
  readonly need: Float32Array;
  /** Quality received last month (0 when unserved). */
  readonly quality: Float32Array;
  /** Satisfaction with service, -1 before any experience of it. */
  readonly satisfaction: Float32Array;
}

export interface Communities {
  readonly count: number;
  /** Citizens of community c are start[c] .. start[c+1]-1. */
  readonly start: Int32Array;
  readonly district: Int16Array;
  /** Per community × provider kind (PROVIDER_KINDS: none, in-house, affiliated, independent): needy citizens served last month. */
  readonly servedBy: Float64Array;
  readonly needsMet: Float64Array;
}

/** Who serves a needy citizen: the columns of `Communities.servedBy`, in this order (the map's too). */
export const PROVIDER_KINDS = ['none', 'inHouse', 'affiliated', 'independent'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];
/** A provider kind's column in `servedBy`. */
export const PROVIDER = Object.fromEntries(PROVIDER_KINDS.map((k, i) => [k, i])) as Record<ProviderKind, number>;

export interface Districts {
  readonly count: number;
  /** Month of the year (0-11) of the district's budget round: rounds are staggered. */
  readonly roundMonth: Int8Array;
  readonly budget: Float64Array;
  /** The official's decision (sim/officials.ts): the share of the service budget purchased. */
  readonly purchaseShare: Float64Array;
  /** Category weights of purchase money, D × K. */
  readonly alloc: Float64Array;
  readonly purchaseMoney: Float64Array;
  readonly inHouseMoney: Float64Array;
  readonly paid: Float64Array;
  /** Number of the needy by category, seen last month, D × K. */
  readonly needy: Float64Array;
  /** Need-weighted sums of the month, for per-district metrics: need, unmet need, function transfer. */
  readonly needSum: Float64Array;
  readonly unmetSum: Float64Array;
  readonly transferSum: Float64Array;
  /** The same, valued at each category's standard cost (the index's transfer volume). */
  readonly transferValue: Float64Array;
  /** Quality-weighted need-units met this month by all supply, purchased and in-house, valued at standard cost. */
  readonly metUnits: Float64Array;
  /** The award urn's memory: affiliated-held and all contracts of the portfolio closed at the last round. */
  readonly urnInside: Float64Array;
  /** In-house slot fractions carried to next month, D × K. */
  readonly inHouseCarry: Float64Array;
  readonly urnAll: Float64Array;
  /** Active contracts the district itself let (not the city's), and those held by affiliated SOs: kept by openContract and closeContract for the urn. */
  readonly ownActive: Float64Array;
  readonly ownInside: Float64Array;
  /**
   * The district official's other decisions (sim/officials.ts): project granularity (0 standard
   * contracts, 1 showcase projects) and paperwork demanded per project; the trial under way and its memory.
   */
  readonly grain: Float64Array;
  readonly demand: Float64Array;
  readonly lastReward: Float64Array;
  /** Which decision the current trial changed (its place in DECISIONS; -1 none), its value before, and each decision's next direction (D × DECISIONS.length). */
  readonly trialVar: Int8Array;
  readonly trialFrom: Float64Array;
  readonly trialDir: Int8Array;
  /** What officials are judged on, by month of the year (D × 12): upward-visible output, service seen (purchased, through monitoring, and in-house), the service money spent. */
  readonly visibleSum: Float64Array;
  readonly serviceSeen: Float64Array;
  readonly moneySum: Float64Array;
  /** Monthly money for professional training of the SOs holding the district's contracts. */
  readonly training: Float64Array;
  /**
   * Changsha's performance bonus is paid from the purchase budget: the monthly money set aside for it
   * (counted as purchase spending), and the fund it fills until the contracts close at the next round.
   */
  readonly bonusReserve: Float64Array;
  readonly bonusFund: Float64Array;
  /** Needy citizens served, the quality they received and the satisfaction of all the needy. */
  readonly served: Float64Array;
  readonly qualitySum: Float64Array;
  readonly satisfactionSum: Float64Array;
}

/** A district official's decisions, in the order of her trials and of `trialDir` and `takenDecisions` (D × DECISIONS.length). */
export const DECISIONS = ['purchaseShare', 'grain', 'demand'] as const;

/** An SO's effort goes to three uses, in this order in `effort` and `credit` (and `MISSION`, sim/constants.ts). */
export const EFFORT = { service: 0, compliance: 1, relations: 2 } as const;
export const EFFORT_SLOTS = 3;

/** How a contract was awarded (`Contracts.mode`, in this order); renewals keep their first mode. */
export const AWARD_MODES = ['directedInside', 'directedTies', 'newAffiliate', 'competitive'] as const;
export type AwardMode = (typeof AWARD_MODES)[number];
/** An award mode's number in `Contracts.mode`. */
export const MODE = Object.fromEntries(AWARD_MODES.map((m, i) => [m, i])) as Record<AwardMode, number>;
export const COMPETITIVE = MODE.competitive;

export interface Contracts {
  capacity: number;
  n: number;
  active: Uint8Array;
  buyer: Int16Array;
  so: Int32Array;
  cat: Int8Array;
  firstCommunity: Int32Array;
  communities: Int32Array;
  payment: Float64Array;
  slots: Float64Array;
  monthsLeft: Int16Array;
  overhead: Float64Array;
  compliance: Float64Array;
  mode: Uint8Array;
  arrears: Float64Array;
  /** Fraction of a slot left over by rounding, carried to next month. */
  carry: Float64Array;
  observedSum: Float64Array;
  observedN: Int16Array;
  /** 1 for a project paid from the money the city keeps. */
  city: Uint8Array;
  /** Share of its SO's quality a project delivers: less for fragments of a standard contract. */
  continuity: Float64Array;
  /** No free row below this one: where openContract starts looking for the lowest free row. */
  free: number;
}

export interface SOs {
  capacity: number;
  n: number;
  /** SOs founded so far: the next SO's id. */
  founded: number;
  /**
   * A stable number for each SO, its order of founding from 0: rows move when closed SOs are
   * compacted, the id goes with the SO. Written only where SOs are founded; no process reads it.
   */
  id: Int32Array;
  /** Month of registration (ticks before month 0 are negative); unregistered: the month of founding, not read. Written where SOs register; no process reads it. */
  registeredAt: Int32Array;
  alive: Uint8Array;
  affiliated: Uint8Array;
  registered: Uint8Array;
  /** 1 when registered through a sponsoring agency (dual management), which caps its autonomy. */
  sponsored: Uint8Array;
  /**
   * Where the SO's line of work stands in the rules, uniform on [0, 1): it needs a sponsoring agency
   * to register, and stays under it, while this is below `dualManagement` (the share of SOs the rule
   * covers). A reform that lowers dualManagement frees the SOs above the new value, and only them; one
   * that raises it leaves SOs registered directly as they are (docs/model.md §7.9).
   */
  sponsorRank: Float64Array;
  home: Int16Array;
  /** The service category the SO works in. */
  field: Int8Array;
  /** Monthly money of the contracts it holds. */
  held: Float64Array;
  skill: Float64Array;
  autonomy: Float64Array;
  reserves: Float64Array;
  negativeMonths: Int16Array;
  reputation: Float64Array;
  adequacy: Float64Array;
  /** Desired effort split (EFFORT: service, compliance, relations), S × EFFORT_SLOTS, and the credits that drive it. */
  effort: Float64Array;
  credit: Float64Array;
  /** Effective service and compliance effort this month, after the paperwork demanded. */
  serviceEffort: Float64Array;
  complianceEffort: Float64Array;
  quality: Float64Array;
  /** Quality as buyers have observed it: a running mean of the monitoring record. */
  observedQuality: Float64Array;
  /** Ties to each district, S × D. */
  ties: Float64Array;
  /** Revenue by funder (each district, then other sources), 12-month average, S × (D+1). */
  funding: Float64Array;
  contracts: Int16Array;
  contractMoney: Float64Array;
  revenueGov: Float64Array;
  revenueAlt: Float64Array;
  served: Float64Array;
}

export interface State {
  tick: number;
  params: Params;
  readonly seed: number;
  readonly rng: Streams;
  readonly citizens: Citizens;
  readonly communities: Communities;
  readonly districts: Districts;
  readonly contracts: Contracts;
  readonly sos: SOs;
  /** Unit cost of serving one citizen for a month, by category, for contracted supply. */
  readonly unitCost: Float64Array;
  /** Eldercare prevalence multiplier from ageing. */
  ageing: number;
  /** The best quality a provider offered last month (0 before any): no citizen received more (sim/delivery.ts; it bounds the chance of resolution). */
  servedQuality: number;
  /** Running totals since month 0: money booked both ways, SOs founded and closed, competitive tenders and their eligible bidders. */
  /** Running totals since month 0; `reserved` and `bonuses`: the purchase money set aside for performance bonuses, and the bonuses paid from it. */
  readonly ledger: {
    paid: number;
    received: number;
    entered: number;
    exited: number;
    newAffiliates: number;
    tenders: number;
    bidders: number;
    /** Competitive tenders with fewer eligible bidders than an open tender needs (MIN_TENDER_BIDDERS). */
    failedTenders: number;
    reserved: number;
    bonuses: number;
  };
  readonly initialSOs: number;
  /**
   * Officials' decisions taken by people (sim/officials.ts, Decision): by year, district and decision
   * (purchase share, granularity, demand), NaN where the model's official decides. Made for each run
   * (its length) when month 0 is reached: not part of the inherited world.
   */
  takenDecisions: Float64Array;
  /** SOs by field, for the award's scans: rebuilt when SOs are founded or compacted (see sosInField). */
  readonly byField: FieldIndex;
}

/** SO rows grouped by field, ascending within a field: the rows of field k are order[start[k]] .. order[start[k+1]-1]. */
export interface FieldIndex {
  /** Number of SO rows the index was built for; -1 when stale. */
  n: number;
  order: Int32Array;
  readonly start: Int32Array;
}

export function createFieldIndex(): FieldIndex {
  return { n: -1, order: new Int32Array(0), start: new Int32Array(K + 1) };
}

/**
 * The index of SOs by field, brought up to date (a counting sort, O(SOs + K)) when SOs were founded
 * or compacted since it was built. Rows keep ascending order within a field, so a scan of a field's
 * rows visits the SOs in the same order as a scan of every row that skips the other fields.
 */
export function sosInField(s: State): FieldIndex {
  const x = s.byField;
  const t = s.sos;
  if (x.n === t.n) return x;
  if (x.order.length < t.n) x.order = new Int32Array(t.capacity);
  x.start.fill(0);
  for (let so = 0; so < t.n; so++) x.start[t.field[so] + 1]++;
  for (let k = 0; k < K; k++) x.start[k + 1] += x.start[k];
  const next = x.start.slice(0, K);
  for (let so = 0; so < t.n; so++) x.order[next[t.field[so]]++] = so;
  x.n = t.n;
  return x;
}

export function grow<T extends Float64Array | Int32Array | Int16Array | Int8Array | Uint8Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

export function createCitizens(n: number): Citizens {
  return {
    n,
    needCat: new Int8Array(n).fill(-1),
    needy: new Int32Array((n + 31) >>> 5),
    need: new Float32Array(n),
    quality: new Float32Array(n),
    satisfaction: new Float32Array(n).fill(-1),
  };
}

export function createCommunities(params: Params): Communities {
  const count = params.districts * params.communitiesPerDistrict;
  const start = new Int32Array(count + 1);
  for (let c = 0; c <= count; c++) start[c] = Math.round((c * params.citizens) / count);
  const district = new Int16Array(count);
  for (let c = 0; c < count; c++) district[c] = Math.floor(c / params.communitiesPerDistrict);
  return { count, start, district, servedBy: new Float64Array(count * PROVIDER_KINDS.length), needsMet: new Float64Array(count) };
}

export function createDistricts(params: Params): Districts {
  const D = params.districts;
  const roundMonth = new Int8Array(D);
  for (let d = 0; d < D; d++) roundMonth[d] = Math.floor((d * 12) / D);
  return {
    count: D,
    roundMonth,
    budget: new Float64Array(D),
    purchaseShare: new Float64Array(D).fill(params.initialPurchaseShare),
    alloc: new Float64Array(D * K),
    purchaseMoney: new Float64Array(D * K),
    inHouseMoney: new Float64Array(D * K),
    paid: new Float64Array(D),
    needy: new Float64Array(D * K),
    needSum: new Float64Array(D),
    unmetSum: new Float64Array(D),
    transferSum: new Float64Array(D),
    metUnits: new Float64Array(D),
    transferValue: new Float64Array(D),
    urnInside: new Float64Array(D),
    inHouseCarry: new Float64Array(D * K),
    urnAll: new Float64Array(D),
    ownActive: new Float64Array(D),
    ownInside: new Float64Array(D),
    grain: new Float64Array(D),
    demand: new Float64Array(D),
    lastReward: new Float64Array(D).fill(NaN),
    trialVar: new Int8Array(D).fill(-1),
    trialFrom: new Float64Array(D),
    trialDir: new Int8Array(D * DECISIONS.length).fill(1),
    visibleSum: new Float64Array(D * 12),
    serviceSeen: new Float64Array(D * 12),
    moneySum: new Float64Array(D * 12),
    training: new Float64Array(D),
    bonusReserve: new Float64Array(D),
    bonusFund: new Float64Array(D),
    served: new Float64Array(D),
    qualitySum: new Float64Array(D),
    satisfactionSum: new Float64Array(D),
  };
}

export function createContracts(capacity: number): Contracts {
  return {
    capacity,
    n: 0,
    active: new Uint8Array(capacity),
    buyer: new Int16Array(capacity),
    so: new Int32Array(capacity),
    cat: new Int8Array(capacity),
    firstCommunity: new Int32Array(capacity),
    communities: new Int32Array(capacity),
    payment: new Float64Array(capacity),
    slots: new Float64Array(capacity),
    monthsLeft: new Int16Array(capacity),
    overhead: new Float64Array(capacity),
    compliance: new Float64Array(capacity),
    mode: new Uint8Array(capacity),
    arrears: new Float64Array(capacity),
    carry: new Float64Array(capacity),
    observedSum: new Float64Array(capacity),
    observedN: new Int16Array(capacity),
    city: new Uint8Array(capacity),
    continuity: new Float64Array(capacity),
    free: 0,
  };
}

export function createSOs(capacity: number, D: number): SOs {
  return {
    capacity,
    n: 0,
    founded: 0,
    id: new Int32Array(capacity),
    registeredAt: new Int32Array(capacity),
    alive: new Uint8Array(capacity),
    affiliated: new Uint8Array(capacity),
    registered: new Uint8Array(capacity),
    sponsored: new Uint8Array(capacity),
    sponsorRank: new Float64Array(capacity),
    home: new Int16Array(capacity),
    field: new Int8Array(capacity),
    held: new Float64Array(capacity),
    skill: new Float64Array(capacity),
    autonomy: new Float64Array(capacity),
    reserves: new Float64Array(capacity),
    negativeMonths: new Int16Array(capacity),
    reputation: new Float64Array(capacity),
    adequacy: new Float64Array(capacity),
    effort: new Float64Array(capacity * EFFORT_SLOTS),
    credit: new Float64Array(capacity * EFFORT_SLOTS),
    serviceEffort: new Float64Array(capacity),
    complianceEffort: new Float64Array(capacity),
    quality: new Float64Array(capacity),
    observedQuality: new Float64Array(capacity),
    ties: new Float64Array(capacity * D),
    funding: new Float64Array(capacity * (D + 1)),
    contracts: new Int16Array(capacity),
    contractMoney: new Float64Array(capacity),
    revenueGov: new Float64Array(capacity),
    revenueAlt: new Float64Array(capacity),
    served: new Float64Array(capacity),
  };
}

/** Double every column of a table; a column keeps its row width (ties are S × D, effort S × 3). */
export function growTable<T extends { capacity: number }>(table: T): void {
  const next = table.capacity * 2;
  const rec = table as unknown as Record<string, unknown>;
  for (const [key, col] of Object.entries(rec)) {
    if (ArrayBuffer.isView(col)) {
      const typed = col as Float64Array;
      rec[key] = grow(typed, (next * typed.length) / table.capacity);
    }
  }
  table.capacity = next;
}
