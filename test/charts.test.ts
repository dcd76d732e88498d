// Every chart of lab/charts, built in Node (linkedom's document) from fixed seeded data, as SVG
// snapshots with numbers rounded to two decimals (as Observable Plot's own tests): a change to a
// chart shows as a diff of its markup. Refresh with `npx vitest run test/charts.test.ts -u` and
// look at the diff. Each chart also carries its title, its axis labels with units, and a legend
// where it has series.
import { describe, expect, it } from 'vitest';
import { nodeDocument } from '../cli/report/dom.ts';
import { morrisEffects } from '../lab/analysis/morris.ts';
import { pairedDifference } from '../lab/analysis/paired.ts';
import { sobolIndices } from '../lab/analysis/sobol.ts';
import { kde } from '../lab/abc/stats.ts';
import { barChart, boxLimitsChart, distributionChart, ENGLISH, fanChart, fmt, heatmap, intervalChart, marginalChart, markup, morrisChart, pairChart, pairedChart, predictiveChart, scatterBoxChart, smootherChart, sobolChart, tradeoffChart, type Chart, type ChartContext } from '../lab/charts/index.ts';
import { meanInterval } from '../lab/analysis/paired.ts';
import { prim } from '../lab/analysis/prim.ts';
import { createRng } from '../lab/random.ts';
import { fanOf } from '../lab/summaries.ts';
import { robustness } from '../lab/analysis/robustness.ts';
import { regretsChart, satisficingChart } from '../lab/report/robustness.ts';

/** The chart's markup, numbers rounded to two decimals, an element a line. */
const snapshot = (chart: Chart): string => `${markup(chart).replace(/-?\d+\.\d+/g, (x) => String(Math.round(Number(x) * 100) / 100 || 0)).replace(/></g, '>\n<')}\n`;

const ctx = (width?: number): ChartContext => ({ document: nodeDocument(), width });

/** `n` runs of a random walk over `months`, drifting by `drift` a month: seeded. */
function walks(seed: number, n: number, months: number, drift: number): Float64Array[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    let x = 0;
    return Float64Array.from({ length: months }, () => (x += drift + (rng() - 0.5) * 0.2));
  });
}

const texts = (chart: Chart, cls: string) => [...chart.querySelectorAll(`text.${cls}`)].map((t) => t.textContent ?? '');
const legend = (chart: Chart) => [...chart.querySelectorAll('g.legend g.item text')].map((t) => t.textContent ?? '');

/** `n` uniform numbers from a stream of this seed. */
const unit = (seed: number, n: number) => {
  const r = createRng(seed);
  return Array.from({ length: n }, () => r());
};

