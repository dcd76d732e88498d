// Validation of Model 2.1 (docs/validation.md), apart from calibration: seeds 9001–9020, never
// used in development (1–1008) or calibration (calibration/model.json, seed 7), default size, read at
// 60, 120 and 240 months. Every comparison is paired on common seeds; every threshold is an effect
// size stated beside its assertion, not a significance level.
import { beforeAll, describe, expect, it } from 'vitest';
import { figureGrowth, FORM, growthSeries, indexScales, SUBSTANCE, type Series } from '../sim/index.ts';
import { pairedDifference } from '../lab/analysis/paired.ts';
import { mean, sd } from './helpers.ts';
import { cachedSeries } from './run-cache.ts';

const SEEDS = Array.from({ length: 20 }, (_, i) => 9001 + i);
const TICKS = 240;
const HORIZONS = [60, 120, 240];
const CAUSES = ['pathDependence', 'politicalRationality', 'dualManagement', 'asymmetricDependence'] as const;
const PREVENTIONS = ['clarify-applicability', 'release-resources', 'service-orientation', 'partnership', 'whole-process-supervision'] as const;
const runs = new Map<string, Series[]>();

function run(key: string, id: string, set: Record<string, number> = {}, ticks = TICKS): void {
  runs.set(key, cachedSeries(id, SEEDS, { ticks, set }));
}
/** A metric at month m (1-based: the value recorded at the end of month m), one value per seed. */
const at = (key: string, metric: string, m: number) => runs.get(key)!.map((s) => s[metric][m - 1]);
/** Paired mean difference b − a over the seeds. */
const diff = (a: string, b: string, metric: string, m: number) => {
  const x = at(a, metric, m), y = at(b, metric, m);
  return mean(y.map((v, i) => v - x[i]));
};

// One set-up per configuration (20 seeds each), each with its own time limit: the 15 together take
// minutes on a busy machine. The runs are cached on disk by a hash of the model's code and the
// scenarios (test/run-cache.ts), so a second run with the model unchanged reads them back.
const CONFIGURATIONS: [key: string, id: string, set?: Record<string, number>, ticks?: number][] = [
  ['baseline', 'baseline-involution'],
  ['money', 'money-alone'],
  ['prevention', 'full-prevention'],
  ['changsha', 'changsha-2011'],
  ['registration', 'direct-registration-2012'],
  ...CAUSES.map((c): [string, string, Record<string, number>] => [c, 'baseline-involution', { [c]: 0.2 }]),
  ...PREVENTIONS.map((p): [string, string] => [p, p]),
  ['proportional', 'proportional-growth'],
  // The world from its first month, without the inherited years: where the districts start alike.
  ['fromStart', 'baseline-involution', { spinUpYears: 0 }, 120],
];
const SET_UP_LIMIT = 600_000;
for (const [key, id, set, ticks] of CONFIGURATIONS) beforeAll(() => run(key, id, set, ticks), SET_UP_LIMIT);

describe('pattern 1: baseline involution', () => {
  it('grows purchase spending and projects by half or more in ten years, and the index is positive and rising at 60, 120 and 240 months', () => {
    for (const m of ['purchaseSpending', 'projectsActive']) {
      const ratio = mean(at('baseline', m, 120)) / mean(runs.get('baseline')!.map((s) => mean(s[m].slice(0, 12))));
      expect(ratio, m).toBeGreaterThanOrEqual(1.5);
    }
    const index = HORIZONS.map((m) => mean(at('baseline', 'involutionIndex', m)));
    // Effect sizes: above 0.1 at five years (the index's resolution: a tenth more growth of form than
    // of substance), and at least 0.1 higher at each later horizon. Measured +0.15 ± 0.11 / +0.47 /
    // +1.27 at 60 / 120 / 240 months (sd over seeds; npm run validate). Before the inherited years
    // (docs/model.md §3) the start's settling added to it: +0.8 at five years, and this read 0.3.
    expect(index[0]).toBeGreaterThan(0.1);
    expect(index[1]).toBeGreaterThan(index[0] + 0.1);
    expect(index[2]).toBeGreaterThan(index[1] + 0.1);
  });

  it('comes from the officials: they cut ever smaller projects, and form outgrows substance', () => {
    // Granularity starts at 0.25 in every scenario; the baseline's officials raise it by at least 0.15 in
    // ten years (0.43 measured; each decision is now tried one year in three, the purchase share being
    // the third).
    expect(mean(at('baseline', 'projectGranularity', 120))).toBeGreaterThan(0.4);
    // Form outgrows substance by a tenth at five years and by more later (the index above).
    for (const m of HORIZONS) expect(mean(at('baseline', 'formGrowth', m))).toBeGreaterThan(mean(at('baseline', 'substanceGrowth', m)) + 0.1);
  });
});

