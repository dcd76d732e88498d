import { describe, expect, it } from 'vitest';
import { parseScenario, ScenarioError } from '../sim/index.ts';
import { SCENARIOS } from '../scenarios/index.ts';

const BARE = { id: 'bare', title: { en: 'Bare', zh: '空' }, teaching: { en: 'T', zh: '讲' }, source: 's' };

describe('scenario files: lessons', () => {
  it('give every bundled scenario a lesson, its question and what to look for in English and Chinese', () => {
    for (const s of SCENARIOS) {
      expect(s.lesson, s.id).toBeDefined();
      for (const text of [s.lesson!.question, s.lesson!.lookFor]) {
        expect(text.en.length, s.id).toBeGreaterThan(10);
        expect(text.zh, s.id).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('are optional: a scenario without one is valid', () => {
    expect(parseScenario(BARE).lesson).toBeUndefined();
  });

  it('are checked by the schema: a lesson without a Chinese question or with an unknown field is refused, naming the field', () => {
    const lesson = { question: { en: 'Q?', zh: '问？' }, lookFor: { en: 'L', zh: '看' } };
    expect(parseScenario({ ...BARE, lesson }).lesson).toEqual(lesson);
    expect(() => parseScenario({ ...BARE, lesson: { ...lesson, question: { en: 'Q?' } } })).toThrow(/field lesson\.question\.zh is missing/);
    expect(() => parseScenario({ ...BARE, lesson: { ...lesson, answer: 'rise' } })).toThrow(ScenarioError);
  });

  it('check what a lesson asks and shows: registry metrics, a growth alone against zero, the explorer’s views', () => {
    const lesson = { question: { en: 'Q?', zh: '问？' }, lookFor: { en: 'L', zh: '看' } };
    const asks = (predict: unknown[], more = {}) => parseScenario({ ...BARE, lesson: { ...lesson, predict, ...more } }).lesson;
    const full = {
      predict: [{ metric: 'coverage', against: 'baseline', within: 0.01 }],
      views: ['map'],
      monitors: ['coverage'],
      baseline: 'baseline-involution',
    };
    expect(parseScenario({ ...BARE, lesson: { ...lesson, ...full } }).lesson).toEqual({ ...lesson, ...full });
    expect(() => asks([{ metric: 'nope', against: 'zero', within: 0.2 }])).toThrow(/lesson\.predict\.0\.metric.*must be a metric of the registry/);
    expect(() => asks([{ metric: 'coverage', against: 'zero', within: 0.2 }])).toThrow(/only a growth .* is read against zero/);
    expect(() => asks([{ metric: 'involutionIndex', against: 'zero', within: 0 }])).toThrow(/lesson\.predict\.0\.within/);
    expect(() => asks([{ metric: 'involutionIndex', against: 'zero', within: 0.2 }], { views: ['pie'] })).toThrow(/lesson\.views\.0/);
    expect(() => asks([])).toThrow(/lesson\.predict/);
  });
});
