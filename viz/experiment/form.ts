// The form that builds a spec: scenarios, months, seeds, recording, metrics, fixed settings, the
// design (a grid or a sampled design over parameter ranges) and interventions. Every control writes
// its field of the draft (draft.ts) and says so; the tab checks the draft with lab/spec. A loaded
// spec is shown in the same controls, so the form and the file are one thing.
import { METRICS } from '../../sim/index.ts';
import { SCENARIOS } from '../../scenarios/index.ts';
import { metricLabel, pick, t, type MessageKey } from '../i18n/index.ts';
import { button, el, labelled, numberBox, paramSelect, RUN_PARAMS, SPEC_PARAMS } from './dom.ts';
import {
  designOf, DESIGN_TYPES, interventionRows, isObject, list, listText, newVaried, num, put, scenarioRefs, setDesign, setInterventions, setRows,
  setScenarioRefs, setSet, type DesignState, type Draft, type Row,
} from './draft.ts';
import { formOpening, type SpecForm } from './skeleton.ts';

const CITY_METRICS = METRICS.filter((m) => m !== 'tick');
const basename = (ref: string) => ref.replace(/^.*[/\\]/, '');

export function specForm(root: HTMLElement, changed: () => void): SpecForm {
  let d: Draft = {};
  let files: readonly string[] = [];
  const { form, open } = formOpening(root, 'exp', 'exp-form');

  function render(): void {
    open(d, changed);
    scenarios(el(form, 'fieldset'));
    runs(el(form, 'fieldset'));
    metrics(el(form, 'fieldset'));
    settings(el(form, 'fieldset'));
    design(el(form, 'fieldset'));
    interventions(el(form, 'fieldset'));
  }

  function scenarios(fs: HTMLFieldSetElement): void {
    fs.id = 'exp-scenarios';
    el(fs, 'legend', t('exp.scenarios'));
    const refs = scenarioRefs(d);
    // Bundled scenarios, then the files loaded (named as the spec names them, if it does), then
    // anything else the spec names (a file not loaded yet: the check says so).
    const fileRef = (name: string) => refs.find((r) => r.endsWith('.json') && basename(r) === name) ?? name;
    const options: [string, string][] = [
      ...SCENARIOS.map((s): [string, string] => [s.id, pick(s.title)]),
      ...files.map((f): [string, string] => [fileRef(f), t('exp.scenarioFile', { file: f })]),
    ];
    for (const r of refs) if (!options.some(([v]) => v === r)) options.push([r, r]);
    const boxes = el(fs, 'div', undefined, 'checks');
    for (const [value, text] of options) {
      const label = el(boxes, 'label');
      const box = el(label, 'input');
      box.type = 'checkbox';
      box.value = value;
      box.checked = refs.includes(value);
      label.append(text);
    }
    fs.addEventListener('change', () => {
      const now = [...fs.querySelectorAll<HTMLInputElement>('input:checked')].map((b) => b.value);
      // The order of the spec is the order of its runs: kept, new ones last.
      setScenarioRefs(d, [...scenarioRefs(d).filter((r) => now.includes(r)), ...now.filter((r) => !scenarioRefs(d).includes(r))]);
      changed();
    });
  }

  function runs(fs: HTMLFieldSetElement): void {
    el(fs, 'legend', t('exp.runs'));
    const row = el(fs, 'div', undefined, 'row');
    const ticks = numberBox(row, 'exp-ticks', t('exp.ticks'), d.ticks, t('exp.ticksOwn'));
    ticks.addEventListener('change', () => { put(d, 'ticks', num(ticks.value)); changed(); });
    const kind = labelled(row, 'select', 'exp-seeds-kind', t('exp.seedsKind'));
    kind.append(new Option(t('exp.seedsCount'), 'count'), new Option(t('exp.seedsList'), 'list'));
    kind.value = Array.isArray(d.seeds) ? 'list' : 'count';
    const seeds = numberBox(row, 'exp-seeds', t('exp.seeds'), listText(d.seeds));
    const writeSeeds = () => {
      put(d, 'seeds', kind.value === 'list' ? list(seeds.value) : num(seeds.value));
      changed();
    };
    kind.addEventListener('change', writeSeeds);
    seeds.addEventListener('change', writeSeeds);
    const record = labelled(row, 'select', 'exp-record', t('exp.record'));
    record.append(new Option(t('exp.recordFinal'), 'final'), new Option(t('exp.recordEvery'), 'every'));
    record.value = isObject(d.record) ? 'every' : 'final';
    const every = numberBox(row, 'exp-every', t('exp.every'), isObject(d.record) ? d.record.every : '');
    every.closest('.field')!.toggleAttribute('hidden', record.value !== 'every');
    const writeRecord = () => {
      every.closest('.field')!.toggleAttribute('hidden', record.value !== 'every');
      put(d, 'record', record.value === 'every' ? { every: num(every.value) ?? 1 } : undefined);
      changed();
    };
    record.addEventListener('change', writeRecord);
    every.addEventListener('change', writeRecord);
  }

  function metrics(fs: HTMLFieldSetElement): void {
    fs.id = 'exp-metrics';
    el(fs, 'legend', t('exp.metrics'));
    const chosen = Array.isArray(d.metrics) ? d.metrics.map(String) : [];
    const boxes = el(fs, 'div', undefined, 'checks metrics');
    for (const m of [...CITY_METRICS, ...chosen.filter((c) => !CITY_METRICS.includes(c as never))]) {
      const label = el(boxes, 'label');
      const box = el(label, 'input');
      box.type = 'checkbox';
      box.value = m;
      box.checked = chosen.includes(m);
      const text = el(label, 'span', metricLabel(m));
      el(text, 'code', m);
    }
    fs.addEventListener('change', () => {
      const now = [...fs.querySelectorAll<HTMLInputElement>('input:checked')].map((b) => b.value);
      const before = Array.isArray(d.metrics) ? d.metrics.map(String) : [];
      // The spec's order is the order of the CSV's columns: kept, new ones last.
      d.metrics = [...before.filter((m) => now.includes(m)), ...now.filter((m) => !before.includes(m))];
      changed();
    });
  }

  /** Rows of (month,) parameter and value, with Remove, and Add below. */
  function rowsEditor(fs: HTMLFieldSetElement, id: string, rows: Row[], names: readonly string[], withTick: boolean, write: (rows: Row[]) => void, again: () => void): void {
    rows.forEach((r, i) => {
      const row = el(fs, 'div', undefined, 'row');
      row.dataset.row = String(i);
      if (withTick) {
        const tick = numberBox(row, `${id}-tick-${i}`, t('exp.month'), r.tick);
        tick.addEventListener('change', () => { r.tick = num(tick.value); write(rows); changed(); });
      }
      const name = paramSelect(row, `${id}-name-${i}`, t('exp.parameter'), names, r.name);
      name.addEventListener('change', () => { r.name = name.value; write(rows); changed(); });
      const value = numberBox(row, `${id}-value-${i}`, t('exp.value'), r.value);
      value.addEventListener('change', () => { r.value = num(value.value); write(rows); changed(); });
      button(row, t('exp.remove')).addEventListener('click', () => { rows.splice(i, 1); write(rows); changed(); again(); });
    });
    button(fs, withTick ? t('exp.addIntervention') : t('exp.addSetting'), `${id}-add`).addEventListener('click', () => {
      const used = rows.map((r) => r.name);
      rows.push({ ...(withTick ? { tick: 12 } : {}), name: names.find((n) => !used.includes(n)) ?? names[0], value: undefined });
      write(rows);
      changed();
      again();
      fs.querySelector<HTMLElement>(`#${id}-value-${rows.length - 1}`)?.focus();
    });
  }

  function settings(fs: HTMLFieldSetElement): void {
    fs.id = 'exp-set';
    fs.replaceChildren();
    el(fs, 'legend', t('exp.set'));
    el(fs, 'p', t('exp.setNote'), 'note');
    rowsEditor(fs, 'exp-set', setRows(d), SPEC_PARAMS, false, (rows) => setSet(d, rows), () => settings(fs));
  }

  function interventions(fs: HTMLFieldSetElement): void {
    fs.id = 'exp-interventions';
    fs.replaceChildren();
    el(fs, 'legend', t('exp.interventions'));
    el(fs, 'p', t('exp.interventionsNote'), 'note');
    rowsEditor(fs, 'exp-iv', interventionRows(d), RUN_PARAMS, true, (rows) => setInterventions(d, rows), () => interventions(fs));
  }

  function design(fs: HTMLFieldSetElement): void {
    fs.id = 'exp-design-set';
    fs.replaceChildren();
    el(fs, 'legend', t('exp.design'));
    const s: DesignState = designOf(d);
    const write = () => { setDesign(d, s); changed(); };
    const top = el(fs, 'div', undefined, 'row');
    const type = labelled(top, 'select', 'exp-design', t('exp.designType'));
    type.append(...DESIGN_TYPES.map((k) => new Option(t(`exp.design.${k}` as MessageKey), k, false, k === s.type)));
    type.addEventListener('change', () => {
      // Read afresh: a grid's values become a range (lowest to highest), a range's ends a grid's values.
      const next = designOf(d);
      next.type = type.value as DesignState['type'];
      if (next.type !== 'none' && !next.rows.length) next.rows.push(newVaried([], SPEC_PARAMS));
      if (next.type !== 'grid' && next.type !== 'none') next.samples ??= next.type === 'sobol' ? 64 : 10;
      setDesign(d, next);
      changed();
      design(fs);
      fs.querySelector<HTMLElement>('#exp-design')?.focus();
    });
    el(fs, 'p', t(`exp.designNote.${s.type}` as MessageKey), 'note');
    if (s.type === 'none') return;
    if (s.type !== 'grid') {
      const samples = numberBox(top, 'exp-samples', t('exp.samples'), s.samples);
      samples.addEventListener('change', () => { s.samples = num(samples.value); write(); });
      if (s.type === 'morris') {
        const levels = numberBox(top, 'exp-levels', t('exp.levels'), s.levels, '4');
        levels.addEventListener('change', () => { s.levels = num(levels.value); write(); });
      }
      if (s.type !== 'sobol') {
        const seed = numberBox(top, 'exp-design-seed', t('exp.designSeed'), s.seed, '1');
        seed.addEventListener('change', () => { s.seed = num(seed.value); write(); });
      }
    }
    s.rows.forEach((r, i) => {
      const row = el(fs, 'div', undefined, 'row');
      row.dataset.row = String(i);
      const name = paramSelect(row, `exp-vary-name-${i}`, t('exp.parameter'), SPEC_PARAMS, r.name);
      name.addEventListener('change', () => { r.name = name.value; write(); });
      if (s.type === 'grid') {
        const values = numberBox(row, `exp-vary-values-${i}`, t('exp.values'), listText(r.values));
        values.addEventListener('change', () => { r.values = list(values.value); write(); });
      } else {
        const low = numberBox(row, `exp-vary-low-${i}`, t('exp.low'), r.low);
        low.addEventListener('change', () => { r.low = num(low.value); write(); });
        const high = numberBox(row, `exp-vary-high-${i}`, t('exp.high'), r.high);
        high.addEventListener('change', () => { r.high = num(high.value); write(); });
      }
      button(row, t('exp.remove')).addEventListener('click', () => { s.rows.splice(i, 1); write(); design(fs); });
    });
    button(fs, t('exp.addParameter'), 'exp-vary-add').addEventListener('click', () => {
      s.rows.push(newVaried(s.rows.map((r) => r.name), SPEC_PARAMS));
      write();
      design(fs);
      fs.querySelector<HTMLElement>(`#exp-vary-name-${s.rows.length - 1}`)?.focus();
    });
  }

  return {
    show(draft, loaded) {
      d = draft;
      files = loaded;
      render();
    },
    relabel: render,
    disable(on) {
      form.disabled = on;
    },
  };
}
