// The parameter panel, generated from the registry: grouped as causes, prevention, co-governance
// and world; each control shows its meaning and source on hover and on keyboard focus.
import { PARAMS, type Group, type ParamSpec } from '../sim/index.ts';
import { pick, t, type MessageKey } from './i18n/index.ts';

const GROUPS: Group[] = ['causes', 'prevention', 'co-governance', 'world'];
/** Run-control parameters live elsewhere on the page. */
const HIDDEN = new Set(['seed']);

export interface ParamPanel {
  set(values: Record<string, number>): void;
  relabel(): void;
}

export function paramPanel(root: HTMLElement, onChange: (name: string, value: number) => void): ParamPanel {
  root.replaceChildren();
  const inputs = new Map<string, { input: HTMLInputElement; output: HTMLOutputElement; spec: ParamSpec; name: HTMLElement; help: HTMLElement; legend?: HTMLElement }>();
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
    for (const spec of PARAMS.filter((p) => p.group === group && !HIDDEN.has(p.name))) {
      const div = fs.appendChild(document.createElement('div'));
      div.className = 'param';
      const label = div.appendChild(document.createElement('label'));
      label.htmlFor = `p-${spec.name}`;
      const name = label.appendChild(document.createElement('span'));
      const output = label.appendChild(document.createElement('output'));
      output.htmlFor.add(`p-${spec.name}`);
      const input = div.appendChild(document.createElement('input'));
      input.type = 'range';
      input.id = `p-${spec.name}`;
      input.name = spec.name;
      input.min = String(spec.min);
      input.max = String(spec.max);
      input.step = String(stepOf(spec));
      const help = div.appendChild(document.createElement('div'));
      help.className = 'help';
      help.id = `h-${spec.name}`;
      help.setAttribute('role', 'tooltip');
      input.setAttribute('aria-describedby', help.id);
      input.addEventListener('input', () => { output.value = format(spec, Number(input.value)); });
      input.addEventListener('change', () => onChange(spec.name, Number(input.value)));
      inputs.set(spec.name, { input, output, spec, name, help });
    }
  }
  const relabel = () => {
    for (const [legend, group] of legends) legend.textContent = t(`group.${group}` as MessageKey);
    if (worldNote) worldNote.textContent = t('worldNote');
    for (const { spec, name, help } of inputs.values()) {
      // The plain name, with the registry's identifier (as in the CLI, the URL and the docs) beside it.
      const id = document.createElement('code');
      id.textContent = spec.name;
      name.replaceChildren(`${t(`param.${spec.name}` as MessageKey)} `, id);
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
    set(values) {
      for (const [k, v] of Object.entries(values)) {
        const c = inputs.get(k);
        // Never move a control under the user's hand.
        if (!c || c.input === document.activeElement) continue;
        c.input.value = String(v);
        c.output.value = format(c.spec, v);
      }
    },
    relabel,
  };
}

function stepOf(spec: ParamSpec): number {
  if (spec.integer) return spec.max - spec.min > 10_000 ? 100 : 1;
  return spec.max <= 0.2 ? 0.005 : 0.05;
}

function format(spec: ParamSpec, v: number): string {
  return spec.integer ? v.toLocaleString('en') : String(Number(v.toFixed(3)));
}
