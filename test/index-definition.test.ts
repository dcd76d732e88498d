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

  it("SO capability is the need met at the independent SOs' service per yuan: more money in their hands, or twice the SOs, is not more capability", () => {
    // In the world's first month (no inherited years), where the number of SOs and the purchase
    // share are the ones dealt out.
    const run = (initialSOs: number, initialPurchaseShare: number) => {
      const sim = createSim(resolveParams({ citizens: 4000, initialSOs, initialPurchaseShare, shareStep: 0, ticks: 1, spinUpYears: 0 }), 3);
      sim.tick();
      const t = sim.state.sos;
      let held = 0;
      for (let so = 0; so < t.n; so++) if (t.alive[so] && t.registered[so] && !t.affiliated[so]) held += t.held[so];
      const s = sim.series;
      return { capability: s.soCapability[0], level: s.soCapability[0] / s.needUnitsServed[0], independent: s.independentSOs[0], held };
    };
    // Substitution: three times the purchase share puts over three times the contract money in the
    // independent SOs' hands (29.5 → 98.8); capability does not rise (25.2 → 20.1, the level 0.362 →
    // 0.357). Counted as staffed capacity it rose with the money.
    const low = run(40, 0.1),
      high = run(40, 0.3);
    expect(high.held).toBeGreaterThan(2.5 * low.held);
    expect(high.capability).toBeLessThanOrEqual(low.capability);
    expect(Math.abs(high.level / low.level - 1)).toBeLessThan(0.05);
    // Twice the SOs dealt out, the same money: a head count would nearly double; capability moves by
    // a tenth (20.1 → 22.0, the level 0.357 → 0.387).
    const many = run(80, 0.3);
    expect(many.independent).toBeGreaterThan(1.5 * high.independent);
    expect(many.capability).toBeLessThan(1.2 * high.capability);
  });
});