describe('pattern 2: money alone deepens involution', () => {
  // A stronger central push (policyPush 0.35 against 0.15) works through the officials' purchase share,
  // one trial in three years: measured −0.01 / +0.02 / +0.15 at 60 / 120 / 240 months (+0.16 at 360,
  // npm run validate), so the early horizons hold it only as "not below the baseline".
  // With the inherited years it is weaker still: −0.003 / +0.028 / +0.044 / +0.089 at 60 / 120 / 240 /
  // 360 months, no interval excluding 0 (docs/validation.md §Known limits). So the test holds "not below
  // the baseline" and "more form than substance", not a rise of a given size.
  it('buys more, never reads below the baseline, and adds more form than substance by 20 years', () => {
    for (const m of [120, 240]) expect(diff('baseline', 'money', 'purchaseShare', m), `month ${m}`).toBeGreaterThan(0);
    for (const m of HORIZONS) expect(diff('baseline', 'money', 'involutionIndex', m), `month ${m}`).toBeGreaterThan(-0.05);
    expect(diff('baseline', 'money', 'involutionIndex', 240)).toBeGreaterThan(0);
    expect(diff('baseline', 'money', 'formGrowth', 240)).toBeGreaterThan(diff('baseline', 'money', 'substanceGrowth', 240));
  });

  it('reads no more substance than the baseline where it meets less need', () => {
    for (const m of HORIZONS) {
      if (diff('baseline', 'money', 'needsMet', m) < 0) expect(diff('baseline', 'money', 'substanceGrowth', m), `month ${m}`).toBeLessThan(0.05);
    }
  });
});

describe('pattern 3: prevention works as a package, at least half through substance', () => {
  it('ends at or below zero at 120 and 240 months, and far below the baseline at 60', () => {
    expect(mean(at('prevention', 'involutionIndex', 120))).toBeLessThanOrEqual(0);
    expect(mean(at('prevention', 'involutionIndex', 240))).toBeLessThanOrEqual(0);
    expect(diff('baseline', 'prevention', 'involutionIndex', 60)).toBeLessThan(-0.5);
  });

  it('gains in substance at least half of what it takes off the index', () => {
    for (const m of HORIZONS) {
      const drop = -diff('baseline', 'prevention', 'involutionIndex', m);
      const gain = diff('baseline', 'prevention', 'substanceGrowth', m);
      expect(gain, `month ${m}: substance gain ${gain} against index drop ${drop}`).toBeGreaterThanOrEqual(drop / 2);
    }
  });
});

