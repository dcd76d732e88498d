// The calibration spec (JSON): its shape, what each field allows, and its resolution into what the
// algorithm needs. Every problem is found and listed, one line each, before anything runs. No file is
// read: the scenario the spec names is a bundled one, or what the caller's resolver makes of it (the
// CLI reads a .json path beside the spec; the browser looks it up among the scenario files given).
import { lazySchema, z } from '../../sim/schema.ts';
import { DEFAULTS, metricNames, PARAM_BY_NAME, resolveParams, SEED, TICKS, type Scenario } from '../../sim/index.ts';
import type { ModelSetup } from './model.ts';
import type { Prior, SmcSettings } from './smc.ts';
import type { Target } from './targets.ts';
import { attempt, shown, SpecError } from '../problems.ts';
import { describeIssue, meaningOfRest, type SpecVocabulary } from '../spec/issues.ts';
import { checkParam } from '../spec/params.ts';
import { shapeProblems } from '../spec/shape.ts';
import { bundledScenario, type ScenarioResolver } from '../spec/resolve.ts';
import { echo, ECHO_CHARS } from '../numbers.ts';

/** A key in a field's path: at most ECHO_CHARS characters. */
const cut = (key: string): string => (key.length > ECHO_CHARS ? `${key.slice(0, ECHO_CHARS)}…` : key);

/** A target's own name (its key when it gives its metric in field "metric"). */
export const TARGET_NAME = /^[A-Za-z0-9_@.-]{1,64}$/;
const TARGET_NAME_ALLOWED = 'a short name: 1 to 64 letters, digits, _, -, @ or .';
/** Columns of posterior.csv and predictive.csv besides the parameters and the targets. */
const CSV_COLUMNS = ['generation', 'particle', 'weight', 'distance', 'draw', 'replicate', 'seed'];

/** The calibration spec's schema, built when first asked for (a page that checks no spec at start does not build it). */
const buildCalibrationSchema = () => {
  const tick = z
    .number()
    .int()
    .min(0)
    .max(TICKS.max - 1)
    .optional();
  // Any value: one that is not a string is refused in resolveChecked, by its own field (a union's
  // error would name only the whole target).
  const metric = z.unknown().optional();
  const target = z.union([
    z.strictObject({ metric, value: z.number(), sd: z.number().positive(), tick, from: tick }),
    z.strictObject({ metric, range: z.tuple([z.number(), z.number()]), tick, from: tick }),
  ]);

  return z.strictObject({
    description: z.string().optional(),
    scenario: z.string().min(1),
    ticks: z.number().int().min(TICKS.min).max(TICKS.max).optional(),
    set: z.record(z.string(), z.number()).default({}),
    priors: z.record(z.string(), z.tuple([z.number(), z.number()])),
    targets: z.record(z.string(), target),
    particles: z.number().int().min(10).max(100_000).default(200),
    generations: z.number().int().min(1).max(100).default(10),
    replicates: z.number().int().min(1).max(100).default(1),
    seed: z.number().int().min(SEED.min).max(SEED.max).default(1),
    quantile: z.number().gt(0).lt(1).default(0.5),
    minAcceptance: z.number().gt(0).max(1).default(0.02),
    minTolerance: z.number().min(0).default(0),
    kernel: z.enum(['olcm', 'twice-covariance']).default('olcm'),
    predictive: z
      .strictObject({ draws: z.number().int().min(1).max(100_000).default(100), seeds: z.number().int().min(1).max(100).default(1) })
      .default({ draws: 100, seeds: 1 }),
  });
};

export const calibrationSchema = lazySchema(buildCalibrationSchema);

export type CalibrationSpec = z.infer<ReturnType<typeof buildCalibrationSchema>>;

const ALLOWED: Record<string, string> = {
  description: 'a string',
  scenario: 'a bundled scenario id or a path to a scenario .json file (relative to the spec)',
  ticks: `an integer in [${TICKS.min}, ${TICKS.max}] (months)`,
  set: 'an object of fixed parameter overrides, {"name": number}',
  'set.*': 'a number',
  priors: 'an object mapping parameter names to [low, high] (uniform priors)',
  'priors.*': 'a pair of numbers [low, high]',
  'priors.*.*': 'a number',
  targets:
    'an object mapping metric names to {"value": x, "sd": s} or {"range": [low, high]}, each with an optional "tick" and "from"; or mapping a name of the target to the same with its metric in "metric"',
  'targets.*': '{"value": x, "sd": s} or {"range": [low, high]}, with an optional "metric", "tick" and "from"',
  'targets.*.metric': "a metric name (a string); the target's key is then its own name",
  'targets.*.value': 'a number',
  'targets.*.sd': 'a positive number',
  'targets.*.range': 'a pair of numbers [low, high]',
  'targets.*.range.*': 'a number',
  'targets.*.tick': 'an integer month in [0, ticks − 1] (default: the last month)',
  'targets.*.from': 'an integer month in [0, tick]: the target is then the mean of the metric over months from … tick',
  particles: 'an integer in [10, 100000]',
  generations: 'an integer in [1, 100]',
  replicates: 'an integer in [1, 100] (runs per particle, averaged)',
  seed: `an integer in [${SEED.min}, ${SEED.max}]`,
  quantile: 'a number in (0, 1): the next tolerance is this quantile of the last distances',
  minAcceptance: 'a number in (0, 1]: stop when a generation accepts fewer proposals than this share',
  minTolerance: 'a number ≥ 0: stop once the tolerance is this small (0: never)',
  kernel: '"olcm" (Filippi et al. 2013) or "twice-covariance" (Beaumont et al. 2009)',
  predictive: '{"draws": K, "seeds": S}',
  'predictive.draws': 'an integer in [1, 100000]',
  'predictive.seeds': 'an integer in [1, 100]',
};

