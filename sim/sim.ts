// The model value: state plus its ordered processes. `tick` advances one month; the driver (worker,
// CLI, test) owns the clock.
import { adaptation } from './adaptation.ts';
import { budget } from './budget.ts';
import { compaction } from './compaction.ts';
import { DISTRICT_BUDGET, K } from './constants.ts';
import { foundSO } from './contracts.ts';
import { delivery, soQuality, unitCosts } from './delivery.ts';
import { entry } from './entry.ts';
import { createRecorder, record, type Recorder, type Series } from './metrics.ts';
import { seedNeeds } from './needs.ts';
import type { Decision } from './officials.ts';
import { MIN_DECIDED_SHARE } from './limits.ts';
import { PARAM_BY_NAME, PARAMS, type Overrides, type Params } from './params.ts';
import { ParamError, resolveParams } from './param-check.ts';
import { createStreams, uniform } from './rng.ts';
import {
  createCitizens,
  createCommunities,
  createContracts,
  createDistricts,
  createSOs,
  createFieldIndex,
  DECISIONS,
  type State,
} from './state.ts';
import { settlement } from './settlement.ts';
import { recallMonthZero, rememberMonthZero, spinUpKey } from './spin-up-memo.ts';
import { supervision } from './supervision.ts';

export interface Process {
  readonly name: string;
  readonly run: (s: State) => void;
}

/** A change of parameters at a given tick: a scenario's schedule, or an intervention. */
export interface Change {
  readonly tick: number;
  readonly set: Overrides;
}

export interface Sim {
  readonly state: State;
  readonly processes: readonly Process[];
  readonly recorder: Recorder;
  readonly series: Series;
  /** Pending changes, by tick; applied at the start of their tick. */
  readonly schedule: Change[];
  tick(): void;
}

export function createSim(params: Params, seed: number, schedule: readonly Change[] = [], decisions: readonly Decision[] = []): Sim {
  for (const change of schedule) checkChange(change);
  const processes: Process[] = [
    { name: 'budget', run: budget },
    { name: 'delivery', run: delivery },
    { name: 'supervision', run: supervision },
    { name: 'adaptation', run: adaptation },
    { name: 'entry', run: entry },
    { name: 'metrics', run: (s) => record(s, recorder) },
    { name: 'settlement', run: settlement },
    { name: 'compaction', run: compaction },
  ];
  const state = monthZero(resolveParams(params), seed, processes);
  const problems: string[] = [];
  // A decision for a year after the run's last month never applies (a session replayed for fewer
  // months than were played): it is left out, as a schedule's late change is.
  const years = Math.ceil(state.params.ticks / 12);
  decisions.forEach((decision, i) => {
    if (Number.isInteger(decision.year) && decision.year >= years) return;
    const found = decisionProblems(state, decision, `decisions[${i}]`);
    if (found.length === 0) placeDecision(state, decision);
    problems.push(...found);
  });
  if (problems.length > 0) throw new ParamError(problems.join('; '));
  const recorder = createRecorder(state);
  const pending = [...schedule].sort((a, b) => a.tick - b.tick);
  const sim: Sim = {
    state,
    processes,
    recorder,
    series: recorder.series,
    schedule: pending,
    tick() {
      applyChanges(sim);
      for (const p of processes) p.run(state);
      state.tick++;
    },
  };
  return sim;
}

/**
 * The world at month 0 with the run's own parameters: built in its first month and grown through
 * the inherited years, both under the inherited regime, so it is a function of the seed and that
 * regime alone (spinUpKey) and is taken from the memo when an earlier run of this process grew it
 * (sim/spin-up-memo.ts). Officials' decisions taken by people are the run's own: createSim places
 * them afterwards (no process reads them before month 0: officials.ts, takenAt).
 */
function monthZero(own: Params, seed: number, processes: readonly Process[]): State {
  // The run's length is not part of month 0 (no process reads it): the world is grown, and kept,
  // with no months of its own, and the run's table of decisions is made for it here.
  const regime = { ...inheritedRegime(own), ticks: 0 };
  const key = spinUpKey(seed, regime);
  let state = recallMonthZero(key, () => createState(regime, seed));
  if (!state) {
    state = createState(regime, seed);
    spinUp(state, processes);
    rememberMonthZero(key, state);
  }
  state.params = own;
  state.takenDecisions = decisionsTable(own);
  return state;
}

