// The report of a calibration: how the posterior narrowed generation by generation, which
// parameters trade off (pairwise densities of the final population), and where each observation
// falls among the posterior's predictions. Self-contained HTML, as the experiment report.
import { bin, max, min } from 'd3-array';
import { contourDensity } from 'd3-contour';
import { geoPath } from 'd3-geo';
import { line } from 'd3-shape';
import { correlation } from '../../lab/abc/report.ts';
import type { Population } from '../../lab/abc/smc.ts';
import { kde } from '../../lab/abc/stats.ts';
import { describeObservation } from '../../lab/abc/targets.ts';
import type { CalibrationManifest } from '../calibrate/manifest.ts';
import { linear, niceDomain, niceTicks, xAxis, yAxis } from './axis.ts';
import { esc, fmt, heading, PALETTE, svgOpen } from './html.ts';
import { commitText, htmlPage } from './page.ts';

const W = 380, PLOT = 220, M = { left: 60, right: 20, bottom: 56 };

/** Generation colours from light grey-blue (the prior) to the palette's blue (the posterior). */
function generationColor(g: number, last: number): string {
  const t = last > 0 ? g / last : 1;
  const mix = (a: number, b: number) => Math.round(a + t * (b - a));
  return `rgb(${mix(200, 0)},${mix(214, 114)},${mix(229, 178)})`;
}

/** One parameter's weighted density in every generation, the prior's box underneath. */
function marginalChart(pops: readonly Population[], a: number, name: string, lo: number, hi: number): string {
  const head = heading(name, W, 'density by generation (light: early, dark: final)');
  const top = head.height + 30, bottom = top + PLOT;
  const grid = Array.from({ length: 121 }, (_, i) => lo + ((hi - lo) * i) / 120);
  const curves = pops.map((p) => kde(p.particles.map((x) => x[a]), p.weights, grid, (hi - lo) / 40));
  const yMax = Math.max(max(curves, (c) => max(c)) ?? 0, 1 / (hi - lo)) * 1.05;
  const sx = linear(lo, hi, M.left, W - M.right), sy = linear(0, yMax, bottom, top);
  const path = line<number>((_, i) => sx(grid[i]), (d) => sy(d));
  const last = pops.length - 1;
  const lines = curves.map((c, g) => `<path d="${path(c)}" fill="none" stroke="${generationColor(g, last)}" stroke-width="${g === last ? 2.5 : 1.2}"><title>generation ${g}</title></path>`);
  const prior = `<line x1="${sx(lo)}" x2="${sx(hi)}" y1="${sy(1 / (hi - lo))}" y2="${sy(1 / (hi - lo))}" stroke="#999" stroke-dasharray="4 3"/><text class="note" x="${W - M.right}" y="${sy(1 / (hi - lo)) - 4}" text-anchor="end">prior</text>`;
  return `${svgOpen(W, bottom + M.bottom, `${name}: posterior by generation`)}
${head.svg}
${yAxis(sy, niceTicks(0, yMax, 4), M.left, W - M.right, bottom, top, 'density')}
${xAxis(sx, niceTicks(lo, hi, 5), bottom, M.left, W - M.right, name)}
${prior}${lines.join('')}
</svg>`;
}

