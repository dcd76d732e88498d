// What a lesson asks and how its answer is judged. The lessons themselves (a question, the
// predictions it asks for, what to look for, the views and monitors it shows) are in the scenario
// files, `lesson` (sim/scenario.ts); the explanation revealed at the end is the scenario's teaching
// text. A prediction is judged on the ensemble — the same scenario run on seeds 1–20 with the same
// settings, and for a comparison the baseline on the same seeds — never on the student's one run:
// every student of a class, whatever their seed, gets the same verdict. The thresholds are
// symmetric (within ±`within` of the reference is "about the same") and said in every answer.
// Pure: the page (viz/lesson.ts) and the tests (test/lessons.test.ts) both use it.
import type { LESSON_VIEWS, Scenario } from '../sim/index.ts';
import { METRIC_BY_NAME, type MetricKind } from '../sim/metric-registry.ts';
import { exp } from '../sim/math.ts';
import { mean, quantileSorted, sd, tQuantile } from '../lab/analysis/stats.ts';
import { getLang, locale, metricLabel, t, type MessageKey } from './i18n/index.ts';

export type Answer = 'rise' | 'flat' | 'fall';
export const ANSWERS: readonly Answer[] = ['rise', 'flat', 'fall'];
export type LessonView = (typeof LESSON_VIEWS)[number];

export interface Prediction {
  metric: string;
  /** Against zero (a growth: the index, form or substance growth) or against the baseline on the same seeds. */
  against: 'zero' | 'baseline';
  /** Within ±within of the reference is "about the same": a share's in points of 0–1, a count's or an amount's relative to the baseline's mean. */
  within: number;
}

/** The ensemble a lesson is judged on: seeds 1 … LESSON_SEEDS, the same for every student. */
export const LESSON_SEEDS = 20;
export const lessonSeeds = (): number[] => Array.from({ length: LESSON_SEEDS }, (_, i) => i + 1);

/** A lesson without `predict` asks where the involution index ends, against zero. */
export const DEFAULT_PREDICTIONS: readonly Prediction[] = [{ metric: 'involutionIndex', against: 'zero', within: 0.2 }];
/** A lesson without `views` shows, beside its predictions' charts, the six figures behind the index. */
export const DEFAULT_VIEWS: readonly LessonView[] = ['form-substance'];
/** The baseline predictions "against the baseline" are compared with, unless the lesson names another; a lesson that names one shows its band on every prediction's chart. */
export const DEFAULT_BASELINE = 'baseline-involution';

/** A lesson with what its fields left out filled in. */
export interface LessonPlan {
  question: { en: string; zh: string };
  lookFor: { en: string; zh: string };
  predictions: readonly Prediction[];
  views: readonly LessonView[];
  monitors: readonly string[];
  /** The baseline's scenario id, when a prediction is read against it or the lesson names one: its band is drawn on every prediction's chart. */
  baseline: string | null;
}

export function lessonPlan(s: Scenario): LessonPlan | null {
  const l = s.lesson;
  if (!l) return null;
  const predictions = l.predict ?? DEFAULT_PREDICTIONS;
  const compared = predictions.some((p) => p.against === 'baseline');
  return {
    question: l.question,
    lookFor: l.lookFor,
    predictions,
    views: l.views ?? DEFAULT_VIEWS,
    monitors: l.monitors ?? [],
    baseline: l.baseline ?? (compared ? DEFAULT_BASELINE : null),
  };
}

const kindOf = (metric: string): MetricKind => METRIC_BY_NAME.get(metric)?.kind ?? 'growth';
/** A count or an amount is compared with the baseline relatively: +0.1 is 10 % more. */
const relative = (p: Prediction) => p.against === 'baseline' && (kindOf(p.metric) === 'count' || kindOf(p.metric) === 'amount');

/** The last month's value of a run's series. */
export const finalOf = (series: ArrayLike<number>): number => series[series.length - 1];

/**
 * What each run says for a prediction: against zero, its final value; against the baseline, its
 * difference from the baseline's run on the same seed (for a count or an amount, relative to the
 * baseline's mean over the seeds).
 */
export function effectsOf(p: Prediction, finals: readonly number[], baseline: readonly number[] | null): number[] {
  if (p.against === 'zero') return [...finals];
  if (!baseline) throw new Error(`prediction on ${p.metric} is against the baseline: its runs are needed`);
  const scale = relative(p) ? Math.abs(mean(baseline)) || 1 : 1;
  return finals.map((x, i) => (x - baseline[i]) / scale);
}

/** The student's own run, read as the ensemble's runs are (`baselineMean`: the ensemble baseline's mean final value). */
export function ownEffect(p: Prediction, final: number, twin: number | null, baselineMean: number | null): number {
  if (p.against === 'zero') return final;
  if (twin === null || baselineMean === null) return NaN;
  return (final - twin) / (relative(p) ? Math.abs(baselineMean) || 1 : 1);
}

/** The answer a value gives: above +within rises (is higher), below −within falls (is lower), else about the same. Symmetric. */
export function answerOf(p: Prediction, effect: number): Answer {
  return effect > p.within ? 'rise' : effect < -p.within ? 'fall' : 'flat';
}

export interface Verdict {
  answer: Answer;
  n: number;
  /** The mean effect over the runs: what the answer is judged on. */
  mean: number;
  /** The 5th and 95th percentiles of the runs' effects: where 9 runs in 10 lie. */
  low: number;
  high: number;
  /** The 95 % t interval of the mean. */
  ci: [number, number];
  /** How many runs, each taken alone, give each answer. */
  counts: Record<Answer, number>;
  /** The whole interval of the mean gives the same answer: other seeds would not change the verdict. */
  stable: boolean;
}

