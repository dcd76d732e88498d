// What "How it works" (docs/how/<lang>.md) tells a class the model does, checked against the model:
// each "thing to notice" and each answer a "thing to try" gives away, on the validation's seeds
// (9001–9020, never used in development) and its runs (the same cache keys as
// test/validation.test.ts: a warm cache reads them back). The page's numbers were measured on
// another block of seeds (31001–31020, with the command line); here each is held to a range around
// it, as an effect size, and each "on every seed" to every seed. Numbers quoted in comments are of
// Model 2.1 (autonomy drives the SOs' effort and paperwork response; counter-based needs draws).
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario, type Scenario, type Series } from '../sim/index.ts';
import { sketchRange } from '../viz/views/timeseries.ts';
import { mean, scenario } from './helpers.ts';
import { cachedSeries } from './run-cache.ts';

const SEEDS = Array.from({ length: 20 }, (_, i) => 9001 + i);
const TICKS = 240;
const runs = new Map<string, Series[]>();
const CONFIGURATIONS: [key: string, id: string, set?: Record<string, number>][] = [
  ['baseline', 'baseline-involution'],
  ['money', 'money-alone'],
  ['prevention', 'full-prevention'],
  ['changsha', 'changsha-2011'],
  ['changshaOwnRevenue', 'changsha-2011', { altRevenueSupport: 0.8 }],
  ['registration', 'direct-registration-2012'],
  ['reform', 'reform-at-year-3'],
  ['proportional', 'proportional-growth'],
  ...['clarify-applicability', 'release-resources', 'service-orientation', 'partnership', 'whole-process-supervision'].map((p): [string, string] => [p, p]),
  ...['pathDependence', 'politicalRationality', 'dualManagement', 'asymmetricDependence'].map((c): [string, string, Record<string, number>] => [
    c,
    'baseline-involution',
    { [c]: 0.2 },
  ]),
];
for (const [key, id, set = {}] of CONFIGURATIONS) beforeAll(() => void runs.set(key, cachedSeries(id, SEEDS, { ticks: TICKS, set })), 600_000);

/** A metric at month m (1-based, as the page counts), one value per seed. */
const at = (key: string, metric: string, m: number) => runs.get(key)!.map((s) => s[metric][m - 1]);
/** A metric's mean over year y (1-based), one value per seed. */
const year = (key: string, metric: string, y: number) => runs.get(key)!.map((s) => mean(s[metric].slice(12 * (y - 1), 12 * y)));
/** Paired mean difference b − a. */
const diff = (a: number[], b: number[]) => mean(b.map((v, i) => v - a[i]));
const INDEX = 'involutionIndex';

