import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { insideShareSpread } from '../sim/metrics.ts';
import { createSim, DISTRICT_METRICS, METRIC_BY_NAME, METRIC_SPECS, METRICS, metricNames, metricSpec, missingUnits, PARAMS, resolveParams, unitIn } from '../sim/index.ts';
import { metricLabel } from '../lab/report/units.ts';

describe('metric registry', () => {
  it('is what a run records: every recorded column has an entry, every entry is recorded, in the registry\'s order', () => {
    const sim = createSim(resolveParams({ citizens: 600, districts: 3, ticks: 2 }), 4);
    sim.tick();
    const recorded = Object.keys(sim.series);
    expect(recorded).toEqual(metricNames(3));
    for (const column of recorded) expect(metricSpec(column), column).toBeDefined();
    const bases = new Set(recorded.map((c) => c.split('.')[0]));
    for (const m of METRIC_SPECS) expect(bases.has(m.name), m.name).toBe(true);
    for (const m of DISTRICT_METRICS) expect(recorded, m).toContain(`${m}.d2`);
    expect(sim.series.tick.length).toBeGreaterThan(0);
    for (const column of recorded) expect(sim.series[column], column).toHaveLength(sim.series.tick.length);
  });

  it('keeps the column order of every output (CSV, JSON, experiments) as it was', () => {
    expect(METRICS).toEqual([
      'tick',
      'involutionIndex', 'formGrowth', 'substanceGrowth', 'elasticity',
      'purchaseSpending', 'projectsActive', 'paperworkLoad', 'purchaseShare', 'paperworkShare', 'purchaseModes',
      'competitiveShare', 'insideShare', 'functionTransfer', 'soDevelopment', 'independentSOs', 'affiliatedSOs', 'unregisteredSOs', 'soGrowthRate', 'soExitRate',
      'soCapacity', 'soAutonomy', 'govRevenueShare', 'govRevenueShareSpread', 'revenueDiversity', 'biddersPerTender',
      'needsMet', 'coverage', 'serviceQuality', 'satisfaction',
      'moneyPaid', 'moneyReceived',
      'needUnitsServed', 'transferVolume', 'soCapability', 'projectGranularity', 'paperworkDemand', 'budget',
      // Added in 0.2.0, after every earlier column.
      'insideShareSpread',
      // Added in Model 2.1's behavioural calibration, after every earlier column.
      'failedTenderShare', 'connectedMoneyShare',
    ]);
    expect(DISTRICT_METRICS).toEqual(['involutionIndex', 'purchaseShare', 'projectsActive', 'competitiveShare', 'insideShare', 'functionTransfer',
      'needsMet', 'satisfaction', 'projectGranularity', 'paperworkDemand']);
  });

  it('gives every metric one entry with a kind, a unit, a label in English and Chinese and a meaning', () => {
    expect(METRIC_BY_NAME.size).toBe(METRIC_SPECS.length);
    for (const m of METRIC_SPECS) {
      expect(['month', 'share', 'count', 'amount', 'growth'], m.name).toContain(m.kind);
      expect(m.unit.length, m.name).toBeGreaterThan(2);
      expect(m.label.en, m.name).toMatch(/^[a-zA-Z]/);
      expect(m.label.zh, m.name).toMatch(/[\u4e00-\u9fff]/);
      expect(m.about, m.name).toMatch(/\.$/);
      expect(metricLabel(`${m.name}.d1`), m.name).toBe(`${m.name}.d1 (${m.unit})`);
    }
  });

  it("says every metric's and parameter's unit in Chinese too (sim/units.ts), as a chart's axis in Chinese shows it", () => {
    const units = [...METRIC_SPECS.map((m) => m.unit), ...PARAMS.map((p) => p.unit)];
    expect(missingUnits(units, 'zh'), 'add each to sim/units.ts').toEqual([]);
    for (const u of units.filter(Boolean)) expect(unitIn(u, 'zh'), u).toMatch(/[\u4e00-\u9fff]|^[\d\s−–/×]+/);
    expect(unitIn('share, 0–1', 'zh')).toBe('比例，0–1');
    expect(unitIn('share, 0–1', 'en')).toBe('share, 0–1');
    // A language without the units says them in English.
    expect(unitIn('share, 0–1', 'fr')).toBe('share, 0–1');
  });
});

describe('insideShareSpread (lock-in beyond chance)', () => {
  // Districts whose contracts are inside with chance p_d: n binomial draws each. The estimator must
  // read ≈ 0 when every district has the same p (the plain sd is then all chance) and recover the
  // sd of the p_d when they differ.
  const rng = seedrandom('spread');
  const draw = (ps: number[], n: number) => {
    const own = new Float64Array(ps.length).fill(n);
    const inside = new Float64Array(ps.map((p) => Array.from({ length: n }, () => (rng() < p ? 1 : 0)).reduce((a: number, b: number) => a + b, 0)));
    return insideShareSpread(own, inside);
  };
  const meanOf = (f: () => number, times: number) => Array.from({ length: times }, f).reduce((a, b) => a + b, 0) / times;

  it('reads about 0 when districts differ only by chance, where the plain sd of 10 contracts reads about 0.15', () => {
    expect(meanOf(() => draw(Array(40).fill(0.5), 10), 50)).toBeLessThan(0.05);
  });

  it('recovers a true spread between districts (sd 0.2) within 0.03, from 10 contracts each (the plain sd reads about 0.25)', () => {
    const ps = Array.from({ length: 40 }, (_, d) => (d % 2 === 0 ? 0.3 : 0.7));
    const truth = Math.sqrt((40 / 39) * 0.04);
    expect(Math.abs(meanOf(() => draw(ps, 10), 50) - truth)).toBeLessThan(0.03);
  });

  it('skips districts with fewer than two of their own projects, and needs two districts', () => {
    expect(insideShareSpread(new Float64Array([1, 0, 1]), new Float64Array([1, 0, 0]))).toBe(0);
    expect(insideShareSpread(new Float64Array([4, 1]), new Float64Array([4, 0]))).toBe(0);
    expect(insideShareSpread(new Float64Array([100, 100, 1]), new Float64Array([100, 0, 1]))).toBeGreaterThan(0.6);
  });
});
