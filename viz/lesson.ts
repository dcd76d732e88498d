// Lesson mode: predict, watch the run, explain — for the scenario chosen in the Scenario control.
// The lesson shows what it asks about: a chart for each prediction (the student's run inside the
// band of the ensemble, and the baseline's band for a comparison), the views and monitors the
// lesson declares, the scheduled markers. Each prediction is judged on the ensemble (viz/lessons.ts),
// run in the background on the pool of workers from the moment the lesson opens; the student's run
// is placed among its runs. The explanation stays hidden until the student has written their own
// and asks for it. A printed lesson is a one-page handout (viz/lesson-charts.ts draws it, and the
// prediction charts).
import { type Change, type Scenario } from '../sim/index.ts';
import { findScenario } from '../scenarios/index.ts';
import { mean } from '../lab/analysis/stats.ts';
import { langSetting, pick, t, type MessageKey } from './i18n/index.ts';
import {
  ANSWERS, answerText, effectsOf, finalOf, lessonPlan, lessonSeeds, ownEffect, ownText, placeOf, predictedText, promptText, verdictOf, verdictText,
  type Answer, type LessonPlan, type LessonView,
} from './lessons.ts';
import { createFigure, type Figure, type FigureHost } from './figure.ts';
import { formSubstanceChart, indexChart, mapChart, networkChart, sosChart, type RunView } from './explore.ts';
import { createMonitors } from './monitors.ts';
import { ensembleKey, runEnsemble, type Ensemble, type EnsembleRequest } from './lesson-runs.ts';
import { drawHandout, el, predictionChart } from './lesson-charts.ts';

export interface LessonHost {
  scenario(): Scenario;
  /** Reset and play the run to its end where the lesson shows it; the speed is restored afterwards. */
  runAnimated(): Promise<void>;
  /** The run on screen. */
  view(): RunView | null;
  /** Called after every change of step, so the page can withhold the scenario's explanation until then. */
  onStep(): void;
  seed(): number;
  /** The sidebar's overrides and interventions: the ensemble runs with them, as the student's run does. */
  settings(): { set: Record<string, number>; interventions: Change[] };
  fileName(view: string): string;
  provenance(): string;
}

/** How much the student must write before the explanation can be asked for: a short sentence, in the language's characters. */
const minWhy = () => Number(langSetting('_minExplanationChars'));

const VIEW_CHARTS: Record<LessonView, (fig: Figure, v: RunView) => unknown> = {
  index: indexChart,
  'form-substance': formSubstanceChart,
  sos: sosChart,
  network: networkChart,
  map: mapChart,
};

