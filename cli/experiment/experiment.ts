// A spec file read, validated and resolved into everything needed to run it: scenarios, seeds,
// design points, metrics. Nothing is written; every problem is found and listed (up to ten), each
// naming the field, the value and what is allowed.
import { dirname, isAbsolute, resolve } from 'node:path';
import { DEFAULTS, metricNames, ParamError, resolveParams, ScenarioError, type Scenario } from '../../sim/index.ts';
import { findScenario, SCENARIOS } from '../../scenarios/index.ts';
import { loadScenarioFile } from '../load.ts';
import { UsageError } from '../common/errors.ts';
import { problemList, readJsonFile } from '../common/json.ts';
import { mix32 } from '../../lab/random.ts';
import { buildDesign, designSize, type Design } from './design.ts';
import { checkDisjoint, checkParam } from './params.ts';
import { describeSpecIssue } from './spec-errors.ts';
import { specSchema, type Spec } from './spec-schema.ts';

export type Format = 'csv' | 'parquet';

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
  /** Format of runs and summary: the spec's, unless --format says otherwise. */
  format: Format;
  /** What is allowed but probably not meant (a schedule after the runs' end), one line each. */
  warnings: string[];
}

const MAX_RUNS = 10_000_000;

export function scenarioOf(ref: string, base: string, field: string): Scenario {
  if (ref.endsWith('.json')) return loadScenarioFile(isAbsolute(ref) ? ref : resolve(base, ref));
  const found = findScenario(ref);
  if (!found) throw new UsageError(`field ${field} = "${ref.length > 60 ? `${ref.slice(0, 57)}...` : ref}" is not allowed: must be one of ${SCENARIOS.map((s) => s.id).join(', ')}, or a path to a .json file`);
  return found;
}

/** Run `f`; a problem it throws is pushed, and undefined returned. */
export function attempt<T>(problems: string[], f: () => T): T | undefined {
  try {
    return f();
  } catch (err) {
    if (err instanceof UsageError || err instanceof ParamError || err instanceof ScenarioError) problems.push(err.message);
    else throw err;
    return undefined;
  }
}

function scenariosOf(spec: Spec, base: string, problems: string[]): Scenario[] | undefined {
  if (spec.scenario !== undefined && spec.scenarios !== undefined) {
    problems.push('give either field scenario or field scenarios, not both');
    return undefined;
  }
  if (spec.scenario === undefined && spec.scenarios === undefined) {
    problems.push('field scenario is missing: must be a bundled scenario id or a path to a scenario .json file (or give field scenarios, a list)');
    return undefined;
  }
  const refs = spec.scenario !== undefined ? [spec.scenario] : spec.scenarios!;
  const list = refs.map((ref, i) => attempt(problems, () => scenarioOf(ref, base, spec.scenario !== undefined ? 'scenario' : `scenarios[${i}]`)));
  const seen = new Set<string>();
  for (const s of list) {
    if (s && seen.has(s.id)) problems.push(`field scenarios names scenario "${s.id}" twice`);
    if (s) seen.add(s.id);
  }
  return list.every((s) => s !== undefined) ? (list as Scenario[]) : undefined;
}

/** Up to three values of a list that appear more than once, found in linear time. */
function repeated(values: readonly (number | string)[]): (number | string)[] {
  const seen = new Set<number | string>();
  const twice = new Set<number | string>();
  for (const v of values) {
    if (seen.has(v)) twice.add(v);
    seen.add(v);
  }
  return [...twice].slice(0, 3);
}

/** Seeds from a count: a bijective hash of (base seed, replicate), so two base seeds share no run by accident. */
function seedsOf(spec: Spec, problems: string[]): number[] {
  if (Array.isArray(spec.seeds)) {
    if (spec.baseSeed !== undefined) problems.push('field baseSeed only applies when field seeds is a count, not a list');
    for (const s of repeated(spec.seeds)) problems.push(`field seeds lists ${s} twice`);
    return spec.seeds;
  }
  const base = mix32(spec.baseSeed ?? 1);
  return Array.from({ length: spec.seeds }, (_, r) => mix32((base + r) | 0));
}

