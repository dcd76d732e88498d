// What the index means (docs/model.md §7.11): growth of form against growth of the service citizens
// get. Proportional growth reads zero by construction; substitution of purchase for in-house supply at
// equal quality reads as involution, because substance counts the need met by all supply.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSim, IndexTracker, resolveParams } from '../sim/index.ts';
import { COST_WEIGHT } from '../sim/constants.ts';

const REF = 12;

/** Push 12 months of reference figures, then one month of `now`; returns that month's growth. */
function growth(ref: number[], now: number[], natural: number[], epsilon: number) {
  const t = new IndexTracker(natural, epsilon);
  for (let m = 0; m < REF; m++) t.push(ref);
  return t.push(now);
}

describe('the index’s definition', () => {
  it('scaling all six figures by one factor gives 0 (to rounding), whatever the factor, the figures and the smoothing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.1, max: 1e4, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.array(fc.double({ min: 1, max: 10, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 0.01, max: 0.2, noNaN: true }),
        (natural, over, factor, epsilon) => {
          // Each reference at or above a tenth of its natural scale, so that each figure is read against itself.
          const ref = natural.map((n, j) => 0.1 * n * over[j]);
          const g = growth(
            ref,
            ref.map((x) => factor * x),
            natural,
            epsilon,
          );
          expect(Math.abs(g.index)).toBeLessThan(1e-12);
          expect(g.form).toBeCloseTo(Math.log((factor + epsilon) / (1 + epsilon)), 12);
        },
      ),
    );
  });

  it('pure substitution at equal quality reads as involution: money, projects and paperwork double, the need met does not', () => {
    const natural = [10, 5, 2, 100, 20, 20];
    const ref = [10, 5, 2, 100, 20, 20];
    const g = growth(ref, [20, 10, 4, 100, 20, 20], natural, 0.05);
    expect(g.substance).toBeCloseTo(0, 12);
    expect(g.index).toBeGreaterThan(0.6);
  });
});

describe('substance is the service citizens get', () => {
  it('need-units met count in-house supply as they count purchase: they are the need met (needsMet) valued at the categories’ costs', () => {
    // With 2 % of the budget purchased, nearly all service is in-house; a count of purchased service
    // alone would be a small fraction of the need met.
    const sim = createSim(resolveParams({ citizens: 4000, initialPurchaseShare: 0.02, shareStep: 0, ticks: 24 }), 3);
    while (sim.state.tick < 24) {
      sim.tick();
      const t = sim.state.tick - 1;
      const needSum = sim.state.districts.needSum.reduce((a, b) => a + b, 0);
      const met = sim.series.needsMet[t] * needSum;
      expect(sim.series.needUnitsServed[t]).toBeGreaterThanOrEqual(Math.min(...COST_WEIGHT) * met * (1 - 1e-9));
      expect(sim.series.needUnitsServed[t]).toBeLessThanOrEqual(Math.max(...COST_WEIGHT) * met * (1 + 1e-9));
    }
  });

  it('SO capability is a service capacity: twice the SOs sharing the same contract money are not twice as capable (a head count would double)', () => {
    const run = (initialSOs: number) => {
      // In the world's first month (no inherited years), where the number of SOs is the one dealt out.
      const sim = createSim(resolveParams({ citizens: 4000, initialSOs, ticks: 1, spinUpYears: 0 }), 3);
      sim.tick();
      return { capability: sim.series.soCapability[0], independent: sim.series.independentSOs[0] };
    };
    const few = run(40),
      many = run(80);
    // Per independent SO, Σ skill × autonomy would stay about the same; the capacity per SO falls.
    expect(many.independent).toBeGreaterThan(1.5 * few.independent);
    expect(many.capability / many.independent).toBeLessThan(0.75 * (few.capability / few.independent));
  });
});
