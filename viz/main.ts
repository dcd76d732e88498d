// The page: it only renders. The model runs in a module Web Worker behind one typed comlink API;
// state arrives once per frame as a snapshot of transferred typed arrays. What the page shows is
// what the run applied: a world parameter waiting for Reset is marked as such and kept out of the
// share link; nothing is dropped without asking; a lost worker is said and Reset brings it back.
import { PARAM_BY_NAME, resolveParams, SEED, type Change, type RunResult, type Scenario } from '../sim/index.ts';
import { VERSION } from '../sim/version.ts';
import { SCENARIOS, findScenario } from '../scenarios/index.ts';
import { markersOf } from '../lab/markers.ts';
import { getLang, LANGS, languageName, locale, paramName, pick, setLang, t, type MessageKey } from './i18n/index.ts';
import { paramPanel } from './controls.ts';
import { createExplore, type RunView } from './explore.ts';
import { createInspector } from './inspector.ts';
import type { History, Selection } from './worker/inspect.ts';
import { createCompareTab } from './compare-controls.ts';
import { COMPARE_DEFAULTS, type CompareConfig } from './compare-config.ts';
import type { createExperiment } from './experiment.ts';
import type { createDiagnose } from './diagnose.ts';
import { warmPool } from './pool.ts';
import { createLesson } from './lesson.ts';
import { createMonitors } from './monitors.ts';
import { createPresentation } from './present.ts';
import { confirmDrop, type Choice } from './dialog.ts';
import { downloadRunCsv, downloadRunJson } from './export.ts';
import { ModelLost, watchedWorker, type LostReason } from './model.ts';
import { decodeScenario, encodeScenario, FileProblem, MAX_SCENARIO_BYTES, readScenarioFile, scenarioFile } from './scenario-file.ts';
import { buildUrl, listedProblems, MAX_SHARE_CHARS, parseUrl, type Problem, type Tab } from './url.ts';
import type { SimApi, Snapshot } from './worker/api.ts';
import type { Remote } from 'comlink';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const { state: initial, problems } = parseUrl(location.search);
setLang(initial.lang);

/** Messages of the alert box, by what they are about; each goes when its cause does. */
const messages: Partial<Record<'link' | 'model' | 'input' | 'file' | 'share', () => string>> = {};

let loaded: Scenario | null = null;
if (initial.def) {
  try {
    loaded = decodeScenario(initial.def);
  } catch (err) {
    const text = (err as Error).message;
    messages.file = () => text;
  }
}

const app = {
  scenario: loaded ?? findScenario(initial.scenario) ?? SCENARIOS[0],
  /** The scenario came from a file, not the bundle. */
  custom: loaded !== null,
  seed: initial.seed,
  set: initial.set as Record<string, number>,
  /** World parameters changed mid-run: shown, applied by the next Reset, not in the link until then. */
  pending: {} as Record<string, number>,
  interventions: initial.interventions as Change[],
  series: {} as Record<string, number[]>,
  snap: null as Snapshot | null,
  playing: false,
  busy: false,
  /** Compare's settings, once chosen (or given by the link): part of the share link. */
  compare: initial.compare ?? (initial.compareResults ? { ...COMPARE_DEFAULTS } : null) as CompareConfig | null,
  /** The SO or district inspected (part of the share link). */
  inspect: (initial.inspect ?? null) as Selection | null,
};

const model = watchedWorker(onLost);
const params = () => resolveParams(app.scenario.params, app.set);
const which = () => (app.custom ? app.scenario : app.scenario.id);
const view = (): RunView | null => (app.snap ? { series: app.series, snap: app.snap, markers: app.snap.markers } : null);

/** A call to the model; null if the worker was lost meanwhile (the page says so, see onLost). */
async function call<R>(fn: (api: Remote<SimApi>) => Promise<R>, months: number): Promise<R | null> {
  try {
    return await model.call(fn, params().citizens * Math.max(1, months));
  } catch (err) {
    if (err instanceof ModelLost) return null;
    throw err;
  }
}

function onLost(reason: LostReason): void {
  setPlaying(false);
  app.busy = false;
  endWaiters.forEach((w) => w.reject(new Error('the model was lost')));
  endWaiters = [];
  messages.model = () => t(reason === 'crashed' ? 'lost.crashed' : 'lost.hung');
  showMessages();
}

