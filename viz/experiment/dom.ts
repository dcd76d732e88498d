// Small DOM helpers of the Experiment tab: elements with their text, labelled inputs and buttons.
import { PARAM_BY_NAME, PARAMS, type Group, type ParamSpec } from '../../sim/index.ts';
import { findScenario } from '../../scenarios/index.ts';
import { OWN_FIELD } from '../../lab/spec/params.ts';
import { paramName, pick, t, type MessageKey } from '../i18n/index.ts';

export function el<K extends keyof HTMLElementTagNameMap>(parent: Element, tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = parent.appendChild(document.createElement(tag));
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

export function button(parent: Element, text: string, id?: string): HTMLButtonElement {
  const b = el(parent, 'button', text);
  b.type = 'button';
  if (id) b.id = id;
  return b;
}

/** A label and its input (or select), side by side in a `.field`. */
export function labelled<K extends 'input' | 'select'>(parent: Element, tag: K, id: string, label: string): HTMLElementTagNameMap[K] {
  const wrap = el(parent, 'div', undefined, 'field');
  const l = el(wrap, 'label', label);
  l.htmlFor = id;
  const input = el(wrap, tag);
  input.id = id;
  return input;
}

/** A text box for numbers (kept as typed, so that the spec check can name a bad value). */
export function numberBox(parent: Element, id: string, label: string, value: unknown, placeholder = ''): HTMLInputElement {
  const input = labelled(parent, 'input', id, label);
  input.type = 'text';
  input.inputMode = 'decimal';
  input.value = value === undefined ? '' : String(value);
  input.placeholder = placeholder;
  return input;
}

/** A parameter as the page names it (model constants have no plain name: their identifier). */
export const paramLabel = (name: string): string =>
  PARAM_BY_NAME.get(name)?.group === 'calibration' || !PARAM_BY_NAME.has(name) ? name : `${paramName(name)} (${name})`;

const SPECS = PARAMS as readonly ParamSpec[];
const GROUPS: Group[] = ['causes', 'prevention', 'co-governance', 'world', 'calibration'];

/** Parameters a spec may set or vary: all but seed and months, which have fields of their own. */
export const SPEC_PARAMS = SPECS.map((p) => p.name).filter((n) => !OWN_FIELD[n]);
/** Parameters that may change during a run (interventions). */
export const RUN_PARAMS = SPECS.filter((p) => !p.structural).map((p) => p.name);

/** A choice of parameter, grouped as the registry groups them. */
export function paramSelect(parent: Element, id: string, label: string, names: readonly string[], value: string): HTMLSelectElement {
  const select = labelled(parent, 'select', id, label);
  if (!names.includes(value)) select.append(new Option(value, value, false, true));
  for (const group of GROUPS) {
    const og = el(select, 'optgroup');
    og.label = t(`group.${group}` as MessageKey);
    for (const n of names.filter((x) => PARAM_BY_NAME.get(x)?.group === group)) og.append(new Option(paramLabel(n), n, false, n === value));
  }
  return select;
}

/** A bundled scenario's title in the page's language; a scenario file's id as it is. */
export const scenarioName = (id: string): string => {
  const s = findScenario(id);
  return s ? pick(s.title) : id;
};

/**
 * A table that scrolls sideways on a phone, reachable by keyboard, labelled by `labelId`: a header
 * row, and the first column of each row its row header.
 */
export function dataTable(parent: HTMLElement, head: string[], rows: string[][], labelId: string, id?: string): HTMLTableElement {
  const wrap = el(parent, 'div', undefined, 'table-wrap');
  Object.assign(wrap, { tabIndex: 0, role: 'region' });
  wrap.setAttribute('aria-labelledby', labelId);
  const tbl = el(wrap, 'table');
  if (id) tbl.id = id;
  tbl.setAttribute('aria-labelledby', labelId);
  const tr = el(el(tbl, 'thead'), 'tr');
  for (const h of head) el(tr, 'th', h).scope = 'col';
  const body = el(tbl, 'tbody');
  for (const row of rows) {
    const r = el(body, 'tr');
    row.forEach((cell, i) => {
      const c = el(r, i === 0 ? 'th' : 'td', cell);
      if (i === 0) (c as HTMLTableCellElement).scope = 'row';
    });
  }
  return tbl;
}
