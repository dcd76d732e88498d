// The story page (story.html): one step at a time, each with its own link; the model runs in the
// explorer's module worker (viz/model.ts), a run of a step's setting beside the baseline's, both
// kept for the visit. The chart plays the run month by month (at once where the reader asks for
// reduced motion); the figure carries the runs it shows (`data-run`) and their series
// (`data-series`), which test/browser-story.test.ts compares with the command line's.
import { resolveParams, type MetricName } from '../../sim/index.ts';
import { findScenario } from '../../scenarios/index.ts';
import { setLang } from '../i18n/index.ts';
import { ModelLost, watchedWorker } from '../model.ts';
import { FIGURES } from './claims.ts';
import { drawChart } from './chart.ts';
import { formatFigure, signed } from './format.ts';
import { parseStoryUrl, storyUrl, type StoryState } from './link.ts';
import { BASELINE, stepRun, type Run, type Step } from './steps.ts';
import { ui } from './ui.ts';
import { chartMetrics, figureLabel, renderFrame, renderStep, shownMetrics, step, useView } from './view.ts';

type Series = Record<string, number[]>;

const $ = (id: string) => document.getElementById(id)!;
const parsed = parseStoryUrl(location.search);
let state: StoryState = parsed.state;
setLang(state.lang);
const PLAY_MS = 2500;
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

const model = watchedWorker();
const runs = new Map<string, Promise<Series>>();
const ticksOf = (run: Run) => resolveParams(findScenario(run.scenario)!.params, run.set).ticks;
useView({ state: () => state, choose, ticks: ticksOf, replay: () => void play(false) });

/** A run's series (city metrics), computed once per visit. */
function series(run: Run, seed: number): Promise<Series> {
  const key = JSON.stringify([run.scenario, seed, Object.entries(run.set).sort()]);
  let p = runs.get(key);
  if (!p) {
    if (model.lost()) model.restart();
    const ticks = ticksOf(run);
    const citizens = resolveParams(findScenario(run.scenario)!.params, run.set).citizens;
    p = model
      .call((api) => api.replay(run.scenario, seed, run.set, [], ticks), citizens * ticks)
      .then((snap) => Object.fromEntries(snap.names.flatMap((n, i) => (n.includes('.') ? [] : [[n, Array.from(snap.rows[i])]]))));
    runs.set(key, p);
    p.catch(() => runs.delete(key));
  }
  return p;
}

// ——— running and playing ———

let generation = 0;
let drawn: { s: Step; yours: Series; base: Series; shown: number } | null = null;

function draw(): void {
  if (!drawn) return;
  const { s, yours, base, shown } = drawn;
  const plot = $('plot');
  const [a, b] = s.chart.kind === 'gap' ? [yours.formGrowth, yours.substanceGrowth] : [yours[s.chart.metric], base[s.chart.metric]];
  const format = s.chart.kind === 'gap' ? 'signed' : (FIGURES[s.chart.metric]?.format ?? 'amount');
  const yLabel = s.chart.kind === 'gap' ? ui('gap') : figureLabel(s.chart.metric);
  const width = Math.max(260, Math.floor(plot.clientWidth || 600));
  plot.replaceChildren(
    drawChart({
      kind: s.chart.kind,
      a,
      b,
      shown,
      unit: format === 'percent' || format === 'level',
      percent: format === 'percent',
      yLabel,
      xLabel: `${ui('month')} →`,
      width,
    }),
  );
  $('clock').textContent = ui('playing', { month: Math.max(0, Math.min(shown, a.length) - 1) });
}

/** Run the step's setting (and the baseline, once) and play it; `announce` says the result in the live region. */
async function play(announce: boolean): Promise<void> {
  const mine = ++generation;
  drawn = null;
  const s = step();
  const run = stepRun(s, state.choices);
  const figure = $('chart');
  figure.dataset.state = 'running';
  $('clock').textContent = ui('running');
  let base: Series, yours: Series;
  try {
    [base, yours] = await Promise.all([series(BASELINE, state.seed), series(run, state.seed)]);
  } catch (err) {
    if (mine !== generation) return;
    if (!(err instanceof ModelLost)) throw err;
    figure.dataset.state = 'lost';
    $('clock').textContent = ui('lost');
    return;
  }
  if (mine !== generation) return;
  const months = yours.tick.length;
  drawn = { s, yours, base, shown: reducedMotion.matches ? months : 1 };
  figure.dataset.state = 'playing';
  const start = performance.now();
  await new Promise<void>((done) => {
    const frame = (now: number) => {
      if (mine !== generation) return done();
      const shown = Math.min(months, Math.max(1, Math.ceil(((now - start) / PLAY_MS) * months)));
      if (shown !== drawn!.shown || shown === 1) {
        drawn!.shown = shown;
        draw();
      }
      if (shown < months) requestAnimationFrame(frame);
      else done();
    };
    if (drawn!.shown >= months) {
      draw();
      done();
    } else requestAnimationFrame(frame);
  });
  if (mine !== generation) return;
  finish(s, run, yours, base, announce);
}

