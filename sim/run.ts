// One run of a scenario, with the manifest that lets anyone re-run it to the bit.
import type { Decision } from './officials.ts';
import type { Params } from './params.ts';
import { resolveParams } from './param-check.ts';
import type { Scenario } from './scenario.ts';
import { createSim, runSim, type Change, type Sim } from './sim.ts';
import type { Series } from './metrics.ts';
import { VERSION } from './version.ts';

export interface Manifest {
  model: 'involution-lab';
  version: string;
  scenario: string;
  seed: number;
  ticks: number;
  params: Params;
  overrides: Record<string, number>;
  schedule: Change[];
  /** Officials' decisions taken by people (a classroom game's); absent when the model's officials took them all. */
  decisions?: Decision[];
}

export interface RunResult {
  manifest: Manifest;
  series: Series;
}

export interface RunOptions {
  ticks?: number;
  /** Overrides on top of the scenario's own parameters. */
  set?: Record<string, number>;
  /** Called after each tick (for progress); must not change the sim. */
  onTick?: (sim: Sim) => void;
}

export function runScenario(scenario: Scenario, seed: number, options: RunOptions = {}): RunResult {
  const set = { ...options.set, ...(options.ticks !== undefined ? { ticks: options.ticks } : {}) };
  const params = resolveParams(scenario.params, set);
  const schedule = scenario.schedule.map(({ tick, set: s }) => ({ tick, set: s }));
    const sim = createSim(params, seed, schedule, scenario.decisions ?? []);
  if (options.onTick) while (sim.state.tick < params.ticks) { sim.tick(); options.onTick(sim); }
  else runSim(sim, params.ticks);
  return { manifest: manifestOf(scenario, seed, set, schedule), series: sim.series };
}

/**
 * The manifest of a run — what `run` prints and the explorer exports, built here only: the
 * scenario, the seed, the overrides on top of the scenario's parameters (with `ticks`), the changes
 * applied (the schedule, and the explorer's interventions) and the decisions taken by people.
 */
export function manifestOf(scenario: Scenario, seed: number, set: Record<string, number>, schedule: Change[]): Manifest {
  const params = resolveParams(scenario.params, set);
  const decisions = scenario.decisions ?? [];
  return {
    model: 'involution-lab',
    version: VERSION,
    scenario: scenario.id,
    seed,
    ticks: params.ticks,
    params,
    overrides: set,
    schedule,
    ...(decisions.length > 0 ? { decisions } : {}),
  };
}
