// The form that builds a calibration spec: the city's observed indicators (each a range or a value
// with its sd, at a month or as a mean over months, with the published value and its source beside
// the model's own targets), the parameters to infer with their uniform priors, the world (scenario,
// months, fixed settings) and the ABC-SMC settings. Every control writes its field of the draft and
// says so; the tab checks the draft with lab/abc/spec.ts. A loaded spec is shown in the same controls.
import { METRICS, PARAM_BY_NAME, PARAMS, type ParamSpec } from '../../sim/index.ts';
import { SCENARIOS } from '../../scenarios/index.ts';
import { describeObservation, type Observation } from '../../lab/abc/targets.ts';
import { metricLabel, pick, t, type MessageKey } from '../i18n/index.ts';
import { button, el, labelled, numberBox, paramSelect, SPEC_PARAMS } from '../experiment/dom.ts';
import { isObject, num, put, setRows, setSet } from '../experiment/draft.ts';
import { basename } from '../experiment/files.ts';
import { formOpening, type SpecForm } from '../experiment/skeleton.ts';
import {
  firstPublished,
  freeTargetName,
  priorRows,
  publishedFor,
  putIn,
  setPriors,
  setTargets,
  targetKey,
  targetRows,
  type Draft,
  type TargetRow,
} from './draft.ts';

const CITY_METRICS = METRICS.filter((m) => m !== 'tick');
/** Parameters a prior may be put on: continuous ones (integer and world-size parameters are fixed, in `set`). */
const PRIOR_PARAMS = (PARAMS as readonly ParamSpec[]).filter((p) => !p.integer && !p.structural && p.name !== 'seed' && p.name !== 'ticks').map((p) => p.name);

/** A metric as the form names it: its label, and its identifier as a spec writes it. */
function metricName(parent: HTMLElement, metric: string): void {
  const name = el(parent, 'span', metricLabel(metric), 'diag-metric');
  el(name, 'code', metric);
}