describe('"How it works": things to notice', () => {
  it('the baseline is involution: money doubles, projects nearly triple, paperwork more than doubles; need met hardly moves, quality falls; the index at zero in the first year, then rising every year, still small in the third (about +0.15), about +0.9 after ten years and above zero on every seed', () => {
    const growth = (m: string) => mean(year('baseline', m, 10)) / mean(year('baseline', m, 1));
    expect(growth('purchaseSpending')).toBeGreaterThan(1.7);
    expect(growth('purchaseSpending')).toBeLessThan(2.5);
    expect(growth('projectsActive')).toBeGreaterThan(2.5);
    expect(growth('projectsActive')).toBeLessThan(3.2);
    // "More than doubles": 2.35 times on seeds 31001–31020 (2.27 here).
    expect(growth('paperworkLoad')).toBeGreaterThan(2);
    expect(growth('paperworkLoad')).toBeLessThan(2.7);
    // "From about 16 % to 17 %": 16.4 % to 17.0 % on seeds 31001–31020 (16.3 % to 17.1 % here).
    expect(mean(year('baseline', 'needsMet', 1))).toBeGreaterThan(0.15);
    expect(mean(year('baseline', 'needsMet', 1))).toBeLessThan(0.175);
    expect(mean(year('baseline', 'needsMet', 10)) - mean(year('baseline', 'needsMet', 1))).toBeLessThan(0.025);
    expect(mean(year('baseline', 'serviceQuality', 10))).toBeLessThan(mean(year('baseline', 'serviceQuality', 1)));
    const yearly = Array.from({ length: 10 }, (_, y) => mean(year('baseline', INDEX, y + 1)));
    // "At zero in the first year; from then on it rises every year": −0.00, +0.10, +0.16, +0.29, … +0.88
    // by year on seeds 31001–31020 (−0.00, +0.08, +0.16, +0.30, … +0.80 here).
    expect(Math.abs(yearly[0])).toBeLessThan(0.04);
    yearly.slice(1).forEach((v, y) => expect(v, `year ${y + 2}`).toBeGreaterThan(yearly[y]));
    // "Still small in the third year (about +0.15)": +0.16 on both blocks of seeds.
    expect(yearly[2]).toBeGreaterThan(0.05);
    expect(yearly[2]).toBeLessThan(0.25);
    for (const v of at('baseline', INDEX, 120)) expect(v).toBeGreaterThan(0);
    // "About +0.9": +0.93 on seeds 31001–31020 (+0.84 here).
    expect(mean(at('baseline', INDEX, 120))).toBeGreaterThan(0.7);
    expect(mean(at('baseline', INDEX, 120))).toBeLessThan(1.1);
  });

  it('the index rises because form grows faster than substance: about +0.9 against about 0 after ten years', () => {
    // +0.94 on seeds 31001–31020 (+0.90 here).
    expect(mean(at('baseline', 'formGrowth', 120))).toBeGreaterThan(0.75);
    expect(mean(at('baseline', 'formGrowth', 120))).toBeLessThan(1.1);
    // +0.01 on seeds 31001–31020 (+0.06 here): the need met grows a little, the SOs' service per yuan
    // falls (with capability as staffed capacity, Model 2.1 read +0.14, Model 2.0 +0.36).
    expect(Math.abs(mean(at('baseline', 'substanceGrowth', 120)))).toBeLessThan(0.15);
  });

  it('all five preventions: as much money, fewer projects, little more than a third of the paperwork, more than twice as many independent SOs, more need met, better; the index below zero on every seed, about −0.9', () => {
    const d = (m: string) => diff(year('baseline', m, 10), year('prevention', m, 10));
    expect(Math.abs(d('purchaseSpending')) / mean(year('baseline', 'purchaseSpending', 10))).toBeLessThan(0.1);
    expect(d('projectsActive')).toBeLessThan(0);
    // "Little more than a third as much paperwork": −64 % on seeds 31001–31020 (−61 % here).
    expect(d('paperworkLoad') / mean(year('baseline', 'paperworkLoad', 10))).toBeLessThan(-0.52);
    expect(d('paperworkLoad') / mean(year('baseline', 'paperworkLoad', 10))).toBeGreaterThan(-0.72);
    // "More than twice as many independent SOs": 2.33 times on seeds 31001–31020 (2.44 here).
    expect(mean(year('prevention', 'independentSOs', 10)) / mean(year('baseline', 'independentSOs', 10))).toBeGreaterThan(2.05);
    expect(mean(year('prevention', 'independentSOs', 10)) / mean(year('baseline', 'independentSOs', 10))).toBeLessThan(3);
    expect(d('needsMet')).toBeGreaterThan(0.03);
    expect(d('serviceQuality')).toBeGreaterThan(0.05);
    for (const v of at('prevention', INDEX, 120)) expect(v).toBeLessThan(0);
    // "About −0.9": −0.92 on seeds 31001–31020 (−0.90 here).
    expect(mean(at('prevention', INDEX, 120))).toBeGreaterThan(-1.15);
    expect(mean(at('prevention', INDEX, 120))).toBeLessThan(-0.7);
  });

  it('one prevention alone: service orientation ends below zero on nearly every seed (about −0.3); each other one leaves the index above zero on average, partnership and supervision each lowering it by about 0.5, clarifying by about 0.1, releasing resources hardly at all in ten years though it brings many more independent SOs', () => {
    const final = (k: string) => mean(at(k, INDEX, 120));
    const drop = (k: string) => diff(at('baseline', INDEX, 120), at(k, INDEX, 120));
    const singles = ['clarify-applicability', 'release-resources', 'service-orientation', 'partnership', 'whole-process-supervision'];
    // "Below zero on nearly every seed": 20 of 20 on seeds 31001–31020 (19 here); "about −0.3": −0.26 (−0.30 here).
    expect(at('service-orientation', INDEX, 120).filter((v) => v < 0).length).toBeGreaterThanOrEqual(18);
    expect(final('service-orientation')).toBeGreaterThan(-0.5);
    expect(final('service-orientation')).toBeLessThan(-0.1);
    for (const k of singles.filter((k) => k !== 'service-orientation')) expect(final(k), k).toBeGreaterThan(0);
    const ranked = [...singles].sort((a, b) => final(a) - final(b));
    expect(ranked[0]).toBe('service-orientation');
    // "By about 0.5": partnership −0.52, supervision −0.50 on seeds 31001–31020 (−0.43, −0.46 here).
    for (const k of ['partnership', 'whole-process-supervision']) {
      expect(drop(k), k).toBeLessThan(-0.3);
      expect(drop(k), k).toBeGreaterThan(-0.65);
    }
    // "Clarifying by about 0.1": −0.12 on seeds 31001–31020 (−0.08 here).
    expect(drop('clarify-applicability')).toBeLessThan(-0.03);
    expect(drop('clarify-applicability')).toBeGreaterThan(-0.25);
    // "Releasing resources hardly at all": −0.04 on seeds 31001–31020 (+0.06 here), with +15 (+17)
    // independent SOs; each of the two far less than partnership or supervision.
    expect(Math.abs(drop('release-resources'))).toBeLessThan(0.15);
    expect(diff(at('baseline', 'independentSOs', 120), at('release-resources', 'independentSOs', 120))).toBeGreaterThan(8);
    for (const k of ['release-resources', 'clarify-applicability'])
      expect(drop(k), k).toBeGreaterThan(Math.max(drop('partnership'), drop('whole-process-supervision')));
    // "It lowers the index only later": at 240 months, −0.16 here.
    expect(diff(at('baseline', INDEX, 240), at('release-resources', INDEX, 240))).toBeLessThan(-0.05);
  });

  it('a reform at year 3: the index is still small at the reform (about +0.15), below zero within a few months of it, and ends even lower than full prevention (about −1.4 against −0.9), though meeting a little less need on most seeds', () => {
    for (const s of runs.get('reform')!) {
      const index = s[INDEX];
      // "Still small when the reform comes": −0.03 to +0.25 at month 36 on seeds 31001–31020, +0.08 to +0.36 here
      // (the mean +0.16 and +0.17, against +0.93 and +0.84 at the baseline's end).
      expect(index[35]).toBeLessThan(0.45);
      const below = index.findIndex((v, i) => i >= 36 && v <= 0) + 1;
      // "Below zero within a few months": 1 to 4 months after the reform on both blocks of seeds.
      expect(below).toBeGreaterThan(36);
      expect(below).toBeLessThanOrEqual(36 + 6);
    }
    expect(mean(at('reform', INDEX, 36))).toBeGreaterThan(0.05);
    expect(mean(at('reform', INDEX, 36))).toBeLessThan(0.25);
    // "Even lower than full prevention": −0.45 on seeds 31001–31020 (−0.49 here); "about −1.4": −1.37 (−1.39 here).
    for (const v of at('reform', INDEX, 120)) expect(v).toBeLessThan(0);
    expect(mean(at('reform', INDEX, 120))).toBeGreaterThan(-1.7);
    expect(mean(at('reform', INDEX, 120))).toBeLessThan(-1.1);
    expect(diff(at('prevention', INDEX, 120), at('reform', INDEX, 120))).toBeLessThan(-0.3);
    // "Only because it counts growth from the baseline's first year, when substance was smaller: it meets a little less need."
    expect(mean(year('reform', 'soCapability', 1))).toBeLessThan(mean(year('prevention', 'soCapability', 1)));
    // On 18 of seeds 31001–31020 (18 here), by 1.3 points (1.5 here).
    expect(diff(year('prevention', 'needsMet', 10), year('reform', 'needsMet', 10))).toBeLessThan(0);
    expect(year('reform', 'needsMet', 10).filter((v, i) => v < year('prevention', 'needsMet', 10)[i]).length).toBeGreaterThanOrEqual(15);
  });

  it('Changsha: need met, quality and satisfaction a little higher than the baseline, coverage not; the index lower on nearly every seed (about −0.3), above zero on every seed; SOs get about two thirds of their money from government', () => {
    const d = (m: string) => diff(year('baseline', m, 10), year('changsha', m, 10));
    for (const m of ['needsMet', 'serviceQuality', 'satisfaction']) {
      expect(d(m), m).toBeGreaterThan(0);
      expect(d(m), m).toBeLessThan(0.05);
    }
    expect(d('coverage')).toBeLessThanOrEqual(0);
    expect(mean(year('changsha', 'govRevenueShare', 10))).toBeGreaterThan(0.58);
    expect(mean(year('changsha', 'govRevenueShare', 10))).toBeLessThan(0.75);
    // "Lower on nearly every seed, by about 0.3": −0.34 in year 10 on 20 of seeds 31001–31020 (−0.23 on 19 here).
    expect(d(INDEX)).toBeLessThan(-0.12);
    expect(d(INDEX)).toBeGreaterThan(-0.4);
    const lower = year('changsha', INDEX, 10).filter((v, i) => v < year('baseline', INDEX, 10)[i]).length;
    expect(lower).toBeGreaterThanOrEqual(17);
    // "Still above zero on every seed": +0.58 on seeds 31001–31020 (+0.61 here), 20 of 20 on both.
    for (const v of at('changsha', INDEX, 120)) expect(v).toBeGreaterThan(0);
  });

  it('direct registration: more independent SOs after month 24 (about 72 against 63), more autonomous, more service handed over to them; the index lower on nearly every seed (about −0.25), still above zero', () => {
    // "About 72 against 63": 73.8 and 63.4 on seeds 31001–31020 (71.8 and 62.4 here).
    expect(diff(at('baseline', 'independentSOs', 120), at('registration', 'independentSOs', 120))).toBeGreaterThan(4);
    expect(mean(at('registration', 'independentSOs', 120))).toBeGreaterThan(66);
    expect(mean(at('registration', 'independentSOs', 120))).toBeLessThan(80);
    expect(mean(at('baseline', 'independentSOs', 120))).toBeGreaterThan(57);
    expect(mean(at('baseline', 'independentSOs', 120))).toBeLessThan(70);
    // Freed from their sponsors: autonomy +0.15, transfer volume +2.8 on seeds 31001–31020 (+0.15, +2.2 here).
    expect(diff(at('baseline', 'soAutonomy', 120), at('registration', 'soAutonomy', 120))).toBeGreaterThan(0.05);
    expect(diff(at('baseline', 'transferVolume', 120), at('registration', 'transferVolume', 120))).toBeGreaterThan(1);
    // "On nearly every seed the index ends lower (by about 0.25)": −0.28 on 20 of seeds 31001–31020 (−0.22 on 19 here).
    const drop = diff(at('baseline', INDEX, 120), at('registration', INDEX, 120));
    expect(drop).toBeLessThan(-0.15);
    expect(drop).toBeGreaterThan(-0.45);
    expect(at('registration', INDEX, 120).filter((v, i) => v < at('baseline', INDEX, 120)[i]).length).toBeGreaterThanOrEqual(18);
    for (const v of at('registration', INDEX, 120)) expect(v).toBeGreaterThan(0);
  });

  it('proportional growth: form and substance grow alike; the index stays near zero, the mean of the seeds within ±0.07 in every month (±0.1 here), each seed within about ±0.35 (±0.45 here)', () => {
    // Measured: substance − form at month 120 +0.025 (31001–31020) and −0.028 (9001–9020); the mean
    // within 0.036 and 0.047, each seed within 0.26 and 0.33.
    const gap = mean(at('proportional', 'substanceGrowth', 120)) - mean(at('proportional', 'formGrowth', 120));
    expect(Math.abs(gap)).toBeLessThan(0.1);
    expect(mean(at('proportional', 'formGrowth', 120))).toBeGreaterThan(0.2);
    for (let m = 1; m <= 120; m++) expect(Math.abs(mean(at('proportional', INDEX, m))), `month ${m}`).toBeLessThan(0.1);
    for (const s of runs.get('proportional')!) expect(Math.max(...s[INDEX].slice(0, 120).map(Math.abs))).toBeLessThan(0.45);
  });
});

