// The story page's DOM: the frame (header, language, the list of steps), one step (its idea, source,
// control, chart frame, table of numbers, checked statements, the same run elsewhere) and the
// pager. Built from the page's state; nothing read from a link is parsed as markup.
import type { MetricName } from '../../sim/index.ts';
import { findScenario } from '../../scenarios/index.ts';
import { getLang, LANGS, languageName, locale, pick } from '../i18n/index.ts';
import { FIGURES, PREVENTIONS } from './claims.ts';
import { h } from '../dom.ts';
import { explorerUrl, storyUrl, type LinkProblem, type StoryState } from './link.ts';
import { BASELINE, STEPS, baselineValue, combinedRun, controlKey, stepRun, type Checked, type Control, type Run, type Step } from './steps.ts';
import { ui } from './ui.ts';

const $ = (id: string) => document.getElementById(id)!;

/** What the page asks of its state when it draws: the state, and what a control's change does. */
export interface View {
  state: () => StoryState;
  choose: (key: string, value: number | string) => void;
  ticks: (run: Run) => number;
  replay: () => void;
}

let view: View;
export const useView = (v: View): void => {
  view = v;
};

export const step = (): Step => STEPS[view.state().step - 1];
const stepHref = (n: number) => storyUrl({ ...view.state(), step: n });
/** The statements a step shows now: all of a slider's; the chosen prevention's; Changsha's. */
export function statements(s: Step): Checked[] {
  if (s.control?.kind === 'choice') return s.checked.filter((c) => c.value === view.state().choices.prevention);
  return s.checked;
}
export function shownMetrics(s: Step): MetricName[] {
  const claimed = statements(s).flatMap((c) => c.claims.map((k) => k.metric));
  return [...new Set([...s.numbers, ...claimed])];
}
export const chartMetrics = (s: Step): MetricName[] => (s.chart.kind === 'gap' ? ['formGrowth', 'substanceGrowth'] : [s.chart.metric]);
export const figureLabel = (m: MetricName) => (FIGURES[m] ? pick(FIGURES[m]!.label) : m);

function valueText(control: Control, v: number | string): string {
  if (control.kind === 'slider') return control.percent ? `${Math.round(Number(v) * 100)} %` : String(v);
  if (control.kind === 'toggle') return ui(v === 1 ? 'on' : 'off');
  return v === 'none' ? ui('none') : pick(findScenario(String(v))!.title);
}

// ——— the page's frame: header, language, the list of steps ———

export function renderFrame(problems: LinkProblem[]): void {
  const state = view.state();
  document.documentElement.lang = locale(getLang());
  document.title = `${pick(step().title)} — ${ui('title')}`;
  $('story-title').textContent = ui('title');
  $('kicker').textContent = ui('kicker');
  Object.assign($('home') as HTMLAnchorElement, { textContent: `← ${ui('home')}`, href: explorerHome() });
  $('lang-label').textContent = ui('language');
  const select = $('lang') as HTMLSelectElement;
  select.replaceChildren(...LANGS.map((l) => Object.assign(new Option(languageName(l), l), { lang: locale(l) })));
  select.value = getLang();
  const nav = $('step-nav');
  nav.setAttribute('aria-label', ui('steps'));
  nav.replaceChildren(
    h(
      'ol',
      {},
      ...STEPS.map((s, i) =>
        h(
          'li',
          {},
          h(
            'a',
            { href: stepHref(i + 1), 'data-nav': String(i + 1), title: pick(s.title), 'aria-current': i + 1 === state.step ? 'step' : undefined },
            String(i + 1),
            h('span', { class: 'sr-only' }, ` ${pick(s.title)}`),
          ),
        ),
      ),
    ),
  );
  if (problems.length) {
    $('problems').hidden = false;
    $('problems').textContent = ui('linkProblems', { list: problems.map((p) => `${p.key}=${p.value}`).join(', ') });
  }
}

const explorerHome = () => `./index.html${getLang() === LANGS[0] ? '' : `?lang=${getLang()}`}`;

