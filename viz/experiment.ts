// The Experiment tab: the research loop in the browser. A spec — loaded from a file in the command
// line's format (with the scenario files it names), or built in the form — is checked by the lab
// core (every problem listed), counted, and run on the pool of workers (all cores), each run stored
// in IndexedDB as it finishes, so that a reload offers Resume and runs only what is missing. A
// finished experiment shows its analyses as tables (and the report's charts, once wired: hooks.ts),
// and exports its spec and summary.csv: the files `involution-lab experiment` takes and writes.
import { parseScenario } from '../sim/index.ts';
import { VERSION } from '../sim/version.ts';
import { bundledScenario, Problem, resolveExperiment, SpecError, type Experiment, type ExperimentResults } from '../lab/index.ts';
import { findScenario } from '../scenarios/index.ts';
import { metricLabel, pick, t } from './i18n/index.ts';
import { downloadText } from './export.ts';
import { FileProblem, readScenarioFile } from './scenario-file.ts';
import { batch, type Batch } from './pool.ts';
import { analyses, analysisTable, methodsOf } from './experiment/analysis.ts';
import { button, el, labelled } from './experiment/dom.ts';
import { isObject, scenarioRefs, type Draft } from './experiment/draft.ts';
import { specForm } from './experiment/form.ts';
import { exportReport, showCharts } from './experiment/hooks.ts';
import { experimentKey } from './experiment/key.ts';
import { restore, runMissing, type Progress } from './experiment/runner.ts';
import { countRuns, deleteExperiment, listExperiments, putExperiment, type StoredExperiment } from './experiment/store.ts';

const DEFAULT_DRAFT: Draft = { scenarios: ['baseline-involution'], seeds: 10, metrics: ['involutionIndex'] };
const CHECK_DELAY = 150;

type Checked = { e: Experiment; key: string; stored: number } | { problems: string[] };
type Phase = 'idle' | 'running' | 'cancelling' | 'done';

const basename = (ref: string) => ref.replace(/^.*[/\\]/, '');

/** A spec file or a scenario file? A spec has the fields of a spec; a scenario has an id and a title. */
const isScenarioFile = (x: unknown) => isObject(x) && 'title' in x && 'id' in x && !('metrics' in x);