describe('"How it works": the involution index', () => {
  it('moving money from in-house services to purchase (budget flat, share 10 % → 40 % over 20 years) meets more need than keeping the share, on every seed (about 18 % against 14 %), yet the index ends near +1.0 against near −0.2', () => {
    // Officials' decisions imposed (the classroom's), as a referee of Model 2.1 built it: the same
    // granularity and paperwork demand in both arms, SO effort learning off, the budget flat, so the
    // arms differ only in the share purchased. Measured on 31001–31020: need met 0.180 against 0.141
    // (every seed higher by at least 0.024), the index +1.00 against −0.22 (9001–9020: 0.182 against
    // 0.142, +0.95 against −0.22).
    const base = scenario('baseline-involution');
    const arm = (share: (y: number) => number) => ({
      ...base,
      decisions: Array.from({ length: 20 }, (_, year) =>
        Array.from({ length: 6 }, (_, district) => ({ year, district, purchaseShare: share(year), grain: 0.25, demand: 0.15 })),
      ).flat(),
    });
    const set = { budgetGrowth: 0, effortLearning: 0 };
    const end = (s: Scenario) => SEEDS.map((seed) => runScenario(s, seed, { ticks: TICKS, set }).series);
    const kept = end(arm(() => 0.1));
    const moved = end(arm((y) => 0.1 + (0.3 * y) / 19));
    const last = (runs: Series[], metric: string) => runs.map((s) => s[metric][TICKS - 1]);
    expect(mean(last(moved, 'purchaseShare'))).toBeCloseTo(0.4, 6);
    last(moved, 'needsMet').forEach((v, i) => expect(v, `seed ${SEEDS[i]}`).toBeGreaterThan(last(kept, 'needsMet')[i]));
    expect(mean(last(kept, 'needsMet'))).toBeGreaterThan(0.12);
    expect(mean(last(kept, 'needsMet'))).toBeLessThan(0.16);
    expect(mean(last(moved, 'needsMet'))).toBeGreaterThan(0.16);
    expect(mean(last(moved, 'needsMet'))).toBeLessThan(0.2);
    expect(mean(last(moved, INDEX))).toBeGreaterThan(0.7);
    expect(mean(last(moved, INDEX))).toBeLessThan(1.3);
    expect(mean(last(kept, INDEX))).toBeGreaterThan(-0.45);
    expect(mean(last(kept, INDEX))).toBeLessThan(-0.05);
  });
});