const charts: Record<string, () => Chart> = {
  fan: () => fanChart({
    title: 'involutionIndex: mean and 90 % band across 12 seeds',
    xLabel: 'month (tick)',
    yLabel: 'involutionIndex (log ratio: form growth − substance growth)',
    series: [fanOf(walks(1, 12, 37, 0.02), 'baseline-involution'), fanOf(walks(2, 12, 37, -0.01), 'full-prevention')],
    note: 'line: mean over seeds; band: 5th to 95th percentile across seeds',
  }, ctx()),
  'fan-narrow': () => fanChart({
    title: 'Compare scenarios across seeds: involution index',
    xLabel: 'month',
    yLabel: 'Δ involution index',
    series: [{ ...fanOf(walks(3, 5, 25, -0.03), 'All five preventions − Baseline (n=5)'), color: '#0072B2' }],
  }, { ...ctx(340), provenance: 'Involution Lab 0.1.0 · seeds 1 to 5 · metric involutionIndex' }),
  bars: () => barChart({
    title: 'Bars with whiskers, negative values to the left',
    xLabel: 'value (share, 0–1)',
    labels: ['first', 'a much longer label for the second row', 'third'],
    series: [
      { name: 'with interval', bars: [{ value: 0.3, low: 0.2, high: 0.45 }, { value: -0.1, low: -0.25, high: 0.05 }, { value: NaN }] },
      { name: 'without', bars: [{ value: 0.2 }, { value: 0.05 }, { value: 0.4 }] },
    ],
  }, ctx()),
  morris: () => {
    // y = 3 x0 + x1² + 0 x2 over 6 trajectories of 4 points (one factor moved at each step).
    const r = createRng(11), points: number[][] = [], changed: number[] = [];
    for (let t = 0; t < 6; t++) {
      let p = [r(), r(), r()].map((v) => Math.round(v * 3) / 3);
      points.push(p);
      changed.push(-1);
      for (const i of [2, 0, 1]) {
        p = p.map((v, j) => (j === i ? (v < 0.5 ? v + 2 / 3 : v - 2 / 3) : v));
        points.push(p);
        changed.push(i);
      }
    }
    const y = points.map((p) => 3 * p[0] + p[1] * p[1]);
    const effects = morrisEffects(points, changed, y, 3, { resamples: 200 });
    const rows = effects.map((e, i) => ({ parameter: ['pathDependence', 'partnership', 'initialSOs'][i], muStar: e.muStar, muStarLow: e.muStarCi.low, muStarHigh: e.muStarCi.high, sigma: e.sigma }));
    rows.sort((a, b) => b.muStar - a.muStar);
    return morrisChart({ title: 'Morris elementary effects of involutionIndex (final month), baseline-involution', xLabel: "effect on involutionIndex (log ratio: form growth − substance growth) over each parameter's range", rows }, ctx());
  },
  sobol: () => {
    // Saltelli rows [A, B, A_B^1, A_B^2] of y = x0 + 0.3 x1, 64 base rows.
    const r = createRng(5), y: number[] = [];
    const f = (x: number[]) => x[0] + 0.3 * x[1];
    for (let j = 0; j < 64; j++) {
      const a = [r(), r()], b = [r(), r()];
      y.push(f(a), f(b), f([b[0], a[1]]), f([a[0], b[1]]));
    }
    const rows = sobolIndices(y, 2, { resamples: 200 }).map((s, i) => ({ parameter: ['politicalRationality', 'dualManagement'][i], S1: s.S1, S1Low: s.S1ci.low, S1High: s.S1ci.high, ST: s.ST, STLow: s.STci.low, STHigh: s.STci.high }));
    return sobolChart({ title: "Sobol' indices of needsMet (final month), baseline-involution", xLabel: 'share of output variance', rows }, ctx());
  },
  paired: () => {
    const noise = createRng(41);
    const rows = [0.2, 0.5, 0.8].map((x, i) => {
      const base = unit(40 + i, 8), other = base.map((v) => v + 0.1 * i - 0.05 + (noise() - 0.5) * 0.1);
      const d = pairedDifference(base, other);
      return { label: `pathDependence ${fmt(x)}, politicalRationality 0.5`, meanDiff: d.mean, low: d.low, high: d.high };
    });
    return pairedChart({ title: 'needsMet (final month): full-prevention − baseline-involution, paired on common seeds', xLabel: 'difference in needsMet (share, 0–1)', rows }, ctx());
  },
  heatmap: () => heatmap({
    title: 'needsMet, final month, mean over 4 seeds (full-prevention)',
    xLabel: 'pathDependence (share, 0–1)',
    yLabel: 'baseTransparency (share, 0–1)',
    valueLabel: 'needsMet (share, 0–1)',
    xs: [0, 0.5, 1],
    ys: [0.2, 0.8],
    values: [unit(50, 3), unit(51, 3)],
  }, ctx()),
  marginal: () => {
    const grid = Array.from({ length: 61 }, (_, i) => i / 60);
    // Three generations narrowing around 0.7.
    const densities = [1, 0.4, 0.15].map((spread, g) => {
      const r = createRng(20 + g), xs = Array.from({ length: 60 }, () => Math.min(1, Math.max(0, 0.7 + (r() - 0.5) * spread)));
      return kde(xs, xs.map(() => 1 / xs.length), grid, 1 / 40);
    });
    return marginalChart({ name: 'pathDependence', label: 'pathDependence (share, 0–1)', lo: 0, hi: 1, grid, densities }, ctx(400));
  },
  pair: () => {
    const r = createRng(31);
    const points = Array.from({ length: 80 }, () => {
      const x = r();
      return { x, y: Math.min(1, Math.max(0, 1 - x + (r() - 0.5) * 0.3)), w: 1 / 80 };
    });
    return pairChart({ x: { name: 'pathDependence', label: 'pathDependence (share, 0–1)', lo: 0, hi: 1 }, y: { name: 'dualManagement', label: 'dualManagement (share, 0–1)', lo: 0, hi: 1 }, points, r: -0.93 }, ctx(400));
  },
  predictive: () => predictiveChart({
    title: 'purchaseShare, month 35: observed against posterior predictive',
    subtitle: "observed 0.25 ± 0.02; inside the predictions' 90 % interval",
    xLabel: 'purchaseShare (share, 0–1)',
    values: unit(60, 40).map((u) => 0.2 + 0.1 * u),
    observed: { value: 0.25, sd: 0.02 },
  }, ctx(400)),
  'predictive-range': () => predictiveChart({
    title: 'projectsActive, month 35: observed against posterior predictive',
    xLabel: 'projectsActive (contracts)',
    values: unit(61, 30).map((u) => 200 + 100 * u),
    observed: { range: [260, 320] },
  }, ctx(400)),
  'grid-effect': () => {
    // A 3 × 2 grid, two scenarios, 6 seeds a point: y = x + 0.5 (scenario) − 0.3 facet, noisy.
    const r = createRng(71);
    const points = ['baseline-involution', 'full-prevention'].flatMap((series, s) => [0, 0.5, 1].flatMap((x) => [0, 1].map((f) => {
      const d = meanInterval(Array.from({ length: 6 }, () => x + 0.5 * s - 0.3 * f + (r() - 0.5) * 0.4));
      return { x, mean: d.mean, low: d.low, high: d.high, series, facet: `politicalRationality = ${f}` };
    })));
    return intervalChart({
      title: 'involutionIndex (final month) against pathDependence, by scenario',
      subtitle: 'a panel for each value of politicalRationality',
      xLabel: 'pathDependence (share, 0–1)',
      yLabel: 'involutionIndex (log ratio: form growth − substance growth)',
      points,
      series: ['baseline-involution', 'full-prevention'],
      facets: ['politicalRationality = 0', 'politicalRationality = 1'],
      note: 'dots: mean over 6 seeds; whiskers: 95 % t interval',
    }, ctx());
  },
  'grid-time': () => {
    const points = [0, 1].flatMap((level) => walks(80 + level, 5, 13, 0.02 * (level + 1)).length ? Array.from({ length: 13 }, (_, t) => {
      const d = meanInterval(walks(80 + level, 5, 13, 0.02 * (level + 1)).map((w) => w[t]));
      return { x: 6 * t, mean: d.mean, low: d.low, high: d.high, series: `pathDependence = ${level}` };
    }) : []);
    return intervalChart({
      title: 'involutionIndex over time, a line for each value of pathDependence',
      xLabel: 'month (tick)',
      yLabel: 'involutionIndex (log ratio: form growth − substance growth)',
      points,
      series: ['pathDependence = 0', 'pathDependence = 1'],
      band: true,
      note: 'line: mean over 5 seeds; band: 95 % t interval',
    }, ctx(420));
  },
  distribution: () => distributionChart({
    title: 'involutionIndex (final month) over 12 seeds, by scenario',
    subtitle: 'each dot a seed; box: quartiles, with the median; diamond: the mean with its 95 % t interval',
    xLabel: 'involutionIndex (log ratio: form growth − substance growth)',
    rows: [0.6, -0.6].map((centre, i) => {
      const values = unit(90 + i, 12).map((u) => centre + (u - 0.5) * 0.8).sort((a, b) => a - b);
      const d = meanInterval(values);
      return { label: ['baseline-involution', 'full-prevention'][i], values, q25: values[3], median: (values[5] + values[6]) / 2, q75: values[8], mean: d.mean, low: d.low, high: d.high };
    }),
  }, ctx()),
  smoother: () => {
    const xs = unit(95, 60), noise = unit(96, 60);
    const points = xs.map((x, i) => ({ x, y: Math.sin(3 * x) + (noise[i] - 0.5) * 0.6, series: 'baseline-involution' }));
    const bins = Array.from({ length: 6 }, (_, b) => {
      const d = meanInterval(points.filter((p) => Math.min(5, Math.floor(p.x * 6)) === b).map((p) => p.y));
      return { x: (b + 0.5) / 6, mean: d.mean, low: d.low, high: d.high, series: 'baseline-involution' };
    });
    return smootherChart({
      title: 'involutionIndex (final month) against politicalRationality',
      subtitle: "binned means: politicalRationality's range cut in 6 equal bins",
      xLabel: 'politicalRationality (share, 0–1)',
      yLabel: 'involutionIndex (log ratio: form growth − substance growth)',
      points,
      bins,
      series: ['baseline-involution'],
    }, ctx());
  },
  ...discoveryCharts(),
  ...robustnessCharts(),
};

