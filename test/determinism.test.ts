import { beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../scenarios/index.ts';
import { createSim, FORM, growthSeries, indexScales, resolveParams, runScenario, setSpinUpMemo, SUBSTANCE, type Overrides } from '../sim/index.ts';
import { expectSameState, scenario, stateSnapshot } from './helpers.ts';

/** Compare two series to the bit (Object.is: -0, NaN and every last digit count). */
function identical(a: Record<string, number[]>, b: Record<string, number[]>): boolean {
  const keys = Object.keys(a);
  if (keys.join() !== Object.keys(b).join()) return false;
  return keys.every((k) => a[k].length === b[k].length && a[k].every((v, i) => Object.is(v, b[k][i])));
}

describe('determinism', () => {
  // The model's own determinism: every run grows its inherited years, none starts from a world kept
  // by an earlier run (sim/spin-up-memo.ts; test/spin-up-memo.test.ts tests the memo).
  beforeAll(() => setSpinUpMemo(false));

  it('drops closed SOs’ rows once a year without changing the run by a bit', () => {
    // A world of heavy churn (closure after one month in the red, five times the core cost, almost no
    // money besides contracts), so that closed rows pile up and are dropped many times.
    const params = resolveParams(scenario('full-prevention').params, { citizens: 2000, ticks: 480, exitMonths: 1, fixedCostBase: 0.05, altMarket: 0.02 });
    const compacted = createSim(params, 5);
    const kept = createSim(params, 5);
    // The same model without its compaction step.
    const processes = kept.processes as unknown as { name: string }[];
    processes.splice(processes.findIndex((p) => p.name === 'compaction'), 1);
    for (let m = 0; m < 480; m++) {
      compacted.tick();
      kept.tick();
    }
    expect(identical(compacted.series, kept.series)).toBe(true);
    const alive = (n: number, a: Uint8Array) => a.subarray(0, n).reduce((x, y) => x + y, 0);
    expect(alive(compacted.state.sos.n, compacted.state.sos.alive)).toBe(alive(kept.state.sos.n, kept.state.sos.alive));
    // At a year's end closed rows never outnumber the living, and rows were dropped.
    const living = alive(compacted.state.sos.n, compacted.state.sos.alive);
    expect(compacted.state.sos.n - living).toBeLessThanOrEqual(living);
    expect(kept.state.sos.n).toBeGreaterThan(3 * compacted.state.sos.n);
  });

  it('brings every bundled scenario of a seed to month 0 through the same inherited years (whatever its policies), but one whose causes are its own', () => {
    const inherited = (params: Overrides) => stateSnapshot(createSim(resolveParams(params), 3), { series: false });
    const base = inherited({});
    expect(base.scalars[0], 'the world enters month 0').toBe(0);
    for (const sc of SCENARIOS) {
      // proportional-growth sets the causes, which are the place's (sim/sim.ts, inheritedRegime).
      if (sc.id === 'proportional-growth') expect(inherited(sc.params)['contracts.so'], sc.id).not.toEqual(base['contracts.so']);
      else expectSameState(inherited(sc.params), base);
    }
    // Without inherited years every scenario starts from the traditional portfolio of its first month.
    const portfolio = (params: Overrides) => {
      const sim = createSim(resolveParams(params, { spinUpYears: 0 }), 3);
      sim.tick();
      const c = sim.state.contracts;
      const rows: string[] = [];
      for (let i = 0; i < c.n; i++) if (c.active[i]) rows.push(`${c.buyer[i]} ${c.so[i]} ${c.cat[i]} ${c.firstCommunity[i]} ${c.payment[i]}`);
      return rows.join('\n');
    };
    expect(portfolio(scenario('full-prevention').params)).toBe(portfolio({}));
  });

  it('gives identical series, to the bit, for the same seed and parameters', () => {
    const a = runScenario(scenario('baseline-involution'), 7, { ticks: 60 });
    const b = runScenario(scenario('baseline-involution'), 7, { ticks: 60 });
    expect(identical(a.series, b.series)).toBe(true);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('gives a different run for a different seed', () => {
    const a = runScenario(scenario('baseline-involution'), 7, { ticks: 60 });
    const b = runScenario(scenario('baseline-involution'), 8, { ticks: 60 });
    expect(identical(a.series, b.series)).toBe(false);
    expect(a.series.needsMet).not.toEqual(b.series.needsMet);
  });

  it('applies a scheduled change at its tick, and not before', () => {
    const reform = scenario('direct-registration-2012');
    const at = reform.schedule[0].tick;
    const sim = createSim(resolveParams(reform.params), 3, reform.schedule);
    while (sim.state.tick < at) sim.tick();
    expect(sim.state.params.dualManagement).toBe(0.8);
    sim.tick();
    expect(sim.state.params.dualManagement).toBe(0.2);
    // Up to the change the run is the baseline's, to the bit; after it, it is not.
    const base = runScenario(scenario('baseline-involution'), 3, { ticks: 60 }).series;
    const scheduled = runScenario(reform, 3, { ticks: 60 }).series;
    for (const m of ['independentSOs', 'involutionIndex', 'needsMet']) {
      expect(scheduled[m].slice(0, at)).toEqual(base[m].slice(0, at));
    }
    expect(scheduled.independentSOs.slice(at)).not.toEqual(base.independentSOs.slice(at));
  });

  it('refuses a schedule that would change the size of the world', () => {
    expect(() => createSim(resolveParams({}), 1, [{ tick: 5, set: { citizens: 500 } }])).toThrow(/citizens cannot change/);
  });
});

describe('common random numbers', () => {
  it('lets two scenarios with one seed draw the same needs', () => {
    const a = createSim(resolveParams(scenario('baseline-involution').params), 11);
    const b = createSim(resolveParams(scenario('full-prevention').params), 11);
    expect(a.state.citizens.needCat).toEqual(b.state.citizens.needCat);
    expect(a.state.citizens.need).toEqual(b.state.citizens.need);
    // Policies differ, yet a citizen without a need in both runs gains the same need in both: her
    // draw of the month depends on the seed, the month and her alone (sim/needs.ts).
    let onsets = 0;
    for (let t = 0; t < 48; t++) {
      const free = Array.from(a.state.citizens.needCat, (k, i) => k < 0 && b.state.citizens.needCat[i] < 0);
      a.tick();
      b.tick();
      for (const [i, both] of free.entries()) {
        if (!both) continue;
        expect(a.state.citizens.needCat[i]).toBe(b.state.citizens.needCat[i]);
        if (a.state.citizens.needCat[i] >= 0) {
          expect(a.state.citizens.need[i]).toBe(b.state.citizens.need[i]);
          onsets++;
        }
      }
    }
    expect(a.series.serviceQuality).not.toEqual(b.series.serviceQuality);
    expect(onsets).toBeGreaterThan(1000);
  });

  it('draws different needs for different seeds', () => {
    const a = createSim(resolveParams({}), 11);
    const b = createSim(resolveParams({}), 12);
    expect(a.state.citizens.needCat).not.toEqual(b.state.citizens.needCat);
  });
});

describe('the figures behind the index', () => {
  it('growthSeries of the six figures, combined as the index does, reproduces formGrowth and substanceGrowth to the bit', () => {
    const { series, manifest } = runScenario(scenario('reform-at-year-3'), 3, { ticks: 60 });
    const scales = indexScales(manifest.params);
    const growth = [...FORM, ...SUBSTANCE].map((m, j) => growthSeries(series[m], scales[j], manifest.params.indexEpsilon));
    for (let i = 0; i < series.tick.length; i++) {
      let form = 0, substance = 0;
      for (let j = 0; j < 3; j++) form += growth[j][i] / 3;
      for (let j = 3; j < 6; j++) substance += growth[j][i] / 3;
      expect(Object.is(form, series.formGrowth[i]), `formGrowth at month ${i}`).toBe(true);
      expect(Object.is(substance, series.substanceGrowth[i]), `substanceGrowth at month ${i}`).toBe(true);
    }
  });
});