describe('"How it works": the answers things to try give away', () => {
  it('lowering one cause to 0.2: political rationality lowers the index most by far, each of the other three by about 0.1 to 0.25', () => {
    const drop = (c: string) => diff(at('baseline', INDEX, 120), at(c, INDEX, 120));
    const others = ['pathDependence', 'dualManagement', 'asymmetricDependence'];
    // −0.87 against −0.14, −0.25, −0.16 on seeds 31001–31020 (−0.82 against −0.08, −0.20, −0.10 here).
    for (const c of others) {
      expect(drop(c), c).toBeLessThan(-0.05);
      expect(drop(c), c).toBeGreaterThan(-0.4);
    }
    expect(drop('politicalRationality')).toBeLessThan(2 * Math.min(...others.map(drop)));
  });

  it('lowering one cause to 0.2: the need met hardly moves for the other three (the index falls through the service handed to SOs that run their own affairs); political rationality also raises it', () => {
    // Need met at 120 months, paired on seeds 9001–9020: −0.000 / −0.000 / +0.001 for path, dual and
    // asymmetric dependence; +0.024 for political rationality (npm run validate).
    const met = (c: string) => diff(at('baseline', 'needsMet', 120), at(c, 'needsMet', 120));
    for (const c of ['pathDependence', 'dualManagement', 'asymmetricDependence']) expect(Math.abs(met(c)), c).toBeLessThan(0.005);
    expect(met('politicalRationality')).toBeGreaterThan(0.01);
    const gain = (c: string, m: string) => diff(at('baseline', m, 120), at(c, m, 120));
    // Service by autonomous SOs +1.1 / +2.7 / +2.7 need-units here, while capability moves both ways
    // (−0.5 / +6.8 / −2.7).
    for (const c of ['pathDependence', 'dualManagement', 'asymmetricDependence']) expect(gain(c, 'transferVolume'), c).toBeGreaterThan(0);
  });

  it("Changsha with support for SOs' own revenue at 0.8: more independent SOs, more autonomous", () => {
    expect(diff(at('changsha', 'independentSOs', 120), at('changshaOwnRevenue', 'independentSOs', 120))).toBeGreaterThan(20);
    expect(diff(at('changsha', 'soAutonomy', 120), at('changshaOwnRevenue', 'soAutonomy', 120))).toBeGreaterThan(0.1);
  });

  it('over 240 months the baseline keeps rising; money alone ends with a larger purchase share, more money and more projects than it, no more need met and an index no lower', () => {
    expect(mean(at('baseline', INDEX, 240))).toBeGreaterThan(mean(at('baseline', INDEX, 120)) + 0.3);
    const d = (m: string) => diff(at('baseline', m, 240), at('money', m, 240));
    // +2.1 points, +22 money a month, +61 projects on seeds 31001–31020 (+2.5, +26, +124 here).
    expect(d('purchaseShare')).toBeGreaterThan(0.01);
    expect(d('purchaseSpending')).toBeGreaterThan(0);
    expect(d('projectsActive')).toBeGreaterThan(0);
    expect(d('needsMet')).toBeLessThan(0.002);
    // "No lower": +0.05 on seeds 31001–31020, its 95 % interval holding zero (+0.15 here).
    expect(d(INDEX)).toBeGreaterThan(0);
  });
});

describe("the blank handout's axis (viz/views/timeseries.ts, sketchRange)", () => {
  it('holds the index, form and substance of every bundled scenario over its ten years, on every seed, and is not more than twice the room they take', () => {
    const [lo, hi] = sketchRange(120);
    let reach = 0;
    for (const [key] of CONFIGURATIONS.filter(([, , set]) => !set)) {
      for (const s of runs.get(key)!) {
        for (const m of [INDEX, 'formGrowth', 'substanceGrowth']) {
          const v = s[m].slice(0, 120);
          expect(Math.min(...v), `${key} ${m}`).toBeGreaterThan(lo);
          expect(Math.max(...v), `${key} ${m}`).toBeLessThan(hi);
          reach = Math.max(reach, ...v.map(Math.abs));
        }
      }
    }
    expect(reach).toBeGreaterThan(hi / 2);
  });
});
