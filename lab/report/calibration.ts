// The report of a calibration: how the posterior narrowed generation by generation, which
// parameters trade off (pairwise densities of the final population), and where each observation
// falls among the posterior's predictions. Self-contained HTML, as the experiment's report.
import { correlation, type ParameterSummary, type PredictiveSummary } from '../abc/report.ts';
import type { Population } from '../abc/smc.ts';
import { kde } from '../abc/stats.ts';
import { describeObservation, targetMonths, type Target } from '../abc/targets.ts';
import { marginalChart, pairChart, predictiveChart } from '../charts/calibration.ts';
import type { ChartContext } from '../charts/frame.ts';
import { esc, markup } from '../charts/markup.ts';
import { fmt } from '../charts/style.ts';
import { commitText, htmlPage, type ModelVersion } from './page.ts';
import { metricLabel, paramLabel } from './units.ts';

/** What the page says of a calibration: its manifest (cli/calibrate/manifest.ts), in part. */
export interface ReportedCalibration {
  model: ModelVersion;
  specFile: string;
  spec: { description?: string; particles: number };
  scenario: { id: string };
  ticks: number;
  targets: Target[];
  generations: { generation: number; tolerance: number | null; proposals: number; acceptance: number; ess: number }[];
  stopped: string | null;
  runs: { calibration: number; predictive: number };
  posterior: ParameterSummary[];
  predictive: PredictiveSummary[];
}

/** Charts of a calibration are drawn two abreast. */
const WIDTH = 400;

function htmlTable(head: string[], rows: (string | number)[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

/** The whole page, from the manifest, the populations (from posterior.csv) and the predictive values (a row per run, a value per target). */
export function calibrationReport(m: ReportedCalibration, pops: readonly Population[], predictive: readonly number[][], document: Document): string {
  const ctx: ChartContext = { document, width: WIDTH };
  const names = m.posterior.map((p) => p.name), lo = m.posterior.map((p) => p.lo), hi = m.posterior.map((p) => p.hi);
  const final = pops[pops.length - 1];
  const pairs = names.flatMap((_, a) => names.map((_, b) => [a, b]).filter(([x, y]) => x < y));
  const marginals = names.map((name, a) => {
    const grid = Array.from({ length: 121 }, (_, i) => lo[a] + ((hi[a] - lo[a]) * i) / 120);
    const densities = pops.map((p) => kde(p.particles.map((x) => x[a]), p.weights, grid, (hi[a] - lo[a]) / 40));
    return markup(marginalChart({ name, label: paramLabel(name), lo: lo[a], hi: hi[a], grid, densities }, ctx));
  });
  const pairCharts = pairs.map(([a, b]) => markup(pairChart({
    x: { name: names[a], label: paramLabel(names[a]), lo: lo[a], hi: hi[a] },
    y: { name: names[b], label: paramLabel(names[b]), lo: lo[b], hi: hi[b] },
    points: final.particles.map((p, i) => ({ x: p[a], y: p[b], w: final.weights[i] })),
    r: correlation(final, a, b),
  }, ctx)));
  const checks = m.targets.map((t, j) => markup(predictiveChart({
    title: `${t.metric}, ${t.from === undefined ? `month ${t.tick}` : `mean over months ${targetMonths(t)}`}: observed against posterior predictive`,
    subtitle: `observed ${describeObservation(t.observed)}; ${m.predictive[j].consistent ? 'inside' : 'outside'} the predictions' 90 % interval`,
    xLabel: metricLabel(t.metric),
    values: predictive.map((v) => v[j]),
    observed: t.observed,
  }, ctx)));
  const section = (h: string, intro: string, body: string) => `<section><h2>${esc(h)}</h2><p class="note">${esc(intro)}</p>\n${body}</section>`;
  const body = [
    section('Posterior', `Generation ${final.generation}, effective sample size ${final.ess.toFixed(0)}. Contraction is 1 − posterior variance / prior variance: near 1 the targets pin the parameter down; near 0 they say nothing about it.`,
      htmlTable(['parameter', 'prior', 'mean', 'sd', '5 %', '95 %', 'contraction', 'verdict'], m.posterior.map((p) => [p.name, `[${fmt(p.lo)}, ${fmt(p.hi)}]`, fmt(p.mean), fmt(p.sd), fmt(p.q05), fmt(p.q95), p.contraction.toFixed(2), p.verdict]))),
    section('Generations', 'Each generation keeps the first particles (in a fixed order) within its tolerance, a quantile of the previous generation\'s distances; the distance is the root mean square of each target\'s standardised difference.',
      htmlTable(['generation', 'tolerance', 'proposals', 'acceptance', 'ESS'], m.generations.map((g) => [g.generation, g.tolerance === null ? '∞ (prior)' : fmt(g.tolerance), g.proposals, `${(100 * g.acceptance).toFixed(1)} %`, g.ess.toFixed(0)]))),
    section('Marginals by generation', 'Weighted kernel density of each parameter; the dashed line is the uniform prior. A parameter the data identify narrows; one they do not stays as flat as its prior.', marginals.join('\n')),
    pairs.length ? section('Which parameters trade off', 'Final population: contours of the weighted density, dots sized by weight. A ridge along a diagonal means the targets fix a combination of the two parameters, not each one.', pairCharts.join('\n')) : '',
    section('Observed against posterior predictive', 'Runs drawn from the posterior on fresh seeds: if the model and its calibrated parameters can produce the city, the observation sits among them.', checks.join('\n')),
  ];
  return htmlPage({
    title: m.spec.description ?? `Calibration ${m.specFile}`,
    meta: `ABC-SMC calibration of ${m.scenario.id}, ${m.ticks} months: ${names.length} parameters from ${m.targets.length} targets; ${pops.length} generations of ${m.spec.particles} particles, ${m.runs.calibration} runs, then ${m.runs.predictive} predictive runs. Stopped: ${m.stopped}. involution-lab ${m.model.version}${commitText(m.model)}.`,
    body: body.join('\n'),
    rerun: `involution-lab calibrate ${m.specFile} --out <dir>`,
    manifest: JSON.stringify(m, null, 2),
    css: `
svg.chart { display: inline-block; vertical-align: top; margin: .6em .6em .6em 0; max-width: min(100%, ${WIDTH}px); }
table { border-collapse: collapse; font-size: 13px; margin: 1em 0; } th, td { padding: .25em .7em; border-bottom: 1px solid #e4e4e4; text-align: right; } th:first-child, td:first-child { text-align: left; }
`,
  });
}
