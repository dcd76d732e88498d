// The inspector's reader (NetLogo's "inspect"): the history of one SO or one district over the run,
// read from the state once a month, after the month's processes. It only reads: a run with it is
// the same run to the bit (test/inspect.test.ts). Districts are few and are read every month; SOs are
// read only when watched, by their stable id (sim/state.ts, `id`): a row moves when closed SOs are
// compacted, the id goes with the SO. Month m of a history is the state at the end of month m.
import { AWARD_MODES, DECISIONS, EFFORT, EFFORT_SLOTS, projectOf, standings, type State } from '../../sim/index.ts';
import { K } from '../../sim/constants.ts';

/** What is inspected: an SO by its id, or a district (from 0). */
export type Selection = { kind: 'so'; id: number } | { kind: 'district'; d: number };

/** One contract an SO held: from its first month to its last (inclusive), as the monthly reads saw it. */
export interface ContractRecord {
  buyer: number;
  cat: number;
  /** 1 when paid from the money the city keeps. */
  city: number;
  firstCommunity: number;
  communities: number;
  payment: number;
  /** How it was awarded (AWARD_MODES); renewals keep the first mode. */
  mode: number;
  /** The SO held a contract for the same project (buyer, category, communities) the month before: a renewal or the same award again. */
  again: boolean;
  from: number;
  to: number;
  /** Months left at the last read: 0 when it ran to its term. */
  monthsLeft: number;
  /** Mean monitored quality over its months. */
  observed: number;
  active: boolean;
}

/** Per month from 0 (NaN before the SO was founded and after it closed). */
export interface SoHistory {
  kind: 'so';
  id: number;
  /** False until the SO has been founded (by the month shown). */
  exists: boolean;
  affiliated: boolean;
  home: number;
  field: number;
  founded: number;
  /** The month it closed, or -1 while alive. */
  closed: number;
  registered: number[];
  sponsored: number[];
  skill: number[];
  autonomy: number[];
  quality: number[];
  reputation: number[];
  reserves: number[];
  /** Desired effort split: service, compliance, relations. */
  effortService: number[];
  effortCompliance: number[];
  effortRelations: number[];
  /** This month's effective service and compliance effort, after the paperwork demanded. */
  serviceEffort: number[];
  complianceEffort: number[];
  /** Revenue by funder, 12-month average: districts 0 … D−1, then other sources (funding[f][month]). */
  funding: number[][];
  /** Monthly money of its contracts by award mode (moneyByMode[mode][month]). */
  moneyByMode: number[][];
  contracts: ContractRecord[];
}

export interface DistrictHistory {
  kind: 'district';
  d: number;
  roundMonth: number;
  /** The official's decisions in force. */
  purchaseShare: number[];
  grain: number[];
  demand: number[];
  /** The official's aspiration: the remembered standing of her rounds (NaN before the first). */
  aspiration: number[];
  /** Her standing against the other districts over the last 12 months, as `standings` gives it. */
  standing: number[];
  visible: number[];
  seenPerMoney: number[];
  /** Which decision is on trial (0 share, 1 granularity, 2 demand; −1 none or a person's). */
  trialVar: number[];
  /** Each decision's next direction of trial (trialDir[v][month]): a flip at a round undid the trial. */
  trialDir: number[][];
  budget: number[];
  purchaseMoney: number[];
  inHouseMoney: number[];
  training: number[];
  /** Monthly money of the contracts it let (its own and the city's). */
  contractMoney: number[];
  /** Its contracts by award mode (projects[mode][month]). */
  projects: number[][];
  /** Σ payment × the SO's compliance effort over its contracts: SO staff time on its paperwork. */
  paperwork: number[];
  /** Mean compliance effort of the SOs holding its contracts. */
  paperworkShare: number[];
}

export type History = SoHistory | DistrictHistory;

interface SoLog {
  h: SoHistory;
  /** Contract rows held at the last read, with what identifies the contract in them. */
  open: Map<number, { rec: ContractRecord; key: string; monthsLeft: number; observedN: number }>;
  /** Projects it held at the last read: buyer, category, first community. */
  projects: Set<string>;
}

const blank = (n: number) => Array.from({ length: n }, () => NaN);

