import { createSim, METRIC_SPECS, resolveParams, type MetricKind, type Sim } from '../sim/index.ts';
import { sosInField } from '../sim/state.ts';

// The range each recorded column must keep, by its kind in the metric registry.
const ofKind = (...kinds: MetricKind[]) => new Set(METRIC_SPECS.filter((m) => kinds.includes(m.kind)).map((m) => m.name as string));
const SHARES = ofKind('share');
const NON_NEGATIVE = ofKind('count', 'amount');
const WHOLE = ofKind('count');

/** Check every invariant of the current tick; returns the list of violations (empty when all hold). */
export function violations(sim: Sim): string[] {
  const out: string[] = [];
  const s = sim.series;
  const t = s.tick.length - 1;
  for (const [name, col] of Object.entries(s)) {
    if (!Number.isFinite(col[t])) out.push(`${name} is ${col[t]} at tick ${t}`);
  }
  const paid = s.moneyPaid[t], received = s.moneyReceived[t];
  if (Math.abs(paid - received) > 1e-9 * Math.max(1, paid)) out.push(`paid ${paid} ≠ received ${received} at tick ${t}`);
  // Changsha's bonus is paid from the purchase budget, not beside it: bonuses paid never exceed the
  // money set aside for them, and that money is counted in purchase spending.
  const ledger = sim.state.ledger;
  if (ledger.bonuses > ledger.reserved * (1 + 1e-12) + 1e-12) out.push(`bonuses paid ${ledger.bonuses} > money set aside for them ${ledger.reserved} by tick ${t}`);
  let spending = sim.state.districts.bonusReserve.reduce((a, b) => a + b, 0);
  const cs = sim.state.contracts;
  for (let i = 0; i < cs.n; i++) if (cs.active[i]) spending += cs.payment[i];
  if (Math.abs(s.purchaseSpending[t] - spending) > 1e-9 * Math.max(1, spending)) out.push(`purchase spending ${s.purchaseSpending[t]} ≠ active contracts' money and the bonus reserve ${spending} at tick ${t}`);
  if (Math.abs(ledger.paid - ledger.received) > 1e-9 * Math.max(1, ledger.paid)) out.push(`ledger paid ${ledger.paid} ≠ received ${ledger.received}`);
  for (const name of Object.keys(s)) {
    const base = name.split('.')[0];
    if (SHARES.has(base) && (s[name][t] < 0 || s[name][t] > 1 + 1e-12)) out.push(`${name} = ${s[name][t]} outside [0, 1] at tick ${t}`);
    if (NON_NEGATIVE.has(base) && s[name][t] < 0) out.push(`${name} = ${s[name][t]} < 0 at tick ${t}`);
    if (WHOLE.has(base) && !Number.isInteger(s[name][t])) out.push(`${name} = ${s[name][t]} is not a whole number at tick ${t}`);
  }
  // soGrowthRate: registered SOs now against 12 months before (the first month before month 12).
  const registered = (i: number) => s.independentSOs[i] + s.affiliatedSOs[i];
  const before = registered(Math.max(0, t - 12));
  const growth = before > 0 ? registered(t) / before - 1 : 0;
  if (Math.abs(s.soGrowthRate[t] - growth) > 1e-12) out.push(`soGrowthRate = ${s.soGrowthRate[t]} ≠ ${growth} at tick ${t}`);
  const so = sim.state.sos;
  // govRevenueShareSpread: p90 − p10 of the government share of revenue over SOs holding contracts.
  const F = sim.state.districts.count + 1;
  const shares: number[] = [];
  for (let i = 0; i < so.n; i++) {
    if (!so.alive[i] || so.contracts[i] === 0) continue;
    const f = so.funding.subarray(i * F, i * F + F);
    const total = f.reduce((a, b) => a + b, 0);
    if (total > 0) shares.push(1 - f[F - 1] / total);
  }
  shares.sort((a, b) => a - b);
  const q = (p: number) => {
    const h = (shares.length - 1) * p, lo = Math.floor(h);
    return lo + 1 < shares.length ? shares[lo] + (h - lo) * (shares[lo + 1] - shares[lo]) : shares[lo];
  };
  const spread = shares.length < 2 ? 0 : q(0.9) - q(0.1);
  if (Math.abs(s.govRevenueShareSpread[t] - spread) > 1e-12) out.push(`govRevenueShareSpread = ${s.govRevenueShareSpread[t]} ≠ ${spread} at tick ${t}`);
  // Competitive tenders have at most every SO ever founded as a bidder (the last 12 months' SOs may since have closed).
  const founded = sim.state.initialSOs + sim.state.ledger.entered + sim.state.ledger.newAffiliates;
  if (s.biddersPerTender[t] > founded) out.push(`biddersPerTender = ${s.biddersPerTender[t]} > ${founded} SOs founded at tick ${t}`);
  for (let i = 0; i < so.n; i++) {
    if (!so.alive[i]) continue;
    for (const [field, arr] of [['skill', so.skill], ['autonomy', so.autonomy], ['adequacy', so.adequacy], ['quality', so.quality]] as const) {
      if (!(arr[i] >= 0 && arr[i] <= 1)) out.push(`SO ${i} ${field} = ${arr[i]}`);
    }
    const e = so.effort[i * 3] + so.effort[i * 3 + 1] + so.effort[i * 3 + 2];
    if (Math.abs(e - 1) > 1e-9) out.push(`SO ${i} effort sums to ${e}`);
  }
  const c = sim.state.contracts;
  // Each SO's held money is the sum of its active contracts' payments; officials' decisions stay in range.
  const held = new Float64Array(so.n);
  for (let i = 0; i < c.n; i++) if (c.active[i]) held[c.so[i]] += c.payment[i];
  for (let i = 0; i < so.n; i++) {
    if (Math.abs(held[i] - so.held[i]) > 1e-9 * Math.max(1, held[i])) out.push(`SO ${i} holds ${so.held[i]} ≠ ${held[i]} in contracts`);
  }
  // The award's running counts of each district's own contracts, its free-row hint and its index of SOs by field
  // agree with a full scan.
  const dist = sim.state.districts;
  const own = new Float64Array(dist.count), inside = new Float64Array(dist.count);
  for (let i = 0; i < c.n; i++) {
    if (!c.active[i] || c.city[i]) continue;
    own[c.buyer[i]]++;
    inside[c.buyer[i]] += so.affiliated[c.so[i]];
  }
  for (let d = 0; d < dist.count; d++) {
    if (own[d] !== dist.ownActive[d] || inside[d] !== dist.ownInside[d]) out.push(`district ${d} counts ${dist.ownActive[d]}/${dist.ownInside[d]} own/inside contracts, a scan ${own[d]}/${inside[d]}`);
  }
  for (let i = 0; i < Math.min(c.free, c.n); i++) if (!c.active[i]) out.push(`contract row ${i} is free below the free-row hint ${c.free}`);
  const byField = sosInField(sim.state);
  const expected = [...Array(so.n).keys()].sort((a, b) => so.field[a] - so.field[b] || a - b);
  if (expected.some((row, k) => byField.order[k] !== row) || expected.some((row, k) => k < byField.start[so.field[row]] || k >= byField.start[so.field[row] + 1])) out.push(`the index of SOs by field disagrees with the SOs' fields at tick ${t}`);
  if (s.transferVolume[t] > s.needUnitsServed[t] + 1e-9) out.push(`transferVolume ${s.transferVolume[t]} > needUnitsServed ${s.needUnitsServed[t]} at tick ${t}`);
  const maxDemand = sim.state.params.maxDemand;
  for (const d of sim.state.districts.demand) if (!(d >= 0 && d <= maxDemand + 1e-12)) out.push(`paperwork demanded ${d} outside [0, ${maxDemand}]`);
  for (let i = 0; i < c.n; i++) {
    if (c.active[i] && !(c.slots[i] >= 0 && c.payment[i] >= 0 && c.monthsLeft[i] >= 0)) out.push(`contract ${i} has negative slots, payment or months`);
    if (c.active[i] && !so.alive[c.so[i]]) out.push(`contract ${i} held by a closed SO`);
  }
  const { needCat, need, quality } = sim.state.citizens;
  const needMin = Math.fround(sim.state.params.needMin);
  for (let i = 0; i < needCat.length; i++) {
    if (needCat[i] < -1 || needCat[i] > 3 || !(quality[i] >= 0 && quality[i] <= 1) || (needCat[i] >= 0 && !(need[i] >= needMin * (1 - 1e-6) && need[i] <= 1))) {
      out.push(`citizen ${i} has an invalid need or quality`);
      break;
    }
  }
  return out;
}

/** Run and check the invariants after every tick; returns the first violations found. */
export function runChecked(overrides: Record<string, number>, seed: number): string[] {
  const sim = createSim(resolveParams(overrides), seed);
  while (sim.state.tick < sim.state.params.ticks) {
    sim.tick();
    const v = violations(sim);
    if (v.length) return v;
  }
  return [];
}
