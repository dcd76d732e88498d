// Specs resolve to the designs they describe: grids, Latin hypercubes, Saltelli and Morris designs,
// and the seeds of the replicates. In-process: no run of the model.
import { describe, expect, it } from 'vitest';
import { loadExperiment } from '../cli/experiment/experiment.ts';
import { taskOf } from '../lab/plan.ts';
import { GOOD_SPEC, specWriter } from './specs.ts';

const GOOD = GOOD_SPEC;
const specOf = specWriter('spec');

describe('designs', () => {
  it('a grid is the cartesian product, the first parameter slowest', () => {
    const e = loadExperiment(specOf({ ...GOOD, vary: { partnership: [0, 0.5], districts: [2, 4, 6] } }));
    expect(e.design.points).toEqual([[0, 2], [0, 4], [0, 6], [0.5, 2], [0.5, 4], [0.5, 6]]);
    expect(e.runs).toBe(12);
    expect(taskOf(e, 7)).toEqual({ run: 7, scenario: 0, seed: e.seeds[1], ticks: 24, set: { citizens: 1000, partnership: 0.5, districts: 2 } });
  });

  it('a Latin hypercube has one point per stratum and rounds integer parameters', () => {
    const e = loadExperiment(specOf({ ...GOOD, set: {}, design: { type: 'lhs', samples: 10, ranges: { citizens: [1000, 2000], policyPush: [0, 0.5] } } }));
    const citizens = e.design.points.map((p) => p[0]);
    expect(citizens.every((c) => Number.isInteger(c) && c >= 1000 && c <= 2000)).toBe(true);
    const strata = e.design.points.map((p) => Math.floor(p[1] / 0.05)).sort((a, b) => a - b);
    expect(strata).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Seeded: the same spec gives the same design.
    expect(loadExperiment(specOf({ ...GOOD, set: {}, design: { type: 'lhs', samples: 10, ranges: { citizens: [1000, 2000], policyPush: [0, 0.5] } } })).design).toEqual(e.design);
  });

  it('a Sobol design has N (k + 2) points; a Morris design moves one parameter at a time', () => {
    const sobol = loadExperiment(specOf({ ...GOOD, design: { type: 'sobol', samples: 8, ranges: { partnership: [0, 1], policyPush: [0, 0.5], pathDependence: [0, 1] } } }));
    expect(sobol.design.points).toHaveLength(8 * 5);
    const morris = loadExperiment(specOf({ ...GOOD, design: { type: 'morris', samples: 5, ranges: { partnership: [0, 1], initialSOs: [20, 60] } } }));
    const { points, changed } = morris.design;
    expect(points).toHaveLength(5 * 3);
    for (let i = 1; i < points.length; i++) {
      const moved = points[i].map((v, j) => (v !== points[i - 1][j] ? j : -1)).filter((j) => j >= 0);
      if (changed![i] >= 0) expect(moved).toEqual([changed![i]]);
    }
    expect(points.every((p) => Number.isInteger(p[1]))).toBe(true);
  });

  it("a design over a parameter's whole range stays inside it (0.3 + 1 × 0.55 would round to 0.8500000000000001)", () => {
    // maxDemand's range is [0.3, 0.85]: the Morris grid's top level used to land one ulp above it.
    const e = loadExperiment(specOf({ ...GOOD, design: { type: 'morris', samples: 6, ranges: { maxDemand: [0.3, 0.85], partnership: [0, 1] } } }));
    const tops = e.design.points.map((p) => p[0]);
    expect(tops).toContain(0.85);
    expect(Math.max(...tops)).toBe(0.85);
    expect(Math.min(...tops)).toBeGreaterThanOrEqual(0.3);
  });

  it('seeds: a count is hashed from the base seed; a list is used as given', () => {
    const a = loadExperiment(specOf({ ...GOOD, seeds: 5 })).seeds;
    const b = loadExperiment(specOf({ ...GOOD, seeds: 5, baseSeed: 2 })).seeds;
    expect(new Set([...a, ...b]).size).toBe(10);
    expect(loadExperiment(specOf({ ...GOOD, seeds: 5, baseSeed: 1 })).seeds).toEqual(a);
    expect(loadExperiment(specOf({ ...GOOD, seeds: [7, 3] })).seeds).toEqual([7, 3]);
  });
});
