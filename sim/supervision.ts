// Process 4 — supervision and payment (MODEL.md §4.4): every contract is monitored and paid each
// month; under whole-process supervision a poor performer is terminated early and re-tendered.
import { award } from './award.ts';
import { MEASURABILITY, OBSERVATION_NOISE, Q_GOV, TERMINATION_RATE } from './constants.ts';
import { closeContract } from './contracts.ts';
import { effective } from './effective.ts';
import { transfer } from './money.ts';
import type { State } from './state.ts';

export function supervision(s: State): void {
  const c = s.contracts;
  const t = s.sos;
  const rng = s.rng.supervision;
  const { late } = effective(s.params);
  const wps = s.params.wholeProcessSupervision;
  t.contractMoney.fill(0);
  const terminated: number[] = [];
  for (let i = 0; i < c.n; i++) {
    if (!c.active[i]) continue;
    const so = c.so[i];
    const k = c.cat[i];
    // Observation noise falls with measurability and with supervision (citizen feedback).
    const noise = OBSERVATION_NOISE * (1 - MEASURABILITY[k]) * (1 - wps);
    const observed = Math.min(1, Math.max(0, t.quality[so] + noise * (2 * rng() - 1)));
    c.observedSum[i] += observed;
    c.observedN[i]++;
    t.observedQuality[so] += 0.2 * (observed - t.observedQuality[so]);
    t.contractMoney[so] += c.payment[i];
    if (rng() < late) c.arrears[i] += c.payment[i];
    else {
      transfer(s, c.buyer[i], so, c.payment[i] + c.arrears[i]);
      c.arrears[i] = 0;
    }
    c.monthsLeft[i]--;
    const mean = c.observedSum[i] / c.observedN[i];
    if (c.monthsLeft[i] > 0 && c.observedN[i] >= 3 && mean < 0.7 * Q_GOV[k] && rng() < TERMINATION_RATE * wps) {
      terminated.push(i);
    }
  }
  // Re-tendered after the loop: this month was paid to the old contract, the new one starts next month.
  for (const i of terminated) retender(s, i);
}

/** End a contract before its term and tender the rest of it, with no renewal offer. */
export function retender(s: State, i: number): void {
  const c = s.contracts;
  const project = {
    buyer: c.buyer[i],
    cat: c.cat[i],
    firstCommunity: c.firstCommunity[i],
    communities: c.communities[i],
    payment: c.payment[i],
    months: c.monthsLeft[i],
  };
  closeContract(s, i, false);
  if (project.months > 0) award(s, project, null);
}
