// Derived policy quantities: how causes and preventions combine (docs/model.md §7). One place, so that
// every process reads the same definitions. None of them sets a form figure: those come from the
// officials' decisions (sim/officials.ts) and the SOs' responses.
import { pow } from './math.ts';
import type { Params } from './params.ts';

export interface Effective {
  /** Effective political rationality π = politicalRationality × (1 − serviceOrientation): the weight officials put on upward-visible output. */
  readonly pi: number;
  /** Weight of compliance in evaluation, π_e = π × (1 − wholeProcessSupervision). */
  readonly piEval: number;
  /** Chance that a tender is competitive. */
  readonly transparency: number;
  /** Share of purchase money the city keeps and lets to its own affiliated SOs. */
  readonly cityShare: number;
  /** How far a buyer uses an SO's dependence (late payment, price squeeze): 1 − partnership. */
  readonly exploit: number;
  /** How far SOs reach money outside government: 1 − asymmetricDependence × (1 − altRevenueSupport). */
  readonly altAccess: number;
  /** Size of the community's non-government money market, as a share of the budget. */
  readonly altMarket: number;
  /** Exponent of the award urn's S-curve. */
  readonly urnGamma: number;
}

export function effective(p: Params): Effective {
  const pi = p.politicalRationality * (1 - p.serviceOrientation);
  // Asymmetric dependence: SOs find little money outside government, unless helped to raise it.
  const altAccess = 1 - p.asymmetricDependence * (1 - p.altRevenueSupport);
  return {
    pi,
    piEval: pi * (1 - p.wholeProcessSupervision),
    transparency: Math.max(p.baseTransparency, p.wholeProcessSupervision),
    cityShare: p.cityShare * (1 - p.resourceRelease),
    exploit: 1 - p.partnership,
    altAccess,
    altMarket: p.altMarket * altAccess,
    urnGamma: 1 + p.urnSteepness * p.pathDependence,
  };
}

/** S-shaped urn: chance the next award goes inside the system, given the share that already does. */
export function urn(share: number, gamma: number): number {
  const a = pow(share, gamma);
  return a / (a + pow(1 - share, gamma));
}
