// The held-out pattern of the calibration (docs/model.md §Calibration): the age distribution of
// registered SOs in January 2021. Never fitted; read by test/holdout.test.ts.
import { createSim, resolveParams, runSim, type Scenario } from '../../sim/index.ts';

/** Age bands in years, as the register's statistics give them: under 1, 1–3, 3–5, 5–10, over 10. */
export const AGE_BANDS = [
  { label: '< 1', from: 0, to: 1 },
  { label: '1–3', from: 1, to: 3 },
  { label: '3–5', from: 3, to: 5 },
  { label: '5–10', from: 5, to: 10 },
  { label: '> 10', from: 10, to: Infinity },
] as const;

/**
 * Registered SOs in January 2021, about 900 000, by years since registration (China Social
 * Organisation Network's statistics, reported by 公益时报 on 22 January 2021, as quoted in REVIEW.md):
 * 5.1, 15.3, 15.6, 29.5 and 24 万 in the bands above, as shares of their sum.
 */
export const PUBLISHED_AGES_2021 = normalise([5.1, 15.3, 15.6, 29.5, 24]);

/** Month of January 2021: month 0 is January 2012. */
export const JANUARY_2021 = 108;

function normalise(xs: number[]): number[] {
  const total = xs.reduce((a, b) => a + b, 0);
  return xs.map((x) => x / total);
}

/** Shares of the registered SOs alive at the start of `month` in each age band, for one run. */
export function registeredAgeShares(scenario: Scenario, seed: number, month = JANUARY_2021, set: Record<string, number> = {}): number[] {
  const params = resolveParams(scenario.params, { ...set, ticks: Math.max(month, 1) });
  const sim = createSim(
    params,
    seed,
    scenario.schedule.map(({ tick, set: s }) => ({ tick, set: s })),
  );
  runSim(sim, month);
  const t = sim.state.sos;
  const counts = AGE_BANDS.map(() => 0);
  for (let so = 0; so < t.n; so++) {
    if (!t.alive[so] || !t.registered[so]) continue;
    const years = (month - t.registeredAt[so]) / 12;
    const band = AGE_BANDS.findIndex((b) => years >= b.from && years < b.to);
    counts[band]++;
  }
  return normalise(counts);
}
