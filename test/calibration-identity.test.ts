// The identity check (lab/analysis/identity.ts, `npm run identity`): is a calibration target a
// closed form of inputs? It must find the identity the referee found in Model 2.0's calibration —
// the government share of SO revenue is S/(S + 6A), A a closed form — and its pieces must do what
// they say on data whose answer is known.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adjustedR2, correlation, identityFit, IDENTITY_R2 } from '../lab/analysis/identity.ts';
import { identityDraws } from '../lab/analysis/identity-draws.ts';
import { createRng } from '../lab/random.ts';
import { scenario } from './helpers.ts';

describe('adjusted R² and the noise ceiling', () => {
  const rng = createRng(5);
  const X = Array.from({ length: 80 }, () => [rng(), rng(), rng()]);
  it('is about 1 for a closed form of the columns and about 0 for noise', () => {
    expect(
      adjustedR2(
        X.map(([a, b]) => 2 * a - b + 0.01 * rng()),
        X,
      ),
    ).toBeGreaterThan(0.99);
    expect(
      Math.abs(
        adjustedR2(
          X.map(() => rng()),
          X,
        ),
      ),
    ).toBeLessThan(0.1);
  });
  it('leaves out columns without variance', () => {
    expect(
      adjustedR2(
        X.map(([a]) => a),
        X.map(([a, b]) => [a, 7, b]),
      ),
    ).toBeCloseTo(1, 9);
  });
  it('measures the agreement of two noisy readings of one signal', () => {
    const signal = X.map(([a]) => a);
    expect(correlation(signal, signal)).toBeCloseTo(1, 12);
    const noisy = () => signal.map((x) => x + 0.3 * (rng() - 0.5));
    expect(correlation(noisy(), noisy())).toBeGreaterThan(0.6);
    expect(
      Math.abs(
        correlation(
          signal.map(() => rng()),
          signal,
        ),
      ),
    ).toBeLessThan(0.3);
  });
});

describe('the calibration targets against closed forms of inputs', () => {
  const spec = JSON.parse(readFileSync(new URL('../calibration/model.json', import.meta.url), 'utf8'));
  const draws = identityDraws(spec, 36, 31001, scenario);
  it("finds the government share of SO revenue an identity of inputs (Model 2.0's calibration target)", () => {
    const fit = identityFit(draws.values.govRevenueShare, draws.inputs);
    expect(fit.ceiling).toBeGreaterThan(0.9);
    expect(fit.explained).toBeGreaterThan(IDENTITY_R2);
  });
  it('reads each target on two seeds per draw, the inputs varied', () => {
    for (const [a, b] of Object.values(draws.values)) expect(a.length === 36 && b.length === 36 && a.some((x, i) => x !== b[i])).toBe(true);
    expect(new Set(draws.inputs.map((p) => p.altMarket)).size).toBe(36);
  });
});

describe("the model's calibration targets are not identities of inputs (issue 19, item 3)", () => {
  // 120 draws: with fewer, about 25 closed-form columns overfit the adjusted R² (36 draws read the
  // growth windows at 0.91 and 0.96). Measured on seeds 31001 and 41001 across the six scenarios:
  // growth 2012–2013 0.71 / 0.63, growth 2014–2015 0.74 / 0.68, failed tenders 0.83 / 0.87 of the
  // explainable variance; the government share, not a target, 0.98.
  const spec = JSON.parse(readFileSync(new URL('../calibration/model.json', import.meta.url), 'utf8'));
  const draws = identityDraws(spec, 120, 31001, scenario);
  it('explains none of them above the 0.9 line across the six scenarios, and finds the government share one', () => {
    const targets = Object.keys(spec.targets);
    expect(targets.length).toBeGreaterThanOrEqual(3);
    for (const name of targets) expect(identityFit(draws.values[name], draws.inputs).explained, name).toBeLessThan(IDENTITY_R2);
    expect(identityFit(draws.values.govRevenueShare, draws.inputs).explained).toBeGreaterThan(IDENTITY_R2);
  });
});
