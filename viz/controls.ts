// The parameter panel, generated from the registry: grouped as causes, prevention, co-governance
// and world; each control is a slider with a number box beside it (for exact values), shows its
// meaning and source on hover and on keyboard focus, and says when a change waits for Reset.
import { ECHO_CHARS, parseDecimal } from '../lab/numbers.ts';
import { isModelParam, PARAMS, parseParamValue, type Group, type ParamSpec } from '../sim/index.ts';
import { paramName, pick, t, type MessageKey } from './i18n/index.ts';

const GROUPS: Group[] = ['causes', 'prevention', 'co-governance', 'world'];

/** The parameters the panel shows, by group (the seed has a box of its own): each has its `label` in the registry (test/contributing.test.ts). */
export function panelParams(group?: Group): ParamSpec[] {
  return (PARAMS as readonly ParamSpec[]).filter((p) => (group ? p.group === group : GROUPS.includes(p.group)) && isModelParam(p.name));
}

export interface ParamPanel {
  /** Show the run's values, or the pending value where a change waits for Reset. */
  set(values: Record<string, number>, pending: Record<string, number>): void;
  relabel(): void;
}

/** What a parameter allows, in the page's language. */
export function allowedText(spec: ParamSpec): string {
  return t(spec.integer ? 'allowed.integer' : 'allowed.number', { min: spec.min, max: spec.max });
}

interface Control {
  input: HTMLInputElement;
  box: HTMLInputElement;
  badge: HTMLElement;
  spec: ParamSpec;
  name: HTMLElement;
  help: HTMLElement;
}