const VOCABULARY: SpecVocabulary = {
  allowed: ALLOWED,
  records: new Set(['set', 'priors', 'targets']),
  knownFields: (path) => {
    if (path.length === 0) return Object.keys(calibrationSchema().shape);
    if (path[0] === 'predictive') return ['draws', 'seeds'];
    if (path[0] === 'targets') return ['metric', 'value', 'sd', 'tick', 'from', 'or range'];
    return [];
  },
};

/** Everything the calibration needs, resolved and checked. */
export interface Calibration {
  spec: CalibrationSpec;
  scenario: Scenario;
  ticks: number;
  set: Record<string, number>;
  prior: Prior;
  targets: Target[];
  settings: SmcSettings;
}

/** Checks that need the registry and the scenario; each pushes its problems and goes on. */
function resolveChecked(spec: CalibrationSpec, resolve: ScenarioResolver, problems: string[]): Calibration | undefined {
  const scenario = attempt(problems, () => resolve(spec.scenario, 'scenario'));
  const set: Record<string, number> = {};
  for (const [name, value] of Object.entries(spec.set)) {
    const before = problems.length;
    attempt(problems, () => checkParam(`set.${name}`, name, value));
    if (problems.length === before) set[name] = value;
  }
  const names = Object.keys(spec.priors);
  if (names.length === 0) problems.push('field priors is empty: give at least one parameter, {"name": [low, high]}');
  for (const [name, [lo, hi]] of Object.entries(spec.priors)) {
    const p = PARAM_BY_NAME.get(name);
    if (!p) {
      problems.push(`field priors.${cut(name)}: unknown parameter ${echo(name)}; see involution-lab params`);
      continue;
    }
    if (p.integer || p.structural)
      problems.push(
        `field priors.${name}: ${name} is ${p.integer ? 'an integer' : 'a structural'} parameter; priors are for continuous parameters (fix it in field set)`,
      );
    else if (!(lo < hi)) problems.push(`field priors.${name} = ${shown([lo, hi])} is not allowed: must be [low, high] with low < high`);
    else if (lo < p.min || hi > p.max)
      problems.push(`field priors.${name} = ${shown([lo, hi])} is not allowed: must lie within the parameter's range [${p.min}, ${p.max}]`);
    if (name in spec.set) problems.push(`parameter ${name} is both in field set and in field priors; keep it in one`);
  }
  const ticks = spec.ticks ?? scenario?.params.ticks ?? DEFAULTS.ticks;
  const params = scenario ? attempt(problems, () => resolveParams(scenario.params, set)) : undefined;
  const metrics = metricNames(params?.districts ?? DEFAULTS.districts);
  const targets: Target[] = [];
  if (Object.keys(spec.targets).length === 0) problems.push('field targets is empty: give at least one observed metric');
  const allowedMetrics = () =>
    `${metricNames(1)
      .filter((m) => m !== 'tick')
      .join(', ')} (per district: name.d0, name.d1, …)`;
  const windows = new Map<string, string>();
  for (const [key, t] of Object.entries(spec.targets)) {
    const field = `field targets.${cut(key)}`;
    const named = t.metric !== undefined;
    if (named && typeof t.metric !== 'string') {
      problems.push(`${field}.metric = ${shown(t.metric)} is not allowed: must be ${ALLOWED['targets.*.metric']}`);
      continue;
    }
    const metric = typeof t.metric === 'string' ? t.metric : key;
    const known = metrics.includes(metric) && metric !== 'tick';
    if (!named && !known) problems.push(`${field}: unknown metric ${echo(metric)}; allowed: ${allowedMetrics()}`);
    if (named && !known) problems.push(`${field}.metric = ${echo(metric)} is not allowed: unknown metric; allowed: ${allowedMetrics()}`);
    if (named && key !== metric) {
      // The key names the target in the files' columns and tables: a name, and no other column's.
      if (!TARGET_NAME.test(key)) problems.push(`${field}: the target's name ${echo(key)} is not allowed: must be ${TARGET_NAME_ALLOWED}`);
      else if (metrics.includes(key) || key === 'tick')
        problems.push(`${field}: the target's name ${echo(key)} is not allowed: it is another metric's name; name it otherwise (or drop "metric")`);
      else if (CSV_COLUMNS.includes(key) || key in spec.priors)
        problems.push(
          `${field}: the target's name ${echo(key)} is not allowed: it is a column of posterior.csv or predictive.csv (${[...CSV_COLUMNS, ...names].join(', ')}); name it otherwise`,
        );
    }
    const at = t.tick ?? ticks - 1;
    if (at > ticks - 1) problems.push(`${field}.tick = ${at} is not allowed: must be an integer month in [0, ${ticks - 1}] (the run has ${ticks} months)`);
    if (t.from !== undefined && t.from > at)
      problems.push(`${field}.from = ${t.from} is not allowed: must be an integer month in [0, ${at}] (at most the target's tick)`);
    if ('range' in t && !(t.range[0] < t.range[1])) problems.push(`${field}.range = ${shown(t.range)} is not allowed: must be [low, high] with low < high`);
    // One metric over one window is one target: twice, it would count twice in the distance.
    const months = t.from === undefined ? `month ${at}` : `months ${t.from}–${at}`;
    const window = `${metric} ${months}`;
    const first = windows.get(window);
    if (first !== undefined)
      problems.push(
        `${field} is not allowed: it duplicates targets.${cut(first)} (the same metric ${echo(metric)} over the same ${months}); give it another window or remove one`,
      );
    else windows.set(window, key);
    targets.push({
      ...(named && key !== metric ? { name: key } : {}),
      metric,
      tick: at,
      ...(t.from !== undefined ? { from: t.from } : {}),
      observed: 'range' in t ? { range: t.range } : { value: t.value, sd: t.sd },
    });
  }
  if (problems.length || !scenario) return undefined;
  return {
    spec,
    scenario,
    ticks,
    set: { ...set, ticks },
    prior: { names, lo: names.map((n) => spec.priors[n][0]), hi: names.map((n) => spec.priors[n][1]) },
    targets,
    settings: {
      particles: spec.particles,
      generations: spec.generations,
      quantile: spec.quantile,
      minAcceptance: spec.minAcceptance,
      minTolerance: spec.minTolerance,
      kernel: spec.kernel,
      replicates: spec.replicates,
      seed: spec.seed,
    },
  };
}