const fileName = (name: string) => `involution-${app.scenario.id}-seed${app.seed}-m${app.snap?.tick ?? 0}-${name}`;
function provenance(): string {
  const list = (set: Record<string, number>) => Object.entries(set).map(([k, v]) => `${k} = ${v}`).join(', ');
  const changed = list(app.set) || t('provenance.none');
  const ivs = app.interventions.map((c) => `${t('atMonth', { tick: c.tick })}: ${list(c.set)}`).join('; ') || t('provenance.none');
  return t('provenance', { version: VERSION, title: pick(app.scenario.title), scenario: app.scenario.id, seed: app.seed, month: app.snap?.tick ?? 0, ticks: app.snap?.ticks ?? params().ticks, changed, interventions: ivs });
}

const explore = createExplore($('views'), {
  fileName, provenance,
  inspect: { selected: () => app.inspect, pickSo: (id) => void select({ kind: 'so', id }), pickDistrict: (d) => void select({ kind: 'district', d }) },
});
const inspector = createInspector({ fileName, provenance, onClose: () => void select(null) });
// The hint goes with the views it is about (after the index charts, which the first screen shows).
$('views').insertBefore(document.querySelector('.inspect-hint')!, explore.figs[2].el);

/**
 * Inspect an SO or a district (null: close the inspector). The worker reads its history — an SO not
 * read so far from month 0 by a second run — and then sends it with every snapshot.
 */
async function select(sel: Selection | null, focus = true): Promise<void> {
  app.inspect = sel;
  if (!sel) {
    inspector.hide();
    await call((api) => api.inspect(null) as Promise<History | null>, 1);
  } else {
    const snap = app.snap;
    // Said at once: an SO not read so far is read from month 0, which takes a run's time.
    if (snap && sel.kind === 'so' && (!inspector.open() || snap.inspected?.kind !== 'so' || snap.inspected.id !== sel.id)) {
      inspector.show({ history: null, loading: true, asked: sel, tick: snap.tick, ticks: snap.ticks, markers: snap.markers }, focus);
    }
    const history = await call((api) => api.inspect(sel) as Promise<History | null>, snap?.tick ?? 1);
    if (app.inspect !== sel || !app.snap) return;
    inspector.show({ history, asked: sel, tick: app.snap.tick, ticks: app.snap.ticks, markers: app.snap.markers }, focus, !app.playing);
  }
  render();
  if (app.snap) updateUrl();
}
const monitors = createMonitors($('monitors'));
const compare = createCompareTab({
  settings: () => ({ set: app.set, interventions: app.interventions }),
  chosen: () => app.compare,
  // Compare's settings go into the link as they are chosen (see updateUrl).
  changed: (config) => { if (config) app.compare = config; updateUrl(); },
  chose: (config) => { app.compare = config; updateUrl(); },
  ended: () => updateUrl(),
});
/** A link shared with Compare's results: they are run again when the Compare tab is first shown. */
let linkRun = initial.compareResults === true;
let experimentTab: Promise<ReturnType<typeof createExperiment>> | undefined;
const experiment = {
  open: () => (experimentTab ??= import('./experiment.ts').then((m) => m.createExperiment($('experiment')))).then((x) => x.open()),
  relabel: () => void experimentTab?.then((x) => x.relabel()),
};
let diagnoseTab: Promise<ReturnType<typeof createDiagnose>> | undefined;
const diagnose = {
  open: () => (diagnoseTab ??= import('./diagnose.ts').then((m) => m.createDiagnose($('diagnose')))).then((x) => x.open()),
  relabel: () => void diagnoseTab?.then((x) => x.relabel()),
};
const panel = paramPanel($('params'), onParam, (text) => { messages.input = () => text; showMessages(); });
const lesson = createLesson($('lesson'), $('handout'), {
  scenario: () => app.scenario, runAnimated, view, onStep: () => showTeaching(), seed: () => app.seed, fileName, provenance,
  settings: () => ({ set: app.set, interventions: app.interventions }),
});
const presentation = createPresentation($('present') as HTMLButtonElement, $('present-exit') as HTMLButtonElement, {
  togglePlay: () => $('play').click(), reset: () => $('reset').click(), step: () => $('step').click(), stepBack: () => void stepBack(),
  changed: () => { if (exploreStale && exploreShown()) render(); },
});
let activeTab = 'tab-explore';
let endWaiters: { resolve: () => void; reject: (e: Error) => void }[] = [];

