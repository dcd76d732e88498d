// The experiments kept in this browser, as the Experiment tab lists them: the most recent first,
// each with its runs done, Open and Delete; an unfinished one of this model version offered to Resume.
import { VERSION } from '../../sim/version.ts';
import { findScenario } from '../../scenarios/index.ts';
import { pick, t } from '../i18n/index.ts';
import { button, el } from './dom.ts';
import { isObject, scenarioRefs } from './draft.ts';
import { basename } from './files.ts';
import type { StoredExperiment } from './store.ts';

export type Saved = StoredExperiment & { done: number };

const LISTED = 8;

/** An experiment's name: its description, else its scenarios. */
export function titleOf(x: { spec: unknown }): string {
  const spec = isObject(x.spec) ? x.spec : {};
  if (typeof spec.description === 'string' && spec.description) return spec.description;
  return scenarioRefs(spec).map((r) => (findScenario(r) ? pick(findScenario(r)!.title) : basename(r))).join(', ') || t('exp.untitled');
}

export interface SavedHost {
  /** An experiment runs: nothing else may be opened or deleted. */
  busy: boolean;
  /** The key of the experiment in the form (its Run button offers Resume already). */
  current?: string;
  open(x: Saved, resume: boolean): void;
  remove(x: Saved): void;
}

export function renderSaved(box: HTMLElement, saved: readonly Saved[], host: SavedHost): void {
  box.replaceChildren();
  box.hidden = saved.length === 0;
  if (!saved.length) return;
  el(box, 'h2', t('exp.saved'));
  const unfinished = saved.find((x) => x.done < x.runs && x.version === VERSION);
  if (unfinished && !host.busy && host.current !== unfinished.key) {
    const banner = el(box, 'p', undefined, 'exp-banner');
    banner.append(t('exp.unfinished', { title: titleOf(unfinished), done: unfinished.done, total: unfinished.runs }), ' ');
    button(banner, t('exp.resumeIt'), 'exp-resume').addEventListener('click', () => host.open(unfinished, true));
  }
  const list = el(box, 'ul');
  for (const x of saved.slice(0, LISTED)) {
    const li = el(list, 'li');
    li.append(`${titleOf(x)} — ${t('exp.savedRuns', { done: x.done, total: x.runs })}${x.version === VERSION ? '' : ` (${t('exp.oldVersion', { version: x.version })})`} `);
    Object.assign(button(li, t('exp.open')), { disabled: host.busy }).addEventListener('click', () => host.open(x, false));
    Object.assign(button(li, t('exp.delete')), { disabled: host.busy }).addEventListener('click', () => host.remove(x));
  }
}
