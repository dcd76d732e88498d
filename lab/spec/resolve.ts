// A spec (parsed JSON) validated and resolved into everything needed to run it: scenarios, seeds,
// design points, metrics. Every problem is found and listed, each naming the field, the value and
// what is allowed. No file is read: a scenario named by the spec is a bundled one, one of the
// scenario objects given, or what the caller's resolver makes of it (the CLI reads .json paths).
import { DEFAULTS, lateWarnings, metricNames, PARAM_BY_NAME, parseScenario, resolveParams, type Change, type Scenario } from '../../sim/index.ts';
import { findScenario, SCENARIOS } from '../../scenarios/index.ts';
import { buildDesign, designSize, type Design } from '../design/design.ts';
import { attempt, Problem, SpecError } from '../problems.ts';
import { mix32 } from '../random.ts';
import { describeSpecIssue, meaningOfRest, SPEC_FALLBACKS, SPEC_RECORDS } from './issues.ts';
import { checkDisjoint, checkParam } from './params.ts';
import { specSchema, type Spec } from './schema.ts';
import { shapeProblems } from './shape.ts';

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
  /** Format of runs and summary: the spec's, unless the command line says otherwise. */
  format: Format;
  /** What is allowed but probably not meant (a schedule after the runs' end), one line each. */
  warnings: string[];
}

/** How a scenario reference of the spec (field `field`) becomes a scenario; throws a Problem (or a ScenarioError) if it cannot. */
export type ScenarioResolver = (ref: string, field: string) => Scenario;

export interface ResolveOptions {
  /** Scenarios the spec may name besides the bundled ones, as parsed JSON, by the name the spec gives them. */
  scenarios?: Readonly<Record<string, unknown>>;
  /** What a name not in `scenarios` refers to; by default a bundled scenario's id. */
  resolve?: ScenarioResolver;
}

const MAX_RUNS = 10_000_000;

const short = (text: string): string => (text.length > 60 ? `${text.slice(0, 57)}...` : text);

/** The bundled scenario of this id, or a problem naming the field and the ids allowed. */
export function bundledScenario(ref: string, field: string): Scenario {
  const found = findScenario(ref);
  if (!found) throw new Problem(`field ${field} = "${short(ref)}" is not allowed: must be one of ${SCENARIOS.map((s) => s.id).join(', ')}, or a path to a .json file`);
  return found;
}

function resolverOf(options: ResolveOptions): ScenarioResolver {
  const { scenarios = {}, resolve = bundledScenario } = options;
  return (ref, field) => (Object.hasOwn(scenarios, ref) ? parseScenario(scenarios[ref], `scenario ${short(ref)}`) : resolve(ref, field));
}

function scenariosOf(spec: Spec, resolve: ScenarioResolver, problems: string[]): Scenario[] | undefined {
  if (spec.scenario !== undefined && spec.scenarios !== undefined) {
    problems.push('give either field scenario or field scenarios, not both');
    return undefined;
  }
  if (spec.scenario === undefined && spec.scenarios === undefined) {
    problems.push('field scenario is missing: must be a bundled scenario id or a path to a scenario .json file (or give field scenarios, a list)');
    return undefined;
  }
  const refs = spec.scenario !== undefined ? [spec.scenario] : spec.scenarios!;
  const list = refs.map((ref, i) => attempt(problems, () => resolve(ref, spec.scenario !== undefined ? 'scenario' : `scenarios[${i}]`)));
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

const ALL_METRICS = new Set(metricNames(PARAM_BY_NAME.get('districts')!.max).filter((m) => m !== 'tick'));

function checkMetricNames(spec: Spec, problems: string[]): void {
  spec.metrics.forEach((m, i) => {
    if (!ALL_METRICS.has(m)) {
      problems.push(`field metrics[${i}] = "${short(m)}" is not allowed: must be a metric of ${metricNames(1).filter((x) => x !== 'tick').join(', ')} (per district: name.d0, name.d1, …)`);
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

/**
 * The spec's interventions, checked (each value against the registry; no parameter that sets the
 * size of the world, which cannot change during a run), as the changes every scenario's schedule gets.
 */
function interventionsOf(spec: Spec, problems: string[]): Change[] {
  const list = spec.interventions ?? [];
  list.forEach((c, i) => {
    const names = Object.keys(c.set);
    if (!names.length) problems.push(`field interventions[${i}].set is empty: must name at least one parameter with its new value`);
    for (const name of names) {
      const field = `interventions[${i}].set.${name}`;
      const before = problems.length;
      attempt(problems, () => checkParam(field, name, c.set[name]));
      if (problems.length === before && PARAM_BY_NAME.get(name)?.structural) problems.push(`field ${field}: parameter ${name} cannot change during a run: it sets the size of the world (give it in field set)`);
    }
  });
  return list.map(({ tick, set }) => ({ tick, set }));
}

/** Each scenario with the interventions after its own schedule (the order the explorer applies them in). */
const withInterventions = (scenarios: Scenario[], changes: Change[]): Scenario[] =>
  changes.length ? scenarios.map((s) => ({ ...s, schedule: [...s.schedule, ...changes] })) : scenarios;

/** Scheduled changes (and decisions) that fall after the runs' last month never apply: say so. */
function scheduleWarnings(scenarios: Scenario[], ticks: number[]): string[] {
  return scenarios.flatMap((s, i) => lateWarnings(s, ticks[i], "the runs'"));
}

function resolveSpec(spec: Spec, resolve: ScenarioResolver, problems: string[]): Experiment | undefined {
  const given = scenariosOf(spec, resolve, problems);
  for (const [name, value] of Object.entries(spec.set)) attempt(problems, () => checkParam(`set.${name}`, name, value));
  const scenarios = given && withInterventions(given, interventionsOf(spec, problems));
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

/**
 * Validate and resolve a spec (parsed JSON, e.g. `JSON.parse` of a spec file); throws a SpecError
 * listing every problem. The same spec gives the same experiment (design, seeds) here and in the CLI.
 */
export function resolveExperiment(input: unknown, options: ResolveOptions = {}): Experiment {
  const shape = shapeProblems(input);
  if (shape.length) throw new SpecError(shape);
  const parsed = specSchema().safeParse(input);
  const problems: string[] = [];
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((i) => describeSpecIssue(i, input)));
    // What is well formed is checked for its meaning too, so that every problem is listed at once.
    problems.push(...meaningOfRest(input, parsed.error.issues, { records: SPEC_RECORDS, fallbacks: SPEC_FALLBACKS }, specSchema(), (data, found) => resolveSpec(data, resolverOf(options), found)));
    throw new SpecError(problems);
  }
  const e = resolveSpec(parsed.data, resolverOf(options), problems);
  if (!e) throw new SpecError(problems);
  return e;
}