/** The scenario's teaching text, withheld while a lesson is under way and until the student asks for it. */
function showTeaching(): void {
  const withheld = (activeTab === 'tab-lesson' || lesson.started()) && !lesson.revealed();
  $('teaching').textContent = withheld ? t('lessonWithheld') : pick(app.scenario.teaching);
  $('teaching').classList.toggle('withheld', withheld);
}

function showMessages(): void {
  const box = $('message');
  const texts = Object.values(messages).map((m) => m());
  box.replaceChildren(...texts.map((text) => Object.assign(document.createElement('p'), { textContent: text })));
  box.hidden = texts.length === 0;
}

/** One problem of the shared link, in the page's language. */
function describeProblem(p: Problem): string {
  // A problem with a list of its own (tab, compare outcome) keeps it; a range is said in words.
  return t(p.key, { ...p.vars, ...(p.range ? { allowed: t(p.range.integer ? 'allowed.integer' : 'allowed.number', { min: p.range.min, max: p.range.max }) } : {}) });
}
if (problems.length) messages.link = () => t('badUrl', { detail: listedProblems(problems, describeProblem, (count) => t('url.more', { count })) });

/**
 * The link holds the run as applied, at the month shown when paused (while playing the address bar
 * is not rewritten every frame); `atShown` takes the month on screen even while playing (Copy link).
 */
function updateUrl(atShown = !app.playing): void {
  // Compare's results are kept, redrawn or marked stale as the settings now are; the link brings
  // them back only when they are complete and those of the settings.
  compare.refresh();
  history.replaceState(null, '', buildUrl({
    scenario: app.scenario.id, seed: app.seed, set: app.set, interventions: app.interventions, lang: getLang(),
    month: atShown ? app.snap?.tick ?? 0 : 0, ...(app.custom ? { def: encodeScenario(app.scenario) } : {}),
    compare: app.compare, compareResults: compare.current() || linkRun, tab: activeTab.replace('tab-', '') as Tab,
    ...(app.inspect ? { inspect: app.inspect } : {}),
  }));
  // "How it works" opens with the page's language, and its way back brings this run back as it is.
  ($('docs-link') as HTMLAnchorElement).href = `./how.html${location.search}`;
}

function apply(snap: Snapshot | null): void {
  if (!snap) return;
  if (snap.from === 0) app.series = {};
  snap.names.forEach((name, i) => {
    const col = (app.series[name] ??= []);
    col.length = snap.from;
    for (const v of snap.rows[i]) col.push(v);
  });
  app.snap = snap;
  if (app.inspect && snap.inspected !== undefined && inspector.open()) {
    inspector.show({ history: snap.inspected, asked: app.inspect, tick: snap.tick, ticks: snap.ticks, markers: snap.markers }, false, !app.playing);
  }
  render();
  if (snap.tick >= snap.ticks) {
    setPlaying(false);
    endWaiters.forEach((w) => w.resolve());
    endWaiters = [];
  }
}

/** Explore's views have data they have not drawn: they are drawn only while they are shown. */
let exploreStale = false;
/** Explore's panel is shown: its tab, or presentation mode from any tab but the lesson's (style.css). */
const exploreShown = () => activeTab === 'tab-explore' || (document.body.classList.contains('presenting') && activeTab !== 'tab-lesson');

function render(): void {
  const v = view();
  if (!v) return;
  // A page opened on another tab does not draw Explore's charts (on a phone, most of its start);
  // they are drawn when Explore is chosen.
  exploreStale = !exploreShown();
  if (!exploreStale) explore.render(v, !app.playing, app.playing);
  monitors.update(app.series);
  if (activeTab === 'tab-lesson') lesson.update();
  $('clock').textContent = t('clock', { tick: v.snap.tick, ticks: v.snap.ticks });
  $('clock').setAttribute('aria-live', app.playing ? 'off' : 'polite');
  document.body.dataset.tick = String(v.snap.tick);
  panel.set(v.snap.params, app.pending);
  showPending();
}

