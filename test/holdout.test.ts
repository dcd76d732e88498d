import { describe, expect, it } from 'vitest';
import {
  AGE_BANDS,
  growth2012to2017,
  JANUARY_2021,
  PUBLISHED_AGES_2021,
  PUBLISHED_GROWTH_2012_2015,
  PUBLISHED_GROWTH_2016_2017,
  PUBLISHED_REFORM_RESPONSE,
  reformResponse,
  registeredAgeShares,
} from '../lab/analysis/holdout.ts';
import { scenario } from './helpers.ts';

// The calibration's Chinese patterns (docs/calibration.md), read on seeds no calibration or
// validation uses, in the calibration's own world (direct registration in 2014): held out, never
// fitted, the register's age in 2021 and growth in 2016–2017; fitted since Model 2.1, growth in
// 2012–2013 and 2014–2015 (two targets), read here at the registry's values.
const SEEDS = Array.from({ length: 10 }, (_, i) => 71001 + i);

function meanShares(set: Record<string, number> = {}): number[] {
  const runs = SEEDS.map((seed) => registeredAgeShares(scenario('direct-registration-2012'), seed, JANUARY_2021, set));
  return AGE_BANDS.map((_, j) => runs.reduce((a, r) => a + r[j], 0) / runs.length);
}

describe('held out: the age of registered SOs in January 2021', () => {
  const model = meanShares();

  it('reads the four younger bands within 0.1 of the register (5.7, 17.1, 17.4 and 33.0 % under 1, 1–3, 3–5 and 5–10 years)', () => {
    for (const [j, band] of AGE_BANDS.slice(0, 4).entries()) {
      expect(Math.abs(model[j] - PUBLISHED_AGES_2021[j]), `${band.label} years: model ${model[j].toFixed(3)}`).toBeLessThan(0.1);
    }
    expect(model.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('fails on the oldest band, as docs/calibration.md reports: more SOs over 10 years old than in the register (26.8 %) (old SOs survive more in the model)', () => {
    expect(model[4] - PUBLISHED_AGES_2021[4]).toBeGreaterThan(0.1);
  });

  it('has, as the register has, fewer SOs under 1 year than 1–3, fewer 3–5 than 5–10, and a majority over 5 years', () => {
    expect(model[0]).toBeLessThan(model[1]);
    expect(model[2]).toBeLessThan(model[3]);
    expect(model[3] + model[4]).toBeGreaterThan(0.5);
  });

  it('needs the inherited years: without them no registered SO is over 10 years old in 2021, and the pattern fails', () => {
    const bare = meanShares({ spinUpYears: 0 });
    expect(bare[4]).toBe(0);
    expect(Math.abs(bare[4] - PUBLISHED_AGES_2021[4])).toBeGreaterThan(0.15);
  });
});

// Seeds 71001–71010: growth in each year of 2012–2017 with the reform of 2014
// (direct-registration-2012) and without it (baseline-involution), paired by seed.
const withReform = SEEDS.map((seed) => growth2012to2017(scenario('direct-registration-2012'), seed));
const without = SEEDS.map((seed) => growth2012to2017(scenario('baseline-involution'), seed));
const year = (runs: number[][], j: number) => runs.reduce((a, r) => a + r[j], 0) / runs.length;

describe('held out: registered-SO growth after the reform settled (2016–2017)', () => {
  it("reads the two years' mean within 0.02 of the bulletins' (6.0 and 8.5 %: 7.25 %)", () => {
    // 7.8 and 6.3 % on these seeds (sd over seeds 2.6 points each).
    const model = (year(withReform, 4) + year(withReform, 5)) / 2;
    const published = (PUBLISHED_GROWTH_2016_2017[0] + PUBLISHED_GROWTH_2016_2017[1]) / 2;
    expect(Math.abs(model - published), `model ${model.toFixed(4)}`).toBeLessThan(0.02);
  });
});

describe('fitted: registered-SO growth around direct registration (2012–2015)', () => {
  it('responds to the reform: 2014–2015 grow faster than 2012–2013, by at least 0.02 more than on the same seeds without it', () => {
    const gains = withReform.map((g, i) => reformResponse(g) - reformResponse(without[i]));
    expect(gains.reduce((a, b) => a + b, 0) / gains.length).toBeGreaterThan(0.02);
  });

  it("fails on the size of the response, as docs/calibration.md reports: more than 2 points above the bulletins' +1.15 (nationwide, where provinces reformed at different times)", () => {
    const response = withReform.map(reformResponse).reduce((a, b) => a + b, 0) / withReform.length;
    expect(PUBLISHED_REFORM_RESPONSE).toBeCloseTo(0.0115, 10);
    expect(response - PUBLISHED_REFORM_RESPONSE).toBeGreaterThan(0.02);
  });

  it('reads the two years after the reform within 0.03 of the bulletins (10.8 and 9.2 %)', () => {
    for (const j of [2, 3])
      expect(Math.abs(year(withReform, j) - PUBLISHED_GROWTH_2012_2015[j]), `${2012 + j}: model ${year(withReform, j).toFixed(3)}`).toBeLessThan(0.03);
  });

  it('fails on the two years before it, as docs/calibration.md reports: 2012–2013 grow more slowly than the bulletins (8.1 and 9.6 %) by more than 0.015 (the nation had reforming provinces; the model city has none)', () => {
    const model = (year(withReform, 0) + year(withReform, 1)) / 2;
    const published = (PUBLISHED_GROWTH_2012_2015[0] + PUBLISHED_GROWTH_2012_2015[1]) / 2;
    expect(published - model).toBeGreaterThan(0.015);
  });
});
