// Compare: two to four scenarios × N seeds in the pool of workers, with the sidebar's settings and
// interventions. Each chart shows the mean and a 90 % band that fill in as runs finish; differences
// from the baseline are paired on the same seeds. The comparison is an experiment of the lab core:
// its spec and summary.csv are what `involution-lab experiment` takes and writes for the same runs.
// The researcher steers it: an estimate of its time before Run, Cancel while it runs (its workers
// stopped at once), results that always say what they are for — redrawn when only the baseline
// changed, marked stale when anything else they depend on did — and, once complete, a share link
// that runs the same comparison again (the same seeds give the same results) where it is opened.
import { ExperimentResults, plannedRuns, resolveExperiment, SpecError, taskOf, type Experiment } from '../lab/index.ts';
import { metricLabel as labelOf, paramName, t, pick, type MessageKey } from './i18n/index.ts';
import { createFigure, type Figure } from './figure.ts';
import { dataTable, PALETTE } from './views/chart.ts';
import { monthOf, type Line } from './views/timeseries.ts';
import { fans } from './views/fan.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { TICKS } from '../sim/limits.ts';
import { VERSION } from '../sim/version.ts';
import { resolveParams } from '../sim/index.ts';
import { fanOf, twinDifferences } from '../lab/summaries.ts';
import { batch, Cancelled, measureSpeed, POOL_SIZE, runCost, type Batch, type Speed } from './pool.ts';
import { compareSpec, type CompareConfig, type Settings } from './compare-config.ts';
import { downloadText } from './export.ts';
import { progressVoice } from './announce.ts';

const COLORS = [PALETTE.black, PALETTE.blue, PALETTE.vermillion, PALETTE.green];
const DRAW_EVERY = 250;

/** The sidebar's settings in words: the overrides, then each intervention at its month. */
export function settingsText(s: Settings): string {
  const list = (set: Record<string, number>) => Object.entries(set).map(([k, v]) => `${paramName(k)} ${v}`).join(t('listSep'));
  const parts = [...(Object.keys(s.set).length ? [list(s.set)] : []), ...s.interventions.map((c) => `${t('atMonth', { tick: c.tick })}: ${list(c.set)}`)];
  return parts.length ? t('compareSettings', { list: parts.join('; ') }) : t('compareSettingsNone');
}

/** A duration in words: seconds, minutes or hours. */
export function duration(s: number): string {
  if (s < 90) return t('exp.etaSeconds', { n: Math.max(1, Math.round(s)) });
  if (s < 5400) return t('exp.etaMinutes', { n: Math.round(s / 60) });
  return t('exp.etaHours', { n: Math.round(s / 360) / 10 });
}

/** Seconds the runs of `e` take on `workers` workers at `speed`: the longest run at least. */
export function batchSeconds(e: Experiment, speed: Speed, workers: number): number {
  let total = 0;
  let longest = 0;
  for (const r of plannedRuns(e)) {
    const citizens = resolveParams(e.scenarios[r.scenario].params, r.set).citizens;
    const s = r.ticks * (speed.perMonth + speed.perCitizenMonth * citizens);
    total += s;
    longest = Math.max(longest, s);
  }
  return Math.max(longest, total / workers);
}

/** What a comparison's runs depend on: its spec without the description (which names the baseline). */
const runsKey = (req: CompareConfig, settings: Settings): string => JSON.stringify({ ...compareSpec(req, settings), description: undefined });

type Phase = 'idle' | 'running' | 'done' | 'cancelled';

interface Shown {
  req: CompareConfig;
  settings: Settings;
  spec: Record<string, unknown>;
  results: ExperimentResults;
  /** The outcome's monthly values, by scenario and seed. */
  curves: Map<string, Map<number, Float64Array>>;
  done: number;
  total: number;
  failed: number;
  /** Run again because a shared link asked for its results. */
  fromLink: boolean;
  started: number;
}

export interface CompareElements {
  /** The tab's panel: its data attributes say the phase and the counts. */
  panel: HTMLElement;
  root: HTMLElement;
  progress: HTMLElement;
  /** The live region that says the progress at its milestones (viz/announce.ts). */
  announce: HTMLElement;
  bar: HTMLProgressElement;
  /** Where the page says which settings the comparison runs with. */
  note: HTMLElement;
  /** Beside Run: how many runs, and about how long they take here. */
  estimate: HTMLElement;
  /** Shown when the results on screen are not those of the controls. */
  stale: HTMLElement;
  runButton: HTMLButtonElement;
  cancelButton: HTMLButtonElement;
  exportSpec: HTMLButtonElement;
  exportCsv: HTMLButtonElement;
}