/** A run's table of decisions taken by people: by year, district and decision, NaN where the model decides. */
function decisionsTable(p: Params): Float64Array {
  return new Float64Array(Math.ceil(p.ticks / 12) * p.districts * DECISIONS.length).fill(NaN);
}

/**
 * The inherited years (docs/model.md §5): the world runs from its first month, −12·spinUpYears
 * (createState), to month 0 under the traditional regime (inheritedRegime, the state's params
 * here), every process but the reporter, so that the SO sector, registration, ties and the award urn
 * enter month 0 as the model grows them. Nothing is reported.
 */
function spinUp(state: State, processes: readonly Process[]): void {
  while (state.tick < 0) {
    for (const p of processes) if (p.name !== 'metrics') p.run(state);
    state.tick++;
  }
}

/**
 * The regime a city inherits before month 0 (docs/model.md §5). The traditional one
 * (`traditionalYears` 1): the run's world and constants, but every cause, prevention and
 * co-governance lever at its registry value — the traditional mode of supply that [LW] names the
 * causes of involution — and no central push (purchase became a task assessed from above in 2013:
 * 国办发〔2013〕96号), so that a run's levers are reforms from month 0. With `traditionalYears` 0, the
 * run's own settings: a world that was always so (proportional-growth, the definition check).
 */
export function inheritedRegime(p: Params): Params {
  if (p.traditionalYears === 0) return p;
  const out: Record<string, number> = { ...p, policyPush: 0 };
  for (const spec of PARAMS) if (INHERITED_GROUPS.has(spec.group)) out[spec.name] = spec.default;
  return out as unknown as Params;
}

const INHERITED_GROUPS: ReadonlySet<string> = new Set(['causes', 'prevention', 'co-governance']);

/** Run to `ticks` months (params.ticks by default) and return the series. */
export function runSim(sim: Sim, ticks = sim.state.params.ticks): Series {
  while (sim.state.tick < ticks) sim.tick();
  return sim.series;
}

function checkChange(change: Change): void {
  for (const name of Object.keys(change.set)) {
    if (PARAM_BY_NAME.get(name)?.structural) {
      throw new ParamError(`parameter ${name} cannot change during a run (at tick ${change.tick}): it sets the size of the world`);
    }
  }
}

/** Schedule a change (an intervention from the UI, say) at a tick not yet run. */
export function intervene(sim: Sim, change: Change): void {
  checkChange(change);
  if (change.tick < sim.state.tick) throw new ParamError(`tick ${change.tick} has already run (now at ${sim.state.tick})`);
  sim.schedule.push(change);
  sim.schedule.sort((a, b) => a.tick - b.tick);
}

/**
 * What is wrong with a decision taken for an official (sim/officials.ts, Decision) in this run, each
 * problem naming the field, the value and what is allowed; none when it can be taken.
 */
export function decisionProblems(s: State, x: Decision, at = 'decision'): string[] {
  const p = s.params;
  const years = Math.ceil(p.ticks / 12);
  const problems: string[] = [];
  const check = (field: keyof Decision, ok: boolean, allowed: string) => {
    if (!ok) problems.push(`${at}.${field} = ${JSON.stringify(x[field])}: must be ${allowed}`);
  };
  check('year', Number.isInteger(x.year) && x.year >= 0 && x.year < years, `a whole year from 0 to ${years - 1} (the run has ${p.ticks} months)`);
  check('district', Number.isInteger(x.district) && x.district >= 0 && x.district < p.districts, `a district from 0 to ${p.districts - 1}`);
  check('purchaseShare', x.purchaseShare >= MIN_DECIDED_SHARE && x.purchaseShare <= 1, `from ${MIN_DECIDED_SHARE} to 1`);
  check('grain', x.grain >= 0 && x.grain <= 1, 'from 0 to 1');
  check('demand', x.demand >= 0 && x.demand <= p.maxDemand, `from 0 to maxDemand (${p.maxDemand})`);
  if (problems.length > 0) return problems;
  if (x.year * 12 < s.tick) problems.push(`${at}: year ${x.year} has already begun (now at month ${s.tick})`);
    else if (!Number.isNaN(s.takenDecisions[(x.year * p.districts + x.district) * DECISIONS.length])) problems.push(`${at}: district ${x.district} already has a decision for year ${x.year}`);
  return problems;
}