export function calibrationForm(root: HTMLElement, changed: () => void): SpecForm {
  let d: Draft = {};
  let files: readonly string[] = [];
  const { form, open } = formOpening(root, 'diag', 'exp-form diag-form');

  function render(): void {
    open(d, changed);
    targets(el(form, 'fieldset'));
    priors(el(form, 'fieldset'));
    world(el(form, 'fieldset'));
    settings(el(form, 'fieldset'));
  }

  /** A number box writing a top-level field (what is not a number is kept as typed). */
  function field(parent: HTMLElement, id: string, label: string, name: string, placeholder = ''): void {
    const box = numberBox(parent, id, label, d[name], placeholder);
    box.addEventListener('change', () => {
      put(d, name, num(box.value));
      changed();
    });
  }

  function targets(fs: HTMLFieldSetElement): void {
    fs.id = 'diag-targets';
    fs.replaceChildren();
    el(fs, 'legend', t('diag.targets'));
    el(fs, 'p', t('diag.targetsNote'), 'note');
    const rows = targetRows(d);
    const write = () => {
      setTargets(d, rows);
      changed();
    };
    rows.forEach((r, i) => {
      const box = el(fs, 'div', undefined, 'diag-target');
      box.dataset.metric = r.metric;
      box.dataset.target = targetKey(r);
      const head = el(box, 'div', undefined, 'diag-target-head');
      metricName(head, r.metric);
      button(head, t('diag.remove'), `diag-target-remove-${i}`).addEventListener('click', () => {
        rows.splice(i, 1);
        write();
        targets(fs);
      });
      const row = el(box, 'div', undefined, 'row');
      // The target's own name: needed when its metric is observed over more than one window.
      const name = labelled(row, 'input', `diag-target-name-${i}`, t('diag.targetName'));
      name.type = 'text';
      name.spellcheck = false;
      name.className = 'diag-name';
      name.value = r.name ?? '';
      name.placeholder = r.metric;
      const taken = el(box, 'p', undefined, 'note diag-name-taken');
      taken.id = `diag-target-name-taken-${i}`;
      taken.hidden = true;
      name.addEventListener('change', () => {
        const typed = name.value.trim();
        const key = typed || r.metric;
        // Two targets under one key would be one: refused here, before the draft loses either.
        const clash = rows.some((o, j) => j !== i && targetKey(o) === key);
        taken.hidden = !clash;
        taken.textContent = clash ? t('diag.nameTaken', { name: key }) : '';
        name.setAttribute('aria-invalid', String(clash));
        if (clash) return;
        r.name = key === r.metric ? undefined : key;
        box.dataset.target = key;
        write();
      });
      const kind = labelled(row, 'select', `diag-target-kind-${i}`, t('diag.kind'));
      kind.append(new Option(t('diag.kindRange'), 'range', false, r.kind === 'range'), new Option(t('diag.kindValue'), 'value', false, r.kind === 'value'));
      kind.addEventListener('change', () => {
        // A range becomes its middle ± a quarter of its width, and back.
        const [lo, hi] = [Number(r.low), Number(r.high)];
        const [v, sd] = [Number(r.value), Number(r.sd)];
        const next: TargetRow =
          kind.value === 'value'
            ? {
                name: r.name,
                metric: r.metric,
                badMetric: r.badMetric,
                kind: 'value',
                value: Number.isFinite(lo + hi) ? (lo + hi) / 2 : undefined,
                sd: Number.isFinite(hi - lo) ? (hi - lo) / 4 : undefined,
                tick: r.tick,
                from: r.from,
              }
            : {
                name: r.name,
                metric: r.metric,
                badMetric: r.badMetric,
                kind: 'range',
                low: Number.isFinite(v - sd) ? v - 2 * sd : undefined,
                high: Number.isFinite(v + sd) ? v + 2 * sd : undefined,
                tick: r.tick,
                from: r.from,
              };
        rows[i] = next;
        write();
        targets(fs);
        fs.querySelector<HTMLElement>(`#diag-target-kind-${i}`)?.focus();
      });
      const boxes: [keyof TargetRow, string][] =
        r.kind === 'range'
          ? [
              ['low', t('diag.low')],
              ['high', t('diag.high')],
            ]
          : [
              ['value', t('diag.value')],
              ['sd', t('diag.sd')],
            ];
      for (const [key, label] of [...boxes, ['tick', t('diag.tick')], ['from', t('diag.from')]] as [keyof TargetRow, string][]) {
        const input = numberBox(row, `diag-target-${key}-${i}`, label, r[key], key === 'tick' ? t('diag.tickLast') : key === 'from' ? t('diag.fromNone') : '');
        input.addEventListener('change', () => {
          (r as unknown as Record<string, unknown>)[key] = num(input.value);
          write();
        });
      }
      const published = publishedFor(targetKey(r), r.metric);
      if (published) {
        const note = el(
          box,
          'p',
          t('diag.published', { value: describeObservation(published as unknown as Observation), source: t(`diag.source.${targetKey(r)}` as MessageKey) }),
          'note diag-source',
        );
        note.id = `diag-source-${i}`;
      }
    });
    // A metric already observed may be added again, for another window, under a name of its own.
    const used = new Set(rows.map((r) => r.metric));
    const add = el(fs, 'div', undefined, 'row');
    const which = labelled(add, 'select', 'diag-add-metric', t('diag.addWhich'));
    for (const m of CITY_METRICS)
      which.append(new Option(used.has(m) ? t('diag.addAgain', { metric: `${metricLabel(m)} (${m})` }) : `${metricLabel(m)} (${m})`, m));
    button(add, t('diag.addTarget'), 'diag-add-target').addEventListener('click', () => {
      if (!which.value) return;
      const p = firstPublished(which.value);
      const range = p && Array.isArray(p.range) ? p.range : [undefined, undefined];
      const key = freeTargetName(which.value, rows.map(targetKey));
      rows.push({ ...(key === which.value ? {} : { name: key }), metric: which.value, kind: 'range', low: range[0], high: range[1] });
      write();
      targets(fs);
      fs.querySelector<HTMLElement>(`#diag-target-${key === which.value ? 'low' : 'name'}-${rows.length - 1}`)?.focus();
    });
  }

  function priors(fs: HTMLFieldSetElement): void {
    fs.id = 'diag-priors';
    fs.replaceChildren();
    el(fs, 'legend', t('diag.priors'));
    el(fs, 'p', t('diag.priorsNote'), 'note');
    const rows = priorRows(d);
    const write = () => {
      setPriors(d, rows);
      changed();
    };
    rows.forEach((r, i) => {
      const row = el(fs, 'div', undefined, 'row');
      row.dataset.row = String(i);
      const name = paramSelect(row, `diag-prior-name-${i}`, t('diag.parameter'), PRIOR_PARAMS, r.name);
      name.addEventListener('change', () => {
        // A new parameter starts over its whole registry range (its prior range, for a model constant).
        const p = PARAM_BY_NAME.get(name.value);
        rows[i] = p ? { name: p.name, low: p.min, high: p.max } : { name: name.value, low: r.low, high: r.high };
        write();
        priors(fs);
        fs.querySelector<HTMLElement>(`#diag-prior-name-${i}`)?.focus();
      });
      for (const key of ['low', 'high'] as const) {
        const input = numberBox(row, `diag-prior-${key}-${i}`, t(key === 'low' ? 'diag.low' : 'diag.high'), r[key]);
        input.addEventListener('change', () => {
          r[key] = num(input.value);
          write();
        });
      }
      const p = PARAM_BY_NAME.get(r.name);
      if (p) el(row, 'span', t('diag.allowed', { min: p.min, max: p.max }), 'note');
      button(row, t('diag.remove'), `diag-prior-remove-${i}`).addEventListener('click', () => {
        rows.splice(i, 1);
        write();
        priors(fs);
      });
      // What the parameter is: a model constant has no name of its own, only its identifier.
      if (p) el(fs, 'p', pick(p), 'note diag-meaning');
    });
    button(fs, t('diag.addPrior'), 'diag-add-prior').addEventListener('click', () => {
      const used = rows.map((r) => r.name);
      const p = PARAM_BY_NAME.get(PRIOR_PARAMS.find((n) => !used.includes(n)) ?? PRIOR_PARAMS[0])!;
      rows.push({ name: p.name, low: p.min, high: p.max });
      write();
      priors(fs);
      fs.querySelector<HTMLElement>(`#diag-prior-name-${rows.length - 1}`)?.focus();
    });
  }

  function world(fs: HTMLFieldSetElement): void {
    fs.id = 'diag-world';
    fs.replaceChildren();
    el(fs, 'legend', t('diag.world'));
    const row = el(fs, 'div', undefined, 'row');
    const scenario = labelled(row, 'select', 'diag-scenario', t('diag.scenario'));
    const ref = typeof d.scenario === 'string' ? d.scenario : '';
    const options: [string, string][] = [
      ...SCENARIOS.map((s): [string, string] => [s.id, pick(s.title)]),
      ...files.map((f): [string, string] => [ref.endsWith('.json') && basename(ref) === f ? ref : f, t('diag.scenarioFile', { file: f })]),
    ];
    if (ref && !options.some(([v]) => v === ref)) options.push([ref, ref]);
    for (const [value, text] of options) scenario.append(new Option(text, value, false, value === ref));
    scenario.addEventListener('change', () => {
      d.scenario = scenario.value;
      changed();
    });
    field(row, 'diag-ticks', t('diag.ticks'), 'ticks', t('diag.ticksOwn'));
    el(fs, 'p', t('diag.setNote'), 'note');
    const rows = setRows(d);
    const write = () => {
      setSet(d, rows);
      changed();
    };
    rows.forEach((r, i) => {
      const line = el(fs, 'div', undefined, 'row');
      line.dataset.row = String(i);
      const name = paramSelect(line, `diag-set-name-${i}`, t('diag.parameter'), SPEC_PARAMS, r.name);
      name.addEventListener('change', () => {
        r.name = name.value;
        write();
      });
      const value = numberBox(line, `diag-set-value-${i}`, t('diag.settingValue'), r.value);
      value.addEventListener('change', () => {
        r.value = num(value.value);
        write();
      });
      button(line, t('diag.remove')).addEventListener('click', () => {
        rows.splice(i, 1);
        write();
        world(fs);
      });
    });
    button(fs, t('diag.addSetting'), 'diag-add-setting').addEventListener('click', () => {
      const used = rows.map((r) => r.name);
      rows.push({ name: used.includes('citizens') ? (SPEC_PARAMS.find((n) => !used.includes(n)) ?? SPEC_PARAMS[0]) : 'citizens', value: undefined });
      write();
      world(fs);
      fs.querySelector<HTMLElement>(`#diag-set-value-${rows.length - 1}`)?.focus();
    });
  }

  function settings(fs: HTMLFieldSetElement): void {
    fs.id = 'diag-settings';
    el(fs, 'legend', t('diag.abc'));
    el(fs, 'p', t('diag.abcNote'), 'note');
    const row = el(fs, 'div', undefined, 'row');
    field(row, 'diag-particles', t('diag.particles'), 'particles', '200');
    field(row, 'diag-generations', t('diag.generations'), 'generations', '10');
    field(row, 'diag-replicates', t('diag.replicates'), 'replicates', '1');
    field(row, 'diag-seed', t('diag.seed'), 'seed', '1');
    const predictive = isObject(d.predictive) ? d.predictive : {};
    for (const [key, label, placeholder] of [
      ['draws', t('diag.draws'), '100'],
      ['seeds', t('diag.drawSeeds'), '1'],
    ]) {
      const box = numberBox(row, `diag-predictive-${key}`, label, predictive[key], placeholder);
      box.addEventListener('change', () => {
        putIn(d, 'predictive', key, num(box.value));
        changed();
      });
    }
    const more = el(fs, 'details', undefined, 'diag-more');
    el(more, 'summary', t('diag.more'));
    const row2 = el(more, 'div', undefined, 'row');
    field(row2, 'diag-quantile', t('diag.quantile'), 'quantile', '0.5');
    field(row2, 'diag-min-acceptance', t('diag.minAcceptance'), 'minAcceptance', '0.02');
    field(row2, 'diag-min-tolerance', t('diag.minTolerance'), 'minTolerance', '0');
    const kernel = labelled(row2, 'select', 'diag-kernel', t('diag.kernel'));
    kernel.append(new Option(t('diag.kernel.olcm'), 'olcm'), new Option(t('diag.kernel.twice'), 'twice-covariance'));
    if (typeof d.kernel === 'string' && d.kernel !== 'olcm' && d.kernel !== 'twice-covariance') kernel.append(new Option(d.kernel, d.kernel));
    kernel.value = typeof d.kernel === 'string' ? d.kernel : 'olcm';
    kernel.addEventListener('change', () => {
      put(d, 'kernel', kernel.value === 'olcm' && d.kernel === undefined ? undefined : kernel.value);
      changed();
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