export function createLesson(root: HTMLElement, handout: HTMLElement, host: LessonHost) {
  let step = 0;
  let answers: (Answer | null)[] = [];
  let running = false;
  let why = '';
  let revealed = false;
  /** The charts on screen, each with how it is drawn. */
  let charts: { fig: Figure; draw: (v: RunView | null) => void }[] = [];
  let monitors: ReturnType<typeof createMonitors> | null = null;
  let verdicts: HTMLElement | null = null;
  let ensemble: { ensemble: Ensemble; cancel: () => void } | null = null;
  const figHost: FigureHost = { redraw: () => update(), fileName: host.fileName, provenance: host.provenance };

  /** Re-render, then give focus back to the same control (radio by name and value, button by its role in the lesson). */
  function renderKeepingFocus(): void {
    const active = document.activeElement as HTMLElement | null;
    const inside = active && root.contains(active);
    const key = inside ? (active.dataset.key ? `[data-key="${active.dataset.key}"]` : active instanceof HTMLInputElement ? `input[name="${active.name}"][value="${active.value}"]` : active.id ? `#${active.id}` : null) : null;
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

  /** What the runs were last asked for with: the same scenario (object), settings and seed ask for the same runs. */
  let asked: { scenario: Scenario; settings: string; seed: number } | null = null;

  /** The runs the verdict needs, started (or kept, if they are those of the scenario and settings now) while the lesson is shown. */
  function ensureEnsemble(plan: LessonPlan): void {
    if (root.closest('[hidden]')) return;
    const now = { scenario: host.scenario(), settings: JSON.stringify(host.settings()), seed: host.seed() };
    if (ensemble && asked && asked.scenario === now.scenario && asked.settings === now.settings && asked.seed === now.seed) return;
    asked = now;
    const baseline = plan.baseline ? findScenario(plan.baseline) ?? null : null;
    const request: EnsembleRequest = {
      scenario: now.scenario, baseline, ...host.settings(), metrics: [...new Set(plan.predictions.map((p) => p.metric))], seeds: lessonSeeds(), own: now.seed,
    };
    if (ensemble?.ensemble.key === ensembleKey(request)) return;
    ensemble?.cancel();
    ensemble = runEnsemble(request, () => {
      update();
      showVerdicts();
    });
  }

  function render(): void {
    root.replaceChildren();
    charts = [];
    monitors = null;
    verdicts = null;
    const scenario = host.scenario();
    const plan = lessonPlan(scenario);
    el(root, 'h2', t('lessonTitle', { title: pick(scenario.title) }));
    if (!plan) {
      el(root, 'p', t('lessonNone'));
      handout.replaceChildren();
      return;
    }
    if (answers.length !== plan.predictions.length) answers = plan.predictions.map(() => null);
    ensureEnsemble(plan);
    el(root, 'p', t('lessonIntro'), 'intro');
    const steps = el(root, 'ol', undefined, 'steps');
    (['lessonPredict', 'lessonRun', 'lessonExplain'] as MessageKey[]).forEach((k, i) => {
      const li = el(steps, 'li', `${i + 1}. ${t(k)}`);
      if (i === step) li.setAttribute('aria-current', 'step');
    });
    const body = el(root, 'div', undefined, 'lesson-body');
    el(body, 'p', pick(plan.question), 'question');
    if (step === 0) {
      plan.predictions.forEach((p, i) => {
        const fs = el(body, 'fieldset');
        el(fs, 'legend', promptText(p));
        for (const a of ANSWERS) {
          const label = el(fs, 'label');
          const input = el(label, 'input');
          input.type = 'radio';
          input.name = `prediction-${i}`;
          input.value = a;
          input.checked = answers[i] === a;
          input.addEventListener('change', () => { answers[i] = a; renderKeepingFocus(); });
          label.append(` ${answerText(p, a)}`);
        }
      });
      el(body, 'p', t('lesson.judged', { n: lessonSeeds().length }), 'note');
      const ready = answers.every((a) => a !== null);
      el(body, 'p', ready ? '' : t('lessonChoose'));
      button(body, t('lessonNext'), 'next', () => { step = 1; renderKeepingFocus(); }).disabled = !ready;
    } else if (step === 1) {
      predictionsList(body, plan);
      el(body, 'p', pick(plan.lookFor), 'look-for');
      const go = button(body, running ? t('lessonRunning') : t('lessonRunIt'), 'run', async () => {
        running = true;
        renderKeepingFocus();
        // The run is watched where it plays: its monitors and charts at the top of the screen (on a
        // projector or a phone they start below it).
        root.querySelector('.lesson-shown')?.scrollIntoView({ block: 'start' });
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
      shown(body, plan);
    } else {
      predictionsList(body, plan);
      verdicts = el(body, 'div', undefined, 'verdicts');
      verdicts.setAttribute('role', 'status');
      showVerdicts();
      shown(body, plan);
      explain(body, scenario, plan);
    }
    const tools = el(root, 'div', undefined, 'buttons');
    button(tools, t('lessonPrint'), 'print', () => { printable(); window.print(); });
    if (step > 0) button(tools, t('lessonRestart'), 'restart', restart);
    update();
  }

  function predictionsList(body: HTMLElement, plan: LessonPlan): void {
    el(body, 'p', t('lesson.yourPredictions'));
    const ul = el(body, 'ul', undefined, 'predictions');
    plan.predictions.forEach((p, i) => el(ul, 'li', predictedText(p, answers[i]!)));
  }

  /** What the lesson shows while the run plays: its monitors, a chart for each prediction, its views. */
  function shown(body: HTMLElement, plan: LessonPlan): void {
    const at = el(body, 'div', undefined, 'lesson-shown');
    if (plan.monitors.length) {
      const box = el(at, 'div', undefined, 'monitors lesson-monitors');
      box.setAttribute('role', 'group');
      box.setAttribute('aria-label', t('monitors'));
      monitors = createMonitors(box, plan.monitors, 'lesson-mon');
      monitors.relabel();
    }
    const views = el(at, 'div', undefined, 'views lesson-views');
    plan.predictions.forEach((p, i) => {
      const fig = createFigure(views, `lesson-prediction-${i}`, figHost);
      charts.push({ fig, draw: (v) => predictionChart(fig.svg, p, { view: v, ensemble: ensemble?.ensemble ?? null, whole: step === 2, withBaseline: plan.baseline !== null, seed: host.seed() }) });
    });
    for (const name of plan.views) {
      const fig = createFigure(views, `lesson-${name}`, figHost);
      charts.push({ fig, draw: (v) => { if (v) VIEW_CHARTS[name](fig, v); } });
    }
  }

  /** The verdict of each prediction, once the student's run has ended and the ensemble is in. */
  function showVerdicts(): void {
    if (!verdicts || step !== 2) return;
    const plan = lessonPlan(host.scenario());
    const e = ensemble?.ensemble;
    const v = host.view();
    if (!plan || !v) return;
    verdicts.replaceChildren();
    // Read out once, when the verdict is in: not at every run that finishes.
    verdicts.setAttribute('aria-busy', String(!e?.finished));
    if (!e || !e.finished) {
      el(verdicts, 'p', t('lesson.otherRuns', { done: e?.done ?? 0, total: e?.total ?? 0 }), 'pending-runs');
      return;
    }
    let n = 0;
    const blocks = plan.predictions.map((p, i) => {
      const seeds = lessonSeeds().filter((s) => e.runs.has(s) && (p.against === 'zero' || e.baseline.has(s)));
      if (!seeds.length) return null;
      n = Math.max(n, seeds.length);
      const finals = seeds.map((s) => finalOf(e.runs.get(s)![p.metric]));
      const base = p.against === 'baseline' ? seeds.map((s) => finalOf(e.baseline.get(s)![p.metric])) : null;
      const effects = effectsOf(p, finals, base);
      const verdict = verdictOf(p, effects);
      const twin = e.baseline.get(host.seed())?.[p.metric];
      // The student's run is placed once it has ended (not while a new seed's run replays).
      const ended = v.snap.tick >= v.snap.ticks;
      const own = ended ? ownEffect(p, finalOf(v.series[p.metric] ?? []), twin ? finalOf(twin) : null, base ? mean(base) : null) : NaN;
      const lines = verdictText(p, answers[i]!, verdict);
      if (Number.isFinite(own)) lines.push(ownText(p, host.seed(), own, verdict, placeOf(own, effects)));
      return { right: verdict.answer === answers[i], lines };
    });
    if (blocks.some((b) => b === null)) {
      el(verdicts, 'p', t('lesson.runsFailed'), 'feedback wrong');
      return;
    }
    el(verdicts, 'h3', t('lesson.saw', { n }));
    for (const b of blocks) {
      const box = el(verdicts, 'div', undefined, `feedback ${b!.right ? 'right' : 'wrong'}`);
      for (const line of b!.lines) el(box, 'p', line);
    }
  }

  /** The student's own explanation first; then the model's. */
  function explain(body: HTMLElement, scenario: Scenario, plan: LessonPlan): void {
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
      el(box, 'p', pick(plan.lookFor));
    }
  }

  /** Draw the run into the lesson's charts and monitors (as it plays). */
  function update(): void {
    // Settings changed under the lesson (an intervention, another seed): the runs of the verdict follow them.
    const plan = step > 0 ? lessonPlan(host.scenario()) : null;
    if (plan) ensureEnsemble(plan);
    const v = host.view();
    for (const c of charts) {
      c.draw(v);
      c.fig.relabel();
    }
    if (v) monitors?.update(v.series);
  }

  function restart(): void {
    step = 0;
    answers = [];
    running = false;
    why = '';
    revealed = false;
    renderKeepingFocus();
  }

  /** The handout of the lesson as it stands: blank to sketch on, or with the run once it has ended. */
  function printable(): void {
    const plan = lessonPlan(host.scenario());
    if (!plan) return void handout.replaceChildren();
    drawHandout(handout, host.scenario(), plan, { view: host.view(), ensemble: ensemble?.ensemble ?? null, whole: step === 2, withBaseline: plan.baseline !== null, seed: host.seed() }, host.provenance());
  }

  // The browser's own Print command prints the handout too.
  window.addEventListener('beforeprint', printable);

  return {
    render: renderKeepingFocus,
    restart,
    update,
    /** Whether the student has asked for the explanation (after writing their own). */
    revealed: () => revealed || !host.scenario().lesson,
    /** Whether a lesson is under way: its explanation is then withheld everywhere on the page. */
    started: () => step > 0 || answers.some((a) => a !== null),
  };
}