// ——— one step ———

function controlView(s: Step): HTMLElement | null {
  const state = view.state();
  const c = s.control;
  if (!c) return null;
  const key = controlKey(c);
  const value = state.choices[key] ?? baselineValue(c);
  const base = baselineValue(c);
  const baseNote = h('span', { class: 'base-note' }, ` (${ui('baselineIs', { value: valueText(c, base) })})`);
  if (c.kind === 'slider') {
    const out = h('output', { id: 'control-value', for: 'control' }, valueText(c, value));
    const input = h('input', {
      id: 'control',
      type: 'range',
      min: String(c.min),
      max: String(c.max),
      step: String(c.step),
      value: String(value),
      'aria-valuetext': valueText(c, value),
      'aria-describedby': 'control-ends',
    });
    input.addEventListener('input', () => {
      out.textContent = valueText(c, Number(input.value));
      input.setAttribute('aria-valuetext', out.textContent);
    });
    input.addEventListener('change', () => view.choose(key, Number(input.value)));
    return h(
      'div',
      { class: 'control' },
      h('label', { for: 'control' }, pick(c.label)),
      h('div', { class: 'value-row' }, out, baseNote),
      h('div', { class: 'slider-row' }, input),
      h(
        'div',
        { class: 'ends', id: 'control-ends' },
        h('span', {}, `${valueText(c, c.min)}: ${pick(c.ends[0])}`),
        h('span', {}, `${valueText(c, c.max)}: ${pick(c.ends[1])}`),
      ),
    );
  }
  if (c.kind === 'choice') {
    const select = h(
      'select',
      { id: 'control' },
      ...PREVENTIONS.map((p) => Object.assign(new Option(valueText(c, p.scenario), p.scenario), { selected: p.scenario === value })),
    );
    select.addEventListener('change', () => view.choose(key, select.value));
    return h('div', { class: 'control' }, h('label', { for: 'control' }, pick(c.label)), select);
  }
  const box = h('input', { id: 'control', type: 'checkbox', role: 'switch' });
  box.checked = value === 1;
  box.addEventListener('change', () => view.choose(key, box.checked ? 1 : 0));
  return h('div', { class: 'control toggle' }, box, h('label', { for: 'control' }, pick(c.label)), baseNote);
}

function choicesView(): HTMLElement {
  const state = view.state();
  const chosen = STEPS.flatMap((s, i) => {
    const c = s.control;
    if (!c) return [];
    const v = state.choices[controlKey(c)];
    if (v === undefined || v === baselineValue(c)) return [];
    return [h('li', {}, h('a', { href: stepHref(i + 1), 'data-nav': String(i + 1) }, `${ui('stepN', { n: i + 1 })} · ${pick(c.name)}: ${valueText(c, v)}`))];
  });
  return h(
    'section',
    { class: 'choices', 'aria-labelledby': 'choices-title' },
    h('h3', { id: 'choices-title' }, ui('yourChoices')),
    chosen.length ? h('ul', {}, ...chosen) : h('p', {}, ui('noChoices')),
  );
}