/**
 * Robustness of three policies over 20 seeded points in [0, 1]² × 2 seeds: A is 0 where x0 < 0.5 and
 * 1 elsewhere, B 0.4 everywhere, C 0.8 + 0.4 x1; the outcome ≤ 0.3 satisfices.
 */
function robustnessCharts(): Record<string, () => Chart> {
  const x0 = unit(111, 20), x1 = unit(112, 20), noise = unit(113, 120);
  const points = x0.map((a, i) => [a, x1[i]]);
  const run: number[] = [], y: number[] = [];
  for (let s = 0; s < 3; s++)
    points.forEach((x, p) => {
      for (let r = 0; r < 2; r++) {
        run.push((s * 20 + p) * 2 + r);
        y.push((s === 0 ? (x[0] < 0.5 ? 0 : 1) : s === 1 ? 0.4 : 0.8 + 0.4 * x[1]) + (noise[run.length - 1] - 0.5) * 0.1);
      }
    });
  const m = { scenarios: [{ id: 'A' }, { id: 'B' }, { id: 'C' }], seeds: [1, 2], design: { type: 'lhs' as const, params: ['pathDependence', 'politicalRationality'], points, ranges: { pathDependence: [0, 1] as [number, number], politicalRationality: [0, 1] as [number, number] } } };
  const r = robustness(m, { rows: run.length, values: { run, involutionIndex: y } }, { outcome: 'involutionIndex', threshold: 0.3, higherIsBetter: false });
  return { satisficing: () => satisficingChart(r, ctx()), regret: () => regretsChart(r, ctx()) };
}

