// Scenarios are data: teaching text, source and a lesson beside parameter overrides and a schedule.
import { lazySchema, z } from './schema.ts';
import { PARAMS, type Overrides } from './params.ts';
import { describeIssue, overridesSchema } from './param-check.ts';
import { MIN_DECIDED_SHARE, SEED } from './limits.ts';
import { METRIC_BY_NAME } from './metric-registry.ts';
import type { Decision } from './officials.ts';
import type { Change } from './sim.ts';

/** At most this many decisions in a scenario: 32 districts for 200 years (the longest run). */
export const MAX_DECISIONS = 6_400;

/** The explorer's views a lesson can show (viz/views/list.ts names the same). */
export const LESSON_VIEWS = ['index', 'form-substance', 'sos', 'network', 'map'] as const;

const buildScenarioSchema = () => {
  const text = z.strictObject({ en: z.string().min(1), zh: z.string().min(1) });

  /** A city-level metric of the registry (not the clock). */
  const metricName = z.string().refine((m) => METRIC_BY_NAME.has(m) && m !== 'tick', 'must be a metric of the registry (involution-lab params lists them; docs/model.md §7.10)');

  const prediction = z
    .strictObject({
      metric: metricName,
      against: z.enum(['zero', 'baseline']),
      /** Symmetric: a result within ±within of the reference is "about the same"; in the metric's units, a share's in points of 0–1, a count's or an amount's relative to the baseline. */
      within: z.number().positive(),
    })
    .refine((p) => p.against === 'baseline' || METRIC_BY_NAME.get(p.metric)?.kind === 'growth', {
      message: 'only a growth (the index, form or substance growth) is read against zero; compare other metrics against the baseline',
    });

  return z.strictObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by "-"'),
    title: text,
    teaching: text,
    source: z.string().min(1),
    params: overridesSchema().default({}),
    schedule: z
      .array(z.strictObject({ tick: z.number().int().min(0), set: overridesSchema(), note: text.optional() }))
      .default([]),
    /**
     * The seed the scenario was played with (a classroom game's): what \`run\` and the explorer use
     * when no other seed is given.
     */
    seed: z.number().int().min(SEED.min).max(SEED.max).optional(),
    /** Officials' decisions taken by people, year by year (sim/officials.ts, Decision): a classroom game's. */
    decisions: z
      .array(
        z.strictObject({
          year: z.number().int().min(0),
          district: z.number().int().min(0),
          purchaseShare: z.number().min(MIN_DECIDED_SHARE).max(1),
          grain: z.number().min(0).max(1),
          demand: z.number().min(0).max(1),
        }),
      )
      .max(MAX_DECISIONS)
      .default([]),
    /**
     * A short lesson (viz, Lesson tab): a question, the predictions it asks for, what to look for, and
     * what it shows while the run plays. Optional: a scenario without one has no lesson. What a field
     * left out means (the index against zero, the index and form-against-substance views) is in
     * viz/lessons.ts.
     */
    lesson: z
      .strictObject({
        question: text,
        lookFor: text,
        /** What the student predicts: each a metric at the run's end, against zero or against the baseline on the same seeds, with the symmetric threshold of "about the same". */
        predict: z.array(prediction).min(1).max(3).optional(),
        /** The explorer's views the lesson shows, besides a chart for each prediction. */
        views: z.array(z.enum(LESSON_VIEWS)).max(4).optional(),
        /** The metrics shown as live monitors. */
        monitors: z.array(metricName).max(4).optional(),
        /** The scenario predictions "against the baseline" are compared with (a bundled scenario's id). */
        baseline: z.string().min(1).optional(),
      })
      .optional(),
  });
};

/** The scenario file's schema. */
export const scenarioSchema = lazySchema(buildScenarioSchema);

export type Scenario = z.infer<ReturnType<typeof buildScenarioSchema>> & {
  params: Overrides;
  schedule: (Change & { note?: { en: string; zh: string } })[];
  decisions: Decision[];
};

export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioError';
  }
}

type Fields = Record<string, unknown>;

/** The fields of `o` named in `keys` that it has, in that order (the order the schema gives them). */
function inOrder(o: Fields, keys: readonly string[], each: Record<string, (v: never) => unknown> = {}): Fields {
  const out: Fields = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = each[k] ? each[k](o[k] as never) : o[k];
  return out;
}

