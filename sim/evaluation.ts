// Evaluation at the end of a contract (MODEL.md §4.4): what the buyer scores decides reputation,
// renewal and performance funding, and teaches the SO where to put its effort.
import { buildCapacity } from './adaptation.ts';
import { effective } from './effective.ts';
import { transfer } from './money.ts';
import type { State } from './state.ts';

/** Score = (1 − π_e)·observed quality + π_e·compliance. */
export function evaluate(s: State, i: number, completed: boolean): number {
  const c = s.contracts;
  const t = s.sos;
  const so = c.so[i];
  const months = c.observedN[i];
  if (months === 0) return t.reputation[so];
  const { piEval } = effective(s.params);
  const observed = c.observedSum[i] / months;
  const demand = c.compliance[i];
  // Paperwork delivered against the demand.
  const compliance = demand > 0.01 ? Math.min(1, t.complianceEffort[so] / demand) : 1;
  const score = (1 - piEval) * observed + piEval * compliance;
  t.reputation[so] = 0.7 * t.reputation[so] + 0.3 * score;
  t.credit[so * 3] += 1 - piEval;
  t.credit[so * 3 + 1] += piEval;
  const pf = s.params.performanceFunding;
  if (pf > 0 && completed) {
    const bonus = s.params.performanceBonus * pf * score * c.payment[i] * months;
    transfer(s, c.buyer[i], so, bonus);
    // Earmarked for capacity (Changsha: evaluation with fund sponsoring): the bonus buys skill.
    buildCapacity(s, so, bonus);
  }
  return score;
}
