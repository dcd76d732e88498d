// Compare: two to four scenarios × N seeds in a pool of workers. Each chart shows the mean and a
// 90 % band that fill in as runs finish; differences from the baseline are paired on the same seeds.
import * as d3 from 'd3';
import { resolveParams } from '../sim/index.ts';
import { watchedWorker, type Watched } from './model.ts';
import { metricLabel as labelOf, t, pick } from './i18n/index.ts';
import { createFigure, type Figure } from './figure.ts';
import { dataTable, PALETTE } from './views/chart.ts';
import type { Line } from './views/timeseries.ts';
import { fans } from './views/fan.ts';
import { findScenario, SCENARIOS } from '../scenarios/index.ts';
import { VERSION } from '../sim/version.ts';
import { fanOf, twinDifferences } from '../lab/summaries.ts';

const COLORS = [PALETTE.black, PALETTE.blue, PALETTE.vermillion, PALETTE.green];
const DRAW_EVERY = 250;
export const COMPARE_METRICS = ['involutionIndex', 'formGrowth', 'substanceGrowth', 'needsMet', 'functionTransfer', 'soDevelopment', 'projectsActive', 'satisfaction'];

export interface CompareRequest {
  scenarios: string[];
  seeds: number;
  metric: string;
  baseline: string;
}

let pool: Watched[] = [];

function workers(): Watched[] {
  if (!pool.length) pool = Array.from({ length: Math.max(2, Math.min(4, navigator.hardwareConcurrency || 2)) }, () => watchedWorker());
  return pool;
}

/** Citizen-months of one run of a bundled scenario: how long its worker may take. */
function cost(scenario: string): number {
  const p = resolveParams(findScenario(scenario)!.params);
  return p.citizens * p.ticks;
}

/**
 * Start the pool before it is asked for (when Compare is opened), each worker loaded and its code
 * warmed up by a short run, so that a comparison starts at full speed.
 */
export function warmPool(): void {
  for (const slot of workers()) {
    slot.call((api) => api.runBatch('baseline-involution', 1, { citizens: 2000, ticks: 24 }, ['involutionIndex'])).catch(() => { if (slot.lost()) slot.restart(); });
  }
}

/**
 * One run on a pool worker. A worker that fails to load, crashes, closes or hangs is lost (see
 * model.ts): the call is rejected instead of staying pending, and the worker is replaced in the pool.
 */
function runOn(index: number, scenario: string, seed: number, metric: string): Promise<Float64Array> {
  const slot = pool[index];
  return slot.call((api) => api.runBatch(scenario, seed, {}, [metric]), cost(scenario)).then(([series]) => series, (err: unknown) => {
    if (slot.lost()) slot.restart();
    throw err;
  });
}

export function createCompare(root: HTMLElement, progress: HTMLElement) {
  let generation = 0;
  let shown: { req: CompareRequest; results: Map<string, Map<number, Float64Array>>; done: number; total: number; failed: number } | null = null;
  const host = {
    redraw: () => { if (shown) render(shown.req, shown.results); },
    fileName: (view: string) => shown
      ? `involution-${view}-${shown.req.scenarios.join('+')}-seeds1-${shown.req.seeds}-${shown.req.metric}`
      : `involution-${view}`,
    provenance: () => shown
      ? t('provenance.compare', { version: VERSION, scenarios: shown.req.scenarios.join(', '), seeds: shown.req.seeds, metric: shown.req.metric, baseline: shown.req.baseline })
      : `Involution Lab ${VERSION}`,
  };
  const figs: Figure[] = [createFigure(root, 'compare', host), createFigure(root, 'compare-difference', host)];

  async function run(req: CompareRequest): Promise<void> {
    const gen = ++generation;
    const results = new Map<string, Map<number, Float64Array>>(req.scenarios.map((s) => [s, new Map()]));
    const jobs = req.scenarios.flatMap((s) => d3.range(1, req.seeds + 1).map((seed) => ({ s, seed })));
    const total = jobs.length;
    let done = 0;
    let failed = 0;
    // The count follows every run; the charts are redrawn at most every DRAW_EVERY ms (and at the
    // end): drawing after each of 80 quick runs would take the main thread's share of 2 cores.
    let drawn = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const redraw = () => {
      timer = null;
      drawn = performance.now();
      if (gen === generation) render(req, results);
    };
    const draw = () => {
      shown = { req, results, done, total, failed };
      progress.textContent = progressText(shown);
      if (done === total) {
        if (timer) clearTimeout(timer);
        redraw();
      } else if (!timer) timer = setTimeout(redraw, Math.max(0, DRAW_EVERY - (performance.now() - drawn)));
    };
    draw();
    let next = 0;
    // Seeds interleaved across scenarios, so every band fills in at once.
    jobs.sort((a, b) => a.seed - b.seed);
    await Promise.all(workers().map(async (_, index) => {
      while (next < jobs.length && gen === generation) {
        const job = jobs[next++];
        let series: Float64Array | null = null;
        // A run whose worker crashed is retried once on the fresh worker; then it is left out.
        for (let attempt = 0; attempt < 2 && !series && gen === generation; attempt++) {
          series = await runOn(index, job.s, job.seed, req.metric).catch(() => null);
        }
        if (gen !== generation) return;
        if (series) results.get(job.s)!.set(job.seed, series);
        else failed++;
        done++;
        draw();
      }
    }));
  }

  function progressText(p: { done: number; total: number; failed: number }): string {
    const text = t('compareProgress', { done: p.done - p.failed, total: p.total });
    return p.failed ? `${text}; ${t('compareFailed', { failed: p.failed })}` : text;
  }

  function render(req: CompareRequest, results: Map<string, Map<number, Float64Array>>): void {
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
    fans(figs[0].svg, { title: `${t('chart.compare')}: ${metricLabel}`, xLabel: t('x'), yLabel: metricLabel, ticks: lines[0]?.values.length ?? 120, lines, marks: [], markLabels: { intervention: '', scheduled: '', month: (m) => t('atMonth', { tick: m }) } });
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
    fans(figs[1].svg, { title: t('chart.diff'), xLabel: t('x'), yLabel: `Δ ${metricLabel}`, ticks: diffLines[0]?.values.length ?? 120, lines: diffLines, marks: [], markLabels: { intervention: '', scheduled: '', month: (m) => t('atMonth', { tick: m }) } });
    dataTable(figs[1].table, t('chart.diff'), [t('scenario'), 'n', end, '5 %', '95 %'], diffRows);
    for (const f of figs) f.relabel();
  }

  /** Redraw in the current language. */
  function relabel(): void {
    if (!shown) return;
    progress.textContent = progressText(shown);
    render(shown.req, shown.results);
  }

  return { run, figs, relabel };
}
