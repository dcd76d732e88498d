// The Diagnose tab: `involution-lab calibrate` in the browser. A calibration spec — the model's own
// (calibration/model.json, its targets' published values and sources shown), loaded from a file in
// the command line's format, or built in the form — is checked by the lab core (every problem
// listed: field, value, what is allowed) and run by ABC-SMC (lab/abc/) on the pool of workers (all
// cores), with progress and Cancel. Each finished simulation is stored in IndexedDB as it finishes,
// so that a reload offers Resume; the generations are closed again from what is stored, and the
// result is the one an uninterrupted run gives. A finished calibration shows the report's sections
// in the page's language and offers the files the command line writes.
import { VERSION } from '../sim/version.ts';
import { resolveParams } from '../sim/index.ts';
import { SpecError } from '../lab/problems.ts';
import { completeManifest, generationRecord, manifestOf } from '../lab/abc/manifest.ts';
import { runCalibration, type CalibrationRun } from '../lab/abc/run.ts';
import { calibrationRuns, modelSetup, resolveCalibration, type Calibration } from '../lab/abc/spec.ts';
import { fmt } from '../lab/charts/style.ts';
import { metricLabel, t } from './i18n/index.ts';
import { downloadText } from './export.ts';
import { batch, POOL_SIZE, type Batch } from './pool.ts';
import { button, el } from './experiment/dom.ts';
import { isObject } from './experiment/draft.ts';
import { basename, readChosen, scenarioResolver } from './experiment/files.ts';
import { tabSkeleton } from './experiment/skeleton.ts';
import { calibrationForm } from './diagnose/form.ts';
import { publishedDraft, type Draft } from './diagnose/draft.ts';
import { calibrationKey } from './diagnose/key.ts';
import { renderDiagnosis, type Diagnosis } from './diagnose/results.ts';
import { BrowserSimulator, type DiagnoseProgress } from './diagnose/runner.ts';
import { countSims, deleteCalibration, getCalibration, listCalibrations, putCalibration, storedSims, type StoredCalibration } from './diagnose/store.ts';

/** The spec's file name when it is the model's own: calibration/model.json. */
const PUBLISHED_FILE = 'model.json';
const CHECK_DELAY = 150;
const LISTED = 8;

type Checked = { c: Calibration; key: string; stored: number; complete: boolean } | { problems: string[] };
type Phase = 'idle' | 'running' | 'cancelling' | 'done';
type Saved = StoredCalibration & { sims: number };

/** Where it ran, for the manifest (the CLI writes the machine and Node there). */
const browserMachine = () => ({ browser: navigator.userAgent, cpus: navigator.hardwareConcurrency || null, workers: POOL_SIZE });

/** A calibration's name: its description, else its indicators. */
function titleOf(x: { spec: unknown }): string {
  const spec = isObject(x.spec) ? x.spec : {};
  if (typeof spec.description === 'string' && spec.description) return spec.description.length > 90 ? `${spec.description.slice(0, 88)}…` : spec.description;
  // A target with a name of its own (its metric in field "metric") is shown by that name, its metric beside.
  const targets = isObject(spec.targets)
    ? Object.entries(spec.targets).map(([key, o]) =>
        isObject(o) && typeof o.metric === 'string' && o.metric !== key
          ? t('report.calibration.namedTarget', { name: key, metric: metricLabel(o.metric) })
          : metricLabel(key),
      )
    : [];
  return targets.length ? t('diag.titleTargets', { targets: targets.join(t('listSep')) }) : t('diag.untitled');
}

