// The whole worker boundary: one typed API, state crossing in bulk as transferred typed arrays, at
// most one snapshot per call (the page calls once per frame), never a call per agent.
import { transfer } from 'comlink';
import {
  createSim, intervene, manifestOf, metricNames, parseScenario, resolveParams, type Change, type Overrides, type Params,
  type RunResult, type Scenario, type Sim,
} from '../../sim/index.ts';
import { VERSION } from '../../sim/version.ts';
import { SCENARIOS, findScenario } from '../../scenarios/index.ts';
import { runTask, type RunTask } from '../../lab/plan.ts';
import { recordedRows } from '../../lab/rows.ts';
import { markersOf, type Marker } from '../../lab/markers.ts';
import { simulateTargets, type ModelSetup } from '../../lab/abc/model.ts';
import { createReader, type History, type Reader, type Selection } from './inspect.ts';

export type { Marker };

export interface Snapshot {
  tick: number;
  ticks: number;
  params: Params;
  /** Rows of every metric from `from` to `tick` (exclusive), one array per name of `names`. */
  from: number;
  names: string[];
  rows: Float64Array[];
  markers: Marker[];
  /** SOs by their stable id (sim/state.ts), not their row. */
  sos: { id: Int32Array; skill: Float64Array; autonomy: Float64Array; affiliated: Uint8Array; revenue: Float64Array; home: Int16Array };
  /** `so`: the SO's stable id. */
  contracts: { buyer: Int16Array; so: Int32Array; payment: Float64Array; mode: Uint8Array };
  communities: { district: Int16Array; needsMet: Float64Array; servedBy: Float64Array };
  /** The history of the SO or district inspected, up to this month (null when none is). */
  inspected?: History | null;
}

let sim: Sim | null = null;
let scenario: Scenario = SCENARIOS[0];
let seed = 1;
let overrides: Record<string, number> = {};
let sent = 0;
let interventions: Change[] = [];
/** The inspector's reader of this run, and what is inspected (sim is only read by it). */
let reader: Reader | null = null;
let selection: Selection | null = null;

function current(): Sim {
  if (!sim) throw new Error('reset() first');
  return sim;
}

/** The scenario's scheduled changes, then the interventions: what the run applies and the manifest lists. */
function changes(): Change[] {
  return [...scenario.schedule.map(({ tick, set }) => ({ tick, set })), ...interventions];
}

function snapshot(): Snapshot {
  const s = current();
  const st = s.state;
  const names = metricNames(st.districts.count);
  const rows = names.map((n) => Float64Array.from(s.series[n].slice(sent)));
  const from = sent;
  sent = st.tick;
  const alive: number[] = [];
  for (let i = 0; i < st.sos.n; i++) if (st.sos.alive[i] && st.sos.registered[i]) alive.push(i);
  const F = st.districts.count + 1;
  const sos = {
    id: Int32Array.from(alive, (i) => st.sos.id[i]),
    skill: Float64Array.from(alive, (i) => st.sos.skill[i]),
    autonomy: Float64Array.from(alive, (i) => st.sos.autonomy[i]),
    affiliated: Uint8Array.from(alive, (i) => st.sos.affiliated[i]),
    revenue: Float64Array.from(alive, (i) => st.sos.funding.subarray(i * F, i * F + F).reduce((a, b) => a + b, 0)),
    home: Int16Array.from(alive, (i) => st.sos.home[i]),
  };
  const active: number[] = [];
  for (let i = 0; i < st.contracts.n; i++) if (st.contracts.active[i]) active.push(i);
  const c = st.contracts;
  const contracts = {
    buyer: Int16Array.from(active, (i) => c.buyer[i]),
    so: Int32Array.from(active, (i) => st.sos.id[c.so[i]]),
    payment: Float64Array.from(active, (i) => c.payment[i]),
    mode: Uint8Array.from(active, (i) => c.mode[i]),
  };
  const communities = {
    district: st.communities.district.slice(),
    needsMet: st.communities.needsMet.slice(),
    servedBy: st.communities.servedBy.slice(),
  };
  const snap: Snapshot = {
    tick: st.tick, ticks: st.params.ticks, params: { ...st.params }, from, names, rows, markers: markersOf(scenario.schedule, interventions), sos, contracts, communities,
    ...(selection && reader ? { inspected: reader.history(selection) } : {}),
  };
  const buffers = [
    ...rows.map((r) => r.buffer),
    ...Object.values(sos).map((a) => a.buffer),
    ...Object.values(contracts).map((a) => a.buffer),
    ...Object.values(communities).map((a) => a.buffer),
  ] as ArrayBuffer[];
  return transfer(snap, buffers);
}

/** A bundled scenario by id, or a scenario file's content (checked again here). */
function scenarioOf(which: string | Scenario): Scenario {
  if (typeof which !== 'string') return parseScenario(which, 'scenario file');
  const found = findScenario(which);
  if (!found) throw new Error(`unknown scenario ${which}`);
  return found;
}

