// The experiment spec (JSON): its shape, and what each field allows, for one-line error messages.
import { lazySchema, z } from '../../sim/schema.ts';
import { SEED, TICKS } from '../../sim/limits.ts';

/** Most changes a spec's interventions (or a scenario file's schedule) may list: every run scans them each month. */
export const MAX_CHANGES = 1000;
const SEED_MAX = SEED.max;
const TICKS_MAX = TICKS.max;
/** The spec's schema, built when first asked for (a page that checks no spec at start does not build it). */
const buildSpecSchema = () => {
  const seed = z.number().int().min(0).max(SEED_MAX);
  const ranges = z.record(z.string(), z.tuple([z.number(), z.number()]));
  const samples = z.number().int().min(2).max(1_000_000);

  const design = z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('lhs'), samples, ranges, seed: seed.default(1) }),
    z.strictObject({ type: z.literal('sobol'), samples, ranges }),
    z.strictObject({
      type: z.literal('morris'),
      samples,
      ranges,
      levels: z.number().int().min(2).max(100).multipleOf(2).default(4),
      candidates: z.number().int().min(2).max(1000).optional(),
      seed: seed.default(1),
    }),
  ]);

  return z.strictObject({
    description: z.string().optional(),
    scenario: z.string().min(1).optional(),
    scenarios: z.array(z.string().min(1)).min(1).optional(),
    ticks: z.number().int().min(1).max(TICKS_MAX).optional(),
    seeds: z.union([z.number().int().min(1).max(100_000), z.array(seed).min(1)]),
    baseSeed: seed.optional(),
    record: z.union([z.literal('final'), z.strictObject({ every: z.number().int().min(1).max(TICKS_MAX) })]).default('final'),
    metrics: z.array(z.string()).min(1),
    set: z.record(z.string(), z.number()).default({}),
    vary: z.record(z.string(), z.array(z.number()).min(1)).optional(),
    design: design.optional(),
    /** Changes at given months, applied to every scenario after its own schedule: the explorer's interventions. */
    interventions: z
      .array(z.strictObject({ tick: z.number().int().min(0).max(TICKS_MAX), set: z.record(z.string(), z.number()) }))
      .max(MAX_CHANGES)
      .optional(),
    format: z.enum(['csv', 'parquet']).optional(),
  });
};

export const specSchema = lazySchema(buildSpecSchema);

export type Spec = z.infer<ReturnType<typeof buildSpecSchema>>;
export type DesignSpec = NonNullable<Spec['design']>;

/** What each field allows, keyed by its path with list positions and parameter names as `*`. */
export const ALLOWED: Record<string, string> = {
  description: 'a string',
  scenario: 'a bundled scenario id or a path to a scenario .json file (relative to the spec)',
  scenarios: 'a non-empty list of bundled scenario ids or scenario .json paths',
  'scenarios.*': 'a bundled scenario id or a path to a scenario .json file',
  ticks: `an integer in [1, ${TICKS_MAX}] (months)`,
  seeds: `a count (an integer in [1, 100000]) or a non-empty list of integer seeds in [0, ${SEED_MAX}]`,
  'seeds.*': `an integer in [0, ${SEED_MAX}]`,
  baseSeed: `an integer in [0, ${SEED_MAX}]`,
  record: `"final" or {"every": k} with k an integer in [1, ${TICKS_MAX}]`,
  'record.every': `an integer in [1, ${TICKS_MAX}]`,
  metrics: 'a non-empty list of metric names (see docs/model.md §7.10)',
  'metrics.*': 'a metric name',
  set: 'an object of parameter overrides, {"name": number}',
  'set.*': 'a number',
  vary: 'an object mapping parameter names to non-empty lists of numbers',
  'vary.*': 'a non-empty list of numbers',
  'vary.*.*': 'a number',
  design: '{"type": "lhs" | "sobol" | "morris", "samples": N, "ranges": {"name": [low, high]}}',
  'design.type': '"lhs", "sobol" or "morris"',
  'design.samples': 'an integer in [2, 1000000]',
  'design.ranges': 'an object mapping parameter names to [low, high]',
  'design.ranges.*': 'a pair of numbers [low, high]',
  'design.ranges.*.*': 'a number',
  'design.levels': 'an even integer in [2, 100]',
  'design.candidates': 'an integer in [2, 1000], at least samples',
  'design.seed': `an integer in [0, ${SEED_MAX}]`,
  interventions: `a list of at most ${MAX_CHANGES} changes during the runs, [{"tick": month, "set": {"name": number}}], applied to every scenario after its own schedule`,
  'interventions.*': '{"tick": month, "set": {"name": number}}',
  'interventions.*.tick': `an integer in [0, ${TICKS_MAX}] (the month the change applies from)`,
  'interventions.*.set': 'an object of parameter changes, {"name": number}',
  'interventions.*.set.*': 'a number',
  format: '"csv" (the default) or "parquet": the format of runs and summary',
};
