// The browser's experiment pieces that need no browser: Compare's spec and link settings, the
// Experiment tab's store key, and the form's draft of a spec (read and written field by field).
import { describe, expect, it } from 'vitest';
import { analyze, ExperimentResults, plannedRuns, resolveExperiment, runTask } from '../lab/index.ts';
import { analyses } from '../viz/experiment/analysis.ts';
import { COMPARE_DEFAULTS, compareSpec, parseCompare, writeCompare, type CompareConfig, type ConfigProblem } from '../viz/compare-config.ts';
import { designOf, list, num, setDesign, setInterventions, interventionRows, setScenarioRefs, type Draft } from '../viz/experiment/draft.ts';
import { canonical, experimentKey, hashText } from '../viz/experiment/key.ts';

describe("Compare's spec", () => {
  it('holds the sidebar: overrides in set, months in ticks, interventions; seeds 1 … n, every month', () => {
    const spec = compareSpec({ ...COMPARE_DEFAULTS, seeds: 3 }, { set: { pathDependence: 0.4, ticks: 24 }, interventions: [{ tick: 6, set: { partnership: 0.9 } }] });
    expect(spec).toEqual({
      description: 'Compare baseline-involution, full-prevention (baseline baseline-involution), from the explorer',
      scenarios: ['baseline-involution', 'full-prevention'], ticks: 24, seeds: [1, 2, 3], record: { every: 1 }, metrics: ['involutionIndex'],
      set: { pathDependence: 0.4 }, interventions: [{ tick: 6, set: { partnership: 0.9 } }],
    });
    const e = resolveExperiment(spec);
    expect(e.runs).toBe(6);
    expect(e.scenarios[1].schedule.at(-1)).toEqual({ tick: 6, set: { partnership: 0.9 } });
    // Nothing changed in the sidebar: neither field.
    expect(compareSpec(COMPARE_DEFAULTS, { set: {}, interventions: [] })).not.toHaveProperty('set');
  });

  it('offers only names of the metric registry: a misspelt one fails the typecheck, and the link refuses it', () => {
    // @ts-expect-error not a metric of the registry
    const misspelt: CompareConfig['metric'] = 'involutionIdx';
    const problems: ConfigProblem[] = [];
    expect(parseCompare(new URLSearchParams(`cmpMetric=${misspelt}`), problems)?.metric).toBe(COMPARE_DEFAULTS.metric);
    expect(problems).toEqual([{ key: 'cmpMetric', value: 'involutionIdx' }]);
  });

  it('goes into the link and back; bad values are named and the defaults kept', () => {
    const q = new URLSearchParams();
    const c: CompareConfig = { scenarios: ['money-alone', 'baseline-involution', 'full-prevention'], seeds: 7, metric: 'needsMet', baseline: 'money-alone' };
    writeCompare(q, c);
    const problems: ConfigProblem[] = [];
    expect(parseCompare(new URLSearchParams(q.toString()), problems)).toEqual(c);
    expect(problems).toEqual([]);
    expect(parseCompare(new URLSearchParams('seed=3'), problems)).toBeNull();
    const bad = parseCompare(new URLSearchParams('cmp=baseline-involution,nowhere&cmpSeeds=0&cmpMetric=tick&cmpBase=money-alone'), problems);
    expect(bad).toEqual(COMPARE_DEFAULTS);
    expect(problems.map((p) => p.key)).toEqual(['cmp', 'cmpSeeds', 'cmpMetric', 'cmpBase']);
  });
});

describe("the Experiment tab's store key", () => {
  const spec = { scenario: 'baseline-involution', seeds: 2, metrics: ['involutionIndex'], set: { citizens: 1000 } };
  it('is the same for the same experiment, whatever its description or output format', () => {
    const a = experimentKey(resolveExperiment(spec));
    expect(experimentKey(resolveExperiment({ ...spec, description: 'x', format: 'parquet' }))).toBe(a);
    expect(a).toMatch(/^[0-9a-f]{28}$/);
  });
  it('differs when a run would: a seed, a setting, the order of a grid', () => {
    const keys = [
      spec, { ...spec, seeds: 3 }, { ...spec, set: { citizens: 1001 } },
      { ...spec, vary: { partnership: [0, 1], pathDependence: [0, 1] } }, { ...spec, vary: { pathDependence: [0, 1], partnership: [0, 1] } },
    ].map((s) => experimentKey(resolveExperiment(s)));
    expect(new Set(keys).size).toBe(keys.length);
    expect(canonical(resolveExperiment(spec))).toContain('"version"');
    expect(hashText('a')).not.toBe(hashText('b'));
  });
});