describe('pattern 4: each cause matters, through its mechanism', () => {
  // Each cause at 0.2 (a reform at month 0: the inherited years keep the traditional regime) lowers the
  // index with the paired 95 % interval below zero, the criterion on the index's own scale (issue 19,
  // item 4; the 0.1 of Model 2.0 is withdrawn). Measured on these seeds (npm run validate, the index
  // of Model 2.1 with capability at the SOs' service per money): path dependence −0.12 / −0.08 /
  // −0.12, political rationality −0.55 / −0.82 / −1.30, dual management −0.16 / −0.20 / −0.21,
  // asymmetric dependence −0.13 / −0.10 / −0.17 at 60 / 120 / 240 months.
  for (const c of CAUSES) {
    it(`${c} at 0.2 lowers the index at 60, 120 and 240 months, the paired 95 % interval below zero`, () => {
      HORIZONS.forEach((m) => expect(pairedDifference(at('baseline', 'involutionIndex', m), at(c, 'involutionIndex', m)).high, `month ${m}`).toBeLessThan(0));
    });
  }

  it('lower path dependence → fewer awards inside the system, more function transfer and, the niche open, more independent SOs', () => {
    expect(diff('baseline', 'pathDependence', 'insideShare', 120)).toBeLessThan(-0.15);
    expect(diff('baseline', 'pathDependence', 'transferVolume', 120)).toBeGreaterThan(0);
    expect(diff('baseline', 'pathDependence', 'independentSOs', 240)).toBeGreaterThan(0);
  });

  it('lower political rationality → officials cut larger projects and demand less paperwork', () => {
    // −0.11 measured at 120 months (one granularity trial in three years).
    expect(diff('baseline', 'politicalRationality', 'projectGranularity', 120)).toBeLessThan(-0.08);
    expect(diff('baseline', 'politicalRationality', 'paperworkLoad', 120)).toBeLessThan(0);
  });

  it('lower asymmetric dependence → a smaller government share of SO revenue and more autonomy', () => {
    expect(diff('baseline', 'asymmetricDependence', 'govRevenueShare', 120)).toBeLessThan(-0.1);
    expect(diff('baseline', 'asymmetricDependence', 'soAutonomy', 120)).toBeGreaterThan(0.1);
  });

  it('lower dual management → fewer SOs waiting to register, SOs freed from their sponsors (more autonomy, less contract money to connected SOs) and more autonomous SO capability', () => {
    // +0.16 autonomy and −0.25 connected share at 120 months: lasting differences, since under an
    // unchanged rule a sponsored SO stays sponsored (sim/entry.ts).
    expect(diff('baseline', 'dualManagement', 'unregisteredSOs', 120)).toBeLessThan(0);
    expect(diff('baseline', 'dualManagement', 'soCapability', 120)).toBeGreaterThan(0);
    for (const m of [120, 240]) {
      expect(diff('baseline', 'dualManagement', 'soAutonomy', m), `month ${m}`).toBeGreaterThan(0.1);
      expect(diff('baseline', 'dualManagement', 'connectedMoneyShare', m), `month ${m}`).toBeLessThan(-0.15);
    }
  });
});

describe('single preventions', () => {
  // Three of the five lower the index at every horizon. Clarifying applicability moves money between
  // fields toward need: the need met rises at every horizon, and the index falls from ten years
  // (−0.03 / −0.08 / −0.04 here, the interval below 0 at 120 months); at five years its sign differs
  // between blocks of seeds (+0.003 on a referee's 211101–211120), so it is held from ten years
  // (docs/validation.md §Known limits). Releasing resources multiplies independent SOs of entrants'
  // skill: the sector grows in number, not in what it does with a yuan, so it reads no lower in ten
  // years and lower from twenty, as the service handed to autonomous SOs grows (the test below).
  for (const p of PREVENTIONS.filter((p) => p !== 'release-resources')) {
    const horizons = p === 'clarify-applicability' ? HORIZONS.filter((m) => m >= 120) : HORIZONS;
    it(`${p} lowers the index (paired mean change < 0 at ${horizons.join(', ')} months)`, () => {
      horizons.forEach((m) => expect(diff('baseline', p, 'involutionIndex', m), `month ${m}`).toBeLessThan(0));
    });
  }

  it('clarifying applicability works through need: the same purchase money serves more need-units at 60, 120 and 240 months, more of the need is met on every seed at 120', () => {
    HORIZONS.forEach((m) => {
      expect(diff('baseline', 'clarify-applicability', 'needUnitsServed', m), `month ${m}`).toBeGreaterThan(0);
      expect(diff('baseline', 'clarify-applicability', 'needsMet', m), `month ${m}`).toBeGreaterThan(0);
    });
    const base = at('baseline', 'needsMet', 120);
    at('clarify-applicability', 'needsMet', 120).forEach((v, i) => expect(v, `seed ${i}`).toBeGreaterThan(base[i]));
  });

  it('resource release alone: more competitive awards, bidders and independent SOs at once, but not better service per yuan; the index lower by 0.1 only at 20 years, through the function handed over', () => {
    expect(diff('baseline', 'release-resources', 'competitiveShare', 120)).toBeGreaterThan(0.05);
    expect(diff('baseline', 'release-resources', 'biddersPerTender', 120)).toBeGreaterThan(2);
    // Devolution works without clarity: the city's money no longer goes to its own SOs.
    expect(diff('baseline', 'release-resources', 'insideShare', 120)).toBeLessThan(-0.3);
    // +17 independent SOs at 120 months, entrants of lower skill: capability per need met no higher.
    expect(diff('baseline', 'release-resources', 'independentSOs', 120)).toBeGreaterThan(8);
    const level = (key: string) => at(key, 'soCapability', 120).map((c, i) => c / at(key, 'needUnitsServed', 120)[i]);
    expect(mean(level('release-resources'))).toBeLessThanOrEqual(mean(level('baseline')));
    // −0.16 at 240 months (+0.06 at 120), with the service by autonomous SOs +1.0 in log.
    expect(diff('baseline', 'release-resources', 'involutionIndex', 240)).toBeLessThan(-0.1);
    expect(diff('baseline', 'release-resources', 'transferVolume', 240)).toBeGreaterThan(0);
  });

  it('service orientation works through the officials: larger projects', () => {
    // −0.21 measured at 120 months.
    expect(diff('baseline', 'service-orientation', 'projectGranularity', 120)).toBeLessThan(-0.15);
  });

  it('partnership works through exploited dependence: more autonomy', () => {
    expect(diff('baseline', 'partnership', 'soAutonomy', 120)).toBeGreaterThan(0.05);
  });

  it('whole-process supervision works through outcomes: better service quality', () => {
    expect(diff('baseline', 'whole-process-supervision', 'serviceQuality', 120)).toBeGreaterThan(0);
  });
});

