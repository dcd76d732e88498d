// The lab core in memory, as the browser uses it (a spec object, runs of sim/ in this process, no
// file), against the built `involution-lab experiment` and `analyze` on the same specs: the same
// summary.csv and runs.csv to the byte, and the same analysis numbers. Small worlds keep it to seconds.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSim, resolveParams, runSim } from '../sim/index.ts';
import { findScenario } from '../scenarios/index.ts';
import { analysisCsv, analyze, ExperimentResults, fanOf, Fans, plannedRuns, resolveExperiment, runTask, SpecError, twinDifferences, type AnalyzeOptions, type Experiment } from '../lab/index.ts';
import { experimentFans, experimentReport, pairedExperimentFans } from '../lab/report/index.ts';
import { nodeDocument } from '../cli/report/dom.ts';

const BIN = join(import.meta.dirname, '..', 'bin', 'involution-lab.mjs');
const cli = (...args: string[]) => spawnSync('node', [BIN, ...args], { encoding: 'utf8' });
const tmp = mkdtempSync(join(tmpdir(), 'involution-lab-core-'));

const small = { set: { citizens: 1000 }, metrics: ['involutionIndex', 'needsMet'] };
const SPECS = {
  grid: { ...small, scenarios: ['baseline-involution', 'money-alone'], ticks: 18, seeds: 3, record: { every: 6 }, vary: { pathDependence: [0.3, 0.9], partnership: [0, 0.5] } },
  morris: { ...small, scenario: 'baseline-involution', ticks: 12, seeds: 2, design: { type: 'morris', samples: 3, levels: 4, ranges: { pathDependence: [0, 1], districts: [2, 6] } } },
  sobol: { ...small, scenario: 'baseline-involution', ticks: 12, seeds: 1, design: { type: 'sobol', samples: 4, ranges: { pathDependence: [0, 1], politicalRationality: [0, 1] } } },
  // The explorer's Compare: the sidebar's settings (set) and interventions, every month recorded.
  interventions: {
    ...small, scenarios: ['baseline-involution', 'full-prevention'], ticks: 15, seeds: [1, 2], record: { every: 1 }, set: { citizens: 1000, pathDependence: 0.4 },
    interventions: [{ tick: 4, set: { partnership: 0.9 } }, { tick: 9, set: { serviceOrientation: 0.5, partnership: 0.2 } }],
  },
};
type Name = keyof typeof SPECS;

/** What the CLI wrote for a spec: its directory. */
const dirs = {} as Record<Name, string>;
/** The same experiment run in memory. */
const memory = {} as Record<Name, { e: Experiment; results: ExperimentResults }>;

beforeAll(() => {
  for (const name of Object.keys(SPECS) as Name[]) {
    const file = join(tmp, `${name}.json`);
    writeFileSync(file, JSON.stringify(SPECS[name]));
    dirs[name] = join(tmp, name);
    const r = cli('experiment', file, '--out', dirs[name], '--workers', '2');
    expect(r.status, r.stderr).toBe(0);
    // The spec as the browser has it: an object, parsed from JSON.
    const e = resolveExperiment(JSON.parse(JSON.stringify(SPECS[name])));
    const results = new ExperimentResults(e);
    // Finished in any order (here: last first), written in run order.
    for (const run of plannedRuns(e).reverse()) results.add(run.run, runTask(e.scenarios, run));
    memory[name] = { e, results };
  }
});

const read = (name: Name, file: string) => readFileSync(join(dirs[name], file), 'utf8');

