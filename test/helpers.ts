import { createSim, resolveParams, runScenario, type Series, type Overrides } from '../sim/index.ts';
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
