// MODEL.md §7, patterns 1, 2, 3 and 5: 120 months, default size, averaged over 20 seeds.
// Tolerances are stated beside each assertion; paired comparisons use common random numbers.
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario, type Series } from '../sim/index.ts';
import { mean, pairedT, scenario } from './helpers.ts';

const SEEDS = 20;
const runs: Record<string, Series[]> = {};
const at = (id: string, metric: string, tick = 119) => runs[id].map((s) => s[metric][tick]);
/** Mean of the first 12 months (the index's reference). */
const ref = (id: string, metric: string) => runs[id].map((s) => mean(s[metric].slice(0, 12)));

beforeAll(() => {
  for (const id of ['baseline-involution', 'money-alone', 'full-prevention', 'changsha-2011']) {
    runs[id] = Array.from({ length: SEEDS }, (_, i) => runScenario(scenario(id), i + 1).series);
  }
});

describe('pattern 1: baseline involution', () => {
  it('grows projects and purchase spending by half or more', () => {
    for (const m of ['projectsActive', 'purchaseSpending']) {
      expect(mean(at('baseline-involution', m)) / mean(ref('baseline-involution', m))).toBeGreaterThanOrEqual(1.5);
    }
  });

  it('changes function transfer, SO development and needs met by little', () => {
    // Tolerance: each within ±0.1 of its first-year level (all three are on a 0–1 scale).
    for (const m of ['functionTransfer', 'soDevelopment', 'needsMet']) {
      expect(Math.abs(mean(at('baseline-involution', m)) - mean(ref('baseline-involution', m)))).toBeLessThan(0.1);
    }
    // And substance growth is small beside form growth: under a third of it.
    expect(Math.abs(mean(at('baseline-involution', 'substanceGrowth')))).toBeLessThan(mean(at('baseline-involution', 'formGrowth')) / 3);
  });

  it('has a positive and rising involution index', () => {
    const i24 = mean(at('baseline-involution', 'involutionIndex', 24));
    const i60 = mean(at('baseline-involution', 'involutionIndex', 60));
    const i119 = mean(at('baseline-involution', 'involutionIndex'));
    expect(i24).toBeGreaterThan(0);
    expect(i60).toBeGreaterThan(i24);
    expect(i119).toBeGreaterThan(i60);
    expect(i119).toBeGreaterThan(0.5);
  });
});

describe('pattern 2: money alone deepens involution', () => {
  it('raises form further, not substance, and so the index', () => {
    const form = pairedT(at('baseline-involution', 'formGrowth'), at('money-alone', 'formGrowth'));
    const substance = pairedT(at('baseline-involution', 'substanceGrowth'), at('money-alone', 'substanceGrowth'));
    const index = pairedT(at('baseline-involution', 'involutionIndex'), at('money-alone', 'involutionIndex'));
    expect(form.diff).toBeGreaterThan(0.3);
    // Substance may move a little either way; tolerance: less than a third of the rise in form.
    expect(substance.diff).toBeLessThan(form.diff / 3);
    expect(index.diff).toBeGreaterThan(0.2);
    expect(index.t).toBeGreaterThan(3);
  });
});

describe('pattern 3: prevention works as a package', () => {
  it('grows substance clearly', () => {
    expect(mean(at('full-prevention', 'substanceGrowth'))).toBeGreaterThan(0.3);
    for (const m of ['functionTransfer', 'soDevelopment', 'needsMet']) {
      expect(pairedT(at('baseline-involution', m), at('full-prevention', m)).t).toBeGreaterThan(3);
    }
  });

  it('ends with the index at or below zero', () => {
    expect(mean(at('full-prevention', 'involutionIndex'))).toBeLessThanOrEqual(0);
  });
});

describe('pattern 5: Changsha', () => {
  it('raises coverage, quality and satisfaction against the baseline', () => {
    for (const m of ['coverage', 'serviceQuality', 'satisfaction']) {
      const { diff, t } = pairedT(at('baseline-involution', m), at('changsha-2011', m));
      expect(diff, m).toBeGreaterThan(0);
      expect(t, m).toBeGreaterThan(3);
    }
  });

  it('leaves SO revenue mostly governmental', () => {
    expect(mean(at('changsha-2011', 'govRevenueShare'))).toBeGreaterThan(0.6);
  });
});