describe('held out of calibration', () => {
  it('direct registration (2012) raises registered-SO growth in the three years after it', () => {
    const growth = (key: string) => mean(runs.get(key)!.map((s) => mean(s.soGrowthRate.slice(36, 72))));
    expect(growth('registration') - growth('baseline')).toBeGreaterThan(0.01);
  });

  // Changsha's bonus is paid from the purchase budget (Model 2.1): the money set aside buys fewer
  // contracts, so coverage no longer rises (−0.004 measured at 120 months), while the need met rises
  // (+0.009), through quality (+0.020).
  it("Changsha's mechanisms raise the need met, quality and satisfaction while SOs stay 60–90 % government-funded", () => {
    for (const metric of ['needsMet', 'serviceQuality', 'satisfaction']) expect(diff('baseline', 'changsha', metric, 120), metric).toBeGreaterThan(0);
    const share = mean(at('changsha', 'govRevenueShare', 120));
    expect(share).toBeGreaterThan(0.6);
    expect(share).toBeLessThan(0.9);
  });
});

describe('lock-in that unfolds', () => {
  // Lock-in is the spread of the districts' inside shares beyond chance (insideShareSpread): a
  // district lets only about 5 projects itself in the first year, 29 by month 120 and 150 by month
  // 240, so the plain sd of the realized shares is largely chance early on (0.11 at month 12 at any λ).
  const spread = (key: string, m: number) => mean(at(key, 'insideShareSpread', m));
  const plainSpread = (key: string, m: number) =>
    mean(runs.get(key)!.map((s) => sd(Object.keys(s).filter((k) => k.startsWith('insideShare.d')).map((k) => s[k][m - 1]))));

  it('districts start alike and diverge: the spread of inside shares at month 12 is well below that at month 120', () => {
    // From the world's first month (no inherited years), where every district starts alike.
    expect(spread('fromStart', 12)).toBeLessThan(0.2 * spread('fromStart', 120));
    expect(plainSpread('fromStart', 12)).toBeLessThan(0.6 * plainSpread('fromStart', 120));
    // After the inherited years the districts enter month 0 already apart, and go on diverging
    // (measured beyond chance 0.19 at month 12 against 0.91 at 120).
    expect(spread('baseline', 12)).toBeLessThan(0.5 * spread('baseline', 120));
  });

  // Beyond chance, on these seeds (Model 2.1): 0.198 against 0.107 at month 120 (1.85×), 0.243 against
  // 0.100 at month 240 (2.43×), 3.9× at 360 (npm run validate). In 2.0 it was 2.1× at 120: with the
  // officials' purchase share growing more slowly than 2.0's logistic path, the district-let contracts
  // that carry lock-in accumulate later.
  it('reaches at least 1.5 times the spread seen at low path dependence at month 120, and twice at month 240', () => {
    expect(spread('baseline', 120)).toBeGreaterThan(1.5 * spread('pathDependence', 120));
    expect(spread('baseline', 240)).toBeGreaterThan(2 * spread('pathDependence', 240));
  });

  it('costs the city: districts locked further inside transfer less service to autonomous SOs (pooled over seeds, month 120)', () => {
    const pairs = runs.get('baseline')!.flatMap((s) =>
      Object.keys(s).filter((k) => k.startsWith('insideShare.d')).map((k) => [s[k][119], s[`functionTransfer.d${k.slice('insideShare.d'.length)}`][119]]),
    );
    const mx = mean(pairs.map((p) => p[0])), my = mean(pairs.map((p) => p[1]));
    const cov = mean(pairs.map(([x, y]) => (x - mx) * (y - my)));
    const r = cov / (sd(pairs.map((p) => p[0])) * sd(pairs.map((p) => p[1])));
    // Effect size: a clearly negative correlation, below −0.3.
    expect(r).toBeLessThan(-0.3);
  });
});

