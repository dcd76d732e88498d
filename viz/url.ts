// The shareable state in the URL: ?scenario=…&seed=…&<param>=…&iv=…&month=…&lang=… (and def=…, a
// loaded scenario file, base64url; cmp…=…, Compare's settings, and cmpRun=1, its results;
// inspect=so:<n> or d:<n>, the SO or district inspected). It holds
// only what the run on screen applied: a world parameter waiting for Reset is not in it.
// Every value is validated against the registry; a bad one is reported and dropped. Nothing read
// from the URL is ever inserted as HTML (callers use textContent).
import { isModelParam, PARAM_BY_NAME, parseParamValue, SEED, TICKS, type Change } from '../sim/index.ts';
import { ECHO_CHARS, parseDecimal } from '../lab/numbers.ts';
import { findScenario, DEFAULT_SCENARIO } from '../scenarios/index.ts';
import { LANGS, type Lang, type MessageKey } from './i18n/index.ts';
import type { Selection } from './worker/inspect.ts';
import { COMPARE_KEYS, COMPARE_METRICS, COMPARE_SEEDS, parseCompare, writeCompare, type CompareConfig, type ConfigProblem } from './compare-config.ts';

/** The tabs a link may open on (Explore, the first, is the default and not written). */
export const TABS = ['explore', 'compare', 'lesson', 'experiment', 'diagnose'] as const;
export type Tab = (typeof TABS)[number];

export interface UrlState {
  scenario: string;
  seed: number;
  set: Record<string, number>;
  /** Interventions: changes at given months, `iv=36:partnership=0.9,serviceOrientation=0.5;48:…`. */
  interventions: Change[];
  /** The month shown (0: the start); a link opens the run at this month. */
  month: number;
  /** A loaded scenario file, encoded (see scenario-file.ts); `scenario` is then its id. */
  def?: string;
  lang: Lang;
  /** Compare's scenarios, seeds, outcome and baseline, once chosen (`cmp=…&cmpSeeds=…&cmpMetric=…&cmpBase=…`). */
  compare?: CompareConfig | null;
  /** The tab the link opens on. */
  tab?: Tab;
  /**
   * The link was shared with Compare's results (`cmpRun=1`): they are brought back where it is opened
   * by running the same comparison again (its runs are deterministic given their seeds).
   */
  compareResults?: boolean;
  /** The SO or district inspected: `inspect=so:12` (the SO's number) or `inspect=d:2` (districts from 1, as the page shows them). */
  inspect?: Selection;
}

/** A problem found in the link, as a message of the catalogs (shown in the page's language). */
export interface Problem {
  key: MessageKey;
  vars: Record<string, string | number>;
  /** For a value out of range: what is allowed. */
  range?: { integer: boolean; min: number; max: number };
}

/** Most interventions a link is read with: far more than a lesson or a class makes, few enough to apply at once. */
export const MAX_LINK_INTERVENTIONS = 200;
/** Longest link offered for sharing without a warning: many servers refuse longer ones (HTTP 431 at 8–16 KB). */
export const MAX_SHARE_CHARS = 8000;
/** Highest SO number a link may name (far above the SOs any run founds). */
export const MAX_SO_ID = 10_000_000;

/** The inspected SO or district of `inspect=so:<n>` / `inspect=d:<n>`, or undefined if malformed. */
export function parseInspect(text: string): Selection | undefined {
  const m = /^(so|d):(\d{1,15})$/.exec(text);
  if (!m) return undefined;
  if (m[1] === 'so') {
    const id = wholeUpTo(m[2], MAX_SO_ID);
    return id === undefined ? undefined : { kind: 'so', id };
  }
  const d = wholeUpTo(m[2], PARAM_BY_NAME.get('districts')!.max, 1);
  return d === undefined ? undefined : { kind: 'district', d: d - 1 };
}

export const writeInspect = (sel: Selection): string => (sel.kind === 'so' ? `so:${sel.id}` : `d:${sel.d + 1}`);

