// The lessons (scenario files' `lesson`, viz/lessons.ts): each shows what it asks about, its verdict
// does not depend on the seed, and every sentence it can say reads correctly in both languages.
// - Every text a student reads (question, what to look for, the explanation revealed at the end)
//   names only figures the lesson shows: a table of the words that name each figure, in English and
//   Chinese, is checked against the lesson's charts, views, monitors, baseline and markers.
// - Each prediction's verdict, judged on the mean of seeds 1–20 (what the page runs), is stable —
//   its whole 95 % interval gives the same answer — and is the same on seeds 21–40; it is the answer
//   the lesson's texts state (EXPECTED).
// - Every sentence of every combination (lesson × prediction × predicted × actual answer × the
//   student's own run), in both languages, is rendered, checked and written to
//   artifacts/lesson-sentences.md to be read.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LESSON_VIEWS, type Scenario, type Series } from '../sim/index.ts';
import { METRIC_BY_NAME } from '../sim/metric-registry.ts';
import { findScenario, SCENARIOS } from '../scenarios/index.ts';
import { setLang, t, type MessageKey } from '../viz/i18n/index.ts';
import { EXPLORE_VIEWS } from '../viz/views/list.ts';
import {
  ANSWERS,
  answerOf,
  answerText,
  effectsOf,
  finalOf,
  indexReading,
  lessonPlan,
  lessonSeeds,
  ownText,
  predictedText,
  promptText,
  verdictOf,
  verdictText,
  type Answer,
  type LessonPlan,
  type Prediction,
  type Verdict,
} from '../viz/lessons.ts';
import { cachedSeries } from './run-cache.ts';

const ROOT = join(import.meta.dirname, '..');
const LESSONS = SCENARIOS.filter((s) => s.lesson);

/** What each lesson's predictions come to over seeds 1–20, as its texts say. */
const EXPECTED: Record<string, Answer[]> = {
  'baseline-involution': ['rise'],
  'money-alone': ['rise', 'flat'],
  'clarify-applicability': ['rise', 'rise'],
  'release-resources': ['rise', 'fall'],
  'service-orientation': ['fall', 'fall'],
  partnership: ['rise', 'fall'],
  'whole-process-supervision': ['fall', 'flat', 'rise'],
  'full-prevention': ['fall', 'rise'],
  'changsha-2011': ['flat', 'rise', 'rise'],
  'direct-registration-2012': ['rise', 'rise'],
  'reform-at-year-3': ['fall'],
  'proportional-growth': ['flat'],
};

/**
 * The words that name a figure, and what shows it: a view (`view:<name>`), a metric charted for a
 * prediction or shown as a monitor (`metric:<name>`), the baseline's band (`baseline`) or the
 * scenario's scheduled changes marked on every time axis (`schedule`).
 */