/** What a change of scenario kept of the user's settings, and what it did not carry over. */
let scenarioNote: { kept: Record<string, number>; dropped: Record<string, number> } | null = null;
/** Settings in words, "Citizens 3000, Months 60", in the page's language. */
const settingsList = (set: Record<string, number>) => Object.entries(set).map(([k, v]) => `${paramName(k)} ${v}`).join(t('listSep'));
/** Said until the user changes something else (a setting, the seed, Reset, a file). */
function forgetScenarioNote(): void {
  scenarioNote = null;
  showScenarioNote();
}
function showScenarioNote(): void {
  const note = $('scenario-note');
  const parts = scenarioNote ? [
    ...(Object.keys(scenarioNote.kept).length ? [t('scenarioKept', { list: settingsList(scenarioNote.kept) })] : []),
    ...(Object.keys(scenarioNote.dropped).length ? [t('scenarioDropped', { list: settingsList(scenarioNote.dropped) })] : []),
  ] : [];
  note.textContent = parts.join(' ');
  note.hidden = parts.length === 0;
}

/** The changes waiting for Reset, beside the Reset button; and Undo, when there is something to undo. */
function showPending(): void {
  const waiting = Object.keys(app.pending).length > 0;
  $('pending').textContent = waiting ? t('pendingNote', { list: settingsList(app.pending) }) : '';
  $('pending').hidden = !waiting;
  $('reset').classList.toggle('due', waiting);
  const undo = $('undo') as HTMLButtonElement;
  const lastIv = lastIntervention();
  undo.disabled = !lastIv;
  undo.title = lastIv ? `${t('atMonth', { tick: lastIv.tick })}: ${Object.entries(lastIv.set).map(([k, v]) => `${paramName(k)} ${v}`).join(', ')}` : '';
}

const lastIntervention = () => [...app.interventions].sort((a, b) => a.tick - b.tick).at(-1);

/** Start the run again with the applied settings and pending changes; `month`: replay up to it. */
async function reset(month = 0): Promise<void> {
  setPlaying(false);
  endWaiters.forEach((w) => w.reject(new Error('the run was reset')));
  endWaiters = [];
  if (model.lost()) {
    model.restart();
    delete messages.model;
    showMessages();
  }
  app.set = { ...app.set, ...app.pending };
  app.pending = {};
  app.busy = true;
  try {
    apply(await call((api) => (month > 0
      ? api.replay(which(), app.seed, app.set, app.interventions, month, app.inspect)
      : api.reset(which(), app.seed, app.set, app.interventions, app.inspect)), month + 1));
  } finally {
    app.busy = false;
  }
  updateUrl();
}

/** Before dropping interventions: ask (drop, keep, or cancel), listing them. */
async function askDrop(message: MessageKey, canKeep: boolean): Promise<Choice> {
  if (!app.interventions.length) return 'drop';
  const items = app.interventions.map((c) => `${t('atMonth', { tick: c.tick })}: ${Object.entries(c.set).map(([k, v]) => `${paramName(k)} ${v}`).join(', ')}`);
  return confirmDrop($('confirm') as HTMLDialogElement, t(message, { n: items.length }), items, canKeep);
}

function setPlaying(on: boolean): void {
  app.playing = on;
  document.body.dataset.state = on ? 'playing' : 'paused';
  for (const id of ['play', 'sheet-play']) {
    $(id).textContent = on ? t('pause') : t('play');
    $(id).setAttribute('aria-pressed', String(on));
  }
  if (!on) {
    render();
    inspector.refresh();
    if (app.snap) updateUrl();
  }
}

