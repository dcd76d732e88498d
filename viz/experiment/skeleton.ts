// The frame the Experiment and Diagnose tabs share, each id prefixed with the tab's (`exp`, `diag`):
// an introduction, the list of what this browser keeps, the buttons that load a spec file and
// scenario files (each opening a hidden file input) and a third source (a new spec, the published
// one), the loaded files and their problems, a place for the form, the check, the actions (Run,
// Cancel, Export spec), the progress (a bar, a line, a voice for screen readers) and the results.
// Also the opening of the two tabs' forms: the fieldset, its legend and the description field.
import { progressVoice } from '../announce.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { button, el, labelled } from './dom.ts';
import { put } from './draft.ts';

type Prefix = 'exp' | 'diag';

export interface FrameNames {
  /** The third source button's id (after the prefix) and words. */
  third: [id: string, label: MessageKey];
  /** The export button's id (after the prefix). */
  exportSpec: string;
  /** Files chosen in a file input: with `withSpec`, the spec file's input. */
  readFiles(input: HTMLInputElement, withSpec: boolean): Promise<void>;
}

/** A hidden file input for JSON files, opened by its button. */
function fileInput(parent: HTMLElement, id: string, opener: HTMLButtonElement): HTMLInputElement {
  const input = el(parent, 'input');
  Object.assign(input, { type: 'file', id, accept: '.json,application/json', multiple: true, className: 'sr-only', tabIndex: -1 });
  input.setAttribute('aria-hidden', 'true');
  opener.addEventListener('click', () => input.click());
  return input;
}

/** Build the tab's frame in `root` (emptied first). */
export function tabSkeleton(root: HTMLElement, prefix: Prefix, names: FrameNames) {
  /** An element of the frame, its id the tab's prefix and `name`. */
  const part = <K extends keyof HTMLElementTagNameMap>(tag: K, cls: string | undefined, name: string) => {
    const e = el(root, tag, undefined, cls);
    e.id = `${prefix}-${name}`;
    return e;
  };
  root.replaceChildren();
  const intro = el(root, 'p', undefined, 'intro');
  const savedBox = part('section', 'exp-saved', 'saved');
  const row = el(root, 'div', undefined, 'buttons');
  const loadSpec = button(row, '', `${prefix}-load`);
  const specInput = fileInput(row, `${prefix}-spec-file`, loadSpec);
  const addFiles = button(row, '', `${prefix}-add-files`);
  const filesInput = fileInput(row, `${prefix}-scenario-files`, addFiles);
  /** The third source button: a new spec, or the published one. */
  const third = button(row, '', `${prefix}-${names.third[0]}`);
  specInput.addEventListener('change', () => void names.readFiles(specInput, true));
  filesInput.addEventListener('change', () => void names.readFiles(filesInput, false));
  const filesNote = part('p', 'note', 'files');
  const fileAlert = part('div', 'problems', 'file-problems');
  fileAlert.setAttribute('role', 'alert');
  /** Where the tab puts its form, between the files and the check. */
  const formHost = el(root, 'div');
  const check = part('section', 'exp-check', 'check');
  check.setAttribute('aria-live', 'polite');
  const actions = el(root, 'div', undefined, 'buttons exp-actions');
  const runButton = button(actions, '', `${prefix}-run`);
  const cancelButton = button(actions, '', `${prefix}-cancel`);
  const exportSpec = button(actions, '', `${prefix}-${names.exportSpec}`);
  const bar = part('progress', undefined, 'bar');
  const status = part('p', 'exp-status', 'progress');
  const voice = el(root, 'p', undefined, 'sr-only');
  voice.setAttribute('role', 'status');
  const resultsBox = part('section', 'exp-results', 'results');
  return {
    savedBox,
    third,
    /** The three source buttons (closed while a run goes on). */
    sources: [loadSpec, addFiles, third],
    filesNote,
    fileAlert,
    formHost,
    check,
    runButton,
    cancelButton,
    exportSpec,
    bar,
    status,
    say: progressVoice(voice),
    resultsBox,
    /** The buttons' and the introduction's words in the page's language. */
    relabel() {
      intro.textContent = t(`${prefix}.intro`);
      loadSpec.textContent = t(`${prefix}.load`);
      addFiles.textContent = t(`${prefix}.addFiles`);
      third.textContent = t(names.third[1]);
      cancelButton.textContent = t(`${prefix}.cancel`);
      exportSpec.textContent = t(`${prefix}.exportSpec`);
    },
  };
}

/** The Experiment tab's form of a spec, or the Diagnose tab's of a calibration spec. */
export interface SpecForm {
  /** Show a draft (edited in place from then on) and the scenario files loaded. */
  show(draft: Record<string, unknown>, files: readonly string[]): void;
  relabel(): void;
  /** While the tab runs its spec cannot change. */
  disable(on: boolean): void;
}

/**
 * A spec form's fieldset (class `cls`) and its legend; `open(draft, changed)` empties the form down to
 * the legend, words it, and adds the description field, which writes the draft's `description`.
 */
export function formOpening(root: HTMLElement, prefix: Prefix, cls: string) {
  const form = el(root, 'fieldset', undefined, cls);
  const legend = el(form, 'legend');
  return {
    form,
    open(d: Record<string, unknown>, changed: () => void): void {
      form.replaceChildren(legend);
      legend.textContent = t(`${prefix}.form`);
      const description = labelled(form, 'input', `${prefix}-description`, t(`${prefix}.description`));
      description.type = 'text';
      description.value = typeof d.description === 'string' ? d.description : '';
      description.addEventListener('change', () => {
        put(d, 'description', description.value.trim() || undefined);
        changed();
      });
    },
  };
}
