import { expect } from 'vitest';
import { createSim, resolveParams, runScenario, STREAMS, type Series, type Overrides, type Sim } from '../sim/index.ts';
import { findScenario } from '../scenarios/index.ts';

export function scenario(id: string) {
  const s = findScenario(id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
}

/** Final values of some metrics for a scenario over seeds 1..n. */
export function finals(id: string, seeds: number, set: Record<string, number> = {}, metrics?: string[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (let seed = 1; seed <= seeds; seed++) {
    const { series } = runScenario(scenario(id), seed, { set });
    for (const m of metrics ?? Object.keys(series)) (out[m] ??= []).push(series[m][series[m].length - 1]);
  }
  return out;
}

export function seriesOf(overrides: Overrides, seed: number, ticks: number): Series {
  const sim = createSim(resolveParams(overrides, { ticks }), seed);
  while (sim.state.tick < ticks) sim.tick();
  return sim.series;
}

export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
export const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1));
};
/** Paired t statistic of b − a (same seeds: common random numbers). */
export function pairedT(a: number[], b: number[]): { diff: number; t: number } {
  const d = a.map((x, i) => b[i] - x);
  const m = mean(d);
  const se = sd(d) / Math.sqrt(d.length);
  return { diff: m, t: se > 0 ? m / se : m === 0 ? 0 : Math.sign(m) * Infinity };
}

/**
 * The whole state of a run as plain numbers: every typed array of the state in use (SO and contract
 * columns beyond the rows in use are spare capacity), every number of the ledger, the counters, the
 * next draw of every stream and, with `series`, every recorded series. Drawing the next numbers
 * advances the streams: take it once, at the end of a run.
 */
export function stateSnapshot(sim: Sim, { series = true } = {}): Record<string, number[]> {
  const s = sim.state;
  const out: Record<string, number[]> = {};
  const parts = { citizens: s.citizens, communities: s.communities, districts: s.districts, contracts: s.contracts, sos: s.sos };
  for (const [part, value] of Object.entries(parts)) {
    const n = 'n' in value ? (value.n as number) : undefined;
    for (const [key, col] of Object.entries(value)) {
      if (!ArrayBuffer.isView(col)) continue;
      const a = Array.from(col as Float64Array);
      out[`${part}.${key}`] = part === 'sos' || part === 'contracts' ? a.slice(0, (n ?? 0) * (a.length / (value as { capacity: number }).capacity)) : a;
    }
  }
  out.ledger = Object.values(s.ledger);
  out.scalars = [s.tick, s.ageing, s.sos.n, s.contracts.n, s.sos.founded];
  if (series) out.series = Object.values(sim.series).flat();
  out.draws = STREAMS.map((name) => s.rng[name]());
  return out;
}

/** Two runs' snapshots (stateSnapshot) are the same to the bit, part by part (a failure names the part). */
export function expectSameState(actual: Record<string, number[]>, expected: Record<string, number[]>): void {
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const key of Object.keys(expected)) expect(actual[key], key).toEqual(expected[key]);
}
