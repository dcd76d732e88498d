// Process 7 — settlement (docs/model.md §3): the month's payments are closed. What the SOs received
// joins the city's ledger (checked against what the districts paid), and the month's flows start
// again from zero. Kept apart from the reporter (sim/metrics.ts), which only reads: a run without
// its metrics step leaves the state identical to the bit.
import type { State } from './state.ts';

export function settlement(s: State): void {
  const t = s.sos;
  let received = 0;
  for (let so = 0; so < t.n; so++) received += t.revenueGov[so];
  s.ledger.received += received;
  s.districts.paid.fill(0);
  t.revenueGov.fill(0);
}
