// A calibration's files, from data in memory: posterior.csv (every generation's particles),
// predictive.csv (the posterior predictive runs) and manifest.json's text. `involution-lab calibrate`
// writes them into its directory; the browser's Diagnose tab offers them as downloads, the same
// bytes. Numbers are written in JavaScript's shortest round-trip form, so the CSVs hold the exact doubles.
import type { Population, Prior } from './smc.ts';
import { targetName, type Target } from './targets.ts';

export const POSTERIOR_CSV = 'posterior.csv';
export const PREDICTIVE_CSV = 'predictive.csv';

/** A finished simulation of a proposal: its generation (−1: the predictive check), index, parameters, seeds and each replicate's target values. */
export interface Simulated {
  g: number;
  k: number;
  theta: number[];
  seeds: number[];
  /** values[replicate][target] */
  values: number[][];
}

export function posteriorCsv(populations: readonly Population[], prior: Prior, targets: readonly Target[]): string {
  const header = ['generation', 'particle', 'weight', 'distance', ...prior.names, ...targets.map(targetName)].join(',') + '\n';
  const rows = populations.flatMap((pop) =>
    pop.particles.map((theta, i) => [pop.generation, i, pop.weights[i], pop.distances[i], ...theta, ...pop.simulated[i]].map(String).join(',') + '\n'),
  );
  return header + rows.join('');
}

/** The predictive runs, a row per draw and replicate (the draws in order). */
export function predictiveCsv(draws: readonly Simulated[], prior: Prior, targets: readonly Target[]): string {
  const header = ['draw', 'replicate', 'seed', ...prior.names, ...targets.map(targetName)].join(',') + '\n';
  const rows = draws.flatMap((e) => e.values.map((v, r) => [e.k, r, e.seeds[r], ...e.theta, ...v].map(String).join(',') + '\n'));
  return header + rows.join('');
}
