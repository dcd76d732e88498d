// Compare: two to four scenarios × N seeds in the pool of workers, with the sidebar's settings and
// interventions. Each chart shows the mean and a 90 % band that fill in as runs finish; differences
// from the baseline are paired on the same seeds. The comparison is an experiment of the lab core:
// its spec and summary.csv are what `involution-lab experiment` takes and writes for the same runs.
import { ExperimentResults, plannedRuns, resolveExperiment, SpecError, taskOf } from '../lab/index.ts';
import { metricLabel as labelOf, t, pick, type MessageKey } from './i18n/index.ts';
import { createFigure, type Figure } from './figure.ts';
import { dataTable, PALETTE } from './views/chart.ts';
import type { Line } from './views/timeseries.ts';
import { fans } from './views/fan.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { TICKS } from '../sim/limits.ts';
import { VERSION } from '../sim/version.ts';
import { fanOf, twinDifferences } from '../lab/summaries.ts';
import { batch, Cancelled, runCost, type Batch } from './pool.ts';
import { compareSpec, type CompareConfig, type Settings } from './compare-config.ts';
import { downloadText } from './export.ts';

const COLORS = [PALETTE.black, PALETTE.blue, PALETTE.vermillion, PALETTE.green];
const DRAW_EVERY = 250;

/** The sidebar's settings in words: the overrides, then each intervention at its month. */
export function settingsText(s: Settings): string {
  const list = (set: Record<string, number>) => Object.entries(set).map(([k, v]) => `${t(`param.${k}` as MessageKey)} ${v}`).join(t('listSep'));
  const parts = [...(Object.keys(s.set).length ? [list(s.set)] : []), ...s.interventions.map((c) => `${t('atMonth', { tick: c.tick })}: ${list(c.set)}`)];
  return parts.length ? t('compareSettings', { list: parts.join('; ') }) : t('compareSettingsNone');
}

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
}

export interface CompareElements {
  root: HTMLElement;
  progress: HTMLElement;
  /** Where the page says which settings the comparison runs with. */
  note: HTMLElement;
  exportSpec: HTMLButtonElement;
  exportCsv: HTMLButtonElement;
}

export function createCompare(els: CompareElements, settings: () => Settings) {
  const { root, progress } = els;
  let running: Batch | null = null;
  let shown: Shown | null = null;
  const base = (s: Shown) => `involution-compare-${s.req.scenarios.join('+')}-seeds1-${s.req.seeds}-${s.req.metric}`;
  const host = {
    redraw: () => { if (shown) render(shown.req, shown.curves); },
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

  /** The exports are the CLI's files only when every run is in. */
  function showExports(): void {
    const complete = shown !== null && shown.done === shown.total && shown.failed === 0;
    els.exportSpec.disabled = !complete;
    els.exportCsv.disabled = !complete;
  }

  async function run(req: CompareConfig): Promise<void> {
    running?.cancel();
    const b = (running = batch());
    const now = settings();
    const spec = compareSpec(req, now);
    let e;
    try {
      e = resolveExperiment(spec);
    } catch (err) {
      if (!(err instanceof SpecError)) throw err;
      progress.textContent = err.problems.join('; ');
      return;
    }
    const results = new ExperimentResults(e);
    const curves = new Map<string, Map<number, Float64Array>>(req.scenarios.map((s) => [s, new Map()]));
    // Seeds interleaved across scenarios, so every band fills in at once.
    const runs = plannedRuns(e).sort((x, y) => x.replicate - y.replicate || x.scenario - y.scenario);
    const state: Shown = { req, settings: now, spec, results, curves, done: 0, total: runs.length, failed: 0 };
    // The count follows every run; the charts are redrawn at most every DRAW_EVERY ms (and at the
    // end): drawing after each of 80 quick runs would take the main thread's share of 2 cores.
    let drawn = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const redraw = () => {
      timer = null;
      drawn = performance.now();
      if (running === b) render(req, curves);
    };
    const draw = () => {
      shown = state;
      progress.textContent = progressText(state);
      showExports();
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
  }

  function progressText(p: { done: number; total: number; failed: number }): string {
    const text = t('compareProgress', { done: p.done - p.failed, total: p.total });
    return p.failed ? `${text}; ${t('compareFailed', { failed: p.failed })}` : text;
  }

  function render(req: CompareConfig, results: Map<string, Map<number, Float64Array>>): void {
    const title = (id: string) => pick(SCENARIOS.find((s) => s.id === id)!.title);
    const metricLabel = labelOf(req.metric);
    const lines: Line[] = [];
    const rows: (string | number)[][] = [];
    // The report's fans (lab/summaries.ts): mean and 5–95 % band of each month, the runs taken in
    // the order of their seeds, whatever the order they finished in.
    req.scenarios.forEach((id, i) => {
      const bySeed = results.get(id)!;
      const runs = [...bySeed.keys()].sort((a, b) => a - b).map((seed) => bySeed.get(seed)!);
      if (!runs.length) return;
      const s = fanOf(runs);
      lines.push({ key: id, label: `${title(id)} (n=${runs.length})`, color: COLORS[i], values: s.mean, lo: s.low, hi: s.high });
      rows.push([title(id), runs.length, s.mean.at(-1)!, s.low.at(-1)!, s.high.at(-1)!]);
    });
    fans(figs[0].svg, { title: `${t('chart.compare')}: ${metricLabel}`, xLabel: t('x'), yLabel: metricLabel, ticks: lines[0]?.values.length ?? TICKS.default, lines, marks: [], markLabels: { intervention: '', scheduled: '', month: (m) => t('atMonth', { tick: m }) } });
    const end = `${t('mean')} (${t('atMonth', { tick: (lines[0]?.values.length ?? 1) - 1 })})`;
    dataTable(figs[0].table, t('chart.compare'), [t('scenario'), 'n', end, '5 %', '95 %'], rows);
    const base = results.get(req.baseline)!;
    const diffLines: Line[] = [];
    const diffRows: (string | number)[][] = [];
    req.scenarios.forEach((id, i) => {
      if (id === req.baseline) return;
      const paired = twinDifferences(results.get(id)!, base);
      if (!paired.length) return;
      const s = fanOf(paired);
      diffLines.push({ key: id, label: `${title(id)} − ${title(req.baseline)} (n=${paired.length})`, color: COLORS[i], values: s.mean, lo: s.low, hi: s.high });
      diffRows.push([title(id), paired.length, s.mean.at(-1)!, s.low.at(-1)!, s.high.at(-1)!]);
    });
    fans(figs[1].svg, { title: t('chart.diff'), xLabel: t('x'), yLabel: `Δ ${metricLabel}`, ticks: diffLines[0]?.values.length ?? TICKS.default, lines: diffLines, marks: [], markLabels: { intervention: '', scheduled: '', month: (m) => t('atMonth', { tick: m }) } });
    dataTable(figs[1].table, t('chart.diff'), [t('scenario'), 'n', end, '5 %', '95 %'], diffRows);
    for (const f of figs) f.relabel();
  }

  /** Say which settings the next comparison runs with. */
  function showSettings(): void {
    els.note.textContent = settingsText(settings());
  }

  /** Redraw in the current language. */
  function relabel(): void {
    showSettings();
    showExports();
    if (!shown) return;
    progress.textContent = progressText(shown);
    render(shown.req, shown.curves);
  }

  return { run, figs, relabel, showSettings };
}