export function renderStep(): void {
  const state = view.state();
  const s = step();
  document.body.dataset.step = s.id;
  const run = stepRun(s, state.choices);
  const shown = statements(s);
  const checkedBox =
    shown.length && shown.some((c) => c.claims.length)
      ? h(
          'section',
          { class: 'checked', 'aria-labelledby': 'checked-title' },
          h('h3', { id: 'checked-title' }, ui('checked')),
          ...shown.map((c) => h('p', {}, pick(c.text))),
          h('p', { class: 'note' }, ui('uncheckedNote')),
        )
      : shown.length
        ? h('p', { class: 'hint' }, ...shown.map((c) => pick(c.text)))
        : null;
  const cli = `involution-lab run --scenario ${run.scenario} --seed ${state.seed}${Object.entries(run.set)
    .map(([k, v]) => ` --set ${k}=${v}`)
    .join('')}`;
  const last = state.step === STEPS.length;
  const parts: (HTMLElement | null)[] = [
    h('p', { class: 'step-count' }, ui('stepOf', { n: state.step, total: STEPS.length })),
    h('h2', { id: 'step-title', tabindex: '-1' }, pick(s.title)),
    h('p', { class: 'idea' }, pick(s.idea)),
    s.source ? h('blockquote', { class: 'source' }, h('p', {}, `“${pick(s.source.text)}”`), h('footer', {}, `— ${pick(s.source.cite)}`)) : null,
    controlView(s),
    last ? choicesView() : null,
    h(
      'figure',
      { id: 'chart', 'data-state': 'running' },
      h(
        'div',
        { class: 'chart-head' },
        legendView(s),
        h('span', { id: 'clock', class: 'clock' }, ui('running')),
        h('button', { type: 'button', id: 'replay', class: 'small' }, ui('playAgain')),
      ),
      h('div', { id: 'plot', role: 'img', 'aria-label': ui('running') }),
      h(
        'figcaption',
        {},
        s.chart.kind === 'gap' ? ui('chartGap', { seed: state.seed }) : ui('chartVersus', { seed: state.seed, figure: figureLabel(s.chart.metric) }),
      ),
    ),
    numbersView(s),
    checkedBox,
    h(
      'details',
      { class: 'about' },
      h('summary', {}, ui('aboutTitle')),
      h('p', {}, ui('aboutWorld', { seed: state.seed })),
      h('p', {}, ui('aboutIndex')),
      h('p', {}, ui('cli')),
      h('pre', {}, h('code', {}, cli)),
      h('p', {}, h('a', { href: explorerUrl(run, state.seed, getLang()), id: 'open-run' }, ui('openRun'))),
      h('p', {}, h('a', { href: stepHref(state.step), id: 'step-link' }, ui('stepLink'))),
    ),
  ];
  $('step').replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
  $('replay').addEventListener('click', view.replay);
  renderPager();
}

function legendView(s: Step): HTMLElement {
  const item = (cls: string, text: string) => h('span', { class: `key ${cls}` }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), text);
  return s.chart.kind === 'gap'
    ? h('span', { class: 'legend' }, item('blue', ui('form')), item('green', ui('substance')))
    : h('span', { class: 'legend' }, item('blue', ui('yours')), item('grey', ui('baseline')));
}

function numbersView(s: Step): HTMLElement {
  const state = view.state();
  const rows = shownMetrics(s).map((m) =>
    h('tr', { 'data-metric': m }, h('th', { scope: 'row' }, figureLabel(m)), h('td', { class: 'yours' }, '…'), h('td', { class: 'baseline' }, '…')),
  );
  return h(
    'div',
    { class: 'numbers-wrap' },
    h(
      'table',
      { class: 'numbers' },
      h('caption', {}, ui('atEnd', { month: view.ticks(BASELINE) - 1, seed: state.seed })),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ui('figure')), h('th', { scope: 'col' }, ui('yours')), h('th', { scope: 'col' }, ui('baseline')))),
      h('tbody', {}, ...rows),
    ),
    h('p', { id: 'factor', class: 'factor' }),
  );
}

function renderPager(): void {
  const state = view.state();
  const n = state.step;
  const prev = n > 1 ? h('a', { href: stepHref(n - 1), 'data-nav': String(n - 1), rel: 'prev', class: 'pager-link' }, `← ${ui('previous')}`) : h('span');
  const next =
    n < STEPS.length
      ? h('a', { href: stepHref(n + 1), 'data-nav': String(n + 1), rel: 'next', class: 'pager-link primary' }, `${ui('next')} →`)
      : h('a', { href: explorerUrl(combinedRun(state.choices), state.seed, getLang()), id: 'open-world', class: 'pager-link primary' }, `${ui('openWorld')} →`);
  $('pager').setAttribute('aria-label', ui('pager'));
  $('pager').replaceChildren(prev, next);
}