function start(which: string | Scenario, runSeed: number, set: Record<string, number>, planned: Change[]): Sim {
  scenario = scenarioOf(which);
  seed = runSeed;
  overrides = set;
  interventions = planned.map(({ tick, set: s }) => ({ tick, set: s }));
  sent = 0;
  sim = createSim(resolveParams(scenario.params, set), seed, changes(), scenario.decisions);
  reader = createReader(sim.state, selection?.kind === 'so' ? [selection.id] : []);
  return sim;
}

/** One month of the run, and the inspector's reading of it. */
function advance(s: Sim): void {
  s.tick();
  reader?.read();
}

/**
 * Inspect an SO (by id) or a district, or nothing (null). An SO not read so far is read from month
 * 0 by a second run of the same settings to the month shown — runs are deterministic — and from
 * then on by this run's reader.
 */
function inspect(sel: Selection | null): History | null {
  const s = current();
  selection = sel;
  if (!sel || !reader) return null;
  if (sel.kind === 'so' && !reader.watching(sel.id)) {
    const again = createSim(resolveParams(scenario.params, overrides), seed, changes(), scenario.decisions);
    const shadow = createReader(again.state, [sel.id]);
    while (again.state.tick < s.state.tick) {
      again.tick();
      shadow.read();
    }
    reader.adopt(shadow, sel.id);
  }
  return reader.history(sel);
}

export const api = {
  version: () => VERSION,

  /**
   * Start a run of a bundled scenario (by id) or of a loaded scenario file, with the page's overrides
   * and any interventions already known (from a shared link); returns its first snapshot (tick 0).
   */
  reset(which: string | Scenario, runSeed: number, set: Record<string, number>, planned: Change[] = [], sel?: Selection | null): Snapshot {
    if (sel !== undefined) selection = sel;
    start(which, runSeed, set, planned);
    return snapshot();
  },

  /**
   * The same run again from month 0 up to `month`, in one call: to undo an intervention, to step
   * back a month, and to open a shared link at the month it was shared at. The snapshot holds the
   * whole series (`from` 0).
   */
  replay(which: string | Scenario, runSeed: number, set: Record<string, number>, planned: Change[], month: number, sel?: Selection | null): Snapshot {
    if (sel !== undefined) selection = sel;
    const s = start(which, runSeed, set, planned);
    while (s.state.tick < Math.min(month, s.state.params.ticks)) advance(s);
    return snapshot();
  },

  /** Advance up to n months (never past the run's length). */
  step(n: number): Snapshot {
    const s = current();
    for (let i = 0; i < n && s.state.tick < s.state.params.ticks; i++) advance(s);
    return snapshot();
  },

  /** Inspect an SO or a district (null: none): its history to the month shown, then in every snapshot. */
  inspect,

  /** An intervention: the change applies from the current month, and is marked on every time axis. */
  intervene(set: Overrides): Snapshot {
    const s = current();
    const change = { tick: s.state.tick, set };
    intervene(s, change);
    // Several changes in one month are one intervention.
    const same = interventions.find((c) => c.tick === change.tick);
    interventions = same ? interventions.map((c) => (c === same ? { tick: c.tick, set: { ...c.set, ...set } } : c)) : [...interventions, change];
    return snapshot();
  },

  /** The run so far, in exactly the shape of `involution-lab run --format json`. */
  exportRun(): RunResult {
    const s = current();
    const ticks = s.state.tick;
    const set = { ...overrides, ticks };
    const schedule = changes();
    const series = Object.fromEntries(Object.entries(s.series).map(([k, v]) => [k, v.slice(0, ticks)]));
        return { manifest: manifestOf(scenario, seed, set, schedule), series };
  },

  /**
   * One run of an experiment (Compare's and the Experiment tab's): the task as lab/plan.ts makes it,
   * its scenario given whole; returns the recorded rows [tick, ...metrics], exactly what the CLI's
   * experiment worker sends back for the same task.
   */
  runRows(which: Scenario, task: RunTask, metrics: string[], every: number): number[][] {
    return recordedRows(runTask([scenarioOf(which)], { ...task, scenario: 0 }), metrics, every);
  },

  /**
   * One proposal of a calibration (the Diagnose tab's): each replicate's target values, run on its
   * seed — exactly what the CLI's calibration worker answers for the same proposal.
   */
  simulateTargets(setup: ModelSetup, theta: number[], seeds: number[]): number[][] {
    return seeds.map((seed) => simulateTargets(setup, theta, seed));
  },

  /** Seconds one run of the task takes in this worker, nothing sent back: Compare's estimate measures with it. */
  timeRun(which: Scenario, task: RunTask): number {
    const start = performance.now();
    runTask([scenarioOf(which)], { ...task, scenario: 0 });
    return (performance.now() - start) / 1000;
  },
};

export type SimApi = typeof api;