function placeDecision(s: State, x: Decision): void {
    const at = (x.year * s.districts.count + x.district) * DECISIONS.length;
  DECISIONS.forEach((name, k) => (s.takenDecisions[at + k] = x[name]));
}

/**
 * Take an official's decisions for a year not yet begun (a student's, in the classroom): they hold
 * at the district's budget rounds in that year. Throws ParamError naming what is wrong.
 */
export function decide(sim: Sim, decision: Decision): void {
  const problems = decisionProblems(sim.state, decision);
  if (problems.length > 0) throw new ParamError(problems.join('; '));
  placeDecision(sim.state, decision);
}

function applyChanges(sim: Sim): void {
  const s = sim.state;
  while (sim.schedule.length > 0 && sim.schedule[0].tick <= s.tick) {
    const change = sim.schedule.shift()!;
    s.params = resolveParams(s.params, change.set);
  }
}

/**
 * The world in its first month, −12·spinUpYears, with `params` as its parameters: createSim passes
 * the inherited regime, so that the first month, like the inherited years, does not depend on a
 * run's levers (the month-0 memo's key). Before any contract the levers would not change it anyway:
 * they reach the first month only through soQuality's paperwork response, which is nil without
 * contracts.
 */
function createState(params: Params, seed: number): State {
  const rng = createStreams(seed);
  const D = params.districts;
  const citizens = createCitizens(params.citizens);
  const communities = createCommunities(params);
  const state: State = {
    // The world's first month: the start of the inherited years (spinUp), when the first SOs register.
    tick: -12 * params.spinUpYears,
    params,
    seed,
    rng,
    citizens,
    communities,
    districts: createDistricts(params),
    contracts: createContracts(64),
    sos: createSOs(Math.max(64, params.initialSOs * 2), D),
    unitCost: unitCosts(params.citizens / D, DISTRICT_BUDGET, params.budgetCoverage),
    ageing: 1,
    servedQuality: 0,
    ledger: { paid: 0, received: 0, entered: 0, exited: 0, newAffiliates: 0, tenders: 0, bidders: 0, failedTenders: 0, reserved: 0, bonuses: 0 },
    initialSOs: params.initialSOs,
    takenDecisions: decisionsTable(params),
    byField: createFieldIndex(),
  };
  seedNeeds(state);
  const init = rng.init;
  // Districts start alike: the first SOs are dealt round the districts, and every district gets the
  // same number of affiliated SOs, round(initialAffiliated × ⌊initialSOs / D⌋), in different fields
  // (rotated, so that no field is the affiliated SOs' everywhere); only skill and autonomy are drawn.
  const perDistrict = Math.round(params.initialAffiliated * Math.floor(params.initialSOs / D));
  for (let i = 0; i < params.initialSOs; i++) {
    const j = Math.floor(i / D);
    const affiliated = j < perDistrict;
    // Before any reform every registered SO has a sponsoring agency (dual management since 1998).
    foundSO(state, {
      affiliated,
      registered: true,
      sponsored: !affiliated,
      // Where its line of work stands in the rules: a reform frees those above the new coverage.
      sponsorRank: affiliated ? 0 : init(),
      home: i % D,
      field: (j + i) % K,
      skill: uniform(init, params.initialSkillMin, params.initialSkillMax),
      autonomy: affiliated
        ? uniform(init, params.initialAffiliatedAutonomyMin, params.initialAffiliatedAutonomyMax)
        : uniform(init, params.initialIndependentAutonomyMin, params.initialIndependentAutonomyMax),
      tie: affiliated ? params.initialAffiliatedTie : params.initialIndependentTie,
    });
  }
  soQuality(state);
  countNeedy(state);
  return state;
}

/** The needy by district and category, as the first budget round sees them. */
function countNeedy(s: State): void {
  const { needCat } = s.citizens;
  const com = s.communities;
  const K = s.districts.needy.length / s.districts.count;
  for (let cm = 0; cm < com.count; cm++) {
    const d = com.district[cm];
    for (let i = com.start[cm]; i < com.start[cm + 1]; i++) if (needCat[i] >= 0) s.districts.needy[d * K + needCat[i]]++;
  }
}
