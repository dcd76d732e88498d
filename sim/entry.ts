// Process 5b — entry and registration (MODEL.md §4.6): candidate independent SOs appear at a rate
// rising with open purchase money; under dual management many cannot find a sponsor to register.
import { DIRECT_REGISTRATION, ENTRY_BASE, ENTRY_OPEN_MONEY, SPONSOR_CHANCE } from './constants.ts';
import { foundSO } from './contracts.ts';
import { effective } from './effective.ts';
import { poisson, uniform } from './rng.ts';
import type { State } from './state.ts';

export function registrationChance(dualManagement: number): number {
  return 1 - dualManagement * (1 - SPONSOR_CHANCE);
}

export function entry(s: State): void {
  const p = s.params;
  const rng = s.rng.entry;
  const dist = s.districts;
  let share = 0;
  for (let d = 0; d < dist.count; d++) share += dist.purchaseShare[d] / dist.count;
  const openMoney = share * effective(p).transparency;
  const candidates = poisson(rng, ((ENTRY_BASE + ENTRY_OPEN_MONEY * openMoney) * dist.count) / 6);
  const register = registrationChance(p.dualManagement);
  for (let j = 0; j < candidates; j++) {
    foundSO(s, {
      affiliated: false,
      registered: rng() < register,
      home: Math.floor(rng() * dist.count),
      skill: uniform(rng, 0.2, 0.5),
      autonomy: uniform(rng, 0.5, 0.9),
      tie: 0,
    });
    s.ledger.entered++;
  }
  // Unregistered SOs keep looking for a sponsor, or register directly once the rule allows it.
  const t = s.sos;
  const late = DIRECT_REGISTRATION * register;
  for (let so = 0; so < t.n; so++) if (t.alive[so] && !t.registered[so] && rng() < late) t.registered[so] = 1;
}
