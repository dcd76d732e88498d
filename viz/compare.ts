// Compare: two to four scenarios × N seeds in a pool of workers. Each chart shows the mean and a
// 90 % band that fill in as runs finish; differences from the baseline are paired on the same seeds.
import { wrap, type Remote } from 'comlink';
import * as d3 from 'd3';
import { t, pick, type MessageKey } from './i18n/index.ts';
import { createFigure, type Figure } from './figure.ts';
import type { SimApi } from './worker/api.ts';
import { dataTable, PALETTE } from './views/chart.ts';
import { timeSeries, type Line } from './views/timeseries.ts';
import { SCENARIOS } from '../scenarios/index.ts';

const COLORS = [PALETTE.black, PALETTE.blue, PALETTE.vermillion, PALETTE.green];
export const COMPARE_METRICS = ['involutionIndex', 'formGrowth', 'substanceGrowth', 'needsMet', 'functionTransfer', 'soDevelopment', 'projectsActive', 'satisfaction'];

export interface CompareRequest {
  scenarios: string[];
  seeds: number;
  metric: string;
  baseline: string;
}

/** Mean and the 5th–95th percentile band of each tick over the finished runs. */
export function summarize(runs: Float64Array[]): { mean: number[]; lo: number[]; hi: number[] } {
  const n = runs[0]?.length ?? 0;
  const mean: number[] = [], lo: number[] = [], hi: number[] = [];
  for (let i = 0; i < n; i++) {
    const xs = runs.map((r) => r[i]).sort((a, b) => a - b);
    mean.push(d3.mean(xs)!);
    lo.push(d3.quantileSorted(xs, 0.05)!);
    hi.push(d3.quantileSorted(xs, 0.95)!);
  }
  return { mean, lo, hi };
}

let pool: Remote<SimApi>[] = [];

function workers(): Remote<SimApi>[] {
  if (!pool.length) {
    const size = Math.max(2, Math.min(4, navigator.hardwareConcurrency || 2));
    pool = Array.from({ length: size }, () => wrap<SimApi>(new Worker(new URL('./worker/worker.ts', import.meta.url), { type: 'module' })));
  }
  return pool;
}

export function createCompare(root: HTMLElement, progress: HTMLElement) {
  const figs: Figure[] = [createFigure(root, 'compare'), createFigure(root, 'compare-difference')];
  let generation = 0;
  let shown: { req: CompareRequest; results: Map<string, Map<number, Float64Array>>; done: number; total: number } | null = null;

  async function run(req: CompareRequest): Promise<void> {
    const gen = ++generation;
    const results = new Map<string, Map<number, Float64Array>>(req.scenarios.map((s) => [s, new Map()]));
    const jobs = req.scenarios.flatMap((s) => d3.range(1, req.seeds + 1).map((seed) => ({ s, seed })));
    const total = jobs.length;
    let done = 0;
    const draw = () => {
      shown = { req, results, done, total };
      progress.textContent = t('compareProgress', { done, total });
      render(req, results);
    };
    draw();
    let next = 0;
    // Seeds interleaved across scenarios, so every band fills in at once.
    jobs.sort((a, b) => a.seed - b.seed);
    await Promise.all(workers().map(async (w) => {
      while (next < jobs.length && gen === generation) {
        const job = jobs[next++];
        const [series] = await w.runBatch(job.s, job.seed, {}, [req.metric]);
        if (gen !== generation) return;
        results.get(job.s)!.set(job.seed, series);
        done++;
        draw();
      }
    }));
  }

  function render(req: CompareRequest, results: Map<string, Map<number, Float64Array>>): void {
    const title = (id: string) => pick(SCENARIOS.find((s) => s.id === id)!.title);
    const metricLabel = t(`metric.${req.metric}` as MessageKey);
    const lines: Line[] = [];
    const rows: (string | number)[][] = [];
    req.scenarios.forEach((id, i) => {
      const runs = [...results.get(id)!.values()];
      if (!runs.length) return;
      const s = summarize(runs);
      lines.push({ key: id, label: `${title(id)} (n=${runs.length})`, color: COLORS[i], values: s.mean, lo: s.lo, hi: s.hi });
      rows.push([title(id), runs.length, s.mean.at(-1)!, s.lo.at(-1)!, s.hi.at(-1)!]);
    });
    timeSeries(figs[0].svg, { title: `${t('chart.compare')}: ${metricLabel}`, xLabel: t('x'), yLabel: metricLabel, ticks: lines[0]?.values.length ?? 120, lines, marks: [], markLabels: { intervention: '', scheduled: '' } });
    const end = `${t('mean')} (${t('month')} ${(lines[0]?.values.length ?? 1) - 1})`;
    dataTable(figs[0].table, t('chart.compare'), [t('scenario'), 'n', end, '5 %', '95 %'], rows);
    const base = results.get(req.baseline)!;
    const diffLines: Line[] = [];
    const diffRows: (string | number)[][] = [];
    req.scenarios.forEach((id, i) => {
      if (id === req.baseline) return;
      const paired = [...results.get(id)!.entries()].filter(([seed]) => base.has(seed)).map(([seed, r]) => r.map((v, k) => v - base.get(seed)![k]));
      if (!paired.length) return;
      const s = summarize(paired);
      diffLines.push({ key: id, label: `${title(id)} − ${title(req.baseline)} (n=${paired.length})`, color: COLORS[i], values: s.mean, lo: s.lo, hi: s.hi });
      diffRows.push([title(id), paired.length, s.mean.at(-1)!, s.lo.at(-1)!, s.hi.at(-1)!]);
    });
    timeSeries(figs[1].svg, { title: t('chart.diff'), xLabel: t('x'), yLabel: `Δ ${metricLabel}`, ticks: diffLines[0]?.values.length ?? 120, lines: diffLines, marks: [], markLabels: { intervention: '', scheduled: '' } });
    dataTable(figs[1].table, t('chart.diff'), [t('scenario'), 'n', end, '5 %', '95 %'], diffRows);
    for (const f of figs) f.relabel();
  }

  /** Redraw in the current language. */
  function relabel(): void {
    if (!shown) return;
    progress.textContent = t('compareProgress', { done: shown.done, total: shown.total });
    render(shown.req, shown.results);
  }

  return { run, figs, relabel };
}