/** PRIM on 400 seeded points in [0, 1]², y = 1 where x0 > 0.6 and x1 < 0.4: its trade-off curve, limits and scatter. */
function discoveryCharts(): Record<string, () => Chart> {
  const x0 = unit(101, 400), x1 = unit(102, 400);
  const y = x0.map((a, i) => (a > 0.6 && x1[i] < 0.4 ? 1 : 0));
  const box = prim({ x: [Float64Array.from(x0), Float64Array.from(x1)], y: Uint8Array.from(y), ranges: [[0, 1], [0, 1]] }).boxes[0];
  const step = box.trajectory[box.chosen];
  const names = ['pathDependence', 'politicalRationality'];
  return {
    tradeoff: () => tradeoffChart({
      title: 'PRIM box 1: the peeling trajectory of involutionIndex > 0.5',
      steps: box.trajectory.map((t, i) => ({ step: i, coverage: t.coverage, density: t.density, restricted: t.restricted.length })),
      selected: box.chosen,
    }, ctx()),
    'box-limits': () => boxLimitsChart({
      title: `Box 1, step ${box.chosen}: involutionIndex > 0.5`,
      rows: step.restricted.map((d) => ({ parameter: names[d], rangeLow: 0, rangeHigh: 1, low: step.limits[d][0], high: step.limits[d][1], pValue: step.pValues[d] })),
    }, ctx()),
    'scatter-box': () => scatterBoxChart({
      title: 'The runs in politicalRationality and pathDependence',
      x: { label: 'pathDependence (share, 0–1)', lo: 0, hi: 1 },
      y: { label: 'politicalRationality (share, 0–1)', lo: 0, hi: 1 },
      points: x0.map((a, i) => ({ x: a, y: x1[i], hit: y[i] === 1 })),
      box: { x: step.limits[0], y: step.limits[1] },
    }, ctx(420)),
  };
}