function emptySo(id: number, months: number, D: number): SoHistory {
  return {
    kind: 'so',
    id,
    exists: false,
    affiliated: false,
    home: -1,
    field: -1,
    founded: -1,
    closed: -1,
    registered: blank(months),
    sponsored: blank(months),
    skill: blank(months),
    autonomy: blank(months),
    quality: blank(months),
    reputation: blank(months),
    reserves: blank(months),
    effortService: blank(months),
    effortCompliance: blank(months),
    effortRelations: blank(months),
    serviceEffort: blank(months),
    complianceEffort: blank(months),
    funding: Array.from({ length: D + 1 }, () => blank(months)),
    moneyByMode: AWARD_MODES.map(() => blank(months)),
    contracts: [],
  };
}

function emptyDistrict(d: number, roundMonth: number): DistrictHistory {
  return {
    kind: 'district',
    d,
    roundMonth,
    purchaseShare: [],
    grain: [],
    demand: [],
    aspiration: [],
    standing: [],
    visible: [],
    seenPerMoney: [],
    trialVar: [],
    trialDir: [[], [], []],
    budget: [],
    purchaseMoney: [],
    inHouseMoney: [],
    training: [],
    contractMoney: [],
    projects: AWARD_MODES.map(() => []),
    paperwork: [],
    paperworkShare: [],
  };
}

export interface Reader {
  /** Read the state of the month just run (call after each tick). */
  read(): void;
  /** Also read this SO from now on (its history before is what `adopt` gives, or blank). */
  watch(id: number): void;
  watching(id: number): boolean;
  /** Take over an SO's history read by another reader of the same run up to the same month. */
  adopt(from: Reader, id: number): void;
  history(sel: Selection): History | null;
  /** @internal for adopt */
  log(id: number): SoLog | undefined;
}

