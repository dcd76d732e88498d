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
});
