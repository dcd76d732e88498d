// The calibration spec being built or loaded in the Diagnose tab, as plain JSON (a draft: it may be
// invalid; lab/abc/spec.ts says what is wrong with it). The form reads and writes its fields here;
// a field the form has no control for is kept as it is. The tab opens on the model's own declared
// calibration, calibration/model.json: its targets are published magnitudes (their sources: the
// messages diag.source.<target name>).
import shipped from '../../calibration/model.json';
import { isObject, put, type Draft } from '../experiment/draft.ts';

export type { Draft };

/** The shipped calibration spec, with the published values of its targets. */
export const publishedDraft = (): Draft => structuredClone(shipped) as Draft;

type Published = Readonly<Record<string, unknown>> & { readonly metric: string };

/** The published value of each target of the shipped spec, by the target's name, with its metric (its key, unless it names one). */
const PUBLISHED_TARGETS: Readonly<Record<string, Published>> = Object.fromEntries(
  Object.entries(shipped.targets as Record<string, Record<string, unknown>>).map(([name, t]) => [
    name,
    { ...t, metric: typeof t.metric === 'string' ? t.metric : name },
  ]),
);

/** The shipped target a row shows: the one of its name, if it observes the same metric. */
export const publishedFor = (name: string, metric: string): Published | undefined => {
  const p = PUBLISHED_TARGETS[name];
  return p && p.metric === metric ? p : undefined;
};

/** The first shipped target of a metric: where a new row of it starts. */
export const firstPublished = (metric: string): Published | undefined => Object.values(PUBLISHED_TARGETS).find((p) => p.metric === metric);

/** A name for one more target of `metric` not among `keys`: the metric, or "metric-2", "metric-3", … */
export function freeTargetName(metric: string, keys: readonly string[]): string {
  if (!keys.includes(metric)) return metric;
  let n = 2;
  while (keys.includes(`${metric}-${n}`)) n++;
  return `${metric}-${n}`;
}

export type TargetKind = 'range' | 'value';

/** One observed indicator as the form shows it: what is typed is kept as typed (the check names a bad value). */
export interface TargetRow {
  /**
   * The target's own name (its key, with the metric in field "metric"): one metric may so be a
   * target over several windows. Undefined: the key is the metric.
   */
  name?: string;
  metric: string;
  /** Field "metric" as loaded when it is not a string: kept so that the check names it. */
  badMetric?: unknown;
  kind: TargetKind;
  low?: unknown;
  high?: unknown;
  value?: unknown;
  sd?: unknown;
  tick?: unknown;
  from?: unknown;
}

export function targetRows(d: Draft): TargetRow[] {
  if (!isObject(d.targets)) return [];
  return Object.entries(d.targets).map(([key, t]): TargetRow => {
    const o = isObject(t) ? t : {};
    const range = Array.isArray(o.range) ? o.range : [];
    const who =
      o.metric === undefined
        ? { metric: key }
        : typeof o.metric === 'string'
          ? { name: key, metric: o.metric }
          : { name: key, metric: key, badMetric: o.metric };
    return 'range' in o || !('value' in o || 'sd' in o)
      ? { ...who, kind: 'range', low: range[0], high: range[1], tick: o.tick, from: o.from }
      : { ...who, kind: 'value', value: o.value, sd: o.sd, tick: o.tick, from: o.from };
  });
}

/** A row's key in `targets`: its name, or its metric. */
export const targetKey = (r: TargetRow): string => r.name ?? r.metric;

/**
 * The rows back into `targets`, in their order: a named one with its "metric" first, then
 * {"range": [low, high]} or {"value": x, "sd": s}, then tick and from if given.
 */
export function setTargets(d: Draft, rows: readonly TargetRow[]): void {
  d.targets = Object.fromEntries(
    rows.map((r) => {
      const t: Record<string, unknown> = r.name === undefined ? {} : { metric: r.badMetric !== undefined ? r.badMetric : r.metric };
      if (r.kind === 'range') t.range = [r.low ?? null, r.high ?? null];
      if (r.kind === 'value') {
        put(t, 'value', r.value);
        put(t, 'sd', r.sd);
      }
      put(t, 'tick', r.tick);
      put(t, 'from', r.from);
      return [targetKey(r), t];
    }),
  );
}

export interface PriorRow {
  name: string;
  low?: unknown;
  high?: unknown;
}

export function priorRows(d: Draft): PriorRow[] {
  if (!isObject(d.priors)) return [];
  return Object.entries(d.priors).map(([name, r]) => (Array.isArray(r) ? { name, low: r[0], high: r[1] } : { name }));
}

export function setPriors(d: Draft, rows: readonly PriorRow[]): void {
  d.priors = Object.fromEntries(rows.map((r) => [r.name, [r.low ?? null, r.high ?? null]]));
}

/** A field of an object field (`predictive.draws`): set, or removed when undefined (and the object with it when empty). */
export function putIn(d: Draft, field: string, key: string, value: unknown): void {
  const o = isObject(d[field]) ? { ...d[field] } : {};
  put(o, key, value);
  put(d, field, Object.keys(o).length ? o : undefined);
}
