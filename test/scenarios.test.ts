import { describe, expect, it } from 'vitest';
import { parseScenario, ScenarioError } from '../sim/index.ts';
import { bundledScenario } from '../sim/scenario.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { SCENARIOS } from '../scenarios/index.ts';

const BARE = { id: 'bare', title: { en: 'Bare', zh: '空' }, teaching: { en: 'T', zh: '讲' }, source: 's' };

describe('bundled scenario files', () => {
  const files = readdirSync('scenarios').filter((f) => f.endsWith('.json'));

  it('are valid, and read without the schema exactly as the schema reads them (fields, defaults, order)', () => {
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const raw = JSON.parse(readFileSync(`scenarios/${f}`, 'utf8'));
      expect(JSON.stringify(bundledScenario(raw)), f).toBe(JSON.stringify(parseScenario(raw, f)));
    }
  });

  it('are read in the schema’s order and with its defaults whatever the file’s order', () => {
    const lesson = {
      lookFor: { zh: '看', en: 'L' },
      question: { en: 'Q?', zh: '问？' },
      predict: [{ within: 0.2, against: 'zero', metric: 'involutionIndex' }],
    };
    const file = {
      lesson,
      schedule: [{ set: { policyPush: 0.3, budgetGrowth: 0.01 }, tick: 12, note: { zh: '注', en: 'n' } }],
      params: { policyPush: 0.2, budgetGrowth: 0.02, pathDependence: 0.5 },
      decisions: [{ demand: 0.1, grain: 0.2, purchaseShare: 0.3, district: 0, year: 1 }],
      ...BARE,
      seed: 5,
    };
    expect(JSON.stringify(bundledScenario(file))).toBe(JSON.stringify(parseScenario(file)));
    expect(JSON.stringify(bundledScenario(BARE))).toBe(JSON.stringify(parseScenario(BARE)));
  });
});

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