const FIGURES: { name: string; en: RegExp; zh: RegExp; shownBy: string[] }[] = [
  { name: 'the community map', en: /\bmap\b/i, zh: /地图/, shownBy: ['view:map'] },
  { name: 'the contract network', en: /network/i, zh: /网络/, shownBy: ['view:network'] },
  { name: 'the SO population', en: /population|squares|circles|\bdots\b/i, zh: /分布图|方形|圆形|圆点/, shownBy: ['view:sos'] },
  { name: 'form against substance', en: /form against substance/i, zh: /形式与实质/, shownBy: ['view:form-substance'] },
  { name: 'the baseline', en: /baseline/i, zh: /基线/, shownBy: ['baseline'] },
  { name: 'a marked change', en: /\bmark/i, zh: /标记/, shownBy: ['schedule'] },
  { name: 'the index', en: /\bindex\b/i, zh: /指数/, shownBy: ['metric:involutionIndex', 'view:index'] },
  { name: 'spending', en: /spending/i, zh: /支出/, shownBy: ['metric:purchaseSpending', 'view:form-substance'] },
  { name: 'projects', en: /project/i, zh: /项目/, shownBy: ['metric:projectsActive', 'view:form-substance'] },
  { name: 'paperwork', en: /paperwork/i, zh: /文牍/, shownBy: ['metric:paperworkLoad', 'metric:paperworkShare', 'view:form-substance'] },
  {
    name: 'the need met',
    en: /needs? met/i,
    zh: /需求满足|满足的需求/,
    shownBy: ['metric:needsMet', 'metric:needUnitsServed', 'view:form-substance', 'view:map'],
  },
  { name: 'coverage', en: /coverage/i, zh: /覆盖/, shownBy: ['metric:coverage'] },
  { name: 'service quality', en: /quality/i, zh: /质量/, shownBy: ['metric:serviceQuality'] },
  { name: 'satisfaction', en: /satisf/i, zh: /满意/, shownBy: ['metric:satisfaction'] },
  { name: 'autonomy', en: /autonom/i, zh: /自主/, shownBy: ['metric:soAutonomy', 'view:sos', 'view:form-substance'] },
  { name: 'capacity', en: /capacit|capabilit/i, zh: /能力/, shownBy: ['metric:soCapability', 'metric:soCapacity', 'view:form-substance', 'view:sos'] },
  { name: 'independent SOs', en: /independent/i, zh: /独立/, shownBy: ['metric:independentSOs', 'view:sos', 'view:network'] },
  {
    name: 'affiliated SOs',
    en: /affiliated|inside the system/i,
    zh: /挂靠|体制内/,
    shownBy: ['metric:affiliatedSOs', 'metric:insideShare', 'view:sos', 'view:network'],
  },
  { name: 'competitive awards', en: /competiti|tender/i, zh: /竞争|招标/, shownBy: ['metric:competitiveShare', 'metric:biddersPerTender', 'view:network'] },
  { name: 'bidders', en: /bidder/i, zh: /投标/, shownBy: ['metric:biddersPerTender'] },
  { name: 'revenue', en: /revenue/i, zh: /收入/, shownBy: ['metric:govRevenueShare', 'view:sos'] },
  { name: 'the purchase share', en: /share of the budget|purchase share/i, zh: /购买比例|占预算/, shownBy: ['metric:purchaseShare'] },
  { name: 'function transfer', en: /function transfer/i, zh: /职能转移/, shownBy: ['metric:functionTransfer', 'metric:transferVolume', 'view:form-substance'] },
];

/** Everything a lesson shows while its run plays. */
function shownBy(s: Scenario, plan: LessonPlan): Set<string> {
  return new Set([
    ...plan.views.map((v) => `view:${v}`),
    ...plan.predictions.map((p) => `metric:${p.metric}`),
    ...plan.monitors.map((m) => `metric:${m}`),
    ...(plan.baseline ? ['baseline'] : []),
    ...(s.schedule.length ? ['schedule'] : []),
  ]);
}

describe('lessons show what they ask about', () => {
  it('declare views the explorer has, metrics of the registry with a monitor’s words, and a bundled baseline', () => {
    expect([...LESSON_VIEWS]).toEqual(EXPLORE_VIEWS.map((v) => v.name));
    for (const s of LESSONS) {
      const plan = lessonPlan(s)!;
      expect(s.lesson!.predict, `${s.id}: every bundled lesson says what it asks`).toBeDefined();
      for (const m of plan.monitors) expect(t(`monitor.${m}` as MessageKey), `${s.id}: monitor ${m}`).not.toBe(`monitor.${m}`);
      if (plan.baseline) expect(findScenario(plan.baseline), s.id).toBeDefined();
    }
  });

  for (const s of LESSONS) {
    it(`${s.id}: its question, what to look for and its explanation name only what it shows, in English and Chinese`, () => {
      const plan = lessonPlan(s)!;
      const shown = shownBy(s, plan);
      const missing: string[] = [];
      for (const lang of ['en', 'zh'] as const) {
        for (const [field, text] of [
          ['question', plan.question[lang]],
          ['lookFor', plan.lookFor[lang]],
          ['teaching', s.teaching[lang]],
        ] as const) {
          for (const f of FIGURES) {
            const hit = text.match(f[lang]);
            if (hit && !f.shownBy.some((by) => shown.has(by)))
              missing.push(`${lang} ${field} names ${f.name} ("${hit[0]}"), shown by none of ${f.shownBy.join(', ')}`);
          }
        }
      }
      expect(missing).toEqual([]);
    });
  }

  it('default a lesson file without predictions or views to the index against zero and form against substance', () => {
    const plan = lessonPlan({ ...LESSONS[0], lesson: { question: { en: 'Q?', zh: '问？' }, lookFor: { en: 'L', zh: '看' } } })!;
    expect(plan.predictions).toEqual([{ metric: 'involutionIndex', against: 'zero', within: 0.2 }]);
    expect(plan.views).toEqual(['form-substance']);
    expect(plan.baseline).toBeNull();
  });
});