export function verdictOf(p: Prediction, effects: readonly number[]): Verdict {
  const n = effects.length;
  const m = mean(effects);
  const sorted = Float64Array.from(effects).sort();
  const half = n > 1 ? tQuantile(0.975, n - 1) * (sd(effects) / Math.sqrt(n)) : Infinity;
  const ci: [number, number] = [m - half, m + half];
  const counts: Record<Answer, number> = { rise: 0, flat: 0, fall: 0 };
  for (const e of effects) counts[answerOf(p, e)]++;
  const answer = answerOf(p, m);
  return {
    answer,
    n,
    mean: m,
    low: quantileSorted(sorted, 0.05),
    high: quantileSorted(sorted, 0.95),
    ci,
    counts,
    stable: answerOf(p, ci[0]) === answer && answerOf(p, ci[1]) === answer,
  };
}

/** Where the student's run sits among the ensemble's: how many runs are above it, how many below. */
export function placeOf(own: number, effects: readonly number[]): { above: number; below: number } {
  return { above: effects.filter((e) => e > own).length, below: effects.filter((e) => e < own).length };
}

// ---- Words: every sentence a lesson says is built here, from the messages of viz/i18n/messages/. ----

/**
 * A message with its arguments filled in, spaced as Chinese is set: a space between Han characters
 * and numbers or Latin letters, none between two Han characters (an argument that ends in one, such
 * as "1 个百分点", followed by a word of the message).
 */
function say(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return t(key, vars).replace(/([\u4e00-\u9fff]) (?=[\u4e00-\u9fff])/g, '$1');
}

/** A signed number with a true minus sign; zero once rounded has no sign. */
export function signed(x: number, digits: number): string {
  const s = Math.abs(x).toFixed(digits);
  if (Number(s) === 0) return (0).toFixed(digits);
  return `${x > 0 ? '+' : '−'}${s}`;
}

/** An effect in words of its unit: the index's points, percentage points of a share, per cent of a count or an amount. */
export function effectText(p: Prediction, x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (relative(p)) return say('lesson.percent', { value: signed(x * 100, 0) });
  if (kindOf(p.metric) === 'share') return say('lesson.points', { value: signed(x * 100, 1) });
  return signed(x, 2);
}

/** The threshold, as the answers say it. */
function withinText(p: Prediction): string {
  if (relative(p)) return say('lesson.withinPercent', { n: Math.round(p.within * 100) });
  if (kindOf(p.metric) === 'share') return say('lesson.withinPoints', { n: Math.round(p.within * 1000) / 10 });
  return String(p.within);
}

/** An answer's words: a phrase that reads after the metric's name and a colon. */
export function answerText(p: Prediction, a: Answer): string {
  return say(`answer.${p.against}.${a}` as MessageKey, { within: withinText(p) });
}

/** A label at the start of a sentence (English capitalises it; Chinese has no case). */
export function capital(s: string): string {
  return s.charAt(0).toLocaleUpperCase(locale(getLang())) + s.slice(1);
}

/** The prediction's prompt: what is predicted, and when. */
export const promptText = (p: Prediction): string =>
  say(p.against === 'zero' ? 'lesson.prompt.zero' : 'lesson.prompt.baseline', { metric: capital(metricLabel(p.metric)) });

/** "Coverage: about the same as in the baseline (within 1 percentage point)." */
export const predictedText = (p: Prediction, a: Answer): string =>
  say('lesson.predicted', { metric: capital(metricLabel(p.metric)), answer: answerText(p, a) });

/** The verdict, right or wrong, with the numbers it rests on. */
export function verdictText(p: Prediction, predicted: Answer, v: Verdict): string[] {
  const metric = capital(metricLabel(p.metric));
  const actual = answerText(p, v.answer);
  const head = predicted === v.answer ? say('lesson.right', { metric, actual }) : say('lesson.wrong', { metric, actual, answer: answerText(p, predicted) });
  const numbers = say(p.against === 'zero' ? 'lesson.numbers.zero' : 'lesson.numbers.baseline', {
    n: v.n,
    mean: effectText(p, v.mean),
    low: effectText(p, v.low),
    high: effectText(p, v.high),
    k: v.counts[v.answer],
    actual,
  });
  const out = [head, numbers];
  if (p.metric === 'involutionIndex' && p.against === 'zero') out.push(indexReading(v.mean));
  return out;
}

/** Where the student's run sits: one of many. */
export function ownText(p: Prediction, seed: number, own: number, v: Verdict, place: { above: number; below: number }): string {
  return say(p.against === 'zero' ? 'lesson.own.zero' : 'lesson.own.baseline', {
    seed,
    own: effectText(p, own),
    ownAnswer: answerText(p, answerOf(p, own)),
    n: v.n,
    above: place.above,
    below: place.below,
  });
}

/** What an index means in growth: e^I is how many times as much form grew as substance, since the first year. */
export function indexReading(index: number): string {
  const ratio = exp(Math.abs(index));
  const value = signed(index, 2);
  if (ratio < 1.05) return say('index.reading.alike', { value });
  return say(index > 0 ? 'index.reading.form' : 'index.reading.substance', { value, ratio: ratio.toFixed(1), abs: Math.abs(index).toFixed(2) });
}
