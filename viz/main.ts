// The page: it only renders. The model runs in a module Web Worker behind one typed comlink API;
// state arrives once per frame as a snapshot of transferred typed arrays.
import { wrap } from 'comlink';
import { PARAM_BY_NAME, type Change } from '../sim/index.ts';
import { SCENARIOS, findScenario } from '../scenarios/index.ts';
import { getLang, pick, setLang, t, type MessageKey } from './i18n/index.ts';
import { paramPanel } from './controls.ts';
import { createExplore } from './explore.ts';
import { COMPARE_METRICS, createCompare } from './compare.ts';
import { createLesson } from './lesson.ts';
import { downloadRunCsv, downloadRunJson } from './export.ts';
import { buildUrl, parseUrl, type Problem } from './url.ts';
import type { SimApi, Snapshot } from './worker/api.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const sim = wrap<SimApi>(new Worker(new URL('./worker/worker.ts', import.meta.url), { type: 'module' }));
const { state: initial, problems } = parseUrl(location.search);
setLang(initial.lang);

const app = {
  scenario: initial.scenario,
  seed: initial.seed,
  set: initial.set as Record<string, number>,
  interventions: initial.interventions as Change[],
  series: {} as Record<string, number[]>,
  snap: null as Snapshot | null,
  playing: false,
  busy: false,
};

const explore = createExplore($('views'));
const compare = createCompare($('compare-views'), $('compare-progress'));
const panel = paramPanel($('params'), onParam);
const lesson = createLesson($('lesson'), { scenarioId: () => app.scenario, runToEnd, series: () => app.series, onStep: () => showTeaching(), seed: () => app.seed });
let activeTab = 'tab-explore';

/** The scenario's teaching text, withheld in a lesson until the student has predicted and run. */
function showTeaching(): void {
  const withheld = activeTab === 'tab-lesson' && !lesson.revealed();
  $('teaching').textContent = withheld ? t('lessonWithheld') : pick(findScenario(app.scenario)!.teaching);
  $('teaching').classList.toggle('withheld', withheld);
}
let endWaiters: { resolve: () => void; reject: (e: Error) => void }[] = [];

function showMessage(text: string): void {
  const box = $('message');
  box.textContent = text;
  box.hidden = !text;
}

/** One problem of the shared link, in the page's language. */
function describeProblem(p: Problem): string {
  return t(p.key, { ...p.vars, allowed: p.range ? t(p.range.integer ? 'allowed.integer' : 'allowed.number', { min: p.range.min, max: p.range.max }) : '' });
}

/** What was ignored from the link, shown until the page is left, and re-worded with the language. */
function showLinkProblems(): void {
  if (problems.length) showMessage(t('badUrl', { detail: problems.map(describeProblem).join('; ') }));
}

function updateUrl(): void {
  history.replaceState(null, '', buildUrl({ scenario: app.scenario, seed: app.seed, set: app.set, interventions: app.interventions, lang: getLang() }));
}

function apply(snap: Snapshot): void {
  if (snap.from === 0) app.series = {};
  snap.names.forEach((name, i) => {
    const col = (app.series[name] ??= []);
    col.length = snap.from;
    for (const v of snap.rows[i]) col.push(v);
  });
  app.snap = snap;
  render();
  if (snap.tick >= snap.ticks) {
    setPlaying(false);
    endWaiters.forEach((w) => w.resolve());
    endWaiters = [];
  }
}

function render(): void {
  const snap = app.snap;
  if (!snap) return;
  explore.render({ series: app.series, snap, markers: snap.markers }, !app.playing);
  $('clock').textContent = `${t('month')} ${snap.tick} ${t('of')} ${snap.ticks}`;
  $('clock').setAttribute('aria-live', app.playing ? 'off' : 'polite');
  document.body.dataset.tick = String(snap.tick);
  panel.set(snap.params);
}

async function reset(): Promise<void> {
  setPlaying(false);
  endWaiters.forEach((w) => w.reject(new Error('the run was reset')));
  endWaiters = [];
  apply(await sim.reset(app.scenario, app.seed, app.set, app.interventions));
  updateUrl();
}

function setPlaying(on: boolean): void {
  app.playing = on;
  document.body.dataset.state = on ? 'playing' : 'paused';
  $('play').textContent = on ? t('pause') : t('play');
  $('play').setAttribute('aria-pressed', String(on));
  if (!on) render();
}

async function onParam(name: string, value: number): Promise<void> {
  const snap = app.snap;
  const structural = PARAM_BY_NAME.get(name)?.structural;
  if (!snap || snap.tick === 0 || structural) {
    app.set = { ...app.set, [name]: value };
    if (!snap || snap.tick === 0) await reset();
    else updateUrl();
    return;
  }
  const next = await sim.intervene({ [name]: value });
  // The worker's month is the truth: a step may have been running when the control changed.
  app.interventions = next.markers.filter((m) => m.kind === 'intervention').map(({ tick, set }) => ({ tick, set }));
  apply(next);
  updateUrl();
}

/** Months a second from the speed control; the worker advances at most once per frame. */
let last = performance.now();
let due = 0;
function frame(now: number): void {
  const speed = Number(($('speed') as HTMLInputElement).value);
  if (app.playing && !app.busy) {
    due += ((now - last) / 1000) * speed;
    const n = Math.min(Math.floor(due), 12);
    if (n >= 1) {
      due -= n;
      app.busy = true;
      sim.step(n).then(apply).finally(() => { app.busy = false; });
    }
  } else if (!app.playing) due = 0;
  last = now;
  requestAnimationFrame(frame);
}

