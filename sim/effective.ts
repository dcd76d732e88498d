// Derived policy quantities: how causes and preventions combine (MODEL.md §4). One place, so that
// every process reads the same definitions.
import { pow } from './math.ts';
import {
  BASE_PROCEDURE,
  COMPLIANCE_DEMAND,
  LATE_PAYMENT,
  OVERHEAD_BASE,
  OVERHEAD_POLITICAL,
  PRICE_SQUEEZE,
  URN_STEEPNESS,
} from './constants.ts';
import type { Params } from './params.ts';

export interface Effective {
  /** Effective political rationality π = politicalRationality × (1 − serviceOrientation). */
  readonly pi: number;
  /** Weight of compliance in evaluation, π_e = π × (1 − wholeProcessSupervision). */
  readonly piEval: number;
  /** Chance that a tender is competitive. */
  readonly transparency: number;
  /** Share of purchase money the city keeps, allocated without local need information. */
  readonly cityShare: number;
  /** Compliance effort a project demands of its SO. */
  readonly compliance: number;
  /** Procedural load of one project (form). */
  readonly procedure: number;
  /** Share of project money eaten by procedure. */
  readonly overhead: number;
  /** Chance that a month's payment is late; price squeeze below cost. */
  readonly late: number;
  readonly squeeze: number;
  /** Exponent of the award urn's S-curve. */
  readonly urnGamma: number;
}

export function effective(p: Params): Effective {
  const pi = p.politicalRationality * (1 - p.serviceOrientation);
  const exploit = p.asymmetricDependence * (1 - p.partnership);
  const compliance = COMPLIANCE_DEMAND * pi * (1 - p.partnership);
  return {
    pi,
    piEval: pi * (1 - p.wholeProcessSupervision),
    transparency: Math.max(p.baseTransparency, p.wholeProcessSupervision),
    cityShare: 0.5 * (1 - p.resourceRelease),
    compliance,
    procedure: BASE_PROCEDURE + compliance,
    overhead: OVERHEAD_BASE + OVERHEAD_POLITICAL * pi,
    late: LATE_PAYMENT * exploit,
    squeeze: PRICE_SQUEEZE * exploit,
    urnGamma: 1 + URN_STEEPNESS * p.pathDependence,
  };
}

/** S-shaped urn: chance the next award goes inside the system, given the share that already does. */
export function urn(share: number, gamma: number): number {
  const a = pow(share, gamma);
  return a / (a + pow(1 - share, gamma));
}