async function onParam(name: string, value: number): Promise<void> {
  forgetScenarioNote();
  const snap = app.snap;
  const spec = PARAM_BY_NAME.get(name)!;
  if (!snap || snap.tick === 0) {
    app.set = { ...app.set, [name]: value };
    delete app.pending[name];
    await reset();
    return;
  }
  if (spec.structural) {
    // The run keeps its world: the change waits for Reset, and the link keeps the world as run.
    if (snap.params[name as keyof typeof snap.params] === value) delete app.pending[name];
    else app.pending = { ...app.pending, [name]: value };
    render();
    return;
  }
  const next = await call((api) => api.intervene({ [name]: value }), 1);
  if (!next) return;
  // The worker's month is the truth: a step may have been running when the control changed.
  app.interventions = next.markers.filter((m) => m.kind === 'intervention').map(({ tick, set }) => ({ tick, set }));
  apply(next);
  updateUrl();
}

async function stepOnce(): Promise<void> {
  setPlaying(false);
  if (app.busy || model.lost()) return;
  app.busy = true;
  try { apply(await call((api) => api.step(1), 1)); } finally { app.busy = false; }
  updateUrl();
}

/** A month back: the same run replayed to the month before (presentation mode's left arrow). */
async function stepBack(): Promise<void> {
  setPlaying(false);
  if (app.busy || model.lost() || !app.snap || app.snap.tick === 0) return;
  const month = app.snap.tick - 1;
  // Interventions after that month are kept: they apply again when the run gets there.
  await reset(month);
}

async function undo(): Promise<void> {
  const last = lastIntervention();
  if (!last || !app.snap || app.busy) return;
  const month = app.snap.tick;
  app.interventions = app.interventions.filter((c) => c !== last);
  await reset(month);
}

/**
 * The speed control's value beside it; while playing, the months a second this computer actually
 * runs when it cannot keep up (a big world, a slow machine), measured over the last two seconds.
 */
const played: { at: number; tick: number }[] = [];
function showSpeed(): void {
  const input = $('speed') as HTMLInputElement;
  const n = Number(input.value);
  const now = performance.now();
  while (played.length && now - played[0].at > 2000) played.shift();
  const span = played.length > 1 ? (played.at(-1)!.at - played[0].at) / 1000 : 0;
  const actual = app.playing && span >= 1 ? Math.round((played.at(-1)!.tick - played[0].tick) / span) : n;
  const text = actual < 0.8 * n ? t('speedActual', { n, actual }) : t('speedValue', { n });
  $('speed-value').textContent = text;
  input.setAttribute('aria-valuetext', text);
}

/** Months a second from the speed control; the worker advances at most once per frame. */
let last = performance.now();
let due = 0;
let speedShown = 0;
function frame(now: number): void {
  const speed = Number(($('speed') as HTMLInputElement).value);
  if (app.playing && app.snap) {
    if (played.at(-1)?.tick !== app.snap.tick) played.push({ at: now, tick: app.snap.tick });
  } else played.length = 0;
  if (now - speedShown > 500) {
    speedShown = now;
    showSpeed();
  }
  if (app.playing && !app.busy) {
    due += ((now - last) / 1000) * speed;
    const n = Math.min(Math.floor(due), 12);
    if (n >= 1) {
      due -= n;
      app.busy = true;
      call((api) => api.step(n), n).then(apply).finally(() => { app.busy = false; });
    }
  } else if (!app.playing) due = 0;
  last = now;
  requestAnimationFrame(frame);
}

/** The lesson's run: from the start, played where the lesson shows it, then the speed put back. */
const LESSON_SPEED = '30';
async function runAnimated(): Promise<void> {
  const speed = $('speed') as HTMLInputElement;
  const before = speed.value;
  try {
    await reset();
    if (model.lost()) throw new Error('the model was lost');
    speed.value = LESSON_SPEED;
    const done = new Promise<void>((resolve, reject) => endWaiters.push({ resolve, reject }));
    setPlaying(true);
    await done;
  } finally {
    speed.value = before;
  }
}

function fillScenarioTexts(): void {
  const select = $('scenario') as HTMLSelectElement;
  const options = SCENARIOS.map((s) => new Option(pick(s.title), s.id, false, !app.custom && s.id === app.scenario.id));
  if (app.custom) options.push(new Option(`${t('loadedScenario')}: ${pick(app.scenario.title)}`, `file:${app.scenario.id}`, false, true));
  select.replaceChildren(...options);
  // What a projector shows instead of the select: the scenario's title.
  $('present-title').textContent = pick(app.scenario.title);
  showTeaching();
  $('source').textContent = app.scenario.source;
  compare.fill();
}