describe('the index', () => {
  it('reads near zero when money, need and the SO sector grow in proportion (proportional-growth), at every horizon', () => {
    // The budget, every category's need and the non-government market grow 3 % a year: purchase
    // spending 1.23 times its first year at month 120; the index +0.05/+0.06/−0.07/−0.10/−0.03 at
    // 24/60/120/240/360 months (npm run validate).
    const spending = runs.get('proportional')!.map((s) => s.purchaseSpending[119] / mean(s.purchaseSpending.slice(0, 12)));
    expect(mean(spending)).toBeGreaterThanOrEqual(1.2);
    for (const m of [24, ...HORIZONS]) expect(Math.abs(mean(at('proportional', 'involutionIndex', m))), `month ${m}`).toBeLessThan(0.1);
  });

  it('keeps the patterns with ε and the scales halved and doubled, and with fixed natural scales instead of each figure\'s own level', () => {
    const p = { districts: 6, citizens: 20_000, initialSOs: 40, initialPurchaseShare: 0.1, budgetCoverage: 0.1, fullTeamMoney: 2 };
    /** The index at month m from the six recorded figures: scale = max(own reference, a tenth of the natural scale) as the model has it, or the natural scale itself. */
    const index = (key: string, m: number, eps: number, scale: number, own: boolean) =>
      mean(runs.get(key)!.map((s) => {
        const g = [...FORM, ...SUBSTANCE].map((f, j) => {
          const natural = indexScales(p)[j] * scale;
          if (own) return growthSeries(s[f], natural, eps)[m - 1];
          const ref = mean(s[f].slice(0, 12));
          return figureGrowth(s[f][m - 1], ref, natural, eps);
        });
        return (g[0] + g[1] + g[2]) / 3 - (g[3] + g[4] + g[5]) / 3;
      }));
    for (const own of [true, false]) {
      for (const eps of [0.025, 0.05, 0.1]) {
        for (const scale of [0.5, 1, 2]) {
          const label = `${own ? 'own-level' : 'natural'} scales × ${scale}, ε ${eps}`;
          const base = index('baseline', 120, eps, scale, own);
          expect(base, label).toBeGreaterThan(0.3);
          expect(index('money', 240, eps, scale, own), label).toBeGreaterThan(index('baseline', 240, eps, scale, own));
          expect(index('prevention', 120, eps, scale, own), label).toBeLessThan(0);
          for (const c of CAUSES) expect(index(c, 120, eps, scale, own), `${label}, ${c}`).toBeLessThan(base);
        }
      }
    }
  });
});