describe('lab/ in memory and the command line', () => {
  it.each(Object.keys(SPECS) as Name[])('%s: summary.csv and runs.csv byte for byte', (name) => {
    expect(memory[name].results.size).toBe(memory[name].e.runs);
    expect(memory[name].results.summaryCsv()).toBe(read(name, 'summary.csv'));
    expect(memory[name].results.runsCsv()).toBe(read(name, 'runs.csv'));
  });

  it('interventions: each scenario runs them after its own schedule, as the explorer does', () => {
    const { e, results } = memory.interventions;
    const spec = SPECS.interventions;
    const plain = resolveExperiment({ ...spec, interventions: undefined });
    // Without interventions the scenarios are the bundled ones, untouched.
    expect(plain.scenarios.map((s) => s.schedule)).toEqual(['baseline-involution', 'full-prevention'].map((id) => findScenario(id)!.schedule));
    const lines = results.summaryCsv().split('\n');
    plannedRuns(e).forEach((run, i) => {
      const scenario = findScenario(run.scenarioId)!;
      // The explorer's worker: the scenario's schedule, then the interventions.
      const sim = createSim(resolveParams(scenario.params, spec.set, { ticks: spec.ticks }), run.seed, [...scenario.schedule, ...spec.interventions]);
      runSim(sim);
      expect(lines[i + 1]).toBe([run.run, run.scenarioId, run.seed, ...spec.metrics.map((m) => sim.series[m].at(-1))].join(','));
    });
    // And they change the runs.
    const without = new ExperimentResults(plain);
    for (const run of plannedRuns(plain)) without.add(run.run, runTask(plain.scenarios, run));
    expect(without.summaryCsv()).not.toBe(results.summaryCsv());
  });

  it('lists every run with its scenario, seed and design point, as the CLI numbers them', () => {
    const { e } = memory.grid;
    const runs = plannedRuns(e);
    expect(runs).toHaveLength(24);
    const lines = read('grid', 'summary.csv').trim().split('\n').slice(1).map((l) => l.split(','));
    runs.forEach((r, i) => {
      expect(r.run).toBe(i);
      expect([String(r.run), r.scenarioId, String(r.seed), String(r.params.pathDependence), String(r.params.partnership)]).toEqual(lines[i].slice(0, 5));
    });
  });

  const cases: [Name, AnalyzeOptions, string[]][] = [
    ['morris', { method: 'morris', outcome: 'involutionIndex' }, []],
    ['sobol', { method: 'sobol', outcome: 'needsMet', resamples: 200, seed: 4 }, ['--resamples', '200', '--seed', '4']],
    ['grid', { method: 'paired', outcome: 'needsMet', baseline: 'money-alone' }, ['--baseline', 'money-alone']],
  ];
  it.each(cases)('%s: the analysis analyze writes, from the summary in memory', (name, options, flags) => {
    const r = cli('analyze', dirs[name], '--method', options.method, '--outcome', options.outcome, '--out', '-', ...flags);
    expect(r.status, r.stderr).toBe(0);
    const { e, results } = memory[name];
    const result = analyze(e, results.summaryColumns(), options);
    expect(analysisCsv(options.method, options.outcome, result)).toBe(r.stdout);
    expect(result.rows.length).toBeGreaterThan(0);
  });

  it('grid: the result over time analyze writes, from the runs in memory', () => {
    const r = cli('analyze', dirs.grid, '--method', 'grid', '--outcome', 'needsMet', '--out', '-');
    expect(r.status, r.stderr).toBe(0);
    const { e, results } = memory.grid;
    const result = analyze(e, results.summaryColumns(), { method: 'grid', outcome: 'needsMet' }, results.runsTable(['needsMet']));
    expect(analysisCsv('grid', 'needsMet', result)).toBe(r.stdout);
    // 2 scenarios × 4 points × months 0, 6, 12 and 17.
    expect(result.rows).toHaveLength(32);
  });

  it.each([['grid', 20], ['morris', 2]] as [Name, number][])('%s: the report built in memory, as the browser builds it, is the one involution-lab report writes', (name, charts) => {
    const r = cli('report', dirs[name]);
    expect(r.status, r.stderr).toBe(0);
    const { e, results } = memory[name];
    const html = experimentReport({
      experiment: e,
      summary: results.summaryColumns(),
      overTime: experimentFans(results),
      paired: pairedExperimentFans(results, e.scenarios[0].id),
      runs: e.design.type === 'grid' ? results.runsTable(e.metrics.slice(0, 3)) : undefined,
      document: nodeDocument(),
    });
    // Everything but the header's line of provenance (commit) and the manifest.
    const body = (page: string) => page.slice(page.indexOf('<section>'), page.indexOf('<section><h2>Manifest'));
    expect(body(html)).toBe(body(read(name, 'report.html')));
    // grid: 2 fans over time, 2 metrics × (2 charts against a parameter + 2 scenarios over time), 2 paired fans, 2 paired bar charts,
    // 2 metrics × 2 scenarios heatmaps, the robustness section's satisficing shares and regrets; morris: its 2 metrics' bars (final month only).
    expect(body(html).match(/<svg [^>]*class="chart"/g)).toHaveLength(charts);
    expect(html).toContain(`<h1>Experiment spec.json</h1>`);
  });

  it('a spec with problems: the same list the CLI prints, as a SpecError', () => {
    const bad = { scenario: 'nowhere', seeds: 2, metrics: ['involutionIndex', 'nothing'], set: { citizens: 1, seed: 3 } };
    const file = join(tmp, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const r = cli('experiment', file, '--out', join(tmp, 'bad'));
    expect(r.status).toBe(2);
    let err: unknown;
    try {
      resolveExperiment(bad);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SpecError);
    const problems = (err as SpecError).problems;
    expect(problems).toHaveLength(4);
    expect(r.stderr).toBe(`involution-lab: spec ${file} has 4 problems:\n${problems.map((p) => `  ${p}\n`).join('')}`);
  });

  it('the browser Compare summary is the report fans: mean and 5–95 % band, paired on seeds', () => {
    const runs = [Float64Array.of(1, 2, 3), Float64Array.of(3, 2, 1), Float64Array.of(2, 2, 8)];
    const fans = new Fans(['x'], 1, 1000);
    runs.forEach((r) => r.forEach((v, t) => fans.add(0, 0, t, v)));
    expect(fanOf(runs, 'x')).toEqual(fans.series(0)[0]);
    expect(fanOf(runs).mean).toEqual([2, 2, 4]);
    expect(fanOf(runs).low[2]).toBeCloseTo(1.2, 12);
    const base = new Map([[1, [1, 1]], [2, [2, 2]]]);
    const other = new Map([[2, [5, 6]], [7, [0, 0]], [1, [1, 3]]]);
    expect(twinDifferences(other, base).map((d) => [...d])).toEqual([[0, 2], [3, 4]]);
  });
});
