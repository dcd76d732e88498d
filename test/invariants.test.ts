import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PARAMS, SEED } from '../sim/index.ts';
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

/** Every parameter a run may change, drawn over its whole range; the extremes are drawn often. */
const FREE = PARAMS.filter((p) => !('structural' in p && p.structural));
function paramArbitrary() {
  const record = Object.fromEntries(
    FREE.map((p) => [
      p.name,
      'integer' in p && p.integer ? fc.integer({ min: p.min, max: p.max }) : fc.oneof(fc.constant(p.min), fc.constant(p.max), fc.double({ min: p.min, max: p.max, noNaN: true })),
    ]),
  );
  return fc.record({
    ...record,
    citizens: fc.integer({ min: 100, max: 3000 }),
    districts: fc.integer({ min: 1, max: 5 }),
    communitiesPerDistrict: fc.integer({ min: 1, max: 6 }),
    initialSOs: fc.integer({ min: 2, max: 60 }),
    ticks: fc.integer({ min: 1, max: 48 }),
  });
}

describe('property: any valid parameters', () => {
  it('complete the run with every invariant holding', () => {
    fc.assert(
      fc.property(paramArbitrary(), fc.integer({ min: SEED.min, max: SEED.max }), (params, seed) => {
        expect(runChecked(params as Record<string, number>, seed)).toEqual([]);
      }),
      { numRuns: 120, seed: 20261123 },
    );
  });

  it('complete with every parameter at its minimum and at its maximum', () => {
    for (const end of ['min', 'max'] as const) {
      const all = Object.fromEntries(FREE.map((p) => [p.name, p[end]]));
      expect(runChecked({ ...all, citizens: 2000, ticks: 60 }, 9), end).toEqual([]);
    }
  });
});
