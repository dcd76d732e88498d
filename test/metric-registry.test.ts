import { describe, expect, it } from 'vitest';
import { createSim, DISTRICT_METRICS, METRIC_BY_NAME, METRIC_SPECS, METRICS, metricNames, metricSpec, resolveParams } from '../sim/index.ts';
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
});
