// Operations on money, below every process (which all may call them): a transfer of government money
// to an SO, and the skill money buys.
import type { State } from './state.ts';

/**
 * The only way government money reaches an SO: one operation books the buyer's payment and the
 * SO's receipt, so the invariant "paid = received" is checked against two separate ledgers.
 */
export function transfer(s: State, district: number, so: number, amount: number): void {
  if (amount <= 0) return;
  s.districts.paid[district] += amount;
  s.sos.revenueGov[so] += amount;
  s.sos.funding[so * (s.districts.count + 1) + district] += amount / 12;
  s.ledger.paid += amount;
}

/** Skill bought with money spent on capacity (training, earmarked bonuses): a year of a standard contract buys capacityGain of the gap. */
export function buildCapacity(s: State, so: number, money: number): void {
  const p = s.params;
  s.sos.skill[so] += Math.min(1, (p.capacityGain * money) / (12 * p.fullTeamMoney)) * (1 - s.sos.skill[so]);
}