async function runToEnd(): Promise<{ index: number; form: number; substance: number }> {
  await reset();
  ($('speed') as HTMLInputElement).value = '60';
  const done = new Promise<void>((resolve, reject) => endWaiters.push({ resolve, reject }));
  setPlaying(true);
  await done;
  const last = (m: string) => app.series[m][app.series[m].length - 1];
  return { index: last('involutionIndex'), form: last('formGrowth'), substance: last('substanceGrowth') };
}

function fillScenarioTexts(): void {
  const select = $('scenario') as HTMLSelectElement;
  select.replaceChildren(...SCENARIOS.map((s) => new Option(pick(s.title), s.id, false, s.id === app.scenario)));
  const scenario = findScenario(app.scenario)!;
  showTeaching();
  $('source').textContent = scenario.source;
  const cmp = $('compare-scenarios');
  const checked = new Set([...cmp.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value));
  if (!checked.size) ['baseline-involution', 'full-prevention'].forEach((id) => checked.add(id));
  cmp.querySelectorAll('label').forEach((l) => l.remove());
  for (const s of SCENARIOS) {
    const label = cmp.appendChild(document.createElement('label'));
    const box = label.appendChild(document.createElement('input'));
    box.type = 'checkbox';
    box.value = s.id;
    box.checked = checked.has(s.id);
    label.append(pick(s.title));
  }
  const metric = $('compare-metric') as HTMLSelectElement;
  const mv = metric.value || 'involutionIndex';
  metric.replaceChildren(...COMPARE_METRICS.map((m) => new Option(t(`metric.${m}` as MessageKey), m, false, m === mv)));
  const base = $('compare-baseline') as HTMLSelectElement;
  const bv = base.value || 'baseline-involution';
  base.replaceChildren(...SCENARIOS.map((s) => new Option(pick(s.title), s.id, false, s.id === bv)));
}

function relabel(): void {
  document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((e) => { e.textContent = t(e.dataset.i18n as MessageKey); });
  $('lang').textContent = t('switchTo');
  $('lang').setAttribute('lang', getLang() === 'en' ? 'zh' : 'en');
  document.title = t('appTitle');
  document.querySelectorAll<HTMLElement>('[data-i18n-aria]').forEach((e) => e.setAttribute('aria-label', t(e.dataset.i18nAria as MessageKey)));
  panel.relabel();
  fillScenarioTexts();
  compare.relabel();
  setPlaying(app.playing);
  lesson.render();
  if (!$('message').hidden) showLinkProblems();
}

function selectTab(id: string): void {
  for (const tab of document.querySelectorAll<HTMLElement>('[role=tab]')) {
    const on = tab.id === id;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    $(tab.getAttribute('aria-controls')!).hidden = !on;
    if (on) tab.focus();
  }
  activeTab = id;
  if (id === 'tab-lesson') lesson.render();
  showTeaching();
}

function wire(): void {
  $('play').addEventListener('click', async () => {
    if (app.snap && app.snap.tick >= app.snap.ticks) await reset();
    setPlaying(!app.playing);
  });
  $('step').addEventListener('click', async () => {
    setPlaying(false);
    if (app.busy) return;
    app.busy = true;
    try { apply(await sim.step(1)); } finally { app.busy = false; }
  });
  $('reset').addEventListener('click', () => { app.interventions = []; void reset(); });
  $('scenario').addEventListener('change', (e) => {
    app.scenario = (e.target as HTMLSelectElement).value;
    app.set = {};
    app.interventions = [];
    fillScenarioTexts();
    lesson.restart();
    void reset();
  });
  $('seed').addEventListener('change', (e) => {
    const input = e.target as HTMLInputElement;
    const n = Number(input.value);
    if (!/^\d+$/.test(input.value) || n > 4294967295) { input.value = String(app.seed); return; }
    app.seed = n;
    app.interventions = [];
    void reset();
  });
  $('lang').addEventListener('click', () => {
    setLang(getLang() === 'en' ? 'zh' : 'en');
    relabel();
    render();
    updateUrl();
  });
  $('export-json').addEventListener('click', async () => downloadRunJson(await sim.exportRun()));
  $('export-csv').addEventListener('click', async () => downloadRunCsv(await sim.exportRun()));
  $('share').addEventListener('click', async () => {
    updateUrl();
    try { await navigator.clipboard.writeText(location.href); } catch { /* the address bar holds the link */ }
    $('clock').textContent = t('linkCopied');
  });
  const tabs = [...document.querySelectorAll<HTMLElement>('[role=tab]')];
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => selectTab(tab.id));
    tab.addEventListener('keydown', (e) => {
      const k = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (k) selectTab(tabs[(i + k + tabs.length) % tabs.length].id);
    });
  });
  $('compare-run').addEventListener('click', () => {
    const scenarios = [...$('compare-scenarios').querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
    if (scenarios.length < 2 || scenarios.length > 4) { $('compare-progress').textContent = t('compareNeedTwo'); return; }
    const baseline = ($('compare-baseline') as HTMLSelectElement).value;
    const seeds = Math.max(1, Math.min(100, Math.round(Number(($('compare-seeds') as HTMLInputElement).value) || 10)));
    void compare.run({ scenarios: scenarios.includes(baseline) ? scenarios : [baseline, ...scenarios].slice(0, 4), seeds, metric: ($('compare-metric') as HTMLSelectElement).value, baseline });
  });
}

wire();
relabel();
($('seed') as HTMLInputElement).value = String(app.seed);
showLinkProblems();
void reset();
requestAnimationFrame(frame);
