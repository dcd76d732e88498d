// What Compare runs, as a value: the scenarios, seeds, outcome and baseline chosen on the tab, with
// the sidebar's settings and interventions, written as the command line's experiment spec (so that
// `involution-lab experiment` runs exactly the same runs), and kept in the share link.
import type { Change, MetricName } from '../sim/index.ts';
import { findScenario } from '../scenarios/index.ts';

/** The outcomes Compare offers: names of the metric registry (a wrong one fails the typecheck). */
export const COMPARE_METRICS: readonly MetricName[] = ['involutionIndex', 'formGrowth', 'substanceGrowth', 'needsMet', 'functionTransfer', 'soDevelopment', 'projectsActive', 'satisfaction'];
export const COMPARE_SEEDS = { min: 1, max: 100 };
export const COMPARE_SCENARIOS = { min: 2, max: 4 };

export interface CompareConfig {
  scenarios: string[];
  /** Seeds 1 … seeds. */
  seeds: number;
  metric: MetricName;
  /** The scenario the others are compared with, paired on seeds; always one of `scenarios`. */
  baseline: string;
}

export const COMPARE_DEFAULTS: CompareConfig = { scenarios: ['baseline-involution', 'full-prevention'], seeds: 10, metric: 'involutionIndex', baseline: 'baseline-involution' };

/** The sidebar's settings as Compare applies them: overrides on every scenario's own, and interventions. */
export interface Settings {
  set: Record<string, number>;
  interventions: Change[];
}

/**
 * The experiment spec of a comparison: every month recorded (the curves Compare draws), seeds
 * 1 … n, the sidebar's overrides (`ticks` has a field of its own) and interventions.
 */
export function compareSpec(c: CompareConfig, settings: Settings): Record<string, unknown> {
  const { ticks, ...set } = settings.set;
  return {
    description: `Compare ${c.scenarios.join(', ')} (baseline ${c.baseline}), from the explorer`,
    scenarios: c.scenarios,
    ...(ticks !== undefined ? { ticks } : {}),
    seeds: Array.from({ length: c.seeds }, (_, i) => i + 1),
    record: { every: 1 },
    metrics: [c.metric],
    ...(Object.keys(set).length ? { set } : {}),
    ...(settings.interventions.length ? { interventions: settings.interventions.map(({ tick, set: s }) => ({ tick, set: s })) } : {}),
  };
}

/** What is wrong with a value of the link's compare settings. */
export interface ConfigProblem {
  key: 'cmp' | 'cmpSeeds' | 'cmpMetric' | 'cmpBase';
  value: string;
}

export const COMPARE_KEYS: readonly string[] = ['cmp', 'cmpSeeds', 'cmpMetric', 'cmpBase'];

/** One of the outcomes Compare offers. */
export const isCompareMetric = (m: string): m is MetricName => (COMPARE_METRICS as readonly string[]).includes(m);

/** The compare settings of a link (`cmp=a,b&cmpSeeds=10&cmpMetric=…&cmpBase=…`); null when it has none. */
export function parseCompare(q: URLSearchParams, problems: ConfigProblem[]): CompareConfig | null {
  if (!COMPARE_KEYS.some((k) => q.has(k))) return null;
  const c = { ...COMPARE_DEFAULTS };
  const list = q.get('cmp');
  if (list !== null) {
    const ids = list.split(',');
    if (ids.length >= COMPARE_SCENARIOS.min && ids.length <= COMPARE_SCENARIOS.max && ids.every((id) => findScenario(id)) && new Set(ids).size === ids.length) c.scenarios = ids;
    else problems.push({ key: 'cmp', value: list });
  }
  const seeds = q.get('cmpSeeds');
  if (seeds !== null) {
    if (/^\d+$/.test(seeds) && Number(seeds) >= COMPARE_SEEDS.min && Number(seeds) <= COMPARE_SEEDS.max) c.seeds = Number(seeds);
    else problems.push({ key: 'cmpSeeds', value: seeds });
  }
  const metric = q.get('cmpMetric');
  if (metric !== null) {
    if (isCompareMetric(metric)) c.metric = metric;
    else problems.push({ key: 'cmpMetric', value: metric });
  }
  const base = q.get('cmpBase');
  if (base !== null) {
    if (c.scenarios.includes(base)) c.baseline = base;
    else problems.push({ key: 'cmpBase', value: base });
  }
  if (!c.scenarios.includes(c.baseline)) c.baseline = c.scenarios[0];
  return c;
}

export function writeCompare(q: URLSearchParams, c: CompareConfig): void {
  q.set('cmp', c.scenarios.join(','));
  q.set('cmpSeeds', String(c.seeds));
  q.set('cmpMetric', c.metric);
  q.set('cmpBase', c.baseline);
}