describe('charts', () => {
  for (const [name, build] of Object.entries(charts)) {
    it(`${name}: the same SVG as its snapshot`, async () => {
      await expect(snapshot(build())).toMatchFileSnapshot(`./__snapshots__/charts/${name}.svg`);
    });
  }

  it('are the same SVG when drawn twice (no counter or clock in them)', () => {
    for (const build of Object.values(charts)) expect(markup(build())).toBe(markup(build()));
  });

  it('carry their title, axis labels with units, and a legend of their series', () => {
    const fan = charts.fan();
    expect(fan.getAttribute('aria-label')).toBe('involutionIndex: mean and 90 % band across 12 seeds');
    expect(texts(fan, 'title').join(' ')).toBe('involutionIndex: mean and 90 % band across 12 seeds');
    expect(texts(fan, 'y-label')).toEqual(['↑ involutionIndex (log ratio: form growth − substance growth)']);
    expect(texts(fan, 'x-label')).toEqual(['month (tick) →']);
    expect(legend(fan)).toEqual(['baseline-involution', 'full-prevention']);
    // The narrow chart wraps what does not fit, and ends with its provenance.
    const narrow = charts['fan-narrow']();
    expect(narrow.getAttribute('viewBox')).toMatch(/^0 0 340 /);
    expect(texts(narrow, 'title').length).toBeGreaterThan(1);
    expect(texts(narrow, 'provenance').join(' ')).toBe('Involution Lab 0.1.0 · seeds 1 to 5 · metric involutionIndex');
    expect(legend(charts.morris())).toEqual(['μ* (mean |EE|)', 'σ (sd of EE)']);
    expect(legend(charts.sobol())).toEqual(['S1 (first order)', 'ST (total)']);
    expect(texts(charts.sobol(), 'note')).toEqual(['whiskers: 95 % confidence interval']);
    expect(texts(charts.paired(), 'x-label').join(' ')).toBe('difference in needsMet (share, 0–1) →');
    const map = charts.heatmap();
    expect(texts(map, 'y-label')).toEqual(['↑ baseTransparency (share, 0–1)']);
    expect(texts(map, 'x-label')).toEqual(['pathDependence (share, 0–1) →']);
    expect(map.querySelector('g.ramp')?.textContent).toContain('colour: needsMet (share, 0–1):');
    expect(legend(charts.marginal())).toEqual(['generation 0', 'generation 2 (final)', 'prior']);
    expect(texts(charts.pair(), 'y-label')).toEqual(['↑ dualManagement (share, 0–1)']);
    expect(legend(charts.predictive())).toEqual(['40 predictive runs', 'observed (line ± 1 sd)']);
    expect(legend(charts['predictive-range']())).toEqual(['30 predictive runs', 'observed (range)']);
    expect(legend(charts['grid-effect']())).toEqual(['baseline-involution', 'full-prevention']);
    expect(texts(charts['grid-effect'](), 'note')).toEqual(['a panel for each value of politicalRationality', 'dots: mean over 6 seeds; whiskers: 95 % t interval']);
    expect(legend(charts.distribution())).toEqual(['a seed', 'quartiles and median', 'mean, 95 % interval']);
    expect(legend(charts.regret())).toEqual(['a state of the world', 'median to 90th percentile', 'mean', 'maximum']);
    expect(texts(charts.regret(), 'x-label').join(' ')).toMatch(/^regret in involutionIndex/);
    expect(texts(charts.satisficing(), 'note')).toEqual(['40 states (design point × seed), the same for every policy; whiskers: Wilson 95 % interval', 'whiskers: 95 % confidence interval']);
    expect(legend(charts.smoother())).toEqual(['binned mean, 95 % interval', 'a design point (mean over seeds)']);
    expect(texts(charts.tradeoff(), 'x-label')).toEqual(['coverage (share of all runs of interest inside the box) →']);
    expect(legend(charts['scatter-box']())).toEqual(['of interest (62)', 'others (338)', 'the box']); // about 0.4 × 0.4 of the 400 runs
  });

  it('draw what the analyses found: a panel per facet, a dot per seed, a choosable dot per PRIM step, the box over the runs', () => {
    const grid = charts['grid-effect']();
    // Facet labels in the panels, and 2 series × 3 values × 2 panels of means with whiskers.
    expect([...grid.querySelectorAll('g.plot text')].map((t) => t.textContent)).toEqual(expect.arrayContaining(['politicalRationality = 0', 'politicalRationality = 1']));
    expect(grid.querySelectorAll('g.plot circle')).toHaveLength(12);
    expect(charts.distribution().querySelectorAll('g.plot circle')).toHaveLength(24);
    // Regret: a dot per state and policy (3 × 40), and a mean per policy; satisficing: a bar per policy, whiskers where the share is not 0.
    expect(charts.regret().querySelectorAll('g.plot circle')).toHaveLength(3 * 40);
    expect(charts.regret().querySelectorAll('g.plot path title')).toHaveLength(3);
    expect(charts.satisficing().querySelectorAll('g.plot rect title')).toHaveLength(3);
    const trade = charts.tradeoff();
    const steps = [...trade.querySelectorAll('g.step circle')].map((c) => c.getAttribute('data-step'));
    expect(steps[0]).toBe('0');
    expect(steps.length).toBeGreaterThan(5);
    expect(texts(trade, 'title').join(' ')).toBe('PRIM box 1: the peeling trajectory of involutionIndex > 0.5');
    const limits = charts['box-limits']();
    expect(limits.querySelector('g.plot')?.textContent).toMatch(/p = /);
    // A page passes its language's words.
    const say: typeof ENGLISH.say = (key, vars) =>
      key === 'report.chart.coverage' ? '覆盖率' : key === 'report.chart.restricted' ? `限制 ${vars?.n} 个参数` : key === 'report.chart.step' ? `第 ${vars?.n} 步` : ENGLISH.say(key, vars);
    const zh = tradeoffChart({ title: 'PRIM 盒子 1', steps: [{ step: 0, coverage: 1, density: 0.3, restricted: 0 }, { step: 1, coverage: 0.8, density: 0.6, restricted: 1 }], selected: 1 }, { ...ctx(), words: { ...ENGLISH, say } });
    expect(legend(zh)).toEqual(['限制 0 个参数', '限制 1 个参数']);
    expect(texts(zh, 'x-label')).toEqual(['覆盖率 →']);
    expect(zh.querySelector('g.plot')?.textContent).toContain('第 1 步');
    // The box: one dashed rectangle over the runs.
    expect(charts['scatter-box']().querySelectorAll('g.plot g[stroke-dasharray="5 3"] rect')).toHaveLength(1);
  });

  it('draw marks, not only axes: a band and a line a series, a bar a value, a cell a grid point', () => {
    const fan = charts.fan();
    expect(fan.querySelectorAll('g.plot path title')).toHaveLength(4);
    // Bars: 5 finite values of 6 (NaN is left out), whiskers on the 2 with an interval.
    const bars = charts.bars();
    expect(bars.querySelectorAll('g.plot rect')).toHaveLength(5);
    expect(bars.querySelectorAll('g.plot rect title')[0].textContent).toBe('first: with interval 0.3 [0.2, 0.45]');
    expect(charts.heatmap().querySelectorAll('g.plot rect')).toHaveLength(6);
    // The pairwise density is clipped to its plot, with an id of its own.
    const pair = markup(charts.pair());
    expect(pair).toMatch(/<clipPath id="c[0-9a-z]+-0"/);
    expect(pair).not.toContain('plot-clip');
  });
});