/** The language switch lists every catalog of viz/i18n/messages/, each language by its own name. */
function fillLanguages(): void {
  $('lang').replaceChildren(...LANGS.map((l) => Object.assign(new Option(languageName(l), l), { lang: locale(l) })));
}

function relabel(): void {
  document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((e) => { e.textContent = t(e.dataset.i18n as MessageKey); });
  ($('lang') as HTMLSelectElement).value = getLang();
  document.title = t('appTitle');
  document.querySelectorAll<HTMLElement>('[data-i18n-aria]').forEach((e) => e.setAttribute('aria-label', t(e.dataset.i18nAria as MessageKey)));
  // The guided story opens in the page's language.
  ($('story-link') as HTMLAnchorElement).href = `./story.html${getLang() === LANGS[0] ? '' : `?lang=${getLang()}`}`;
  panel.relabel();
  inspector.relabel();
  monitors.relabel();
  presentation.relabel();
  fillScenarioTexts();
  compare.relabel();
  experiment.relabel();
  diagnose.relabel();
  setPlaying(app.playing);
  lesson.render();
  showMessages();
  showSpeed();
  showScenarioNote();
}

/** Run `fn` when the page is idle (at the latest in 2 s; at once where the browser cannot say). */
function whenIdle(fn: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(fn, { timeout: 2000 });
  else setTimeout(fn, 0);
}

function selectTab(id: string, focus = true): void {
  for (const tab of document.querySelectorAll<HTMLElement>('[role=tab]')) {
    const on = tab.id === id;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    $(tab.getAttribute('aria-controls')!).hidden = !on;
    if (on && focus) tab.focus();
    // On a phone the tabs scroll sideways: the one shown is brought into sight (the page is not scrolled).
    if (on) {
      const list = tab.parentElement!, l = list.getBoundingClientRect(), r = tab.getBoundingClientRect();
      if (r.right > l.right) list.scrollLeft += r.right - l.right;
      else if (r.left < l.left) list.scrollLeft -= l.left - r.left;
    }
  }
  activeTab = id;
  document.body.dataset.tab = id.replace('tab-', '');
  if (exploreShown()) {
    if (exploreStale) render();
    else if (!app.snap) drawEmpty();
  }
  if (id === 'tab-lesson') lesson.render();
  // The pool is warmed when the page is idle, not in the tab's first task (a run asked before then starts it at once).
  if (id === 'tab-compare' || id === 'tab-experiment' || id === 'tab-diagnose') whenIdle(warmPool);
  if (id === 'tab-compare') {
    compare.open();
    if (linkRun) {
      linkRun = false;
      const config = compare.config();
      if (config) void compare.run(config, true);
    }
  }
  if (id === 'tab-experiment') void experiment.open();
  if (id === 'tab-diagnose') void diagnose.open();
  showTeaching();
  if (app.snap) updateUrl();
}

async function loadFile(input: HTMLInputElement): Promise<void> {
  const file = input.files?.[0];
  input.value = '';
  if (!file) return;
  let scenario: Scenario;
  try {
    // The size first: a file of megabytes would hold the page, and then the link, for seconds.
    if (file.size > MAX_SCENARIO_BYTES) throw new FileProblem(t('file.tooBig', { file: file.name, size: file.size, max: MAX_SCENARIO_BYTES }));
    scenario = readScenarioFile(file.name, await file.text());
  } catch (err) {
    if (!(err instanceof FileProblem)) throw err;
    messages.file = () => err.message;
    showMessages();
    return;
  }
  if ((await askDrop('confirm.load', false)) === 'cancel') return;
  delete messages.file;
  showMessages();
  Object.assign(app, { scenario, custom: true, set: {}, pending: {}, interventions: [] });
  forgetScenarioNote();
  // A scenario played with a seed (a classroom game's) runs with it, as \`involution-lab run\` does.
  if (scenario.seed !== undefined) {
    app.seed = scenario.seed;
    ($('seed') as HTMLInputElement).value = String(app.seed);
  }
  fillScenarioTexts();
  lesson.restart();
  await reset();
}

