// The draws of the identity check (lab/analysis/identity.ts): a calibration spec's free constants
// drawn uniformly from its priors, and every other input that a closed form of its targets could
// contain drawn over a declared range (IDENTITY_INPUTS), across scenarios that differ in their causes
// and preventions; each draw run on two seeds for the spec's months, so that the run-to-run noise
// sets how much any formula could explain. The spec's targets are read as it reads them, with the
// government share of SO revenue (Model 2.0's identity) beside them.
import { resolveParams, runScenario, type Params, type Scenario } from '../../sim/index.ts';
import { createRng } from '../random.ts';

export const IDENTITY_SCENARIOS = ['baseline-involution', 'full-prevention', 'money-alone', 'release-resources', 'partnership', 'changsha-2011'];

/** Inputs varied in every draw (when the spec does not fit them), over these ranges. */
export const IDENTITY_INPUTS: Record<string, [number, number]> = {
  altMarket: [0.02, 1],
  altMarketGrowth: [0, 0.15],
  budgetGrowth: [0, 0.1],
  pathDependence: [0, 1],
  dualManagement: [0, 1],
};

interface SpecLike {
  ticks: number;
  priors: Record<string, [number, number]>;
  targets: Record<string, { metric?: string; tick?: number; from?: number }>;
}

export interface IdentityDraws {
  scenarios: string[];
  inputs: Params[];
  /** Each target's value by its name, per draw and seed ([first seed's, second seed's]), then `govRevenueShare` (months 48–71) if it is not a target. */
  values: Record<string, [number[], number[]]>;
}

export function identityDraws(
  spec: SpecLike,
  draws: number,
  firstSeed: number,
  scenarioOf: (id: string) => Scenario,
  scenarios: readonly string[] = IDENTITY_SCENARIOS,
): IdentityDraws {
  const rng = createRng(firstSeed);
  const last = spec.ticks - 1;
  // Each target by its name (its key), read from its metric (the key, unless it names one in "metric").
  const reads: [string, string, number, number][] = Object.entries(spec.targets).map(([name, t]) => [
    name,
    t.metric ?? name,
    t.from ?? t.tick ?? last,
    t.tick ?? last,
  ]);
  if (!('govRevenueShare' in spec.targets)) reads.push(['govRevenueShare', 'govRevenueShare', Math.min(48, last), last]);
  const values: Record<string, [number[], number[]]> = Object.fromEntries(reads.map(([name]) => [name, [[], []]]));
  const ranges = { ...IDENTITY_INPUTS, ...spec.priors };
  const inputs: Params[] = [];
  for (let i = 0; i < draws; i++) {
    const scenario = scenarioOf(scenarios[i % scenarios.length]);
    const set = Object.fromEntries(Object.entries(ranges).map(([k, [lo, hi]]) => [k, lo + (hi - lo) * rng()]));
    inputs.push(resolveParams(scenario.params, { ...set, ticks: spec.ticks }));
    for (const j of [0, 1]) {
      const { series } = runScenario(scenario, firstSeed + 2 * i + j, { ticks: spec.ticks, set });
      for (const [name, m, from, tick] of reads) {
        const xs = series[m].slice(from, tick + 1);
        values[name][j].push(xs.reduce((a, b) => a + b, 0) / xs.length);
      }
    }
  }
  return { scenarios: [...scenarios], inputs, values };
}