describe('verdicts that do not depend on the seed', () => {
  const finals = new Map<string, Map<string, number[]>>();
  /** Final values of every metric over a block of seeds, from the pattern tests' run cache. */
  const block = (id: string, seeds: number[]) => {
    const key = `${id}@${seeds[0]}`;
    if (!finals.has(key)) {
      const runs: Series[] = cachedSeries(id, seeds);
      finals.set(key, new Map(Object.keys(runs[0]).map((m) => [m, runs.map((r) => finalOf(r[m]))])));
    }
    return finals.get(key)!;
  };
  const first = lessonSeeds();
  const second = first.map((s) => s + first.length);

  beforeAll(() => {
    for (const seeds of [first, second]) {
      for (const s of LESSONS) block(s.id, seeds);
      block('baseline-involution', seeds);
    }
  }, 900_000);

  const verdict = (s: Scenario, p: Prediction, seeds: number[]): Verdict => {
    const plan = lessonPlan(s)!;
    const base = p.against === 'baseline' ? block(plan.baseline!, seeds).get(p.metric)! : null;
    return verdictOf(p, effectsOf(p, block(s.id, seeds).get(p.metric)!, base));
  };

  for (const s of LESSONS) {
    it(`${s.id}: each prediction's verdict over seeds 1–20 is stable, the same over seeds 21–40, and the answer its texts state`, () => {
      const plan = lessonPlan(s)!;
      expect(plan.predictions.length).toBe(EXPECTED[s.id].length);
      plan.predictions.forEach((p, i) => {
        const v = verdict(s, p, first);
        const what = `${s.id} ${p.metric} against ${p.against}: mean ${v.mean.toFixed(4)}, 95 % interval ${v.ci.map((x) => x.toFixed(4)).join(' to ')}, ±${p.within}`;
        expect(v.n, what).toBe(20);
        expect(v.answer, what).toBe(EXPECTED[s.id][i]);
        expect(v.stable, what).toBe(true);
        expect(verdict(s, p, second).answer, `${what}; seeds 21–40`).toBe(v.answer);
      });
    });
  }

  it('judges symmetrically: a result above +within, below −within, or between', () => {
    const p: Prediction = { metric: 'involutionIndex', against: 'zero', within: 0.2 };
    expect([0.21, 0.2, 0, -0.2, -0.21].map((x) => answerOf(p, x))).toEqual(['rise', 'flat', 'flat', 'flat', 'fall']);
    const q: Prediction = { metric: 'projectsActive', against: 'baseline', within: 0.1 };
    // A count against the baseline: relative to the baseline's mean (here 100), so +15 is +15 %.
    expect(effectsOf(q, [115, 95], [100, 100])).toEqual([0.15, -0.05]);
    expect(verdictOf(q, effectsOf(q, [115, 95], [100, 100])).answer).toBe('flat');
  });
});

