// The story's links: `story.html?step=3&lang=zh&seed=7&effortLearning=0&prevention=partnership&changsha=1`.
// Each step has its own (a teacher assigns one), with the reader's choices that differ from the
// baseline; a value that is not one the step's control can take is left out and said. The explorer's
// link of a run is the explorer's own share-link format (viz/url.ts).
import { SEED } from '../../sim/index.ts';
import { parseDecimal } from '../../lab/numbers.ts';
import { LANGS, type Lang } from '../i18n/index.ts';
import { buildUrl } from '../url.ts';
import { PREVENTIONS } from './claims.ts';
import { STEPS, baselineValue, controlKey, defaultChoices, type Choices, type Control, type Run } from './steps.ts';

export interface StoryState {
  /** 1 to STEPS.length. */
  step: number;
  lang: Lang;
  seed: number;
  choices: Choices;
}

/** A part of the link that was left out: its key and value as written. */
export interface LinkProblem {
  key: string;
  value: string;
}

const controls = new Map(STEPS.flatMap((s) => (s.control ? [[controlKey(s.control), s.control] as const] : [])));

/** A slider's values: on its grid, within its range (what the range input can show). */
function sliderValue(control: Extract<Control, { kind: 'slider' }>, text: string): number | undefined {
  const v = parseDecimal(text);
  if (v === undefined || v < control.min || v > control.max) return undefined;
  const k = (v - control.min) / control.step;
  return Math.abs(k - Math.round(k)) < 1e-9 ? Number((control.min + Math.round(k) * control.step).toFixed(10)) : undefined;
}

function controlValue(control: Control, text: string): number | string | undefined {
  if (control.kind === 'slider') return sliderValue(control, text);
  if (control.kind === 'choice') return PREVENTIONS.some((p) => p.scenario === text) ? text : undefined;
  return text === '0' || text === '1' ? Number(text) : undefined;
}

export function parseStoryUrl(search: string): { state: StoryState; problems: LinkProblem[] } {
  const q = new URLSearchParams(search);
  const state: StoryState = { step: 1, lang: LANGS[0], seed: SEED.default, choices: defaultChoices() };
  const problems: LinkProblem[] = [];
  for (const [key, value] of q) {
    let ok = false;
    if (key === 'step') {
      const n = /^\d{1,3}$/.test(value) ? Number(value) : 0;
      if ((ok = n >= 1 && n <= STEPS.length)) state.step = n;
    } else if (key === 'lang') {
      if ((ok = LANGS.includes(value))) state.lang = value;
    } else if (key === 'seed') {
      const n = /^\d{1,15}$/.test(value) ? Number(value) : -1;
      if ((ok = n >= SEED.min && n <= SEED.max)) state.seed = n;
    } else if (controls.has(key)) {
      const v = controlValue(controls.get(key)!, value);
      if ((ok = v !== undefined)) state.choices[key] = v!;
    }
    if (!ok) problems.push({ key: key.slice(0, 40), value: value.slice(0, 40) });
  }
  return { state, problems };
}

/** The link of a step with the reader's choices (only those that differ from the baseline) and language. */
export function storyUrl(state: StoryState): string {
  const q = new URLSearchParams({ step: String(state.step) });
  if (state.lang !== LANGS[0]) q.set('lang', state.lang);
  if (state.seed !== SEED.default) q.set('seed', String(state.seed));
  for (const [key, control] of controls) {
    const v = state.choices[key];
    if (v !== undefined && v !== baselineValue(control)) q.set(key, String(v));
  }
  return `?${q.toString()}`;
}

/** The explorer (index.html beside story.html) opened on a run, in its share-link format. */
export function explorerUrl(run: Run, seed: number, lang: Lang): string {
  return `./index.html${buildUrl({ scenario: run.scenario, seed, set: run.set, interventions: [], month: 0, lang })}`;
}
