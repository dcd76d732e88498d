// A whole calibration on a simulator: the generations of ABC-SMC, then, when they end by a stopping
// rule, the posterior predictive check (draws from the final population, each on fresh seeds). The
// CLI's session (a worker pool with a journal) and the browser's Diagnose tab (its worker pool,
// IndexedDB) run it alike: the same populations and draws, to the bit, whatever ran the simulations.
import type { Simulated } from './files.ts';
import { predictiveDraws, runSmc, type Population, type Proposal, type Simulator, type SmcResult } from './smc.ts';
import type { Calibration } from './spec.ts';

export interface CalibrationSimulator extends Simulator {
  /** Simulate every draw of the predictive check not done yet; all of them in draw order, or undefined when stopped. */
  runDraws(draws: readonly Proposal[]): Promise<Simulated[] | undefined>;
}

export interface CalibrationRun {
  populations: Population[];
  result: SmcResult;
  /** The predictive check's runs, in draw order: present once the calibration is complete. */
  draws?: Simulated[];
}

/** Run the calibration; `onPopulation` sees each generation as it closes, with those before it. */
export async function runCalibration(
  c: Calibration,
  sim: CalibrationSimulator,
  onPopulation: (pop: Population, populations: readonly Population[]) => void = () => {},
): Promise<CalibrationRun> {
  const populations: Population[] = [];
  const result = await runSmc(c.prior, c.settings, sim, (pop) => {
    populations.push(pop);
    onPopulation(pop, populations);
  });
  if (!result.complete || populations.length === 0) return { populations, result };
  const final = populations[populations.length - 1];
  const draws = await sim.runDraws(predictiveDraws(final, c.spec.predictive.draws, c.spec.predictive.seeds, c.settings.seed));
  return { populations, result, ...(draws ? { draws } : {}) };
}