describe('every sentence a lesson can say', () => {
  /** A verdict giving `answer`, with numbers of the prediction's kind, `k` runs agreeing. */
  function fake(p: Prediction, answer: Answer, k: number): Verdict {
    const m = { rise: 3, flat: 0.4, fall: -3 }[answer] * p.within;
    return { answer, n: 20, mean: m, low: m - p.within, high: m + p.within, ci: [m, m], counts: { rise: 0, flat: 0, fall: 0, [answer]: k }, stable: true };
  }

  for (const lang of ['en', 'zh'] as const) {
    it(`reads correctly in ${lang === 'en' ? 'English' : 'Chinese'}: no doubled word, no unfilled argument, whole sentences`, () => {
      setLang(lang);
      const out: string[] = [`# Every sentence a lesson can say (${lang})`, ''];
      const problems: string[] = [];
      const check = (where: string, sentence: string) => {
        if (/[{}]|undefined|NaN|\bnull\b/.test(sentence)) problems.push(`${where}: unfilled: ${sentence}`);
        if (lang === 'en') {
          const doubled = sentence.match(/\b(\w+) \1\b/i);
          if (doubled) problems.push(`${where}: doubled "${doubled[0]}": ${sentence}`);
          if (!/^[A-Z]/.test(sentence)) problems.push(`${where}: not capitalised: ${sentence}`);
          if (!/[.:]$/.test(sentence)) problems.push(`${where}: no full stop: ${sentence}`);
          if (/\bit it\b|\bthe the\b|\ba a\b/i.test(sentence)) problems.push(`${where}: ${sentence}`);
        } else {
          if (!/[。：]$/.test(sentence)) problems.push(`${where}: no full stop: ${sentence}`);
          if (/[A-Za-z]{4,}/.test(sentence.replace(/SO|e\^/g, ''))) problems.push(`${where}: English words in Chinese: ${sentence}`);
        }
        out.push(`- ${sentence}`);
      };
      for (const s of LESSONS) {
        const plan = lessonPlan(s)!;
        out.push(`## ${s.id}`, '');
        plan.predictions.forEach((p, i) => {
          out.push(`### ${promptText(p)}`, '');
          for (const a of ANSWERS) out.push(`- (answer) ${answerText(p, a)}`);
          for (const predicted of ANSWERS) check(`${s.id} #${i} predicted ${predicted}`, predictedText(p, predicted));
          for (const predicted of ANSWERS) {
            for (const actual of ANSWERS) {
              for (const k of [1, 17]) {
                const v = fake(p, actual, k);
                for (const line of verdictText(p, predicted, v)) check(`${s.id} #${i} ${predicted}/${actual}/${k}`, line);
                // The student's own run: any answer, 0, 1 or many runs above it.
                for (const [own, above] of [
                  [v.mean, 1],
                  [-3 * p.within, 19],
                  [3 * p.within, 0],
                ] as const) {
                  check(`${s.id} #${i} own`, ownText(p, 7, own, v, { above, below: 19 - above }));
                }
              }
            }
          }
        });
      }
      out.push('## the index in words', '');
      for (const x of [1.08, 0.7, 0.2, 0.03, 0, -0.12, -0.48]) check(`index ${x}`, indexReading(x));
      for (const k of ['lesson.judged', 'lesson.saw', 'lesson.otherRuns', 'lesson.runsFailed'] as MessageKey[]) check(k, t(k, { n: 20, done: 7, total: 40 }));
      mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
      writeFileSync(join(ROOT, 'artifacts', `lesson-sentences-${lang}.md`), out.join('\n') + '\n');
      setLang('en');
      expect(problems).toEqual([]);
    });
  }

  it('says each answer with its threshold, in the unit of the metric', () => {
    setLang('en');
    const text = (metric: string, against: 'zero' | 'baseline', within: number) => ANSWERS.map((a) => answerText({ metric, against, within }, a));
    expect(text('involutionIndex', 'zero', 0.2)).toEqual(['above +0.2', 'between −0.2 and +0.2', 'below −0.2']);
    expect(text('coverage', 'baseline', 0.01)[1]).toBe('about the same as in the baseline (within 1 percentage point)');
    expect(text('projectsActive', 'baseline', 0.1)[0]).toBe('higher than in the baseline, by more than 10 %');
    expect(METRIC_BY_NAME.get('projectsActive')!.kind).toBe('count');
  });
});
