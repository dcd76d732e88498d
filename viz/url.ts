// The shareable state in the URL: ?scenario=…&seed=…&<param>=…&iv=…&month=…&lang=… (and def=…, a
// loaded scenario file, base64url). It holds only what the run on screen applied: a world
// parameter waiting for Reset is not in it.
// Every value is validated against the registry; a bad one is reported and dropped. Nothing read
// from the URL is ever inserted as HTML (callers use textContent).
import { PARAM_BY_NAME, parseParamValue, SEED, TICKS, type Change } from '../sim/index.ts';
import { findScenario, DEFAULT_SCENARIO } from '../scenarios/index.ts';
import { LANGS, type Lang, type MessageKey } from './i18n/index.ts';
import { COMPARE_KEYS, COMPARE_METRICS, COMPARE_SEEDS, parseCompare, writeCompare, type CompareConfig, type ConfigProblem } from './compare-config.ts';

/** The tabs a link may open on (Explore, the first, is the default and not written). */
export const TABS = ['explore', 'compare', 'lesson', 'experiment'] as const;
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
}

/** A problem found in the link, as a message of the catalogs (shown in the page's language). */
export interface Problem {
  key: MessageKey;
  vars: Record<string, string | number>;
  /** For a value out of range: what is allowed. */
  range?: { integer: boolean; min: number; max: number };
}

/** A parameter value from the link, or the problem with it. */
function paramValue(name: string, text: string): number | Problem {
  const spec = PARAM_BY_NAME.get(name)!;
  try {
    return parseParamValue(name, text);
  } catch {
    return { key: 'url.value', vars: { name, value: text }, range: { integer: spec.integer === true, min: spec.min, max: spec.max } };
  }
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
      else problems.push({ key: 'url.scenario', vars: { value } });
    } else if (key === 'month') {
      if (/^\d+$/.test(value) && Number(value) <= TICKS.max) state.month = Number(value);
      else problems.push({ key: 'url.monthValue', vars: { value, max: TICKS.max } });
    } else if (key === 'seed') {
      const n = Number(value);
      if (/^\d+$/.test(value) && n >= SEED.min && n <= SEED.max) state.seed = n;
      else problems.push({ key: 'url.seed', vars: { value, min: SEED.min, max: SEED.max } });
    } else if (key === 'lang') {
      if (LANGS.includes(value)) state.lang = value;
      else problems.push({ key: 'url.lang', vars: { value, langs: LANGS.join(', ') } });
    } else if (key === 'tab') {
      if ((TABS as readonly string[]).includes(value)) state.tab = value as Tab;
      else problems.push({ key: 'url.tab', vars: { value, allowed: TABS.join(', ') } });
    } else if (key === 'iv') {
      state.interventions = parseInterventions(value, problems);
    } else if (PARAM_BY_NAME.has(key) && key !== 'seed') {
      const parsed = paramValue(key, value);
      if (typeof parsed === 'number') state.set[key] = parsed;
      else problems.push(parsed);
    } else {
      problems.push({ key: 'url.key', vars: { value: key } });
    }
  }
  return { state, problems };
}

function compareProblem(p: ConfigProblem): Problem {
  if (p.key === 'cmp') return { key: 'url.compare.scenarios', vars: { value: p.value } };
  if (p.key === 'cmpSeeds') return { key: 'url.compare.seeds', vars: { value: p.value, min: COMPARE_SEEDS.min, max: COMPARE_SEEDS.max } };
  if (p.key === 'cmpMetric') return { key: 'url.compare.metric', vars: { value: p.value, allowed: COMPARE_METRICS.join(', ') } };
  return { key: 'url.compare.baseline', vars: { value: p.value } };
}

function parseInterventions(text: string, problems: Problem[]): Change[] {
  const out: Change[] = [];
  for (const part of text.split(';').filter(Boolean)) {
    const [tickText, rest = ''] = part.split(':');
    const tick = Number(tickText);
    if (!/^\d+$/.test(tickText)) { problems.push({ key: 'url.month', vars: { value: part } }); continue; }
    const set: Record<string, number> = {};
    let ok = true;
    for (const pair of rest.split(',')) {
      const [name, value] = pair.split('=');
      const spec = PARAM_BY_NAME.get(name);
      const parsed: number | Problem = !spec || name === 'seed' ? { key: 'url.key', vars: { value: name } }
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
  if (state.tab && state.tab !== TABS[0]) q.set('tab', state.tab);
  return `?${q.toString()}`;
}
