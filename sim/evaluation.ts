// Evaluation at the end of a contract (docs/model.md §7.7): what the buyer scores decides reputation,
// renewal and performance funding, and teaches the SO where to put its effort.
import { MEASURABILITY } from './constants.ts';
import { effective } from './effective.ts';
import { buildCapacity, transfer } from './money.ts';
import { EFFORT, EFFORT_SLOTS, type State } from './state.ts';

/**
 * Score = w·observed quality + (1 − w)·compliance. The weight of outcomes is what the buyer both wants
 * and can see: w = (1 − π_e)·(m_k + (1 − m_k)·wholeProcessSupervision), m_k the category's
 * measurability — where output cannot be observed, process is checked instead (Brown & Potoski 2003),
 * unless supervision brings in outcome evidence (citizen feedback).
 */
export function evaluate(s: State, i: number, completed: boolean): number {
  const c = s.contracts;
  const t = s.sos;
  const so = c.so[i];
  const months = c.observedN[i];
  if (months === 0) return t.reputation[so];
  const { piEval } = effective(s.params);
  const m = MEASURABILITY[c.cat[i]];
  const outcome = (1 - piEval) * (m + (1 - m) * s.params.wholeProcessSupervision);
  const observed = c.observedSum[i] / months;
  const demand = c.compliance[i];
  // Paperwork delivered against the demand.
  const compliance = demand > 0.01 ? Math.min(1, t.complianceEffort[so] / demand) : 1;
  const score = outcome * observed + (1 - outcome) * compliance;
  const rate = s.params.reputationRate;
  t.reputation[so] = (1 - rate) * t.reputation[so] + rate * score;
  t.credit[so * EFFORT_SLOTS + EFFORT.service] += outcome;
  t.credit[so * EFFORT_SLOTS + EFFORT.compliance] += 1 - outcome;
  const pf = s.params.performanceFunding;
  if (pf > 0 && completed) {
    // Paid from the district's bonus fund, set aside from its purchase budget (sim/budget.ts).
    const d = c.buyer[i];
    const bonus = Math.min(s.districts.bonusFund[d], s.params.performanceBonus * pf * score * c.payment[i] * months);
    s.districts.bonusFund[d] -= bonus;
    s.ledger.bonuses += bonus;
    transfer(s, d, so, bonus);
    // Earmarked for capacity (Changsha: evaluation with fund sponsoring): the bonus buys skill and is
    // spent on it, so it does not also swell the SO's reserves.
    buildCapacity(s, so, bonus);
    t.reserves[so] -= bonus;
  }
  return score;
}
