// The shareable state in the URL: ?scenario=…&seed=…&<param>=…&iv=…&lang=…
// Every value is validated against the registry; a bad one is reported and dropped. Nothing read
// from the URL is ever inserted as HTML (callers use textContent).
import { PARAM_BY_NAME, parseParamValue, type Change } from '../sim/index.ts';
import { findScenario, DEFAULT_SCENARIO } from '../scenarios/index.ts';
import type { Lang } from './i18n/index.ts';

export interface UrlState {
  scenario: string;
  seed: number;
  set: Record<string, number>;
  /** Interventions: changes at given months, `iv=36:partnership=0.9,serviceOrientation=0.5;48:…`. */
  interventions: Change[];
  lang: Lang;
}

export const DEFAULT_SEED = 1;

export function parseUrl(search: string): { state: UrlState; problems: string[] } {
  const q = new URLSearchParams(search);
  const problems: string[] = [];
  const state: UrlState = { scenario: DEFAULT_SCENARIO, seed: DEFAULT_SEED, set: {}, interventions: [], lang: 'en' };
  for (const [key, value] of q) {
    if (key === 'scenario') {
      if (findScenario(value)) state.scenario = value;
      else problems.push(`scenario "${value}" is unknown`);
    } else if (key === 'seed') {
      const n = Number(value);
      if (/^\d+$/.test(value) && n <= 4294967295) state.seed = n;
      else problems.push(`seed "${value}" must be an integer in [0, 4294967295]`);
    } else if (key === 'lang') {
      if (value === 'en' || value === 'zh') state.lang = value;
      else problems.push(`lang "${value}" must be en or zh`);
    } else if (key === 'iv') {
      state.interventions = parseInterventions(value, problems);
    } else if (PARAM_BY_NAME.has(key) && key !== 'seed') {
      try {
        state.set[key] = parseParamValue(key, value);
      } catch (err) {
        problems.push((err as Error).message);
      }
    } else {
      problems.push(`"${key}" is not a setting`);
    }
  }
  return { state, problems };
}

function parseInterventions(text: string, problems: string[]): Change[] {
  const out: Change[] = [];
  for (const part of text.split(';').filter(Boolean)) {
    const [tickText, rest = ''] = part.split(':');
    const tick = Number(tickText);
    if (!/^\d+$/.test(tickText)) { problems.push(`intervention "${part}" needs a month`); continue; }
    const set: Record<string, number> = {};
    let ok = true;
    for (const pair of rest.split(',')) {
      const [name, value] = pair.split('=');
      try {
        if (PARAM_BY_NAME.get(name)?.structural) throw new Error(`${name} cannot change during a run`);
        set[name] = parseParamValue(name, value ?? '');
      } catch (err) {
        problems.push((err as Error).message);
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
  if (state.lang !== 'en') q.set('lang', state.lang);
  return `?${q.toString()}`;
}