function finish(s: Step, run: Run, yours: Series, base: Series, announce: boolean): void {
  const last = yours.tick.length - 1;
  const metrics = [...new Set([...chartMetrics(s), ...shownMetrics(s)])];
  const pickSeries = (x: Series) => Object.fromEntries(metrics.map((m) => [m, x[m]]));
  const figure = $('chart');
  figure.dataset.run = JSON.stringify({ seed: state.seed, yours: run, baseline: BASELINE });
  figure.dataset.series = JSON.stringify({ yours: pickSeries(yours), baseline: pickSeries(base) });
  figure.dataset.state = 'done';
  for (const row of document.querySelectorAll<HTMLTableRowElement>('table.numbers tr[data-metric]')) {
    const m = row.dataset.metric as MetricName;
    for (const [cls, x] of [
      ['yours', yours],
      ['baseline', base],
    ] as const) {
      const cell = row.querySelector<HTMLElement>(`td.${cls}`)!;
      cell.textContent = formatFigure(m, x[m][last]);
      cell.dataset.value = String(x[m][last]);
    }
  }
  const index = yours.involutionIndex[last];
  $('factor').textContent = ui(index >= 0 ? 'factorForm' : 'factorSubstance', { x: Math.exp(Math.abs(index)).toFixed(1) });
  const summary =
    s.chart.kind === 'gap'
      ? ui('summaryGap', { form: signed(yours.formGrowth[last]), substance: signed(yours.substanceGrowth[last]), index: signed(index) })
      : ui('summaryVersus', {
          figure: figureLabel(s.chart.metric),
          yours: formatFigure(s.chart.metric, yours[s.chart.metric][last]),
          baseline: formatFigure(s.chart.metric, base[s.chart.metric][last]),
        });
  $('plot').setAttribute(
    'aria-label',
    `${s.chart.kind === 'gap' ? ui('chartGap', { seed: state.seed }) : ui('chartVersus', { seed: state.seed, figure: figureLabel(s.chart.metric) })} ${summary}`,
  );
  if (announce) $('announce').textContent = ui('announce', { yours: signed(index), baseline: signed(base.involutionIndex[last]), month: last });
}

// ——— navigation ———

function choose(key: string, value: number | string): void {
  state = { ...state, choices: { ...state.choices, [key]: value } };
  history.replaceState(null, '', storyUrl(state));
  renderFrame(parsed.problems);
  renderStep();
  void play(true);
  ($('control') as HTMLElement).focus();
}

function go(n: number, push = true): void {
  state = { ...state, step: n };
  if (push) history.pushState(null, '', storyUrl(state));
  renderFrame(parsed.problems);
  renderStep();
  void play(false);
  window.scrollTo(0, 0);
  $('step-title').focus();
}

document.addEventListener('click', (e) => {
  const a = (e.target as Element).closest<HTMLAnchorElement>('a[data-nav]');
  if (!a || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  go(Number(a.dataset.nav));
});
window.addEventListener('popstate', () => {
  state = parseStoryUrl(location.search).state;
  setLang(state.lang);
  go(state.step, false);
});
$('lang').addEventListener('change', (e) => {
  state = { ...state, lang: (e.target as HTMLSelectElement).value };
  setLang(state.lang);
  history.replaceState(null, '', storyUrl(state));
  renderFrame(parsed.problems);
  renderStep();
  void play(false);
});
let resizing = 0;
window.addEventListener('resize', () => {
  clearTimeout(resizing);
  resizing = window.setTimeout(draw, 150);
});

renderFrame(parsed.problems);
renderStep();
void play(false);