export function createExperiment(root: HTMLElement) {
  let draft: Draft = structuredClone(DEFAULT_DRAFT);
  /** Scenario files loaded, by file name: what the spec's `.json` references are matched with. */
  let files = new Map<string, unknown>();
  let checked: Checked | null = null;
  let checkTimer: ReturnType<typeof setTimeout> | null = null;
  let generation = 0;
  let phase: Phase = 'idle';
  let running: Batch | null = null;
  let results: ExperimentResults | null = null;
  let progress: Progress | null = null;
  let outcomeNote = '';
  let kept = true;
  let fileProblems: string[] = [];
  let saved: (StoredExperiment & { done: number })[] = [];
  let opened = false;
  let outcome = '';
  let baseline = '';

  root.replaceChildren();
  const intro = el(root, 'p', undefined, 'intro');
  const savedBox = el(root, 'section', undefined, 'exp-saved');
  savedBox.id = 'exp-saved';
  const sources = el(root, 'div', undefined, 'buttons');
  const loadSpec = button(sources, '', 'exp-load');
  const specInput = el(sources, 'input');
  Object.assign(specInput, { type: 'file', id: 'exp-spec-file', accept: '.json,application/json', multiple: true, className: 'sr-only', tabIndex: -1 });
  specInput.setAttribute('aria-hidden', 'true');
  const addFiles = button(sources, '', 'exp-add-files');
  const filesInput = el(sources, 'input');
  Object.assign(filesInput, { type: 'file', id: 'exp-scenario-files', accept: '.json,application/json', multiple: true, className: 'sr-only', tabIndex: -1 });
  filesInput.setAttribute('aria-hidden', 'true');
  const newSpec = button(sources, '', 'exp-new');
  const filesNote = el(root, 'p', undefined, 'note');
  filesNote.id = 'exp-files';
  const fileAlert = el(root, 'div', undefined, 'problems');
  fileAlert.id = 'exp-file-problems';
  fileAlert.setAttribute('role', 'alert');
  const form = specForm(el(root, 'div'), () => scheduleCheck());
  const check = el(root, 'section', undefined, 'exp-check');
  check.id = 'exp-check';
  check.setAttribute('aria-live', 'polite');
  const actions = el(root, 'div', undefined, 'buttons exp-actions');
  const runButton = button(actions, '', 'exp-run');
  const cancelButton = button(actions, '', 'exp-cancel');
  const exportSpec = button(actions, '', 'exp-export-spec');
  const bar = el(root, 'progress');
  bar.id = 'exp-bar';
  const status = el(root, 'p', undefined, 'exp-status');
  status.id = 'exp-progress';
  status.setAttribute('aria-live', 'polite');
  const resultsBox = el(root, 'section', undefined, 'exp-results');
  resultsBox.id = 'exp-results';

  loadSpec.addEventListener('click', () => specInput.click());
  addFiles.addEventListener('click', () => filesInput.click());
  specInput.addEventListener('change', () => void readFiles(specInput, true));
  filesInput.addEventListener('change', () => void readFiles(filesInput, false));
  newSpec.addEventListener('click', () => {
    draft = structuredClone(DEFAULT_DRAFT);
    fileProblems = [];
    showDraft();
  });
  runButton.addEventListener('click', () => void run());
  cancelButton.addEventListener('click', () => {
    if (!running) return;
    running.cancel();
    phase = 'cancelling';
    renderActions();
  });
  exportSpec.addEventListener('click', () => downloadText(JSON.stringify(draft, null, 2) + '\n', `${fileBase()}.json`, 'application/json'));

  function fileBase(): string {
    const words = typeof draft.description === 'string' ? draft.description.toLowerCase().match(/[a-z0-9]+/g) : null;
    return words?.length ? words.slice(0, 6).join('-') : 'experiment';
  }

  /** The spec files and scenario files chosen: one spec at most (it replaces the form's), any number of scenario files. */
  async function readFiles(input: HTMLInputElement, withSpec: boolean): Promise<void> {
    const chosen = [...(input.files ?? [])];
    input.value = '';
    fileProblems = [];
    let spec: unknown;
    for (const file of chosen) {
      const text = await file.text();
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (err) {
        fileProblems.push(t('file.json', { file: file.name, detail: (err as Error).message }));
        continue;
      }
      if (!withSpec || isScenarioFile(data)) {
        try {
          readScenarioFile(file.name, text);
          files.set(file.name, data);
        } catch (err) {
          if (!(err instanceof FileProblem)) throw err;
          fileProblems.push(err.message);
        }
      } else if (spec !== undefined) fileProblems.push(t('exp.twoSpecs', { file: file.name }));
      else if (!isObject(data)) fileProblems.push(t('exp.notObject', { file: file.name }));
      else spec = data;
    }
    if (spec !== undefined) draft = spec as Draft;
    showDraft();
  }

  function showDraft(): void {
    form.show(draft, [...files.keys()]);
    renderFiles();
    scheduleCheck(0);
  }

  /** A `.json` reference is a scenario file loaded here (matched by its name): a browser cannot read paths. */
  function resolve(input: Draft): Experiment {
    return resolveExperiment(input, {
      resolve: (ref, field) => {
        if (!ref.endsWith('.json')) return bundledScenario(ref, field);
        const name = basename(ref);
        if (!files.has(name)) throw new Problem(t('exp.fileMissing', { field, ref, file: name }));
        return parseScenario(files.get(name), `scenario file ${name}`);
      },
    });
  }

  function scheduleCheck(delay = CHECK_DELAY): void {
    if (checkTimer) clearTimeout(checkTimer);
    checkTimer = setTimeout(() => void runCheck(), delay);
  }

  /** Check the draft; if it is an experiment already (partly) stored here, say so, and show its results when complete. */
  async function runCheck(): Promise<void> {
    checkTimer = null;
    const gen = ++generation;
    results = null;
    outcomeNote = '';
    try {
      const e = resolve(draft);
      const key = experimentKey(e);
      checked = { e, key, stored: 0 };
      render();
      const stored = await countRuns(key).catch(() => 0);
      if (gen !== generation) return;
      checked = { e, key, stored };
      if (stored >= e.runs) {
        const restored = await restore(e, key);
        if (gen !== generation) return;
        if (restored.results.size === e.runs) {
          results = restored.results;
          phase = 'done';
        }
      } else if (phase === 'done') phase = 'idle';
    } catch (err) {
      if (!(err instanceof SpecError)) throw err;
      checked = { problems: [...err.problems] };
      if (phase === 'done') phase = 'idle';
    }
    if (gen === generation) render();
  }

  async function run(): Promise<void> {
    if (!checked || !('e' in checked) || running) return;
    const { e, key } = checked;
    const b = (running = batch());
    phase = 'running';
    progress = null;
    outcomeNote = '';
    form.disable(true);
    render();
    status.scrollIntoView({ block: 'nearest' });
    const now = Date.now();
    const previous = saved.find((x) => x.key === key);
    kept = await putExperiment({ key, spec: structuredClone(draft), files: Object.fromEntries(files), runs: e.runs, version: VERSION, created: previous?.created ?? now, updated: now })
      .then(() => true, () => false);
    const restored = await restore(e, key);
    const ended = await runMissing(e, key, restored.results, b, (p) => {
      progress = p;
      root.dataset.done = String(p.done);
      root.dataset.ran = String(p.ran);
      renderProgress();
    }, kept && restored.kept);
    kept = ended.kept;
    running = null;
    form.disable(false);
    checked = { e, key, stored: restored.results.size };
    if (restored.results.size === e.runs) {
      results = restored.results;
      phase = 'done';
      outcomeNote = t('exp.complete', { total: e.runs, ran: ended.ran, kept: e.runs - ended.ran });
    } else {
      phase = 'idle';
      outcomeNote = ended.failed.length ? t('exp.failedRuns', { n: ended.failed.length, runs: ended.failed.slice(0, 10).join(', ') }) : t('exp.cancelled', { done: restored.results.size, total: e.runs });
    }
    await refreshSaved();
    render();
    if (phase === 'done') resultsBox.scrollIntoView({ block: 'start' });
  }

  async function refreshSaved(): Promise<void> {
    saved = await listExperiments().catch(() => []);
    renderSaved();
  }

  function titleOf(x: { spec: unknown }): string {
    const spec = isObject(x.spec) ? x.spec : {};
    if (typeof spec.description === 'string' && spec.description) return spec.description;
    const refs = scenarioRefs(spec).map((r) => (findScenario(r) ? pick(findScenario(r)!.title) : basename(r)));
    return refs.join(', ') || t('exp.untitled');
  }

  async function openSaved(x: StoredExperiment, resume: boolean): Promise<void> {
    draft = structuredClone(x.spec) as Draft;
    files = new Map(Object.entries(x.files));
    fileProblems = [];
    showDraft();
    if (checkTimer) clearTimeout(checkTimer);
    await runCheck();
    if (resume) await run();
  }

  function renderSaved(): void {
    savedBox.replaceChildren();
    savedBox.hidden = saved.length === 0;
    if (!saved.length) return;
    el(savedBox, 'h2', t('exp.saved'));
    const unfinished = saved.find((x) => x.done < x.runs && x.version === VERSION);
    if (unfinished && phase !== 'running' && !(checked && 'key' in checked && checked.key === unfinished.key)) {
      const banner = el(savedBox, 'p', undefined, 'exp-banner');
      banner.append(t('exp.unfinished', { title: titleOf(unfinished), done: unfinished.done, total: unfinished.runs }), ' ');
      button(banner, t('exp.resumeIt'), 'exp-resume').addEventListener('click', () => void openSaved(unfinished, true));

    }
    const list = el(savedBox, 'ul');
    for (const x of saved.slice(0, 8)) {
      const li = el(list, 'li');
      li.append(`${titleOf(x)} — ${t('exp.savedRuns', { done: x.done, total: x.runs })}${x.version === VERSION ? '' : ` (${t('exp.oldVersion', { version: x.version })})`} `);
      const busy = phase === 'running' || phase === 'cancelling';
      Object.assign(button(li, t('exp.open')), { disabled: busy }).addEventListener('click', () => void openSaved(x, false));
      Object.assign(button(li, t('exp.delete')), { disabled: busy }).addEventListener('click', async () => {
        await deleteExperiment(x.key).catch(() => {});
        await refreshSaved();
        scheduleCheck(0);
      });
    }
  }

  function renderFiles(): void {
    filesNote.textContent = files.size ? t('exp.filesLoaded', { files: [...files.keys()].join(', ') }) : t('exp.filesNone');
    fileAlert.replaceChildren(...fileProblems.map((p) => Object.assign(document.createElement('p'), { textContent: p })));
    fileAlert.hidden = fileProblems.length === 0;
  }

  function renderCheck(): void {
    check.replaceChildren();
    if (!checked) return;
    if ('problems' in checked) {
      el(check, 'p', t('exp.problems', { n: checked.problems.length }), 'problems-title');
      const list = el(check, 'ul', undefined, 'problems');
      list.id = 'exp-problems';
      for (const p of checked.problems) el(list, 'li', p);
      return;
    }
    const { e } = checked;
    const count = el(check, 'p', t('exp.count', { runs: e.runs, scenarios: e.scenarios.length, points: e.design.points.length, seeds: e.seeds.length }));
    count.id = 'exp-count';
    for (const w of e.warnings) el(check, 'p', w, 'note');
    if (!kept) el(check, 'p', t('exp.notKept'), 'note');
  }

  function renderActions(): void {
    const ok = checked !== null && 'e' in checked;
    const stored = ok ? (checked as { stored: number }).stored : 0;
    const total = ok ? (checked as { e: Experiment }).e.runs : 0;
    runButton.textContent = stored > 0 && stored < total ? t('exp.resume', { done: stored, total }) : t('exp.run');
    runButton.disabled = !ok || phase === 'running' || phase === 'cancelling' || phase === 'done';
    cancelButton.hidden = !(phase === 'running' || phase === 'cancelling');
    cancelButton.disabled = phase === 'cancelling';
    exportSpec.disabled = !ok;
    for (const b of [loadSpec, addFiles, newSpec]) b.disabled = phase === 'running' || phase === 'cancelling';
    root.dataset.phase = phase;
    root.dataset.total = String(total);
    root.dataset.stored = String(stored);
  }

  function seconds(s: number): string {
    if (s < 90) return t('exp.etaSeconds', { n: Math.max(1, Math.round(s)) });
    if (s < 5400) return t('exp.etaMinutes', { n: Math.round(s / 60) });
    return t('exp.etaHours', { n: Math.round(s / 360) / 10 });
  }

  function renderProgress(): void {
    const p = progress;
    bar.hidden = !p || phase === 'done';
    if (p) {
      bar.max = p.total;
      bar.value = p.done;
      bar.setAttribute('aria-label', t('exp.progress', { done: p.done, total: p.total }));
    }
    const parts: string[] = [];
    if (p && (phase === 'running' || phase === 'cancelling')) {
      parts.push(t('exp.progress', { done: p.done, total: p.total }));
      if (p.rate !== null) parts.push(t('exp.rate', { rate: p.rate.toFixed(1) }));
      if (p.eta !== null && p.done < p.total) parts.push(t('exp.eta', { time: seconds(p.eta) }));
      if (p.failed) parts.push(t('exp.failed', { n: p.failed }));
      if (phase === 'cancelling') parts.push(t('exp.cancelling'));
    } else if (outcomeNote) parts.push(outcomeNote);
    status.textContent = parts.join(' · ');
  }

  function renderResults(): void {
    resultsBox.replaceChildren();
    resultsBox.hidden = !(phase === 'done' && results && checked && 'e' in checked);
    if (resultsBox.hidden) return;
    const e = (checked as { e: Experiment }).e;
    const done = results!;
    el(resultsBox, 'h2', t('exp.results', { runs: e.runs }));
    const controls = el(resultsBox, 'div', undefined, 'row');
    if (!e.metrics.includes(outcome)) outcome = e.metrics[0];
    const ids = e.scenarios.map((s) => s.id);
    if (!ids.includes(baseline)) baseline = ids[0];
    const pick1 = labelled(controls, 'select', 'exp-outcome', t('exp.outcome'));
    pick1.append(...e.metrics.map((m) => new Option(`${metricLabel(m)} (${m})`, m, false, m === outcome)));
    pick1.addEventListener('change', () => { outcome = pick1.value; renderResults(); document.getElementById('exp-outcome')?.focus(); });
    const methods = methodsOf(e);
    if (methods.includes('paired')) {
      const base = labelled(controls, 'select', 'exp-baseline', t('compareBaseline'));
      base.append(...e.scenarios.map((s) => new Option(findScenario(s.id) ? pick(findScenario(s.id)!.title) : s.id, s.id, false, s.id === baseline)));
      base.addEventListener('change', () => { baseline = base.value; renderResults(); document.getElementById('exp-baseline')?.focus(); });
    }
    const list = analyses(e, done, outcome, baseline);
    if (!list.length) el(resultsBox, 'p', t('exp.noAnalysis'), 'note');
    for (const a of list) {
      if ('error' in a) el(resultsBox, 'p', a.error, 'note');
      else analysisTable(resultsBox, a, e.scenarios.length > 1);
    }
    const charts = el(resultsBox, 'div', undefined, 'views exp-charts');
    charts.id = 'exp-charts';
    const data = { spec: draft, experiment: e, results: done, analyses: list.filter((a) => 'result' in a), outcome };
    charts.hidden = !showCharts(charts, data);
    const exports = el(resultsBox, 'div', undefined, 'buttons');
    button(exports, t('exp.exportCsv'), 'exp-export-csv').addEventListener('click', () => downloadText(done.summaryCsv(), 'summary.csv', 'text/csv'));
    button(exports, t('exp.exportRuns'), 'exp-export-runs').addEventListener('click', () => downloadText(done.runsCsv(), 'runs.csv', 'text/csv'));
    if (exportReport) {
      const report = exportReport;
      button(exports, t('exp.exportReport'), 'exp-export-report').addEventListener('click', () => void report(data));
    }
  }

  function render(): void {
    renderCheck();
    renderActions();
    renderProgress();
    renderResults();
    renderSaved();
  }

  function relabel(): void {
    intro.textContent = t('exp.intro');
    loadSpec.textContent = t('exp.load');
    addFiles.textContent = t('exp.addFiles');
    newSpec.textContent = t('exp.new');
    cancelButton.textContent = t('exp.cancel');
    exportSpec.textContent = t('exp.exportSpec');
    form.relabel();
    renderFiles();
    render();
  }

  /** The tab opened: the first time, show the experiments kept in this browser (and offer to resume an unfinished one). */
  async function open(): Promise<void> {
    if (opened) return;
    opened = true;
    await refreshSaved();
  }

  form.show(draft, []);
  relabel();
  scheduleCheck(0);
  return { open, relabel };
}
