// A spec file read, validated and resolved into everything needed to run it: scenarios, seeds,
// design points, metrics. Nothing is written; every error is one line naming the field.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { DEFAULTS, metricNames, ParamError, resolveParams, ScenarioError, type Scenario } from '../../sim/index.ts';
import { findScenario, SCENARIOS } from '../../scenarios/index.ts';
import { loadScenarioFile } from '../load.ts';
import { UsageError } from '../common/errors.ts';
import { mix32 } from '../../lab/random.ts';
import { buildDesign, designSize, type Design } from './design.ts';
import { checkDisjoint, checkParam } from './params.ts';
import { describeSpecIssue } from './spec-errors.ts';
import { specSchema, type Spec } from './spec-schema.ts';

export interface Experiment {
  spec: Spec;
  scenarios: Scenario[];
  /** Months of each scenario's runs. */
  ticks: number[];
  /** Seed of each replicate: the same replicate has the same seed at every point and in every scenario. */
  seeds: number[];
  design: Design;
  metrics: string[];
  /** Record every k-th tick (and the last); 0 records the last tick only. */
  every: number;
  runs: number;
}

const MAX_RUNS = 10_000_000;

export function scenarioOf(ref: string, base: string, field: string): Scenario {
  if (ref.endsWith('.json')) return loadScenarioFile(isAbsolute(ref) ? ref : resolve(base, ref));
  const found = findScenario(ref);
  if (!found) throw new UsageError(`field ${field} = "${ref}" is not allowed: must be one of ${SCENARIOS.map((s) => s.id).join(', ')}, or a path to a .json file`);
  return found;
}

function scenariosOf(spec: Spec, base: string): Scenario[] {
  if (spec.scenario !== undefined && spec.scenarios !== undefined) throw new UsageError('give either field scenario or field scenarios, not both');
  if (spec.scenario !== undefined) return [scenarioOf(spec.scenario, base, 'scenario')];
  if (spec.scenarios === undefined) throw new UsageError('field scenario is missing: must be a bundled scenario id or a path to a scenario .json file (or give field scenarios, a list)');
  const list = spec.scenarios.map((ref, i) => scenarioOf(ref, base, `scenarios[${i}]`));
  list.forEach((s, i) => {
    if (list.findIndex((t) => t.id === s.id) !== i) throw new UsageError(`field scenarios names scenario "${s.id}" twice`);
  });
  return list;
}

/** Seeds from a count: a bijective hash of (base seed, replicate), so two base seeds share no run by accident. */
function seedsOf(spec: Spec): number[] {
  if (Array.isArray(spec.seeds)) {
    if (spec.baseSeed !== undefined) throw new UsageError('field baseSeed only applies when field seeds is a count, not a list');
    const seeds = spec.seeds;
    seeds.forEach((s, i) => {
      if (seeds.indexOf(s) !== i) throw new UsageError(`field seeds lists ${s} twice`);
    });
    return seeds;
  }
  const base = mix32(spec.baseSeed ?? 1);
  return Array.from({ length: spec.seeds }, (_, r) => mix32((base + r) | 0));
}

const ALL_METRICS = metricNames(32).filter((m) => m !== 'tick');

function checkMetrics(spec: Spec, scenarios: Scenario[], design: Design): void {
  spec.metrics.forEach((m, i) => {
    if (!ALL_METRICS.includes(m)) {
      throw new UsageError(`field metrics[${i}] = "${m}" is not allowed: must be a metric of ${metricNames(1).filter((x) => x !== 'tick').join(', ')} (per district: name.d0, name.d1, …)`);
    }
    if (spec.metrics.indexOf(m) !== i) throw new UsageError(`field metrics lists "${m}" twice`);
  });
  // District metrics exist only for districts the world has, and districts may be varied.
  if (!spec.metrics.some((m) => m.includes('.d'))) return;
  for (const scenario of scenarios) {
    for (const point of design.points) {
      const { districts } = resolveParams(scenario.params, spec.set, Object.fromEntries(design.params.map((p, i) => [p, point[i]])));
      const names = metricNames(districts);
      const missing = spec.metrics.find((m) => !names.includes(m));
      if (missing) throw new UsageError(`field metrics: "${missing}" does not exist in scenario ${scenario.id} with districts = ${districts}`);
    }
  }
}

function resolveSpec(spec: Spec, base: string): Experiment {
  const scenarios = scenariosOf(spec, base);
  for (const [name, value] of Object.entries(spec.set)) checkParam(`set.${name}`, name, value);
  const seeds = seedsOf(spec);
  // Count before building: a design too large to run is refused before it fills the memory.
  const points = designSize(spec);
  const runs = scenarios.length * points * seeds.length;
  if (runs > MAX_RUNS) throw new UsageError(`the spec asks for ${runs} runs (${scenarios.length} scenarios × ${points} points × ${seeds.length} seeds); at most ${MAX_RUNS}`);
  const design = buildDesign(spec);
  checkDisjoint(spec.set, design.params, design.type === 'grid' ? 'vary' : 'design.ranges');
  checkMetrics(spec, scenarios, design);
  const ticks = scenarios.map((s) => spec.ticks ?? s.params.ticks ?? DEFAULTS.ticks);
  const every = spec.record === 'final' ? 0 : spec.record.every;
  return { spec, scenarios, ticks, seeds, design, metrics: spec.metrics, every, runs };
}

/** Read, validate and resolve a spec file; throws UsageError naming the file and the field. */
export function loadExperiment(path: string): Experiment {
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(code ? `cannot read spec file ${path}: ${code}` : `spec file ${path} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = specSchema.safeParse(input);
  if (!parsed.success) throw new UsageError(`spec ${path}: ${describeSpecIssue(parsed.error.issues[0], input)}`);
  try {
    return resolveSpec(parsed.data, dirname(resolve(path)));
  } catch (err) {
    if (err instanceof UsageError || err instanceof ParamError || err instanceof ScenarioError) throw new UsageError(`spec ${path}: ${err.message}`);
    throw err;
  }
}