/**
 * Validate and resolve a calibration spec (parsed JSON); throws a SpecError listing every problem:
 * of shape first, then, in what is well formed, of meaning. `resolve` makes the scenario the spec
 * names (by default a bundled scenario's id).
 */
export function resolveCalibration(input: unknown, resolve: ScenarioResolver = bundledScenario): Calibration {
  // Too deep, or with keys such as __proto__: refused before any schema sees it.
  const shape = shapeProblems(input);
  if (shape.length) throw new SpecError(shape);
  const parsed = calibrationSchema().safeParse(input);
  const problems: string[] = [];
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((i) => describeIssue(VOCABULARY, i, input)));
    // What is well formed is checked for its meaning too, so that every problem is listed at once.
    const fallbacks = { scenario: 'baseline-involution', priors: {}, targets: {} };
    problems.push(
      ...meaningOfRest(input, parsed.error.issues, { records: VOCABULARY.records, fallbacks }, calibrationSchema(), (data, found) =>
        resolveChecked(data, resolve, found),
      ),
    );
    throw new SpecError(problems);
  }
  const c = resolveChecked(parsed.data, resolve, problems);
  if (!c) throw new SpecError(problems);
  return c;
}

/** How many runs a calibration takes: bounds from its spec, and a typical figure at 50 % acceptance. */
export function calibrationRuns(c: Calibration): { least: number; typical: number; most: number; predictive: number } {
  const s = c.settings;
  const perGeneration = (acceptance: number) => Math.ceil(s.particles / acceptance) * s.replicates;
  const predictive = c.spec.predictive.draws * c.spec.predictive.seeds;
  return {
    least: s.particles * s.replicates * s.generations + predictive,
    typical: s.particles * s.replicates + perGeneration(0.5) * (s.generations - 1) + predictive,
    most: s.particles * s.replicates + perGeneration(s.minAcceptance) * (s.generations - 1) + predictive,
    predictive,
  };
}

/** What a calibration's model runs need: the scenario, the fixed settings, the parameters' order and the targets' months. */
export const modelSetup = (c: Calibration): ModelSetup => ({
  scenario: c.scenario,
  set: c.set,
  names: c.prior.names,
  targets: c.targets.map((t) => ({ metric: t.metric, tick: t.tick, ...(t.from !== undefined ? { from: t.from } : {}) })),
});
