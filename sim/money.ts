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