function wire(): void {
  $('play').addEventListener('click', async () => {
    if (model.lost()) return;
    if (app.snap && app.snap.tick >= app.snap.ticks) await reset();
    setPlaying(!app.playing);
  });
  $('sheet-play').addEventListener('click', () => $('play').click());
  $('step').addEventListener('click', () => void stepOnce());
  $('undo').addEventListener('click', () => void undo());
  $('reset').addEventListener('click', async () => {
    if (!model.lost()) {
      const choice = await askDrop('confirm.reset', true);
      if (choice === 'cancel') return;
      if (choice === 'drop') app.interventions = [];
    }
    forgetScenarioNote();
    await reset();
  });
  $('scenario').addEventListener('change', async (e) => {
    const select = e.target as HTMLSelectElement;
    const next = findScenario(select.value);
    if (!next) return;
    if ((await askDrop('confirm.scenario', false)) === 'cancel') {
      fillScenarioTexts();
      return;
    }
    // The size of the world and the run's length stay as the user set them; any other setting is
    // the scenario's to make, and what is not carried over is said (so is what is).
    const mine = { ...app.set, ...app.pending };
    const kept = Object.fromEntries(Object.entries(mine).filter(([k]) => PARAM_BY_NAME.get(k)?.structural && !(k in next.params)));
    scenarioNote = { kept, dropped: Object.fromEntries(Object.entries(mine).filter(([k]) => !(k in kept))) };
    Object.assign(app, { scenario: next, custom: false, set: kept, pending: {}, interventions: [] });
    fillScenarioTexts();
    showScenarioNote();
    lesson.restart();
    await reset();
  });
  $('seed').addEventListener('change', async (e) => {
    const input = e.target as HTMLInputElement;
    const n = Number(input.value);
    if (!/^\d+$/.test(input.value) || n < SEED.min || n > SEED.max) {
      messages.input = () => t('input.value', { name: t('seed'), id: 'seed', value: input.value || '""', allowed: t('allowed.integer', { min: SEED.min, max: SEED.max }) });
      showMessages();
      input.value = String(app.seed);
      return;
    }
    const choice = await askDrop('confirm.seed', true);
    if (choice === 'cancel') {
      input.value = String(app.seed);
      return;
    }
    if (choice === 'drop') app.interventions = [];
    forgetScenarioNote();
    app.seed = n;
    await reset();
  });
  // A message about a bad value goes once the value is put right.
  $('params').addEventListener('change', () => { if (messages.input) { delete messages.input; showMessages(); } }, true);
  $('lang').addEventListener('change', (e) => {
    setLang((e.target as HTMLSelectElement).value);
    relabel();
    render();
    updateUrl();
  });
  // A run of no month is not a run the command line can make: say so instead.
  const exported = async (save: (r: RunResult) => void) => {
    if (!app.snap?.tick) { $('clock').textContent = t('exportNothing'); return; }
    const r = await call((api) => api.exportRun(), 1);
    if (r) save(r);
  };
  $('export-json').addEventListener('click', () => void exported(downloadRunJson));
  $('export-csv').addEventListener('click', () => void exported(downloadRunCsv));
  $('save-scenario').addEventListener('click', () => {
    const data = scenarioFile(app.scenario, app.set, app.interventions);
    const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(new Blob([JSON.stringify(data, null, 2) + '\n'], { type: 'application/json' })), download: `${data.id}.json` });
    document.body.appendChild(a);
    a.click();
    a.remove();
  });
  $('load-scenario').addEventListener('click', () => $('load-file').click());
  $('load-file').addEventListener('change', (e) => void loadFile(e.target as HTMLInputElement));
  $('share').addEventListener('click', async () => {
    updateUrl(true);
    // Said before the link is shared: one too long does not open elsewhere (HTTP 431).
    if (location.href.length > MAX_SHARE_CHARS) messages.share = () => t('link.long', { chars: location.href.length, max: MAX_SHARE_CHARS });
    else delete messages.share;
    showMessages();
    // Said copied only when it was: on a page served over plain http:// (a school's server) the
    // browser has no clipboard for it, and the link is then offered, selected, to copy by hand.
    const fallback = $('share-fallback');
    const field = $('share-url') as HTMLInputElement;
    field.value = location.href;
    let copied = false;
    try {
      await navigator.clipboard.writeText(location.href);
      copied = true;
    } catch { /* no clipboard here, or not allowed */ }
    $('share-status').textContent = t(copied ? 'linkCopied' : 'linkNotCopied');
    fallback.hidden = copied;
    if (!copied) {
      field.focus();
      field.select();
    }
  });
  $('share-url').addEventListener('focus', (e) => (e.target as HTMLInputElement).select());
  $('speed').addEventListener('input', showSpeed);
  wireSheet();
  const tabs = [...document.querySelectorAll<HTMLElement>('[role=tab]')];
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => selectTab(tab.id));
    tab.addEventListener('keydown', (e) => {
      const k = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (k) selectTab(tabs[(i + k + tabs.length) % tabs.length].id);
    });
  });
}

