// MODEL.md §7, pattern 4: weakening any one cause alone lowers the index, through the mechanism the
// paper names; and path dependence makes districts' histories diverge (non-ergodicity).
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario, type Series } from '../sim/index.ts';
import { pairedT, scenario, sd } from './helpers.ts';

const SEEDS = 20;
const WEAK = 0.2;
const CAUSES = ['pathDependence', 'politicalRationality', 'dualManagement', 'asymmetricDependence'] as const;
const runs: Record<string, Series[]> = {};
const at = (key: string, metric: string) => runs[key].map((s) => s[metric][s[metric].length - 1]);

beforeAll(() => {
  const base = scenario('baseline-involution');
  runs.baseline = Array.from({ length: SEEDS }, (_, i) => runScenario(base, i + 1).series);
  for (const c of CAUSES) runs[c] = Array.from({ length: SEEDS }, (_, i) => runScenario(base, i + 1, { set: { [c]: WEAK } }).series);
});

describe('pattern 4: each cause matters', () => {
  for (const c of CAUSES) {
    it(`weakening ${c} alone lowers the involution index`, () => {
      const { diff, t } = pairedT(at('baseline', 'involutionIndex'), at(c, 'involutionIndex'));
      expect(diff).toBeLessThan(0);
      expect(t).toBeLessThan(-2.5); // paired over 20 seeds
    });
  }

  const up = (c: string, metric: string) => expect(pairedT(at('baseline', metric), at(c, metric)).t, `${c} → ${metric}`).toBeGreaterThan(2.5);
  const down = (c: string, metric: string) => expect(pairedT(at('baseline', metric), at(c, metric)).t, `${c} → ${metric}`).toBeLessThan(-2.5);

  it('lower path dependence → more competitive awards and function transfer', () => {
    up('pathDependence', 'competitiveShare');
    up('pathDependence', 'functionTransfer');
  });

  it('lower political rationality → less paperwork and fewer, larger projects', () => {
    down('politicalRationality', 'paperworkLoad');
    down('politicalRationality', 'projectsActive');
    const size = (k: string) => runs[k].map((s) => s.purchaseSpending[119] / s.projectsActive[119]);
    expect(pairedT(size('baseline'), size('politicalRationality')).t).toBeGreaterThan(2.5);
  });

  it('lower asymmetric dependence → higher SO autonomy', () => {
    up('asymmetricDependence', 'soAutonomy');
  });

  it('lower dual management → more independent SOs registered', () => {
    up('dualManagement', 'independentSOs');
  });
});

describe('path dependence: non-ergodicity', () => {
  it('spreads districts’ inside shares across seeds more when λ is high', () => {
    const spread = (key: string) => sd(runs[key].flatMap((s) => Object.keys(s).filter((k) => k.startsWith('insideShare.d')).map((k) => s[k][119])));
    // Tolerance: the spread at λ = 0.8 is at least 1.8 times that at λ = 0.2.
    expect(spread('baseline')).toBeGreaterThan(1.8 * spread('pathDependence'));
  });
});

describe('resource release, measured by the bidders it lets in', () => {
  it('opens competitive tenders to more eligible bidders (biddersPerTender, last 12 months)', () => {
    const released = Array.from({ length: SEEDS }, (_, i) => runScenario(scenario('baseline-involution'), i + 1, { set: { resourceRelease: 0.9 } }).series);
    const bidders = (series: Series[]) => series.map((s) => s.biddersPerTender[119]);
    const { diff, t } = pairedT(bidders(runs.baseline), bidders(released));
    // Tolerance: at least two more bidders per tender on average, paired over 20 seeds.
    expect(diff).toBeGreaterThan(2);
    expect(t).toBeGreaterThan(2.5);
  });
});
