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

export interface TabFrame {
  savedBox: HTMLElement;
  /** The third source button: a new spec, or the published one. */
  third: HTMLButtonElement;
  /** The three source buttons (closed while a run goes on). */
  sources: HTMLButtonElement[];
  filesNote: HTMLParagraphElement;
  fileAlert: HTMLDivElement;
  /** Where the tab puts its form, between the files and the check. */
  formHost: HTMLDivElement;
  check: HTMLElement;
  runButton: HTMLButtonElement;
  cancelButton: HTMLButtonElement;
  exportSpec: HTMLButtonElement;
  bar: HTMLProgressElement;
  status: HTMLParagraphElement;
  say: ReturnType<typeof progressVoice>;
  resultsBox: HTMLElement;
  /** The buttons' and the introduction's words in the page's language. */
  relabel(): void;
}

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
export function tabSkeleton(root: HTMLElement, prefix: Prefix, names: FrameNames): TabFrame {
  root.replaceChildren();
  const intro = el(root, 'p', undefined, 'intro');
  const savedBox = el(root, 'section', undefined, 'exp-saved');
  savedBox.id = `${prefix}-saved`;
  const row = el(root, 'div', undefined, 'buttons');
  const loadSpec = button(row, '', `${prefix}-load`);
  const specInput = fileInput(row, `${prefix}-spec-file`, loadSpec);
  const addFiles = button(row, '', `${prefix}-add-files`);
  const filesInput = fileInput(row, `${prefix}-scenario-files`, addFiles);
  const third = button(row, '', `${prefix}-${names.third[0]}`);
  specInput.addEventListener('change', () => void names.readFiles(specInput, true));
  filesInput.addEventListener('change', () => void names.readFiles(filesInput, false));
  const filesNote = el(root, 'p', undefined, 'note');
  filesNote.id = `${prefix}-files`;
  const fileAlert = el(root, 'div', undefined, 'problems');
  fileAlert.id = `${prefix}-file-problems`;
  fileAlert.setAttribute('role', 'alert');
  const formHost = el(root, 'div');
  const check = el(root, 'section', undefined, 'exp-check');
  check.id = `${prefix}-check`;
  check.setAttribute('aria-live', 'polite');
  const actions = el(root, 'div', undefined, 'buttons exp-actions');
  const runButton = button(actions, '', `${prefix}-run`);
  const cancelButton = button(actions, '', `${prefix}-cancel`);
  const exportSpec = button(actions, '', `${prefix}-${names.exportSpec}`);
  const bar = el(root, 'progress');
  bar.id = `${prefix}-bar`;
  const status = el(root, 'p', undefined, 'exp-status');
  status.id = `${prefix}-progress`;
  const voice = el(root, 'p', undefined, 'sr-only');
  voice.setAttribute('role', 'status');
  const resultsBox = el(root, 'section', undefined, 'exp-results');
  resultsBox.id = `${prefix}-results`;
  return {
    savedBox,
    third,
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
