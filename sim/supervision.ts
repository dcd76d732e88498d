// Process 4 — supervision and payment (docs/model.md §7.7): every contract is monitored and paid each
// month; under whole-process supervision a poor performer is terminated early and re-tendered. A
// buyer uses an SO's dependence as far as partnership does not hold it back: the more of its revenue
// the SO owes to government, the more often it is paid late and the more of its price is withheld.
import { award } from './award.ts';
import { monthOfYear } from './clock.ts';
import { K, MEASURABILITY, Q_GOV, VISIBILITY } from './constants.ts';
import { log } from './math.ts';
import { closeContract, dependence, projectOf } from './contracts.ts';
import { effective } from './effective.ts';
import { transfer } from './money.ts';
import type { State } from './state.ts';

export function supervision(s: State): void {
  const c = s.contracts;
  const t = s.sos;
  const dist = s.districts;
  const p = s.params;
  const rng = s.rng.supervision;
  const { exploit } = effective(p);
  const wps = p.wholeProcessSupervision;
  t.contractMoney.fill(0);
  // This month's slot of what officials are judged on (the last 12 months are kept).
  const month = monthOfYear(s.tick);
  for (let d = 0; d < dist.count; d++) {
    dist.moneySum[d * 12 + month] = dist.visibleSum[d * 12 + month] = dist.serviceSeen[d * 12 + month] = 0;
    dist.bonusFund[d] += dist.bonusReserve[d];
    s.ledger.reserved += dist.bonusReserve[d];
  }
  const shown = new Float64Array(dist.count * K);
  const reports = new Float64Array(dist.count);
  const terminated: number[] = [];
  for (let i = 0; i < c.n; i++) {
    if (!c.active[i]) continue;
    const so = c.so[i];
    const k = c.cat[i];
    const d = c.buyer[i];
    // Observation noise falls with measurability and with supervision (citizen feedback).
    const noise = p.observationNoise * (1 - MEASURABILITY[k]) * (1 - wps);
    const observed = Math.min(1, Math.max(0, t.quality[so] * c.continuity[i] + noise * (2 * rng() - 1)));
    c.observedSum[i] += observed;
    c.observedN[i]++;
    t.observedQuality[so] += p.observedQualityRate * (observed - t.observedQuality[so]);
    t.contractMoney[so] += c.payment[i];
    // What the official is judged on: the project shown upward with its reports, and the service seen.
    dist.moneySum[d * 12 + month] += c.payment[i];
    shown[d * K + k]++;
    reports[d] += t.complianceEffort[so];
    dist.serviceSeen[d * 12 + month] += observed * c.slots[i];
    const used = dependence(s, so) * exploit;
    const due = c.payment[i] * (1 - p.priceSqueeze * used);
    if (rng() < p.latePayment * used) c.arrears[i] += due;
    else {
      transfer(s, d, so, due + c.arrears[i]);
      c.arrears[i] = 0;
    }
    c.monthsLeft[i]--;
    const mean = c.observedSum[i] / c.observedN[i];
    if (c.monthsLeft[i] > 0 && c.observedN[i] >= p.terminationMonths && mean < p.terminationThreshold * Q_GOV[k] && rng() < p.terminationRate * wps) {
      terminated.push(i);
    }
  }
  // The in-house units' service, seen by the official as the citizens they can serve at their quality,
  // and their money: the official weighs purchase against the inherited supply.
  for (let d = 0; d < dist.count; d++) {
    for (let k = 0; k < K; k++) {
      const money = dist.inHouseMoney[d * K + k];
      dist.moneySum[d * 12 + month] += money;
      dist.serviceSeen[d * 12 + month] += (Q_GOV[k] * money) / (s.unitCost[k] * p.govCostFactor);
    }
  }
  // Upward-visible output of the month: showcase projects, each category's noticed with diminishing
  // attention (log(1 + projects)), and the paperwork per project that reports and inspections show.
  for (let d = 0; d < dist.count; d++) {
    let projects = 0;
    let v = 0;
    for (let k = 0; k < K; k++) {
      projects += shown[d * K + k];
      v += VISIBILITY[k] * log(1 + shown[d * K + k]);
    }
    dist.visibleSum[d * 12 + month] = v + (projects > 0 ? (p.reportVisibility * reports[d]) / projects : 0);
  }
  // Re-tendered after the loop: this month was paid to the old contract, the new one starts next month.
  for (const i of terminated) retender(s, i);
}

/** End a contract before its term and tender the rest of it, with no renewal offer. */
export function retender(s: State, i: number): void {
  const project = projectOf(s, i);
  closeContract(s, i, false);
  if (project.months > 0) award(s, project, null);
}
