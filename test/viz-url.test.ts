// Links as the page reads them (viz/url.ts): every value in strict decimal digits and in range,
// bounded work and bounded messages whatever the link holds, and nothing dropped without a word.
import { describe, expect, it } from 'vitest';
import { TICKS } from '../sim/index.ts';
import { buildUrl, listedProblems, MAX_LINK_INTERVENTIONS, MAX_LINK_PROBLEMS, parseUrl } from '../viz/url.ts';

const keys = (search: string) => parseUrl(search).problems.map((p) => p.key);

describe('a link', () => {
  it('reads numbers in strict decimal digits only: 0x1, an empty value and 1e309 are problems, not 1, 0 and Infinity', () => {
    for (const value of ['0x1', '', '1e309', ' 0.5', 'Infinity']) {
      const { state, problems } = parseUrl(`?pathDependence=${encodeURIComponent(value)}`);
      expect(state.set.pathDependence, value).toBeUndefined();
      expect(
        problems.map((p) => p.key),
        value,
      ).toEqual(['url.value']);
    }
    expect(parseUrl('?pathDependence=0.25').state.set.pathDependence).toBe(0.25);
  });

  it('refuses a month of 400 digits (it read as Infinity, NaN in the charts), in a month or an intervention', () => {
    const digits = '9'.repeat(400);
    const month = parseUrl(`?month=${digits}`);
    expect(month.state.month).toBe(0);
    expect(month.problems.map((p) => p.key)).toEqual(['url.monthValue']);
    expect(String(month.problems[0].vars.value).length).toBeLessThan(100);
    const iv = parseUrl(`?iv=${digits}:partnership=0.9`);
    expect(iv.state.interventions).toEqual([]);
    expect(iv.problems.map((p) => p.key)).toEqual(['url.month']);
    expect(iv.state.interventions.every((c) => Number.isFinite(c.tick))).toBe(true);
  });

  it('says so when an intervention falls after the run, and does not keep it', () => {
    const { state, problems } = parseUrl('?scenario=baseline-involution&iv=12:partnership=0.9;99999:partnership=0.2');
    expect(state.interventions).toEqual([{ tick: 12, set: { partnership: 0.9 } }]);
    expect(problems).toEqual([{ key: 'url.month', vars: { value: '99999:partnership=0.2', max: TICKS.max - 1 } }]);
    const late = parseUrl('?scenario=baseline-involution&ticks=24&iv=12:partnership=0.9;30:partnership=0.2');
    expect(late.state.interventions).toEqual([{ tick: 12, set: { partnership: 0.9 } }]);
    expect(late.problems).toEqual([{ key: 'url.ivLate', vars: { months: '30', count: 1, last: 23 } }]);
  });

  it(`reads at most ${MAX_LINK_INTERVENTIONS} interventions; 4 000 are refused at once, counted`, () => {
    const many = Array.from({ length: 4000 }, (_, i) => `${i % 100}:partnership=0.5`).join(';');
    const { state, problems } = parseUrl(`?iv=${many}`);
    expect(state.interventions).toEqual([]);
    expect(problems).toEqual([{ key: 'url.ivTooMany', vars: { count: 4000, max: MAX_LINK_INTERVENTIONS } }]);
    const fine = Array.from({ length: MAX_LINK_INTERVENTIONS }, (_, i) => `${i % 100}:partnership=0.5`).join(';');
    expect(parseUrl(`?iv=${fine}`).state.interventions).toHaveLength(MAX_LINK_INTERVENTIONS);
  });

  it('repeats at most 60 characters of a bad key or value, and lists at most 10 problems', () => {
    const long = 'x'.repeat(100_000);
    const { problems } = parseUrl(`?${long}=1&pathDependence=${long}&scenario=${long}&tab=${long}&cmpMetric=${long}`);
    expect(problems).toHaveLength(5);
    for (const p of problems)
      for (const v of Object.values(p.vars)) if (typeof v === 'string' && v.startsWith('x')) expect(v).toBe(`${'x'.repeat(60)}… (100,000 characters)`);
    const bad = Array.from({ length: 50 }, (_, i) => `k${i}=1`).join('&');
    const all = parseUrl(`?${bad}`).problems;
    expect(all).toHaveLength(50);
    const text = listedProblems(
      all,
      (p) => String(p.vars.value),
      (n) => `and ${n} more`,
    );
    expect(text.split('; ')).toHaveLength(MAX_LINK_PROBLEMS + 1);
    expect(text.endsWith('; and 40 more')).toBe(true);
  });

  it('names what a tab or a compared outcome must be (not "one of ." with an empty list)', () => {
    expect(parseUrl('?tab=nope').problems[0].vars.allowed).toBe('explore, compare, lesson, experiment, diagnose');
    expect(String(parseUrl('?cmpMetric=nope').problems[0].vars.allowed)).toMatch(/^involutionIndex, /);
    expect(keys('?tab=compare')).toEqual([]);
  });

  it("carries Compare's results as cmpRun=1 with its settings, and refuses any other value", () => {
    const { state, problems } = parseUrl('?tab=compare&cmp=baseline-involution,money-alone&cmpSeeds=3&cmpRun=1');
    expect(problems).toEqual([]);
    expect(state.compareResults).toBe(true);
    expect(buildUrl(state)).toContain('&cmpRun=1');
    expect(buildUrl({ ...state, compareResults: false })).not.toContain('cmpRun');
    // Without settings of its own, the link's results are those of the default comparison (viz/main.ts).
    expect(parseUrl('?cmpRun=1').state.compareResults).toBe(true);
    expect(keys('?cmpRun=yes')).toEqual(['url.compare.run']);
    expect(parseUrl('?cmpRun=yes').state.compareResults).toBeUndefined();
  });
});
