// Chinese patterns read against the model (docs/calibration.md §The calibration of the model): held out, never fitted, the age
// distribution of registered SOs in January 2021 and registered-SO growth in 2016–2017; fitted since
// Model 2.1's two-window calibration, growth before and after direct registration in 2014.
// Read by test/holdout.test.ts.
import { runScenario, type Scenario, type Sim } from '../../sim/index.ts';

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
  let sim: Sim | undefined;
  runScenario(scenario, seed, { set, ticks: Math.max(month, 1), onTick: (x) => (sim = x) });
  const t = sim!.state.sos;
  const counts = AGE_BANDS.map(() => 0);
  for (let so = 0; so < t.n; so++) {
    if (!t.alive[so] || !t.registered[so]) continue;
    const years = (month - t.registeredAt[so]) / 12;
    const band = AGE_BANDS.findIndex((b) => years >= b.from && years < b.to);
    counts[band]++;
  }
  return normalise(counts);
}

/**
 * Registered SOs' yearly growth, 2012–2015 (Ministry of Civil Affairs statistical bulletins): 8.1,
 * 9.6, 10.8 and 9.2 %. The provinces brought in direct registration from 2012 (Guangdong) to 2015, most
 * in 2013–2014 after the State Council's plan of March 2013.
 */
export const PUBLISHED_GROWTH_2012_2015 = [0.081, 0.096, 0.108, 0.092] as const;

/**
 * The response to direct registration: mean yearly growth of registered SOs in the two years after it
 * (2014–2015) minus the two years before (2012–2013). Published, nationwide: +1.15 points; a nation
 * whose provinces reformed at different times responds less sharply than one city.
 */
export const PUBLISHED_REFORM_RESPONSE =
  (PUBLISHED_GROWTH_2012_2015[2] + PUBLISHED_GROWTH_2012_2015[3] - PUBLISHED_GROWTH_2012_2015[0] - PUBLISHED_GROWTH_2012_2015[1]) / 2;

/** Registered SOs' yearly growth in 2016 and 2017 (the same bulletins): 6.0 and 8.5 %. Held out. */
export const PUBLISHED_GROWTH_2016_2017 = [0.06, 0.085] as const;

/** Months at which soGrowthRate reads the years 2012–2017 (December of each). */
const DECEMBERS = [11, 23, 35, 47, 59, 71] as const;

/** Registered-SO growth in each year of 2012–2017 for one run (the rolling yearly growth read each December). */
export function growth2012to2017(scenario: Scenario, seed: number, set: Record<string, number> = {}): number[] {
  const series = runScenario(scenario, seed, { set, ticks: 72 }).series;
  return DECEMBERS.map((m) => series.soGrowthRate[m]);
}

/** The response to the reform in one run's growth: (2014 + 2015 − 2012 − 2013) / 2. */
export function reformResponse(growth: readonly number[]): number {
  return (growth[2] + growth[3] - growth[0] - growth[1]) / 2;
}