export function createReader(s: State, watched: readonly number[] = []): Reader {
  const D = s.districts.count;
  const districts = Array.from({ length: D }, (_, d) => emptyDistrict(d, s.districts.roundMonth[d]));
  const sos = new Map<number, SoLog>();
  let months = 0;
  const watch = (id: number) => {
    if (!sos.has(id)) sos.set(id, { h: emptySo(id, months, D), open: new Map(), projects: new Set() });
  };
  watched.forEach(watch);

  function readDistricts(): void {
    const dist = s.districts;
    const c = s.contracts;
    const t = s.sos;
    const stand = standings(s);
    const money = new Float64Array(D),
      load = new Float64Array(D),
      share = new Float64Array(D),
      count = new Float64Array(D);
    const byMode = AWARD_MODES.map(() => new Float64Array(D));
    for (let i = 0; i < c.n; i++) {
      if (!c.active[i]) continue;
      const d = c.buyer[i];
      money[d] += c.payment[i];
      load[d] += c.payment[i] * t.complianceEffort[c.so[i]];
      share[d] += t.complianceEffort[c.so[i]];
      count[d]++;
      byMode[c.mode[i]][d]++;
    }
    for (let d = 0; d < D; d++) {
      const h = districts[d];
      h.purchaseShare.push(dist.purchaseShare[d]);
      h.grain.push(dist.grain[d]);
      h.demand.push(dist.demand[d]);
      h.aspiration.push(dist.lastReward[d]);
      h.standing.push(stand[d].standing);
      h.visible.push(stand[d].visible);
      h.seenPerMoney.push(stand[d].seenPerMoney);
      h.trialVar.push(dist.trialVar[d]);
      for (let v = 0; v < DECISIONS.length; v++) h.trialDir[v].push(dist.trialDir[d * DECISIONS.length + v]);
      h.budget.push(dist.budget[d]);
      let purchase = 0,
        inHouse = 0;
      for (let k = 0; k < K; k++) {
        purchase += dist.purchaseMoney[d * K + k];
        inHouse += dist.inHouseMoney[d * K + k];
      }
      h.purchaseMoney.push(purchase);
      h.inHouseMoney.push(inHouse);
      h.training.push(dist.training[d]);
      h.contractMoney.push(money[d]);
      for (let m = 0; m < AWARD_MODES.length; m++) h.projects[m].push(byMode[m][d]);
      h.paperwork.push(load[d]);
      h.paperworkShare.push(count[d] > 0 ? share[d] / count[d] : NaN);
    }
  }

  function readSos(): void {
    if (sos.size === 0) return;
    const t = s.sos;
    const c = s.contracts;
    const F = D + 1;
    const rows = new Map<number, number>();
    for (let so = 0; so < t.n; so++) if (sos.has(t.id[so])) rows.set(t.id[so], so);
    const held = new Map<number, number[]>();
    for (let i = 0; i < c.n; i++) {
      if (!c.active[i]) continue;
      const list = held.get(c.so[i]);
      if (list) list.push(i);
      else held.set(c.so[i], [i]);
    }
    for (const [id, log] of sos) {
      const h = log.h;
      for (const a of [
        h.registered,
        h.sponsored,
        h.skill,
        h.autonomy,
        h.quality,
        h.reputation,
        h.reserves,
        h.effortService,
        h.effortCompliance,
        h.effortRelations,
        h.serviceEffort,
        h.complianceEffort,
        ...h.funding,
        ...h.moneyByMode,
      ])
        a.push(NaN);
      const so = rows.get(id);
      if (so === undefined || !t.alive[so]) {
        // Closed (its row kept until compaction, or gone): its open contracts ended.
        if (h.exists && h.closed < 0) h.closed = months;
        for (const o of log.open.values()) o.rec.active = false;
        log.open.clear();
        log.projects.clear();
        continue;
      }
      if (!h.exists) Object.assign(h, { exists: true, affiliated: t.affiliated[so] === 1, home: t.home[so], field: t.field[so], founded: months });
      const m = months;
      h.registered[m] = t.registered[so];
      h.sponsored[m] = t.sponsored[so];
      h.skill[m] = t.skill[so];
      h.autonomy[m] = t.autonomy[so];
      h.quality[m] = t.quality[so];
      h.reputation[m] = t.reputation[so];
      h.reserves[m] = t.reserves[so];
      h.effortService[m] = t.effort[so * EFFORT_SLOTS + EFFORT.service];
      h.effortCompliance[m] = t.effort[so * EFFORT_SLOTS + EFFORT.compliance];
      h.effortRelations[m] = t.effort[so * EFFORT_SLOTS + EFFORT.relations];
      h.serviceEffort[m] = t.serviceEffort[so];
      h.complianceEffort[m] = t.complianceEffort[so];
      for (let f = 0; f < F; f++) h.funding[f][m] = t.funding[so * F + f];
      for (const a of h.moneyByMode) a[m] = 0;
      // A contract row is the same contract as last month when it holds the same project, its
      // months left went down by one and its monitoring record up by one; else a new one began.
      const open = new Map<number, SoLog['open'] extends Map<number, infer V> ? V : never>();
      const projects = new Set<string>();
      for (const i of held.get(so) ?? []) {
        h.moneyByMode[c.mode[i]][m] += c.payment[i];
        const p = projectOf(s, i);
        const project = `${p.buyer}:${p.cat}:${p.firstCommunity}`;
        const key = `${project}:${p.communities}:${p.payment}:${c.mode[i]}:${p.city}`;
        const was = log.open.get(i);
        const observed = c.observedN[i] > 0 ? c.observedSum[i] / c.observedN[i] : NaN;
        if (was && was.key === key && c.monthsLeft[i] === was.monthsLeft - 1 && c.observedN[i] === was.observedN + 1) {
          Object.assign(was.rec, { to: m, monthsLeft: c.monthsLeft[i], observed });
          open.set(i, { ...was, monthsLeft: c.monthsLeft[i], observedN: c.observedN[i] });
          log.open.delete(i);
        } else {
          const rec: ContractRecord = {
            buyer: p.buyer,
            cat: p.cat,
            city: p.city,
            firstCommunity: p.firstCommunity,
            communities: p.communities,
            payment: p.payment,
            mode: c.mode[i],
            again: log.projects.has(project),
            from: m,
            to: m,
            monthsLeft: c.monthsLeft[i],
            observed,
            active: true,
          };
          h.contracts.push(rec);
          open.set(i, { rec, key, monthsLeft: c.monthsLeft[i], observedN: c.observedN[i] });
        }
        projects.add(project);
      }
      for (const o of log.open.values()) o.rec.active = false;
      log.open = open;
      log.projects = projects;
    }
  }

  return {
    read() {
      readDistricts();
      readSos();
      months++;
    },
    watch,
    watching: (id) => sos.has(id),
    log: (id) => sos.get(id),
    adopt(from, id) {
      const log = from.log(id);
      if (log) sos.set(id, log);
    },
    history(sel) {
      if (sel.kind === 'district') return sel.d >= 0 && sel.d < D ? districts[sel.d] : null;
      return sos.get(sel.id)?.h ?? null;
    },
  };
}
