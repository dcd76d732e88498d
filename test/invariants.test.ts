import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PARAMS } from '../sim/index.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { runChecked } from './invariants.ts';

describe('invariants, every tick', () => {
  for (const sc of SCENARIOS) {
    it(`hold in ${sc.id}`, () => {
      // Scheduled scenarios: apply the schedule's end state too, via a second run with its overrides.
      expect(runChecked({ ...sc.params, ticks: 120 }, 5)).toEqual([]);
      for (const change of sc.schedule) expect(runChecked({ ...sc.params, ...change.set, ticks: 60 }, 6)).toEqual([]);
    });
  }
});

/** Random valid parameters: the extremes 0 and 1 (min and max) are drawn often. */
function paramArbitrary() {
  const unit = PARAMS.filter((p) => p.group !== 'world').map((p) => p.name);
  const value = fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true }));
  const record = Object.fromEntries(unit.map((n) => [n, value]));
  return fc.record({
    ...record,
    citizens: fc.integer({ min: 100, max: 3000 }),
    districts: fc.integer({ min: 1, max: 5 }),
    communitiesPerDistrict: fc.integer({ min: 1, max: 6 }),
    initialSOs: fc.integer({ min: 2, max: 60 }),
    ticks: fc.integer({ min: 1, max: 48 }),
    policyPush: value,
    ageingRate: fc.oneof(fc.constant(0), fc.constant(0.2), fc.double({ min: 0, max: 0.2, noNaN: true })),
    exitMonths: fc.integer({ min: 1, max: 36 }),
  });
}

describe('property: any valid parameters', () => {
  it('complete the run with every invariant holding', () => {
    fc.assert(
      fc.property(paramArbitrary(), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (params, seed) => {
        expect(runChecked(params as Record<string, number>, seed)).toEqual([]);
      }),
      { numRuns: 120, seed: 20261123 },
    );
  });

  it('complete with every unit parameter at 0 and at 1', () => {
    for (const v of [0, 1]) {
      const all = Object.fromEntries(PARAMS.filter((p) => p.group !== 'world').map((p) => [p.name, v]));
      expect(runChecked({ ...all, policyPush: v, citizens: 2000, ticks: 60 }, 9)).toEqual([]);
    }
  });
});