/** The final population of two parameters: weighted density contours, particles, correlation. */
function pairChart(pop: Population, a: number, b: number, names: string[], lo: number[], hi: number[]): string {
  const r = correlation(pop, a, b);
  const head = heading(`${names[b]} against ${names[a]}`, W, `final generation; weighted correlation r = ${r.toFixed(2)}`);
  const top = head.height + 30, bottom = top + PLOT;
  const sx = linear(lo[a], hi[a], M.left, W - M.right), sy = linear(lo[b], hi[b], bottom, top);
  const points = pop.particles.map((p, i) => ({ x: sx(p[a]), y: sy(p[b]), w: pop.weights[i] }));
  const contours = contourDensity<(typeof points)[number]>()
    .x((d) => d.x)
    .y((d) => d.y)
    .weight((d) => d.w)
    .size([W, bottom + 1])
    .bandwidth(14)
    .thresholds(6)(points);
  const draw = geoPath();
  const shades = contours.map((c, i) => `<path d="${draw(c) ?? ''}" fill="${PALETTE[0]}" fill-opacity="${(0.08 + (0.5 * i) / Math.max(1, contours.length)).toFixed(2)}" stroke="${PALETTE[0]}" stroke-width="0.5"/>`);
  const dots = points.map((p) => `<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${(1 + 40 * p.w).toFixed(1)}" fill="#222" fill-opacity="0.35"/>`);
  return `${svgOpen(W, bottom + M.bottom, `${names[b]} against ${names[a]}`)}
<defs><clipPath id="clip-${a}-${b}"><rect x="${M.left}" y="${top}" width="${W - M.left - M.right}" height="${PLOT}"/></clipPath></defs>
${head.svg}
${yAxis(sy, niceTicks(lo[b], hi[b], 5), M.left, W - M.right, bottom, top, names[b])}
${xAxis(sx, niceTicks(lo[a], hi[a], 5), bottom, M.left, W - M.right, names[a])}
<g clip-path="url(#clip-${a}-${b})">${shades.join('')}${dots.join('')}</g>
</svg>`;
}

/** One target: a histogram of the posterior predictive runs, the observation over it. */
function predictiveChart(values: number[], m: CalibrationManifest, j: number): string {
  const t = m.targets[j], check = m.predictive[j], o = t.observed;
  const head = heading(`${t.metric}, month ${t.tick}`, W, `observed ${describeObservation(o)}; ${check.consistent ? 'inside' : 'outside'} the predictions' 90 % interval`);
  const top = head.height + 30, bottom = top + PLOT;
  const obs = 'value' in o ? [o.value - 2 * o.sd, o.value + 2 * o.sd] : o.range;
  const [x0, x1] = niceDomain(Math.min(min(values) ?? obs[0], obs[0]), Math.max(max(values) ?? obs[1], obs[1]));
  const bins = bin().domain([x0, x1]).thresholds(niceTicks(x0, x1, 20))(values);
  const yMax = Math.max(max(bins, (b) => b.length) ?? 0, 1);
  const sx = linear(x0, x1, M.left, W - M.right), sy = linear(0, yMax, bottom, top);
  const bars = bins.map((b) => `<rect x="${sx(b.x0!).toFixed(1)}" y="${sy(b.length).toFixed(1)}" width="${Math.max(0, sx(b.x1!) - sx(b.x0!) - 1).toFixed(1)}" height="${(bottom - sy(b.length)).toFixed(1)}" fill="${PALETTE[0]}" fill-opacity="0.6"/>`);
  const band = 'value' in o ? [o.value - o.sd, o.value + o.sd] : o.range;
  const mark = `<rect x="${sx(band[0]).toFixed(1)}" y="${top}" width="${(sx(band[1]) - sx(band[0])).toFixed(1)}" height="${PLOT}" fill="${PALETTE[1]}" fill-opacity="0.15"/>` +
    ('value' in o ? `<line x1="${sx(o.value)}" x2="${sx(o.value)}" y1="${top}" y2="${bottom}" stroke="${PALETTE[1]}" stroke-width="2.5"/>` : '');
  const key = `<text class="note" x="${M.left}" y="${bottom + 50}">bars: ${values.length} runs; orange: observed (${'value' in o ? 'line ± 1 sd' : 'range'})</text>`;
  return `${svgOpen(W, bottom + M.bottom + 4, `${t.metric}: observed against posterior predictive`)}
${head.svg}
${yAxis(sy, niceTicks(0, yMax, 4), M.left, W - M.right, bottom, top, 'runs')}
${xAxis(sx, niceTicks(x0, x1, 5), bottom, M.left, W - M.right, t.metric)}
${mark}${bars.join('')}${key}
</svg>`;
}