const TEXT = ['en', 'zh'];
const text_ = (v: Fields) => inOrder(v, TEXT);
const overrides_ = (v: Fields) => inOrder(v, PARAMS.map((p) => p.name));

/**
 * A bundled scenario file as the schema would give it, without building the schema: its defaults
 * filled in and its fields in the schema's order. Bundled files are part of the build, and
 * test/scenarios.test.ts checks that each is valid and that this equals its parse field for field
 * and in order; so the page does not build and run the schema to start (the files a user loads are
 * checked by `parseScenario`).
 */
export function bundledScenario(file: object): Scenario {
  const f = file as Fields;
  const scenario = inOrder(
    { params: {}, schedule: [], decisions: [], ...f },
    ['id', 'title', 'teaching', 'source', 'params', 'schedule', 'seed', 'decisions', 'lesson'],
    {
      title: text_,
      teaching: text_,
      params: overrides_,
      schedule: (v: Fields[]) => v.map((c) => inOrder(c, ['tick', 'set', 'note'], { set: overrides_, note: text_ })),
      decisions: (v: Fields[]) => v.map((d) => inOrder(d, ['year', 'district', 'purchaseShare', 'grain', 'demand'])),
      lesson: (v: Fields) =>
        inOrder(v, ['question', 'lookFor', 'predict', 'views', 'monitors', 'baseline'], {
          question: text_,
          lookFor: text_,
          predict: (p: Fields[]) => p.map((x) => inOrder(x, ['metric', 'against', 'within'])),
        }),
    },
  );
  return scenario as Scenario;
}

/** Validate a parsed scenario; the error names the file, the field, the value and what is allowed. */
export function parseScenario(input: unknown, origin = 'scenario'): Scenario {
  const result = scenarioSchema().safeParse(input);
  if (result.success) return result.data as Scenario;
  const issue = result.error.issues[0];
  const path = issue.path.map(String);
  let detail: string;
  if (path[0] === 'params' && path.length <= 2) {
    detail = describeIssue({ ...issue, path: issue.path.slice(1) }, (input as { params?: unknown }).params);
  } else if (path[0] === 'schedule' && path[2] === 'set' && path.length <= 4) {
    const entry = (input as { schedule: { set: unknown }[] }).schedule[Number(path[1])];
    detail = `schedule[${path[1]}]: ` + describeIssue({ ...issue, path: issue.path.slice(3) }, entry.set);
  } else {
    const field = path.join('.') || '(top level)';
    let value: unknown = input;
    for (const p of issue.path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[p as string] : undefined;
    if (issue.code === 'unrecognized_keys') detail = `unknown field "${issue.keys.join('", "')}" in ${field}`;
    else if (value === undefined) detail = `field ${field} is missing: ${issue.message.replace(/, received undefined$/, '')}`;
    else detail = `field ${field} = ${JSON.stringify(value)}: ${issue.message}`;
  }
  throw new ScenarioError(`${origin}: ${detail}`);
}

/**
 * What a scenario asks of the model: its id, overrides and schedule (without the schedule's notes),
 * as canonical JSON. Two scenarios with the same text here give the same runs, whatever their
 * teaching text, title, source or lesson: resume and merge compare this, not the whole file.
 */
export function scenarioRunText(s: Scenario): string {
  const decisions = s.decisions.length > 0 ? { decisions: s.decisions.map(({ year, district, purchaseShare, grain, demand }) => ({ year, district, purchaseShare, grain, demand })) } : {};
  return JSON.stringify({ id: s.id, params: s.params, schedule: s.schedule.map((c) => ({ tick: c.tick, set: c.set })), ...decisions });
}

/**
 * What of a scenario falls after the last month of runs of `ticks` months and so never applies:
 * scheduled changes and officials' decisions, as warnings (`whose`: "the run's" or "the runs'").
 */
export function lateWarnings(s: Scenario, ticks: number, whose = "the run's"): string[] {
  const out: string[] = [];
  const late = s.schedule.filter((c) => c.tick >= ticks).map((c) => c.tick);
  if (late.length) out.push(`warning: scenario ${s.id} schedules a change at month ${late.join(', ')}, after ${whose} last month (${ticks - 1}); it never applies`);
  const years = [...new Set(s.decisions.filter((d) => d.year * 12 >= ticks).map((d) => d.year))];
  if (years.length) out.push(`warning: scenario ${s.id} has officials' decisions for year ${years.join(', ')}, after ${whose} last month (${ticks - 1}); they never apply`);
  return out;
}