describe("the form's draft", () => {
  it('reads numbers and lists as typed, keeping what is not a number for the check to name', () => {
    expect(num(' 0.5 ')).toBe(0.5);
    expect(num('1e3')).toBe(1000);
    expect(num('')).toBeUndefined();
    expect(num('ten')).toBe('ten');
    // The one number reader (lab/numbers.ts): 0x1 is not 1, 1e309 is not Infinity.
    expect(num('0x1')).toBe('0x1');
    expect(num('1e309')).toBe('1e309');
    expect(list('0, 0.5;1  2')).toEqual([0, 0.5, 1, 2]);
  });

  it('turns a grid into ranges and back, and keeps only the fields a design type has', () => {
    const d: Draft = { vary: { pathDependence: [0.2, 0.9, 0.5] } };
    const s = designOf(d);
    s.type = 'morris';
    s.samples = 4;
    setDesign(d, s);
    expect(d).toEqual({ design: { type: 'morris', samples: 4, ranges: { pathDependence: [0.2, 0.9] } } });
    const m = designOf(d);
    m.type = 'sobol';
    m.seed = 3;
    setDesign(d, m);
    expect(d.design).toEqual({ type: 'sobol', samples: 4, ranges: { pathDependence: [0.2, 0.9] } });
    const g = designOf(d);
    g.type = 'grid';
    setDesign(d, g);
    expect(d).toEqual({ vary: { pathDependence: [0.2, 0.9] } });
  });

  it('writes scenarios as the spec had them, and interventions grouped by month', () => {
    const d: Draft = { scenario: 'money-alone' };
    setScenarioRefs(d, ['baseline-involution']);
    expect(d).toEqual({ scenario: 'baseline-involution' });
    setScenarioRefs(d, ['baseline-involution', 'money-alone']);
    expect(d).toEqual({ scenarios: ['baseline-involution', 'money-alone'] });
    const iv: Draft = { interventions: [{ tick: 6, set: { partnership: 0.9, serviceOrientation: 0.5 } }, { tick: 3, set: { partnership: 0.1 } }] };
    const rows = interventionRows(iv);
    expect(rows).toHaveLength(3);
    setInterventions(iv, rows);
    expect(iv.interventions).toEqual([{ tick: 6, set: { partnership: 0.9, serviceOrientation: 0.5 } }, { tick: 3, set: { partnership: 0.1 } }]);
    setInterventions(iv, []);
    expect(iv).not.toHaveProperty('interventions');
  });
});

describe("the Experiment tab's analyses", () => {
  it("analyse a Morris design with several scenarios twice: each scenario's level, and each one's effect against the page's baseline (analyze --baseline)", () => {
    const e = resolveExperiment({
      scenarios: ['baseline-involution', 'full-prevention'], ticks: 12, seeds: 2, metrics: ['involutionIndex'], set: { citizens: 1000 },
      design: { type: 'morris', samples: 3, ranges: { pathDependence: [0, 1], partnership: [0, 1] } },
    });
    const results = new ExperimentResults(e);
    for (const run of plannedRuns(e)) results.add(run.run, runTask(e.scenarios, run));
    const list = analyses(e, results, 'involutionIndex', 'full-prevention');
    expect(list.map((a) => a.options)).toEqual([
      { method: 'morris', outcome: 'involutionIndex' },
      { method: 'morris', outcome: 'involutionIndex', baseline: 'full-prevention' },
    ]);
    const effect = list[1] as { result: { columns: string[]; rows: unknown[][] } };
    expect(effect.result).toEqual(analyze(e, results.summaryColumns(), { method: 'morris', outcome: 'involutionIndex', baseline: 'full-prevention' }));
    expect(effect.result.rows.map((r) => r.slice(0, 3))).toEqual([
      ['baseline-involution', 'full-prevention', 'pathDependence'],
      ['baseline-involution', 'full-prevention', 'partnership'],
    ]);
  });

  it('give every design a result: replications alone their spread, a grid its means (and paired differences with several scenarios), an LHS its binned means', () => {
    const base = { ticks: 6, seeds: 2, metrics: ['involutionIndex'], set: { citizens: 500 } };
    const cases: [object, string[]][] = [
      [{ ...base, scenario: 'baseline-involution' }, ['replications']],
      [{ ...base, scenarios: ['baseline-involution', 'full-prevention'] }, ['replications', 'paired']],
      [{ ...base, scenarios: ['baseline-involution', 'full-prevention'], record: { every: 3 }, vary: { pathDependence: [0, 1] } }, ['grid', 'paired']],
      [{ ...base, scenario: 'baseline-involution', design: { type: 'lhs', samples: 10, ranges: { pathDependence: [0, 1] } } }, ['lhs']],
    ];
    for (const [spec, methods] of cases) {
      const e = resolveExperiment(spec);
      const results = new ExperimentResults(e);
      for (const run of plannedRuns(e)) results.add(run.run, runTask(e.scenarios, run));
      const list = analyses(e, results, 'involutionIndex', 'baseline-involution');
      expect(list.map((a) => a.options.method)).toEqual(methods);
      for (const a of list) expect('result' in a && a.result.rows.length > 0).toBe(true);
    }
  });
});
