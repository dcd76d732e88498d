// Lesson mode: predict, watch the run, explain — for the scenario chosen in the Scenario control.
// The run plays inside the lesson (the index and form against substance, with the scheduled
// markers); a wrong prediction gets an answer too; the explanation stays hidden until the student
// has written their own and asks for it. A printed lesson is a one-page handout.
import { TICKS, type Scenario } from '../sim/index.ts';
import { langSetting, metricLabel, pick, t, type MessageKey } from './i18n/index.ts';
import { answerOf, type Answer } from './lessons.ts';
import { createFigure, type Figure, type FigureHost } from './figure.ts';
import { formSubstanceChart, indexChart, markLabels, type RunView } from './explore.ts';
import { PALETTE, type Svg } from './views/chart.ts';
import { sketchRange, timeSeries } from './views/timeseries.ts';
import * as d3 from 'd3';

export interface LessonHost {
  scenario(): Scenario;
  /** Reset and play the run to its end where the lesson shows it; the speed is restored afterwards. */
  runAnimated(): Promise<void>;
  /** The run on screen. */
  view(): RunView | null;
  /** Called after every change of step, so the page can withhold the scenario's explanation until then. */
  onStep(): void;
  seed(): number;
  fileName(view: string): string;
  provenance(): string;
}

const ANSWERS: Answer[] = ['rise', 'flat', 'fall'];
/** How much the student must write before the explanation can be asked for: a short sentence, in the language's characters. */
const minWhy = () => Number(langSetting('_minExplanationChars'));

