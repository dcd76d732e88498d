// Evaluation at the end of a contract (MODEL.md §4.4): what the buyer scores decides reputation,
// renewal and performance funding, and teaches the SO where to put its effort.
import { PERFORMANCE_BONUS } from './constants.ts';
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
  // Paperwork beyond what the projects force: the SO's own compliance orientation, against the demand.
  const compliance = demand > 0.01 ? Math.min(1, t.effort[so * 3 + 1] / demand) : 1;
  const score = (1 - piEval) * observed + piEval * compliance;
  t.reputation[so] = 0.7 * t.reputation[so] + 0.3 * score;
  t.credit[so * 3] += 1 - piEval;
  t.credit[so * 3 + 1] += piEval;
  const pf = s.params.performanceFunding;
  if (pf > 0 && completed) {
    const bonus = PERFORMANCE_BONUS * pf * score * c.payment[i] * months;
    transfer(s, c.buyer[i], so, bonus);
    // Earmarked for capacity (Changsha: evaluation with fund sponsoring).
    t.skill[so] += 0.15 * pf * score * (1 - t.skill[so]);
  }
  return score;
}