export function createDiagnose(root: HTMLElement) {
  let draft: Draft = publishedDraft();
  let specFile = PUBLISHED_FILE;
  /** Scenario files loaded, by file name: what a spec's `.json` reference is matched with. */
  let files = new Map<string, unknown>();
  let checked: Checked | null = null;
  let checkTimer: ReturnType<typeof setTimeout> | null = null;
  let generation = 0;
  let phase: Phase = 'idle';
  let running: Batch | null = null;
  let progress: DiagnoseProgress | null = null;
  let diagnosis: Diagnosis | null = null;
  let outcomeNote = '';
  let kept = true;
  let fileProblems: string[] = [];
  let saved: Saved[] = [];
  let opened = false;

  const frame = tabSkeleton(root, 'diag', { third: ['published', 'diag.publishedValues'], exportSpec: 'export-spec-draft', readFiles });
  const { savedBox, third: published, sources, filesNote, fileAlert, check, runButton, cancelButton, exportSpec, bar, status, say, resultsBox } = frame;
  const form = calibrationForm(frame.formHost, () => scheduleCheck());

  const specText = () => JSON.stringify(draft, null, 2) + '\n';

  published.addEventListener('click', () => {
    draft = publishedDraft();
    specFile = PUBLISHED_FILE;
    fileProblems = [];
    showDraft();
  });
  runButton.addEventListener('click', () => void run());
  cancelButton.addEventListener('click', () => {
    if (!running) return;
    running.cancel();
    phase = 'cancelling';
    renderActions();
    renderProgress();
  });
  exportSpec.addEventListener('click', () => downloadText(specText(), basename(specFile), 'application/json'));

  /** The spec file and scenario files chosen: one spec at most (it replaces the form's), any number of scenario files. */
  async function readFiles(input: HTMLInputElement, withSpec: boolean): Promise<void> {
    const chosen = await readChosen([...(input.files ?? [])], withSpec, files);
    input.value = '';
    fileProblems = chosen.problems;
    if (chosen.spec) {
      draft = chosen.spec;
      specFile = chosen.specName ?? specFile;
    }
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

  /** Check the draft; if it is a calibration stored here, say how much of it is; when complete, show it. */
  async function runCheck(): Promise<void> {
    checkTimer = null;
    if (phase === 'running' || phase === 'cancelling') return;
    const gen = ++generation;
    diagnosis = null;
    outcomeNote = '';
    if (phase === 'done') phase = 'idle';
    try {
      const c = resolveCalibration(draft, scenarioResolver(files));
      const key = calibrationKey(c);
      checked = { c, key, stored: 0, complete: false };
      render();
      const [stored, record] = await Promise.all([countSims(key).catch(() => 0), getCalibration(key).catch(() => undefined)]);
      if (gen !== generation) return;
      checked = { c, key, stored, complete: record?.status === 'complete' };
      // A complete calibration is shown at once: its generations closed again from what is stored.
      if (checked.complete) return void run();
    } catch (err) {
      if (!(err instanceof SpecError)) throw err;
      checked = { problems: [...err.problems] };
    }
    if (gen === generation) render();
  }

  async function run(): Promise<void> {
    if (!checked || !('c' in checked) || running) return;
    const { c, key } = checked;
    const b = (running = batch());
    generation++;
    phase = 'running';
    progress = null;
    outcomeNote = '';
    diagnosis = null;
    form.disable(true);
    render();
    const started = performance.now();
    const now = Date.now();
    const previous = await getCalibration(key).catch(() => undefined);
    // A complete calibration opened again is shown, not run: no new session, unless something it needs is missing.
    const restoring = previous?.status === 'complete';
    const before = previous?.timings ?? { startedAt: new Date().toISOString(), finishedAt: null, wallSeconds: 0, simulated: 0, sessions: 0 };
    // A session counts from its start: one a reload ended is a session too (its time and simulations are not known).
    const timings = { ...before, sessions: before.sessions + (restoring ? 0 : 1) };
    const record: StoredCalibration = {
      key,
      spec: structuredClone(draft),
      files: Object.fromEntries(files),
      specFile,
      version: VERSION,
      status: 'running',
      timings,
      created: previous?.created ?? now,
      updated: now,
    };
    kept = await putCalibration(record).then(
      () => true,
      () => false,
    );
    const stored = kept ? await storedSims(key).catch(() => ((kept = false), new Map())) : new Map();
    const m = manifestOf(c, specFile, timings.startedAt);
    m.timings = { ...timings };
    m.machine = browserMachine();
    const cost = resolveParams(c.scenario.params, c.set).citizens * c.ticks;
    const sim = new BrowserSimulator(
      modelSetup(c),
      c.targets,
      stored,
      key,
      b,
      (p) => {
        progress = p;
        root.dataset.stage = p.stage;
        root.dataset.generation = String(p.generation);
        root.dataset.ran = String(p.ran);
        renderProgress();
      },
      kept,
      cost,
    );
    let out: CalibrationRun;
    try {
      out = await runCalibration(c, sim, (pop) => m.generations.push(generationRecord(pop, c.settings.replicates)));
    } catch (err) {
      // A bug, not a problem of the spec: said, and the page left usable.
      console.error(err);
      out = { populations: [], result: { populations: [], stopped: 'interrupted', stop: { rule: 'interrupted' }, complete: false, exhausted: 0 } };
      sim.failed++;
    }
    const complete = out.draws !== undefined;
    if (complete) completeManifest(m, c, out.populations, out.result, out.draws!);
    m.status = complete ? 'complete' : b.cancelled ? 'interrupted' : 'incomplete';
    m.stopped = complete ? out.result.stopped : null;
    // Opening a complete calibration again leaves its manifest as it was.
    if (!restoring || sim.ran > 0) {
      m.timings = {
        ...m.timings,
        finishedAt: new Date().toISOString(),
        wallSeconds: m.timings.wallSeconds + (performance.now() - started) / 1000,
        simulated: m.timings.simulated + sim.ran,
        sessions: m.timings.sessions + (restoring ? 1 : 0),
      };
    }
    Object.assign(record, { status: m.status, timings: m.timings, updated: Date.now() });
    if (kept) await putCalibration(record).catch(() => {});
    running = null;
    form.disable(false);
    const count = await countSims(key).catch(() => 0);
    checked = { c, key, stored: count, complete };
    root.dataset.ran = String(sim.ran);
    const unkept = sim.storeError && kept ? ` ${t('diag.unkept', { error: sim.storeError })}` : '';
    if (complete) {
      diagnosis = { c, run: out as Diagnosis['run'], manifest: m };
      phase = 'done';
      const runs = m.runs.calibration + m.runs.predictive;
      outcomeNote =
        (sim.ran
          ? t('diag.complete', { generations: out.populations.length, runs, ran: sim.ran })
          : t('diag.completeKept', { generations: out.populations.length, runs })) + unkept;
    } else {
      phase = 'idle';
      outcomeNote = (sim.failed ? t('diag.failed') : t('diag.cancelled', { n: count })) + unkept;
    }
    if (sim.rejected) outcomeNote += ` ${t('diag.rejected', { n: sim.rejected })}`;
    await refreshSaved();
    render();
    if (phase === 'done' && previous?.status !== 'complete') resultsBox.scrollIntoView({ block: 'start' });
  }

  async function refreshSaved(): Promise<void> {
    saved = await listCalibrations().catch(() => []);
    renderSaved();
  }

  async function openSaved(x: Saved, resume: boolean): Promise<void> {
    draft = structuredClone(x.spec) as Draft;
    files = new Map(Object.entries(x.files));
    specFile = x.specFile;
    fileProblems = [];
    form.show(draft, [...files.keys()]);
    renderFiles();
    if (checkTimer) clearTimeout(checkTimer);
    await runCheck();
    if (resume && phase !== 'done') await run();
  }

  function renderSaved(): void {
    savedBox.replaceChildren();
    savedBox.hidden = saved.length === 0;
    if (!saved.length) return;
    const busy = phase === 'running' || phase === 'cancelling';
    el(savedBox, 'h2', t('diag.saved'));
    const current = checked && 'key' in checked ? checked.key : undefined;
    const unfinished = saved.find((x) => x.status !== 'complete' && x.version === VERSION && x.sims > 0);
    if (unfinished && !busy && current !== unfinished.key) {
      const banner = el(savedBox, 'p', undefined, 'exp-banner');
      banner.append(t('diag.unfinished', { title: titleOf(unfinished), n: unfinished.sims }), ' ');
      button(banner, t('diag.resumeIt'), 'diag-resume').addEventListener('click', () => void openSaved(unfinished, true));
    }
    const list = el(savedBox, 'ul');
    for (const x of saved.slice(0, LISTED)) {
      const li = el(list, 'li');
      const state = x.status === 'complete' ? t('diag.savedComplete') : t('diag.savedSims', { n: x.sims });
      li.append(`${titleOf(x)} — ${state}${x.version === VERSION ? '' : ` (${t('exp.oldVersion', { version: x.version })})`} `);
      Object.assign(button(li, t('diag.open')), { disabled: busy }).addEventListener('click', () => void openSaved(x, false));
      Object.assign(button(li, t('diag.delete')), { disabled: busy }).addEventListener('click', async () => {
        await deleteCalibration(x.key).catch(() => {});
        await refreshSaved();
        scheduleCheck(0);
      });
    }
  }

  function renderFiles(): void {
    filesNote.textContent = files.size ? t('exp.filesLoaded', { files: [...files.keys()].join(', ') }) : t('diag.filesNone', { file: basename(specFile) });
    fileAlert.replaceChildren(...fileProblems.map((p) => Object.assign(document.createElement('p'), { textContent: p })));
    fileAlert.hidden = fileProblems.length === 0;
  }

  function renderCheck(): void {
    check.replaceChildren();
    if (!checked) return;
    if ('problems' in checked) {
      el(check, 'p', t('diag.problems', { n: checked.problems.length }), 'problems-title');
      const list = el(check, 'ul', undefined, 'problems');
      list.id = 'diag-problems';
      for (const p of checked.problems) el(list, 'li', p);
      return;
    }
    const { c } = checked;
    const r = calibrationRuns(c);
    const count = el(
      check,
      'p',
      t('diag.count', {
        parameters: c.prior.names.length,
        targets: c.targets.length,
        particles: c.settings.particles,
        generations: c.settings.generations,
        least: r.least,
        typical: r.typical,
        most: r.most,
      }),
    );
    count.id = 'diag-count';
    if (!kept) el(check, 'p', t('diag.notKept'), 'note');
  }

  function renderActions(): void {
    const ok = checked !== null && 'c' in checked;
    const stored = ok ? (checked as { stored: number }).stored : 0;
    const busy = phase === 'running' || phase === 'cancelling';
    runButton.textContent = stored > 0 && phase !== 'done' ? t('diag.resume', { n: stored }) : t('diag.run');
    runButton.disabled = !ok || busy || phase === 'done';
    cancelButton.hidden = !busy;
    cancelButton.disabled = phase === 'cancelling';
    exportSpec.disabled = busy;
    for (const b of sources) b.disabled = busy;
    root.dataset.phase = phase;
    root.dataset.stored = String(stored);
  }

  function renderProgress(): void {
    const p = progress;
    const busy = phase === 'running' || phase === 'cancelling';
    bar.hidden = !p || !busy;
    if (p) {
      bar.max = Math.max(1, p.goal);
      bar.value = Math.min(p.accepted, p.goal);
    }
    const parts: string[] = [];
    if (p && busy) {
      parts.push(
        p.stage === 'predictive'
          ? t('diag.progress.predictive', { done: p.accepted, total: p.goal })
          : t('diag.progress.generation', {
              generation: p.generation,
              tolerance: Number.isFinite(p.epsilon) ? t('diag.tolerance', { tolerance: fmt(p.epsilon) }) : t('diag.fromPrior'),
              accepted: Math.min(p.accepted, p.goal),
              particles: p.goal,
              attempts: p.attempts,
            }),
      );
      if (p.rate !== null) parts.push(t('diag.rate', { rate: p.rate.toFixed(1) }));
      if (p.storeError) parts.push(t('diag.storeRefused', { error: p.storeError }));
      if (phase === 'cancelling') parts.push(t('diag.cancelling'));
    } else if (outcomeNote) parts.push(outcomeNote);
    status.textContent = parts.join(' · ');
    if (p) bar.setAttribute('aria-label', status.textContent);
    // Said at each generation's (and the check's) start, quarters and end.
    say(`${phase}:${p?.stage}:${p?.generation}`, p?.accepted ?? 0, p?.goal ?? 0, status.textContent);
  }

  function renderResults(): void {
    resultsBox.replaceChildren();
    resultsBox.hidden = !(phase === 'done' && diagnosis);
    if (!resultsBox.hidden) renderDiagnosis(resultsBox, diagnosis!, specText);
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
   * The tab opened: the first time, check the form's spec and show the calibrations kept in this
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
