// The guided story (story.html, viz/story/) says only what the model does: every claim of every
// step, run over seeds 1–20 (the step's setting against the baseline, paired by seed, at the last
// month), as the page runs it. Its links keep a step and the reader's choices; its explorer links
// open the same run in the explorer's share-link format.
import { describe, expect, it } from 'vitest';
import { PARAM_BY_NAME, resolveParams, SEED, type Series } from '../sim/index.ts';
import { findScenario } from '../scenarios/index.ts';
import { parseUrl } from '../viz/url.ts';
import { CLAIM_SEEDS, FIGURES, holds, PREVENTIONS } from '../viz/story/claims.ts';
import { explorerUrl, parseStoryUrl, storyUrl } from '../viz/story/link.ts';
import { BASELINE, STEPS, baselineValue, combinedRun, controlKey, defaultChoices, stepRun, type Run } from '../viz/story/steps.ts';
import { cachedSeries } from './run-cache.ts';

const runs = new Map<string, Series[]>();
function seriesOf(run: Run): Series[] {
  const key = JSON.stringify(run);
  if (!runs.has(key)) runs.set(key, cachedSeries(run.scenario, CLAIM_SEEDS, { set: run.set }));
  return runs.get(key)!;
}
const finals = (run: Run, metric: string) => seriesOf(run).map((s) => s[metric][s[metric].length - 1]);

describe('the story claims only what holds over seeds 1–20', { timeout: 900_000 }, () => {
  for (const [n, step] of STEPS.entries()) {
    for (const checked of step.checked) {
      if (!checked.claims.length) continue;
      it(`step ${n + 1} (${step.id}) at ${checked.value}: ${checked.text.en}`, () => {
        const run = stepRun(step, { ...defaultChoices(), [controlKey(step.control!)]: checked.value });
        expect(run).not.toEqual(BASELINE);
        for (const claim of checked.claims) {
          const result = holds(claim, finals(run, claim.metric), finals(BASELINE, claim.metric));
          expect(result.ok, `${JSON.stringify(claim)}: ${result.measured}`).toBe(true);
        }
      });
    }
  }
});

describe('the story', () => {
  it('has texts in English and Chinese, a label for every figure it shows, and controls that start at the baseline', () => {
    for (const step of STEPS) {
      for (const text of [step.title, step.idea, ...(step.source ? [step.source.text, step.source.cite] : []), ...step.checked.map((c) => c.text)]) {
        expect(text.en.length, step.id).toBeGreaterThan(0);
        expect(text.zh.length, step.id).toBeGreaterThan(0);
      }
      for (const m of [
        ...step.numbers,
        ...step.checked.flatMap((c) => c.claims.map((k) => k.metric)),
        ...(step.chart.kind === 'versus' ? [step.chart.metric] : []),
      ])
        expect(FIGURES[m], `${step.id}: ${m}`).toBeDefined();
      const c = step.control;
      if (c?.kind === 'slider') {
        const spec = PARAM_BY_NAME.get(c.param)!;
        expect(c.min).toBeGreaterThanOrEqual(spec.min);
        expect(c.max).toBeLessThanOrEqual(spec.max);
        // The baseline's value and every checked value are positions of the slider.
        for (const v of [baselineValue(c), ...step.checked.map((k) => k.value)])
          expect(parseStoryUrl(`?${c.param}=${v}`).problems, `${c.param}=${v}`).toEqual([]);
      }
    }
    expect(PREVENTIONS.map((p) => p.scenario)).toEqual(['none', ...PREVENTIONS.slice(1).map((p) => findScenario(p.scenario)!.id)]);
    expect(STEPS.length).toBeGreaterThanOrEqual(6);
    expect(STEPS.length).toBeLessThanOrEqual(8);
  });

  it('runs each choice in one run: the parameters of the choices do not overlap', () => {
    const owners = new Map<string, string>();
    for (const step of STEPS) {
      if (!step.control) continue;
      const values = step.control.kind === 'slider' ? [step.control.max] : step.control.kind === 'choice' ? PREVENTIONS.map((p) => p.scenario) : [1];
      for (const v of values) {
        const run = stepRun(step, { ...defaultChoices(), [controlKey(step.control)]: v });
        for (const name of Object.keys({ ...findScenario(run.scenario)!.params, ...run.set })) {
          expect(owners.get(name) ?? step.id, name).toBe(step.id);
          owners.set(name, step.id);
        }
      }
    }
    const all = { ...defaultChoices(), budgetGrowth: 0.05, pathDependence: 0.2, prevention: 'partnership', changsha: 1 };
    const run = combinedRun(all);
    expect(run.scenario).toBe('changsha-2011');
    expect(resolveParams(findScenario(run.scenario)!.params, run.set)).toMatchObject({
      budgetGrowth: 0.05,
      pathDependence: 0.2,
      partnership: 0.9,
      performanceFunding: 0.7,
    });
    expect(combinedRun(defaultChoices())).toEqual(BASELINE);
    expect(combinedRun({ ...defaultChoices(), prevention: 'full-prevention' })).toEqual({ scenario: 'full-prevention', set: {} });
  });

  it("keeps a step, the language, the seed and the reader's choices in its link, and says what it cannot read", () => {
    const state = { step: 4, lang: 'zh', seed: 7, choices: { ...defaultChoices(), pathDependence: 0.3, prevention: 'partnership', changsha: 1 } };
    expect(storyUrl(state)).toBe('?step=4&lang=zh&seed=7&pathDependence=0.3&prevention=partnership&changsha=1');
    expect(parseStoryUrl(storyUrl(state))).toEqual({ state, problems: [] });
    expect(storyUrl({ step: 1, lang: 'en', seed: SEED.default, choices: defaultChoices() })).toBe('?step=1');
    const bad = parseStoryUrl('?step=9&pathDependence=0.25&budgetGrowth=0.1&prevention=money-alone&changsha=yes&seed=x&lang=fr&other=1');
    expect(bad.state).toEqual({ step: 1, lang: 'en', seed: SEED.default, choices: defaultChoices() });
    expect(bad.problems.map((p) => p.key)).toEqual(['step', 'pathDependence', 'budgetGrowth', 'prevention', 'changsha', 'seed', 'lang', 'other']);
  });

  it('opens the same run in the explorer, in its share-link format', () => {
    for (const run of [BASELINE, { scenario: 'changsha-2011', set: { politicalRationality: 0.3, partnership: 0.9 } }]) {
      const url = explorerUrl(run, 12, 'zh');
      expect(url.startsWith('./index.html?')).toBe(true);
      const { state, problems } = parseUrl(url.slice(url.indexOf('?')));
      expect(problems).toEqual([]);
      expect(state).toMatchObject({ scenario: run.scenario, seed: 12, set: run.set, interventions: [], month: 0, lang: 'zh' });
    }
  });
});
