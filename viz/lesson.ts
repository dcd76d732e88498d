// Lesson mode: predict, then run, then explain — for the scenario chosen in the Scenario control.
import { findScenario } from '../scenarios/index.ts';
import { pick, t, type MessageKey } from './i18n/index.ts';
import { answerOf, LESSONS, type Answer } from './lessons.ts';
import * as d3 from 'd3';
import { PALETTE, type Svg } from './views/chart.ts';
import { timeSeries } from './views/timeseries.ts';

export interface LessonHost {
  scenarioId(): string;
  /** Reset and run the scenario to its end; resolves with the final index, form and substance. */
  runToEnd(): Promise<{ index: number; form: number; substance: number }>;
  /** The run's series so far, to show what happened beside the explanation. */
  series(): Record<string, number[]>;
  /** Called after every change of step, so the page can withhold the scenario's explanation until then. */
  onStep(): void;
  /** The seed of the run the lesson shows. */
  seed(): number;
}

const ANSWERS: Answer[] = ['rise', 'flat', 'fall'];

function el<K extends keyof HTMLElementTagNameMap>(parent: HTMLElement, tag: K, text?: string): HTMLElementTagNameMap[K] {
  const e = parent.appendChild(document.createElement(tag));
  if (text !== undefined) e.textContent = text;
  return e;
}

export function createLesson(root: HTMLElement, host: LessonHost) {
  let step = 0;
  let answer: Answer | null = null;
  let outcome: { index: number; form: number; substance: number } | null = null;
  let running = false;

  /** Re-render, then give focus back to the same control (radio by value, button by position). */
  function renderKeepingFocus(): void {
    const active = document.activeElement as HTMLElement | null;
    const inside = active && root.contains(active);
    const key = inside ? (active instanceof HTMLInputElement ? `input[value="${active.value}"]` : null) : null;
    render();
    host.onStep();
    if (!inside) return;
    const target = (key && root.querySelector<HTMLElement>(key)) || root.querySelector<HTMLElement>('button:not([disabled]), input, textarea');
    target?.focus();
  }

  function render(): void {
    root.replaceChildren();
    const scenario = findScenario(host.scenarioId())!;
    const lesson = LESSONS[scenario.id];
    el(root, 'h2', `${t('lesson')}: ${pick(scenario.title)}`);
    el(root, 'p', t('lessonIntro'));
    const steps = el(root, 'ol');
    steps.className = 'steps';
    (['lessonPredict', 'lessonRun', 'lessonExplain'] as MessageKey[]).forEach((k, i) => {
      const li = el(steps, 'li', `${i + 1}. ${t(k)}`);
      if (i === step) li.setAttribute('aria-current', 'step');
    });
    const body = el(root, 'div');
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
      const next = el(body, 'button', t('lessonNext'));
      next.type = 'button';
      next.disabled = !answer;
      next.addEventListener('click', () => { step = 1; renderKeepingFocus(); });
    } else if (step === 1) {
      el(body, 'p', pick(lesson.lookFor));
      const go = el(body, 'button', running ? t('lessonRunning') : t('lessonRunIt'));
      go.type = 'button';
      go.disabled = running;
      go.addEventListener('click', async () => {
        running = true;
        renderKeepingFocus();
        try {
          outcome = await host.runToEnd();
          step = 2;
        } catch {
          // The run was reset under the lesson: stay on this step, ready to run again.
        }
        running = false;
        renderKeepingFocus();
      });
    } else if (outcome) {
      const f = (x: number) => x.toFixed(2);
      el(body, 'p', t('lessonSaw', { index: f(outcome.index), form: f(outcome.form), substance: f(outcome.substance) }));
      el(body, 'p', t('lessonYourPrediction', { answer: t(`answer.${answer}` as MessageKey) }) + (answer === answerOf(outcome.index) ? ' ✓' : ''));
      el(body, 'p', t('lessonOneRun', { seed: host.seed() }));
      const series = host.series();
      const svg = d3.select(el(body, 'figure').appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'svg'))) as unknown as Svg;
      timeSeries(svg, {
        title: t('chart.index'), xLabel: t('x'), yLabel: t('chart.index.y'), ticks: series.tick.length, marks: [], markLabels: { intervention: '', scheduled: '' },
        lines: [
          { key: 'index', label: t('metric.involutionIndex'), color: PALETTE.black, values: series.involutionIndex },
          { key: 'form', label: t('metric.formGrowth'), color: PALETTE.vermillion, dash: '5 3', values: series.formGrowth },
          { key: 'substance', label: t('metric.substanceGrowth'), color: PALETTE.blue, dash: '5 3', values: series.substanceGrowth },
        ],
      });
      const label = el(body, 'label', t('lessonWhy'));
      label.htmlFor = 'lesson-why';
      const area = el(body, 'textarea');
      area.id = 'lesson-why';
      const why = el(body, 'div');
      const show = el(body, 'button', t('lessonShowWhy'));
      show.type = 'button';
      show.addEventListener('click', () => { why.replaceChildren(); el(why, 'p', pick(scenario.teaching)); el(why, 'p', pick(lesson.lookFor)); });
      const again = el(body, 'button', t('lessonRestart'));
      again.type = 'button';
      again.addEventListener('click', () => { step = 0; answer = null; outcome = null; renderKeepingFocus(); });
    }
  }

  return {
    render: renderKeepingFocus,
    restart: () => { step = 0; answer = null; outcome = null; running = false; renderKeepingFocus(); },
    /** Whether the student has predicted and run, so the scenario's explanation may be shown. */
    revealed: () => step === 2,
  };
}