/** Where the settings are a sheet over the charts (a phone, a tablet) rather than a column beside them. */
const narrow = matchMedia('(max-width: 900px)');

/**
 * The settings drawer. On a phone or a tablet it opens as a sheet over the lower part of the
 * screen, scrolled on its own, with Play and Close at its top: the index chart is brought into
 * sight above it, so a change is seen as it is made. Escape or Close puts it away.
 */
function wireSheet(): void {
  const drawer = $('drawer') as HTMLDetailsElement;
  const summary = drawer.querySelector('summary')!;
  const close = () => {
    drawer.open = false;
    summary.focus();
  };
  $('sheet-close').addEventListener('click', close);
  $('sheet').addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && narrow.matches && !(e.target as HTMLElement).closest('select')) close();
  });
  drawer.addEventListener('toggle', () => {
    const sheet = drawer.open && narrow.matches;
    document.body.dataset.sheet = sheet ? 'open' : 'closed';
    if (!sheet || activeTab !== 'tab-explore') return;
    // The index chart's bottom just above the sheet (its top, if the chart is taller than the room left).
    const chart = document.querySelector('figure[data-view=index]')!.getBoundingClientRect();
    const room = innerHeight - $('sheet').getBoundingClientRect().height;
    scrollBy({ top: chart.height <= room ? chart.bottom - room : chart.top, behavior: 'instant' });
  });
}

/** The charts at their final size before the first snapshot arrives: the page does not shift as it loads. */
function drawEmpty(): void {
  const p = params();
  const z = (n: number) => new Float64Array(n);
  const snap: Snapshot = {
    tick: 0, ticks: p.ticks, params: p, from: 0, names: [], rows: [], markers: markersOf(app.scenario.schedule),
    sos: { id: new Int32Array(0), skill: z(0), autonomy: z(0), affiliated: new Uint8Array(0), revenue: z(0), home: new Int16Array(0) },
    contracts: { buyer: new Int16Array(0), so: new Int32Array(0), payment: z(0), mode: new Uint8Array(0) },
    communities: { district: new Int16Array(0), needsMet: z(0), servedBy: z(0) },
  };
  explore.render({ series: {}, snap, markers: snap.markers }, false);
}

// The parameter drawer is open where there is room for it, closed on a phone or a tablet.
($('drawer') as HTMLDetailsElement).open = matchMedia('(min-width: 900px)').matches;
document.body.dataset.tab = 'explore';
fillLanguages();
wire();
relabel();
if (initial.tab && initial.tab !== 'explore') selectTab(`tab-${initial.tab}`, false);
Object.assign($('seed') as HTMLInputElement, { min: String(SEED.min), max: String(SEED.max), value: String(app.seed) });
if (exploreShown()) drawEmpty();
document.documentElement.classList.remove('booting');
// A district beyond the run's is said and dropped, as any bad value of the link.
if (app.inspect?.kind === 'district' && app.inspect.d >= params().districts) {
  const asked = app.inspect.d + 1;
  app.inspect = null;
  const before = messages.link;
  messages.link = () => [before?.(), t('badUrl', { detail: t('url.inspectDistrict', { d: asked, count: params().districts }) })].filter(Boolean).join(' ');
  showMessages();
}
void reset(initial.month).then(() => { if (app.inspect) void select(app.inspect, false); });
requestAnimationFrame(frame);