function el<K extends keyof HTMLElementTagNameMap>(parent: HTMLElement, tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = parent.appendChild(document.createElement(tag));
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

export function createLesson(root: HTMLElement, handout: HTMLElement, host: LessonHost) {
  let step = 0;
  let answer: Answer | null = null;
  let running = false;
  let why = '';
  let revealed = false;
  let figs: Figure[] = [];
  const figHost: FigureHost = { redraw: () => update(), fileName: host.fileName, provenance: host.provenance };

  /** Re-render, then give focus back to the same control (radio by value, button by its role in the lesson). */
  function renderKeepingFocus(): void {
    const active = document.activeElement as HTMLElement | null;
    const inside = active && root.contains(active);
    const key = inside ? (active.dataset.key ? `[data-key="${active.dataset.key}"]` : active instanceof HTMLInputElement ? `input[value="${active.value}"]` : null) : null;
    render();
    host.onStep();
    if (!inside) return;
    const target = (key && root.querySelector<HTMLElement>(key)) || root.querySelector<HTMLElement>('button:not([disabled]), input, textarea');
    target?.focus();
  }

  function button(parent: HTMLElement, text: string, key: string, onClick: () => void): HTMLButtonElement {
    const b = el(parent, 'button', text);
    b.type = 'button';
    b.dataset.key = key;
    b.addEventListener('click', onClick);
    return b;
  }

  function render(): void {
    root.replaceChildren();
    figs = [];
    const scenario = host.scenario();
    const lesson = scenario.lesson;
    el(root, 'h2', t('lessonTitle', { title: pick(scenario.title) }));
    if (!lesson) {
      el(root, 'p', t('lessonNone'));
      handout.replaceChildren();
      return;
    }
    el(root, 'p', t('lessonIntro'));
    const steps = el(root, 'ol', undefined, 'steps');
    (['lessonPredict', 'lessonRun', 'lessonExplain'] as MessageKey[]).forEach((k, i) => {
      const li = el(steps, 'li', `${i + 1}. ${t(k)}`);
      if (i === step) li.setAttribute('aria-current', 'step');
    });
    const body = el(root, 'div', undefined, 'lesson-body');
    if (step === 0) {
      const fs = el(body, 'fieldset');
      el(fs, 'legend', pick(lesson.question));
      for (const a of ANSWERS) {
        const label = el(fs, 'label');
        const input = el(label, 'input');
        input.type = 'radio';
        input.name = 'prediction';
        input.value = a;
        input.checked = answer === a;
        input.addEventListener('change', () => { answer = a; renderKeepingFocus(); });
        label.append(` ${t(`answer.${a}` as MessageKey)} `);
      }
      el(body, 'p', answer ? '' : t('lessonChoose'));
      button(body, t('lessonNext'), 'next', () => { step = 1; renderKeepingFocus(); }).disabled = !answer;
    } else if (step === 1) {
      el(body, 'p', pick(lesson.question), 'question');
      el(body, 'p', t('lessonYourPrediction', { answer: t(`answer.${answer}` as MessageKey) }));
      el(body, 'p', pick(lesson.lookFor));
      const go = button(body, running ? t('lessonRunning') : t('lessonRunIt'), 'run', async () => {
        running = true;
        renderKeepingFocus();
        try {
          await host.runAnimated();
          step = 2;
        } catch {
          // The run was reset or lost under the lesson: stay on this step, ready to run again.
        }
        running = false;
        renderKeepingFocus();
      });
      go.disabled = running;
      charts(body);
    } else {
      outcome(body, scenario, lesson.lookFor);
    }
    const tools = el(root, 'div', undefined, 'buttons');
    button(tools, t('lessonPrint'), 'print', () => { drawHandout(); window.print(); });
    if (step > 0) button(tools, t('lessonRestart'), 'restart', restart);
    update();
  }

  /** The run's charts, in the lesson: they play as the run plays. */
  function charts(body: HTMLElement): void {
    const views = el(body, 'div', undefined, 'views lesson-views');
    figs = [createFigure(views, 'lesson-index', figHost), createFigure(views, 'lesson-form-substance', figHost)];
  }

  function outcome(body: HTMLElement, scenario: Scenario, lookFor: { en: string; zh: string }): void {
    const series = host.view()?.series ?? {};
    const last = (m: string) => series[m]?.[series[m].length - 1] ?? NaN;
    const index = last('involutionIndex');
    const f = (x: number) => x.toFixed(2);
    el(body, 'p', t('lessonSaw', { index: f(index), form: f(last('formGrowth')), substance: f(last('substanceGrowth')) }));
    charts(body);
    const actual = answerOf(index);
    const right = actual === answer;
    const feedback = el(body, 'p', right
      ? t('lessonRight', { answer: t(`answer.${answer}` as MessageKey) })
      : t('lessonWrong', { answer: t(`answer.${answer}` as MessageKey), actual: t(`answer.${actual}` as MessageKey) }), right ? 'feedback right' : 'feedback wrong');
    feedback.setAttribute('role', 'status');
    el(body, 'p', t('lessonOneRun', { seed: host.seed() }));
    const label = el(body, 'label', t('lessonWhy'));
    label.htmlFor = 'lesson-why';
    const area = el(body, 'textarea');
    area.id = 'lesson-why';
    area.value = why;
    area.setAttribute('aria-describedby', 'lesson-why-hint');
    const hint = el(body, 'p', '', 'note');
    hint.id = 'lesson-why-hint';
    const show = button(body, t('lessonShowWhy'), 'show', () => { revealed = true; renderKeepingFocus(); });
    const sync = () => {
      const enough = [...why.trim()].length >= minWhy();
      show.disabled = revealed || !enough;
      hint.textContent = revealed ? '' : enough ? '' : t('lessonWriteFirst', { n: minWhy() });
    };
    area.addEventListener('input', () => { why = area.value; sync(); });
    sync();
    if (revealed) {
      const box = el(body, 'div', undefined, 'explanation');
      box.id = 'lesson-explanation';
      el(box, 'h3', t('lessonExplanation'));
      el(box, 'p', pick(scenario.teaching));
      el(box, 'p', pick(lookFor));
    }
  }

  /** Draw the run into the lesson's charts (as it plays) and into the handout. */
  function update(): void {
    const v = host.view();
    if (!v || !figs.length) return;
    indexChart(figs[0], v);
    formSubstanceChart(figs[1], v);
    for (const f of figs) f.relabel();
  }

  /** The handout: the question, the three answers to tick, the chart (empty to sketch on, or the run), lines to write on. */
  function drawHandout(): void {
    handout.replaceChildren();
    const scenario = host.scenario();
    const lesson = scenario.lesson;
    if (!lesson) return;
    el(handout, 'h1', `${t('appTitle')} — ${t('lessonTitle', { title: pick(scenario.title) })}`);
    el(handout, 'p', t('handoutName'), 'handout-name');
    el(handout, 'h2', `1. ${t('lessonPredict')}`);
    el(handout, 'p', pick(lesson.question), 'question');
    const ul = el(handout, 'ul', undefined, 'ticks');
    for (const a of ANSWERS) el(ul, 'li', `☐ ${t(`answer.${a}` as MessageKey)}`);
    el(handout, 'h2', `2. ${t('lessonRun')}`);
    const v = host.view();
    const done = step === 2 && v;
    const svgEl = el(handout, 'figure').appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'svg'));
    svgEl.dataset.w = '680';
    const svg = d3.select(svgEl) as unknown as Svg;
    const series = done ? v.series : {};
    timeSeries(svg, {
      title: t('chart.index'), xLabel: t('x'), yLabel: t('chart.index.y'), ticks: v?.snap.ticks ?? TICKS.default, marks: v?.markers ?? [], markLabels: markLabels(),
      zeroLabel: t('chart.index.zero'), empty: t('handoutSketch'), ...(done ? {} : { yRange: sketchRange(v?.snap.ticks ?? TICKS.default) }),
      lines: [
        { key: 'index', label: metricLabel('involutionIndex'), color: PALETTE.black, values: series.involutionIndex ?? [] },
        { key: 'form', label: metricLabel('formGrowth'), color: PALETTE.vermillion, dash: '5 3', values: series.formGrowth ?? [] },
        { key: 'substance', label: metricLabel('substanceGrowth'), color: PALETTE.blue, dash: '5 3', values: series.substanceGrowth ?? [] },
      ],
    });
    el(handout, 'h2', `3. ${t('lessonExplain')}`);
    el(handout, 'p', t('lessonWhy'));
    const lines = el(handout, 'div', undefined, 'write-lines');
    for (let i = 0; i < 6; i++) el(lines, 'div');
    el(handout, 'p', host.provenance(), 'handout-provenance');
  }

  function restart(): void {
    step = 0;
    answer = null;
    running = false;
    why = '';
    revealed = false;
    renderKeepingFocus();
  }

  // The browser's own Print command prints the handout too.
  window.addEventListener('beforeprint', drawHandout);

  return {
    render: renderKeepingFocus,
    restart,
    update,
    /** Whether the student has asked for the explanation (after writing their own). */
    revealed: () => revealed || !host.scenario().lesson,
    /** Whether a lesson is under way: its explanation is then withheld everywhere on the page. */
    started: () => step > 0 || answer !== null,
  };
}