export function paramPanel(root: HTMLElement, onChange: (name: string, value: number) => void, onInvalid: (message: string) => void): ParamPanel {
  root.replaceChildren();
  const controls = new Map<string, Control>();
  const legends: [HTMLElement, Group][] = [];
  let worldNote: HTMLElement | null = null;
  for (const group of GROUPS) {
    const fs = root.appendChild(document.createElement('fieldset'));
    fs.dataset.group = group;
    const legend = fs.appendChild(document.createElement('legend'));
    legends.push([legend, group]);
    if (group === 'world') {
      worldNote = fs.appendChild(document.createElement('p'));
      worldNote.className = 'note';
    }
    for (const spec of panelParams(group)) controls.set(spec.name, control(fs, spec));
  }

  function control(fs: HTMLElement, spec: ParamSpec): Control {
    const div = fs.appendChild(document.createElement('div'));
    div.className = 'param';
    div.dataset.param = spec.name;
    const label = div.appendChild(document.createElement('label'));
    label.htmlFor = `p-${spec.name}`;
    const name = label.appendChild(document.createElement('span'));
    const row = div.appendChild(document.createElement('div'));
    row.className = 'param-row';
    const input = row.appendChild(document.createElement('input'));
    input.type = 'range';
    input.id = `p-${spec.name}`;
    input.name = spec.name;
    input.min = String(spec.min);
    input.max = String(spec.max);
    input.step = String(stepOf(spec));
    const box = row.appendChild(document.createElement('input'));
    box.type = 'number';
    box.id = `n-${spec.name}`;
    box.min = String(spec.min);
    box.max = String(spec.max);
    box.step = spec.integer ? '1' : 'any';
    box.inputMode = spec.integer ? 'numeric' : 'decimal';
    const badge = div.appendChild(document.createElement('p'));
    badge.className = 'pending-badge';
    badge.id = `pending-${spec.name}`;
    badge.hidden = true;
    const help = div.appendChild(document.createElement('div'));
    help.className = 'help';
    help.id = `h-${spec.name}`;
    help.setAttribute('role', 'tooltip');
    input.setAttribute('aria-describedby', `${help.id} ${badge.id}`);
    box.setAttribute('aria-describedby', `${help.id} ${badge.id}`);
    input.addEventListener('input', () => { box.value = format(spec, Number(input.value)); });
    nudged(input, () => onChange(spec.name, Number(input.value)));
    box.addEventListener('change', () => {
      const text = box.value.trim();
      let value: number;
      try {
        // Strict decimal digits (lab/numbers.ts): 0x1 is not 1.
        const typed = parseDecimal(text);
        if (typed === undefined) throw new Error('not a number');
        value = parseParamValue(spec.name, String(typed));
      } catch {
        // The value stays as it was; the message names the field, the value and what is allowed.
        onInvalid(t('input.value', { name: paramName(spec.name), id: spec.name, value: text.length > ECHO_CHARS ? `${text.slice(0, ECHO_CHARS)}…` : text || '""', allowed: allowedText(spec) }));
        box.value = format(spec, Number(input.value));
        return;
      }
      input.value = String(value);
      box.value = format(spec, value);
      onChange(spec.name, value);
    });
    return { input, box, badge, spec, name, help };
  }

  const relabel = () => {
    for (const [legend, group] of legends) legend.textContent = t(`group.${group}` as MessageKey);
    if (worldNote) {
      const names = panelParams('world').filter((p) => p.structural).map((p) => paramName(p.name));
      worldNote.textContent = t('worldNote', { names: names.join(t('listSep')) });
    }
    for (const { spec, name, help, box, badge } of controls.values()) {
      // The plain name, with the registry's identifier (as in the CLI, the URL and the docs) beside it.
      const id = document.createElement('code');
      id.textContent = spec.name;
      name.replaceChildren(`${paramName(spec.name)} `, id);
      box.setAttribute('aria-label', `${paramName(spec.name)} (${t('exactValue')})`);
      badge.textContent = t('pendingBadge');
      help.replaceChildren();
      const meaning = help.appendChild(document.createElement('div'));
      meaning.textContent = `${pick(spec)}${spec.unit ? ` (${t(`unit.${spec.unit}` as MessageKey)})` : ''}`;
      const cite = help.appendChild(document.createElement('div'));
      cite.className = 'cite';
      cite.textContent = `${t('source')}: ${spec.source}`;
    }
  };
  relabel();
  return {
    set(values, pending) {
      for (const c of controls.values()) {
        const waiting = c.spec.name in pending;
        const v = waiting ? pending[c.spec.name] : values[c.spec.name];
        c.badge.hidden = !waiting;
        c.input.closest('.param')!.classList.toggle('pending', waiting);
        if (v === undefined) continue;
        // Never move a control under the user's hand.
        if (c.input !== document.activeElement) c.input.value = String(v);
        if (c.box !== document.activeElement) c.box.value = format(c.spec, v);
      }
    },
    relabel,
  };
}

/** How long after its last key press a slider's keyboard nudges count as one change. */
export const NUDGE_MS = 700;

/**
 * A slider's changes: a drag's at its release; key presses (arrows, Page Up/Down) come together,
 * as one change made once the keys have rested `NUDGE_MS` or the slider loses focus. So while the
 * run plays, nudging a slider three steps makes one intervention, not one a key press.
 */
function nudged(input: HTMLInputElement, commit: () => void): void {
  let byKey = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const now = () => {
    clearTimeout(timer);
    timer = undefined;
    commit();
  };
  input.addEventListener('keydown', () => { byKey = true; });
  input.addEventListener('pointerdown', () => { byKey = false; });
  input.addEventListener('change', () => {
    if (!byKey) return now();
    clearTimeout(timer);
    timer = setTimeout(now, NUDGE_MS);
  });
  input.addEventListener('blur', () => { if (timer !== undefined) now(); });
}

function stepOf(spec: ParamSpec): number {
  if (spec.integer) return spec.max - spec.min > 10_000 ? 100 : 1;
  return spec.max <= 0.2 ? 0.005 : 0.05;
}

function format(spec: ParamSpec, v: number): string {
  return spec.integer ? String(v) : String(Number(v.toFixed(4)));
}