function htmlTable(head: string[], rows: (string | number)[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

/** The whole page, from the manifest, the populations (from posterior.csv) and the predictive values. */
export function calibrationPage(m: CalibrationManifest, pops: Population[], predictive: number[][]): string {
  const names = m.posterior.map((p) => p.name), lo = m.posterior.map((p) => p.lo), hi = m.posterior.map((p) => p.hi);
  const final = pops[pops.length - 1];
  const pairs = names.flatMap((_, a) => names.map((_, b) => [a, b]).filter(([x, y]) => x < y));
  const section = (h: string, intro: string, body: string) => `<section><h2>${esc(h)}</h2><p class="note">${esc(intro)}</p>\n${body}</section>`;
  const body = [
    section('Posterior', `Generation ${final.generation}, effective sample size ${final.ess.toFixed(0)}. Contraction is 1 − posterior variance / prior variance: near 1 the targets pin the parameter down; near 0 they say nothing about it.`,
      htmlTable(['parameter', 'prior', 'mean', 'sd', '5 %', '95 %', 'contraction', 'verdict'], m.posterior.map((p) => [p.name, `[${fmt(p.lo)}, ${fmt(p.hi)}]`, fmt(p.mean), fmt(p.sd), fmt(p.q05), fmt(p.q95), p.contraction.toFixed(2), p.verdict]))),
    section('Generations', 'Each generation keeps the first particles (in a fixed order) within its tolerance, a quantile of the previous generation\'s distances; the distance is the root mean square of each target\'s standardised difference.',
      htmlTable(['generation', 'tolerance', 'proposals', 'acceptance', 'ESS'], m.generations.map((g) => [g.generation, g.tolerance === null ? '∞ (prior)' : fmt(g.tolerance), g.proposals, `${(100 * g.acceptance).toFixed(1)} %`, g.ess.toFixed(0)]))),
    section('Marginals by generation', 'Weighted kernel density of each parameter; the dashed line is the uniform prior. A parameter the data identify narrows; one they do not stays as flat as its prior.', names.map((n, a) => marginalChart(pops, a, n, lo[a], hi[a])).join('\n')),
    pairs.length ? section('Which parameters trade off', 'Final population: contours of the weighted density, dots sized by weight. A ridge along a diagonal means the targets fix a combination of the two parameters, not each one.', pairs.map(([a, b]) => pairChart(final, a, b, names, lo, hi)).join('\n')) : '',
    section('Observed against posterior predictive', 'Runs drawn from the posterior on fresh seeds: if the model and its calibrated parameters can produce the city, the observation sits among them.', m.targets.map((_, j) => predictiveChart(predictive.map((v) => v[j]), m, j)).join('\n')),
  ];
  return htmlPage({
    title: m.spec.description ?? `Calibration ${m.specFile}`,
    meta: `ABC-SMC calibration of ${m.scenario.id}, ${m.ticks} months: ${names.length} parameters from ${m.targets.length} targets; ${pops.length} generations of ${m.spec.particles} particles, ${m.runs.calibration} runs, then ${m.runs.predictive} predictive runs. Stopped: ${m.stopped}. involution-lab ${m.model.version}${commitText(m.model)}.`,
    body: body.join('\n'),
    rerun: `involution-lab calibrate ${m.specFile} --out <dir>`,
    manifest: JSON.stringify(m, null, 2),
    css: `
svg.chart { display: inline-block; vertical-align: top; margin: .6em .6em .6em 0; }
table { border-collapse: collapse; font-size: 13px; margin: 1em 0; } th, td { padding: .25em .7em; border-bottom: 1px solid #e4e4e4; text-align: right; } th:first-child, td:first-child { text-align: left; }
`,
  });
}
