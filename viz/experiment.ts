// The Experiment tab: the research loop in the browser. A spec — loaded from a file in the command
// line's format (with the scenario files it names), or built in the form — is checked by the lab
// core (every problem listed), counted, and run on the pool of workers (all cores), each run stored
// in IndexedDB as it finishes, so that a reload offers Resume and runs only what is missing. A
// finished experiment shows its analyses as tables, the report's charts under them (hooks.ts),
// and exports its spec and summary.csv: the files `involution-lab experiment` takes and writes.
import { VERSION } from '../sim/version.ts';
import { SpecError, type Experiment, type ExperimentResults } from '../lab/index.ts';
import { t } from './i18n/index.ts';
import { downloadText } from './export.ts';
import { batch, type Batch } from './pool.ts';
import { el } from './experiment/dom.ts';
import type { Draft } from './experiment/draft.ts';
import { readChosen, resolveWith } from './experiment/files.ts';
import { specForm } from './experiment/form.ts';
import { experimentKey } from './experiment/key.ts';
import { renderResults as drawResults, type Choice } from './experiment/results-view.ts';
import { restore, runMissing, type Progress } from './experiment/runner.ts';
import { renderSaved as drawSaved, type Saved } from './experiment/saved.ts';
import { tabSkeleton } from './experiment/skeleton.ts';
import { countRuns, deleteExperiment, listExperiments, putExperiment, type StoredExperiment } from './experiment/store.ts';

const DEFAULT_DRAFT: Draft = { scenarios: ['baseline-involution'], seeds: 10, metrics: ['involutionIndex'] };
const CHECK_DELAY = 150;

type Checked = { e: Experiment; key: string; stored: number } | { problems: string[] };
type Phase = 'idle' | 'running' | 'cancelling' | 'done';

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
  let saved: Saved[] = [];
  let opened = false;
  const choice: Choice = { outcome: '', baseline: '' };

  const frame = tabSkeleton(root, 'exp', { third: ['new', 'exp.new'], exportSpec: 'export-spec', readFiles });
  const { savedBox, third: newSpec, sources, filesNote, fileAlert, check, runButton, cancelButton, exportSpec, bar, status, say, resultsBox } = frame;
  const form = specForm(frame.formHost, () => scheduleCheck());

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
    const chosen = await readChosen([...(input.files ?? [])], withSpec, files);
    input.value = '';
    fileProblems = chosen.problems;
    if (chosen.spec) draft = chosen.spec;
    showDraft();
  }

  function showDraft(): void {
    form.show(draft, [...files.keys()]);
    renderFiles();
    scheduleCheck(0);
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
      const e = resolveWith(draft, files);
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
      root.dataset.kept = String(p.stored);
      renderProgress();
    }, kept && restored.kept);
    kept = ended.kept;
    running = null;
    form.disable(false);
    // What the store holds, not what this page holds: a reload keeps only that.
    checked = { e, key, stored: ended.stored };
    const unkept = ended.stored < restored.results.size ? t('exp.notAllKept', { stored: ended.stored, done: restored.results.size, lost: restored.results.size - ended.stored, error: ended.storeError ?? '' }) : '';
    if (restored.results.size === e.runs) {
      results = restored.results;
      phase = 'done';
      outcomeNote = unkept ? `${t('exp.completeUnkept', { total: e.runs })} ${unkept}` : t('exp.complete', { total: e.runs, ran: ended.ran, kept: e.runs - ended.ran });
    } else {
      phase = 'idle';
      outcomeNote = ended.failed.length
        ? t('exp.failedRuns', { n: ended.failed.length, runs: ended.failed.slice(0, 10).join(', ') })
        : unkept
          ? `${t('exp.stoppedUnkept', { done: restored.results.size, total: e.runs })} ${unkept}`
          : t('exp.cancelled', { done: restored.results.size, total: e.runs });
      if (ended.failed.length && unkept) outcomeNote += ` ${unkept}`;
    }
    await refreshSaved();
    render();
    if (phase === 'done') resultsBox.scrollIntoView({ block: 'start' });
  }

  async function refreshSaved(): Promise<void> {
    saved = await listExperiments().catch(() => []);
    renderSaved();
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
    drawSaved(savedBox, saved, {
      busy: phase === 'running' || phase === 'cancelling',
      current: checked && 'key' in checked ? checked.key : undefined,
      open: (x, resume) => void openSaved(x, resume),
      remove: async (x) => {
        await deleteExperiment(x.key).catch(() => {});
        await refreshSaved();
        scheduleCheck(0);
      },
    });
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
    for (const b of sources) b.disabled = phase === 'running' || phase === 'cancelling';
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
      if (p.stored < p.done) parts.push(t('exp.storeRefused', { stored: p.stored, error: p.storeError ?? '' }));
      if (phase === 'cancelling') parts.push(t('exp.cancelling'));
    } else if (outcomeNote) parts.push(outcomeNote);
    status.textContent = parts.join(' · ');
    say(phase, p?.done ?? 0, p?.total ?? 0, status.textContent);
  }

  function renderResults(): void {
    resultsBox.replaceChildren();
    resultsBox.hidden = !(phase === 'done' && results && checked && 'e' in checked);
    if (!resultsBox.hidden) drawResults(resultsBox, (checked as { e: Experiment }).e, results!, draft, choice, renderResults);
  }

  function render(): void {
    renderCheck();
    renderActions();
    renderProgress();
    renderResults();
    renderSaved();
  }

  function relabel(): void {
    frame.relabel();
    form.relabel();
    renderFiles();
    render();
  }

  /**
   * The tab opened: the first time, check the form's spec and show the experiments kept in this
   * browser (offering to resume an unfinished one). Until then the store is not opened.
   */
  async function open(): Promise<void> {
    if (opened) return;
    opened = true;
    scheduleCheck(0);
    await refreshSaved();
  }

  // The first labels: relabel() without the form's, which show() draws (drawing it twice was most of the tab's start).
  frame.relabel();
  form.show(draft, []);
  renderFiles();
  render();
  return { open, relabel };
}