export interface CompareHost {
  /** The sidebar's settings now. */
  settings(): Settings;
  /** The tab's controls now; null when they do not make a comparison (fewer than two scenarios). */
  config(): CompareConfig | null;
  /** A comparison ended (complete or not): the share link may now bring back its results. */
  changed(): void;
}

export function createCompare(els: CompareElements, hooks: CompareHost) {
  const { root, progress } = els;
  const say = progressVoice(els.announce);
  let running: Batch | null = null;
  let shown: Shown | null = null;
  let phase: Phase = 'idle';
  /** The controls no longer match the results on screen: what changed. */
  let staleParts: MessageKey[] = [];
  let speed: Speed | null = null;
  /** The tab was opened: the pool may be started (and its speed measured). */
  let opened = false;
  const base = (s: Shown) => `involution-compare-${s.req.scenarios.join('+')}-seeds1-${s.req.seeds}-${s.req.metric}`;
  const host = {
    redraw: () => { if (shown) render(shown); },
    fileName: (view: string) => shown
      ? `involution-${view}-${shown.req.scenarios.join('+')}-seeds1-${shown.req.seeds}-${shown.req.metric}`
      : `involution-${view}`,
    provenance: () => shown
      ? t('provenance.compare', { version: VERSION, scenarios: shown.req.scenarios.join(', '), seeds: shown.req.seeds, metric: shown.req.metric, baseline: shown.req.baseline, settings: settingsText(shown.settings) })
      : `Involution Lab ${VERSION}`,
  };
  const figs: Figure[] = [createFigure(root, 'compare', host), createFigure(root, 'compare-difference', host)];
  els.exportSpec.addEventListener('click', () => {
    if (shown) downloadText(JSON.stringify(shown.spec, null, 2) + '\n', `${base(shown)}-spec.json`, 'application/json');
  });
  els.exportCsv.addEventListener('click', () => {
    if (shown) downloadText(shown.results.summaryCsv(), `${base(shown)}-summary.csv`, 'text/csv');
  });
  els.cancelButton.addEventListener('click', cancel);

  const complete = (s: Shown | null): s is Shown => s !== null && s.done === s.total && s.failed === 0;

  /** The exports are the CLI's files only when every run is in. */
  function showExports(): void {
    els.exportSpec.disabled = !complete(shown);
    els.exportCsv.disabled = !complete(shown);
  }

  async function run(req: CompareConfig, fromLink = false): Promise<void> {
    running?.cancel(true);
    const b = (running = batch());
    const now = hooks.settings();
    const spec = compareSpec(req, now);
    let e;
    try {
      e = resolveExperiment(spec);
    } catch (err) {
      if (!(err instanceof SpecError)) throw err;
      running = null;
      progress.textContent = err.problems.join('; ');
      return;
    }
    const results = new ExperimentResults(e);
    const curves = new Map<string, Map<number, Float64Array>>(req.scenarios.map((s) => [s, new Map()]));
    // Seeds interleaved across scenarios, so every band fills in at once.
    const runs = plannedRuns(e).sort((x, y) => x.replicate - y.replicate || x.scenario - y.scenario);
    const state: Shown = { req, settings: structuredClone(now), spec, results, curves, done: 0, total: runs.length, failed: 0, fromLink, started: performance.now() };
    shown = state;
    phase = 'running';
    staleParts = [];
    // The count follows every run; the charts are redrawn at most every DRAW_EVERY ms (and at the
    // end): drawing after each of 80 quick runs would take the main thread's share of 2 cores.
    let drawn = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const redraw = () => {
      timer = null;
      drawn = performance.now();
      if (shown === state) render(state);
    };
    const draw = () => {
      if (shown !== state) return;
      showState();
      if (state.done === state.total) {
        if (timer) clearTimeout(timer);
        redraw();
      } else if (!timer) timer = setTimeout(redraw, Math.max(0, DRAW_EVERY - (performance.now() - drawn)));
    };
    draw();
    const scenarios = e.scenarios;
    const { metrics, every } = e;
    await Promise.all(runs.map(async (r) => {
      const task = taskOf(e, r.run);
      try {
        // A run whose worker crashed is retried once on a fresh worker (pool.ts); then it is left out.
        const rows = await b.run((api) => api.runRows(scenarios[r.scenario], task, metrics, every), runCost(scenarios[r.scenario], r));
        if (b.cancelled) return;
        results.addRows(r.run, rows);
        curves.get(r.scenarioId)!.set(r.seed, Float64Array.from(rows, (row) => row[1]));
      } catch (err) {
        if (err instanceof Cancelled || b.cancelled) return;
        state.failed++;
      }
      state.done++;
      draw();
    }));
    if (timer) clearTimeout(timer);
    if (running === b) running = null;
    if (shown !== state) return;
    // Cancelled: the runs finished so far stay drawn, and the page says they are not all.
    phase = b.cancelled ? 'cancelled' : 'done';
    // Cancel goes once the runs stop: the keyboard's focus goes back to Run.
    if (document.activeElement === els.cancelButton) els.runButton.focus();
    showState();
    render(state);
    hooks.changed();
  }

  /** Stop the comparison running: queued runs dropped, running ones stopped with their workers. */
  function cancel(): void {
    if (!running) return;
    running.cancel(true);
  }

  function progressText(p: Shown): string {
    const finished = p.done - p.failed;
    if (phase === 'cancelled') {
      return finished ? t('compareCancelled', { done: finished, total: p.total }) : t('compareCancelledNone', { total: p.total });
    }
    const count = t('compareProgress', { done: finished, total: p.total });
    const parts = [p.failed ? `${count}; ${t('compareFailed', { failed: p.failed })}` : count];
    if (phase === 'running') {
      // The time left at the rate seen so far, once two runs are in.
      const seconds = (performance.now() - p.started) / 1000;
      if (p.done >= 2 && p.done < p.total) parts.push(t('exp.eta', { time: duration(((p.total - p.done) * seconds) / p.done) }));
      if (p.fromLink) parts.push(t('compareFromLink'));
    }
    return parts.join(' · ');
  }

  /** Progress, buttons and the panel's data attributes, as the phase and counts are now. */
  function showState(): void {
    const busy = phase === 'running';
    els.cancelButton.hidden = !busy;
    els.bar.hidden = !busy;
    if (shown) {
      progress.textContent = progressText(shown);
      say(phase, shown.done, shown.total, progress.textContent);
      els.bar.max = shown.total;
      els.bar.value = shown.done;
      els.bar.setAttribute('aria-label', t('compareProgress', { done: shown.done - shown.failed, total: shown.total }));
      els.panel.dataset.done = String(shown.done - shown.failed);
      els.panel.dataset.total = String(shown.total);
    }
    els.panel.dataset.phase = phase;
    showExports();
  }

  function render(s: Shown): void {
    const { req, curves: results } = s;
    const title = (id: string) => pick(SCENARIOS.find((x) => x.id === id)!.title);
    const metricLabel = labelOf(req.metric);
    // Titles say when the charts hold only some of the runs (running, cancelled, or some failed).
    const partial = s.done - s.failed < s.total ? t('comparePartial', { done: s.done - s.failed, total: s.total }) : '';
    const markLabels = { intervention: '', scheduled: '', month: (m: number) => t('atMonth', { tick: m }), band: (lo: string, hi: string) => t('compareBand', { lo, hi }) };
    const lines: Line[] = [];
    const rows: (string | number)[][] = [];
    // The report's fans (lab/summaries.ts): mean and 5–95 % band of each month, the runs taken in
    // the order of their seeds, whatever the order they finished in.
    req.scenarios.forEach((id, i) => {
      const bySeed = results.get(id)!;
      const runs = [...bySeed.keys()].sort((a, b) => a - b).map((seed) => bySeed.get(seed)!);
      if (!runs.length) return;
      const f = fanOf(runs);
      lines.push({ key: id, label: `${title(id)} (n=${runs.length})`, color: COLORS[i], values: f.mean, lo: f.low, hi: f.high });
      rows.push([title(id), runs.length, f.mean.at(-1)!, f.low.at(-1)!, f.high.at(-1)!]);
    });
    fans(figs[0].svg, { title: `${t('chart.compare')}: ${metricLabel}${partial}`, xLabel: t('x'), yLabel: metricLabel, ticks: lines[0]?.values.length ?? TICKS.default, lines, marks: [], markLabels });
    const end = `${t('mean')} (${t('atMonth', { tick: monthOf((lines[0]?.values.length ?? 1) - 1) })})`;
    dataTable(figs[0].table, t('chart.compare'), [t('scenario'), 'n', end, '5 %', '95 %'], rows);
    const baseline = results.get(req.baseline)!;
    const diffLines: Line[] = [];
    const diffRows: (string | number)[][] = [];
    req.scenarios.forEach((id, i) => {
      if (id === req.baseline) return;
      const paired = twinDifferences(results.get(id)!, baseline);
      if (!paired.length) return;
      const f = fanOf(paired);
      diffLines.push({ key: id, label: `${title(id)} − ${title(req.baseline)} (n=${paired.length})`, color: COLORS[i], values: f.mean, lo: f.low, hi: f.high });
      diffRows.push([title(id), paired.length, f.mean.at(-1)!, f.low.at(-1)!, f.high.at(-1)!]);
    });
    fans(figs[1].svg, { title: `${t('chart.diff')}${partial}`, xLabel: t('x'), yLabel: `Δ ${metricLabel}`, ticks: diffLines[0]?.values.length ?? TICKS.default, lines: diffLines, marks: [], markLabels });
    dataTable(figs[1].table, t('chart.diff'), [t('scenario'), 'n', end, '5 %', '95 %'], diffRows);
    for (const f of figs) f.relabel();
  }

  /** What of the controls and the sidebar differs from the results on screen. */
  function differences(s: Shown, req: CompareConfig | null, settings: Settings): MessageKey[] {
    if (!req) return ['compareChanged.scenarios'];
    const out: MessageKey[] = [];
    if (req.scenarios.join() !== s.req.scenarios.join()) out.push('compareChanged.scenarios');
    if (req.seeds !== s.req.seeds) out.push('compareChanged.seeds');
    if (req.metric !== s.req.metric) out.push('compareChanged.outcome');
    if (JSON.stringify(settings) !== JSON.stringify(s.settings)) out.push('compareChanged.settings');
    // Anything else the runs depend on (nothing today): still not the same results.
    if (!out.length && runsKey(req, settings) !== runsKey(s.req, s.settings)) out.push('compareChanged.settings');
    return out;
  }

  /**
   * After any change of the controls or the sidebar: results whose runs are still those asked for
   * are kept (a new baseline is only a redraw, the runs of every scenario being kept); otherwise
   * they are marked as the previous settings' results. The estimate follows the controls.
   */
  function refresh(): void {
    els.note.textContent = settingsText(hooks.settings());
    const req = hooks.config();
    if (shown) {
      staleParts = differences(shown, req, hooks.settings());
      if (!staleParts.length && req && req.baseline !== shown.req.baseline) {
        shown.req = { ...shown.req, baseline: req.baseline };
        render(shown);
      }
    }
    showStale();
    showEstimate();
  }

  function showStale(): void {
    const stale = shown !== null && staleParts.length > 0;
    els.stale.hidden = !stale;
    els.stale.textContent = stale ? t('compareStale', { changed: staleParts.map((k) => t(k)).join(t('listSep')) }) : '';
    els.panel.dataset.stale = String(stale);
    for (const f of figs) f.el.classList.toggle('stale', stale);
  }

  /** How many runs, and about how long they take on this computer's workers (measured once). */
  function showEstimate(): void {
    const req = hooks.config();
    if (!req) {
      els.estimate.textContent = t('compareNeedTwo');
      return;
    }
    let e: Experiment;
    try {
      e = resolveExperiment(compareSpec(req, hooks.settings()));
    } catch {
      els.estimate.textContent = '';
      return;
    }
    if (!speed) {
      els.estimate.textContent = t('compareMeasuring', { runs: e.runs });
      if (opened) {
        void measureSpeed().then((s) => {
          speed = s;
          showEstimate();
        }, () => {});
      }
      return;
    }
    els.estimate.textContent = t('compareEstimate', { runs: e.runs, time: duration(batchSeconds(e, speed, POOL_SIZE)), workers: POOL_SIZE });
  }

  /** Redraw in the current language. */
  function relabel(): void {
    els.note.textContent = settingsText(hooks.settings());
    showStale();
    showEstimate();
    showState();
    if (shown) render(shown);
  }

  /**
   * The results on screen are those of the controls, and complete (or being run again from a shared
   * link): a share link can bring them back.
   */
  const current = (): boolean => staleParts.length === 0 && ((phase === 'done' && complete(shown)) || (phase === 'running' && shown?.fromLink === true));

  /** The tab is shown: measure the speed for the estimate (once). */
  function open(): void {
    opened = true;
    showEstimate();
  }

  showState();
  return { run, cancel, open, figs, relabel, refresh, current };
}