/** Most problems of a link listed; the others are counted. */
export const MAX_LINK_PROBLEMS = 10;

/** A value from the link for a message: at most 60 characters, with an ellipsis and the length. */
const shortText = (text: string): string => (text.length > ECHO_CHARS ? `${text.slice(0, ECHO_CHARS)}… (${text.length.toLocaleString('en-US')} characters)` : text);

/** A parameter value from the link (strict decimal digits, in the registry's range), or the problem with it. */
function paramValue(name: string, text: string): number | Problem {
  const spec = PARAM_BY_NAME.get(name)!;
  const problem: Problem = { key: 'url.value', vars: { name, value: shortText(text) }, range: { integer: spec.integer === true, min: spec.min, max: spec.max } };
  const value = parseDecimal(text);
  if (value === undefined) return problem;
  try {
    return parseParamValue(name, String(value));
  } catch {
    return problem;
  }
}

/** A whole number of decimal digits up to `max` (a month, a seed), or undefined (400 digits are not Infinity). */
function wholeUpTo(text: string, max: number, min = 0): number | undefined {
  if (!/^\d{1,15}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

export function parseUrl(search: string): { state: UrlState; problems: Problem[] } {
  const q = new URLSearchParams(search);
  const problems: Problem[] = [];
  const state: UrlState = { scenario: DEFAULT_SCENARIO, seed: SEED.default, set: {}, interventions: [], month: 0, lang: LANGS[0] };
  const def = q.get('def');
  if (def) state.def = def;
  const compareProblems: ConfigProblem[] = [];
  state.compare = parseCompare(q, compareProblems);
  problems.push(...compareProblems.map(compareProblem));
  for (const [key, value] of q) {
    if (key === 'def' || COMPARE_KEYS.includes(key)) continue;
    if (key === 'scenario') {
      if (def) state.scenario = value;
      else if (findScenario(value)) state.scenario = value;
      else problems.push({ key: 'url.scenario', vars: { value: shortText(value) } });
    } else if (key === 'month') {
      const month = wholeUpTo(value, TICKS.max);
      if (month !== undefined) state.month = month;
      else problems.push({ key: 'url.monthValue', vars: { value: shortText(value), max: TICKS.max } });
    } else if (key === 'seed') {
      const n = wholeUpTo(value, SEED.max, SEED.min);
      if (n !== undefined) state.seed = n;
      else problems.push({ key: 'url.seed', vars: { value: shortText(value), min: SEED.min, max: SEED.max } });
    } else if (key === 'lang') {
      if (LANGS.includes(value)) state.lang = value;
      else problems.push({ key: 'url.lang', vars: { value: shortText(value), langs: LANGS.join(', ') } });
    } else if (key === 'tab') {
      if ((TABS as readonly string[]).includes(value)) state.tab = value as Tab;
      else problems.push({ key: 'url.tab', vars: { value: shortText(value), allowed: TABS.join(', ') } });
    } else if (key === 'cmpRun') {
      if (value === '1') state.compareResults = true;
      else problems.push({ key: 'url.compare.run', vars: { value: shortText(value) } });
    } else if (key === 'inspect') {
      const sel = parseInspect(value);
      if (sel) state.inspect = sel;
      else problems.push({ key: 'url.inspect', vars: { value: shortText(value), maxSo: MAX_SO_ID, maxDistrict: PARAM_BY_NAME.get('districts')!.max } });
    } else if (key === 'iv') {
      state.interventions = parseInterventions(value, problems);
    } else if (isModelParam(key)) {
      const parsed = paramValue(key, value);
      if (typeof parsed === 'number') state.set[key] = parsed;
      else problems.push(parsed);
    } else {
      problems.push({ key: 'url.key', vars: { value: shortText(key) } });
    }
  }
  // An intervention after the run's last month would never apply: said, not kept silently.
  const ticks = state.set.ticks ?? (def ? undefined : findScenario(state.scenario)?.params.ticks) ?? (def ? TICKS.max : TICKS.default);
  const late = state.interventions.filter((c) => c.tick >= ticks);
  if (late.length) {
    problems.push({ key: 'url.ivLate', vars: { months: late.slice(0, 5).map((c) => c.tick).join(', ') + (late.length > 5 ? ', …' : ''), count: late.length, last: ticks - 1 } });
    state.interventions = state.interventions.filter((c) => c.tick < ticks);
  }
  return { state, problems };
}

/** The problems of a link as shown: the first MAX_LINK_PROBLEMS, then how many more. */
export function listedProblems<T>(problems: readonly T[], describe: (p: T) => string, more: (count: number) => string): string {
  const shown = problems.slice(0, MAX_LINK_PROBLEMS).map(describe);
  if (problems.length > MAX_LINK_PROBLEMS) shown.push(more(problems.length - MAX_LINK_PROBLEMS));
  return shown.join('; ');
}

function compareProblem(p: ConfigProblem): Problem {
  const value = shortText(p.value);
  if (p.key === 'cmp') return { key: 'url.compare.scenarios', vars: { value } };
  if (p.key === 'cmpSeeds') return { key: 'url.compare.seeds', vars: { value, min: COMPARE_SEEDS.min, max: COMPARE_SEEDS.max } };
  if (p.key === 'cmpMetric') return { key: 'url.compare.metric', vars: { value, allowed: COMPARE_METRICS.join(', ') } };
  return { key: 'url.compare.baseline', vars: { value } };
}

function parseInterventions(text: string, problems: Problem[]): Change[] {
  const out: Change[] = [];
  const parts = text.split(';').filter(Boolean);
  // Counted before any is read: thousands would hold the page for seconds.
  if (parts.length > MAX_LINK_INTERVENTIONS) {
    problems.push({ key: 'url.ivTooMany', vars: { count: parts.length, max: MAX_LINK_INTERVENTIONS } });
    return out;
  }
  for (const part of parts) {
    const [tickText, rest = ''] = part.split(':');
    const tick = wholeUpTo(tickText, TICKS.max - 1);
    if (tick === undefined) { problems.push({ key: 'url.month', vars: { value: shortText(part), max: TICKS.max - 1 } }); continue; }
    const set: Record<string, number> = {};
    let ok = true;
    for (const pair of rest.split(',')) {
      const [name, value] = pair.split('=');
      const spec = PARAM_BY_NAME.get(name);
      const parsed: number | Problem = !spec || !isModelParam(name) ? { key: 'url.key', vars: { value: shortText(name) } }
        : spec.structural ? { key: 'url.structural', vars: { name } }
        : paramValue(name, value ?? '');
      if (typeof parsed === 'number') set[name] = parsed;
      else {
        problems.push(parsed);
        ok = false;
      }
    }
    if (ok && Object.keys(set).length) out.push({ tick, set });
  }
  return out;
}

export function buildUrl(state: UrlState): string {
  const q = new URLSearchParams();
  q.set('scenario', state.scenario);
  q.set('seed', String(state.seed));
  for (const [k, v] of Object.entries(state.set)) q.set(k, String(v));
  if (state.interventions.length) {
    q.set('iv', state.interventions.map((c) => `${c.tick}:${Object.entries(c.set).map(([k, v]) => `${k}=${v}`).join(',')}`).join(';'));
  }
  if (state.month > 0) q.set('month', String(state.month));
  if (state.def) q.set('def', state.def);
  if (state.lang !== LANGS[0]) q.set('lang', state.lang);
  if (state.compare) writeCompare(q, state.compare);
  if (state.compare && state.compareResults) q.set('cmpRun', '1');
  if (state.tab && state.tab !== TABS[0]) q.set('tab', state.tab);
  if (state.inspect) q.set('inspect', writeInspect(state.inspect));
  return `?${q.toString()}`;
}