const ALL_METRICS = new Set(metricNames(32).filter((m) => m !== 'tick'));

function checkMetricNames(spec: Spec, problems: string[]): void {
  spec.metrics.forEach((m, i) => {
    if (!ALL_METRICS.has(m)) {
      problems.push(`field metrics[${i}] = "${m.length > 60 ? `${m.slice(0, 57)}...` : m}" is not allowed: must be a metric of ${metricNames(1).filter((x) => x !== 'tick').join(', ')} (per district: name.d0, name.d1, …)`);
    }
  });
  for (const m of repeated(spec.metrics)) problems.push(`field metrics lists "${m}" twice`);
}

function checkDistrictMetrics(spec: Spec, scenarios: Scenario[], design: Design, problems: string[]): void {
  // District metrics exist only for districts the world has, and districts may be varied.
  if (!spec.metrics.some((m) => m.includes('.d'))) return;
  const varied = design.params.indexOf('districts');
  const districtCounts = varied < 0 ? [undefined] : [...new Set(design.points.map((p) => p[varied]))];
  for (const scenario of scenarios) {
    for (const districts of districtCounts) {
      const params = attempt(problems, () => resolveParams(scenario.params, spec.set, districts === undefined ? {} : { districts }));
      if (!params) return;
      const names = new Set(metricNames(params.districts));
      const missing = spec.metrics.find((m) => ALL_METRICS.has(m) && !names.has(m));
      if (missing) problems.push(`field metrics: "${missing}" does not exist in scenario ${scenario.id} with districts = ${params.districts}`);
    }
  }
}

/** Scheduled changes that fall after the runs' last month never apply: say so. */
function scheduleWarnings(scenarios: Scenario[], ticks: number[]): string[] {
  return scenarios.flatMap((s, i) => {
    const late = s.schedule.filter((c) => c.tick >= ticks[i]).map((c) => c.tick);
    return late.length ? [`warning: scenario ${s.id} schedules a change at month ${late.join(', ')}, after the runs' last month (${ticks[i] - 1}); it never applies`] : [];
  });
}

function resolveSpec(spec: Spec, base: string, problems: string[]): Experiment | undefined {
  const scenarios = scenariosOf(spec, base, problems);
  for (const [name, value] of Object.entries(spec.set)) attempt(problems, () => checkParam(`set.${name}`, name, value));
  const seeds = seedsOf(spec, problems);
  // Count before building: a design too large to run is refused before it fills the memory.
  const points = designSize(spec);
  const runs = (scenarios?.length ?? 1) * points * seeds.length;
  if (runs > MAX_RUNS) {
    problems.push(`the spec asks for ${runs} runs (${scenarios?.length ?? 1} scenarios × ${points} points × ${seeds.length} seeds); at most ${MAX_RUNS}`);
    return undefined;
  }
  const design = buildDesign(spec, problems);
  checkMetricNames(spec, problems);
  if (design) {
    attempt(problems, () => checkDisjoint(spec.set, design.params, design.type === 'grid' ? 'vary' : 'design.ranges'));
    if (scenarios) checkDistrictMetrics(spec, scenarios, design, problems);
  }
  if (!scenarios || !design || problems.length) return undefined;
  const ticks = scenarios.map((s) => spec.ticks ?? s.params.ticks ?? DEFAULTS.ticks);
  const every = spec.record === 'final' ? 0 : spec.record.every;
  return { spec, scenarios, ticks, seeds, design, metrics: spec.metrics, every, runs, format: spec.format ?? 'csv', warnings: scheduleWarnings(scenarios, ticks) };
}

/** Read, validate and resolve a spec file; throws one UsageError listing every problem (up to ten). */
export function loadExperiment(path: string): Experiment {
  const input = readJsonFile(path, 'spec file');
  const parsed = specSchema.safeParse(input);
  if (!parsed.success) throw new UsageError(problemList(`spec ${path}`, parsed.error.issues.map((i) => describeSpecIssue(i, input))));
  const problems: string[] = [];
  const e = resolveSpec(parsed.data, dirname(resolve(path)), problems);
  if (!e) throw new UsageError(problemList(`spec ${path}`, problems));
  return e;
}
