// A whole calibration on a simulator: the generations of ABC-SMC, then, when they end by a stopping
// rule, the posterior predictive check (draws from the final population, each on fresh seeds). The
// CLI's session (a worker pool with a journal) and the browser's Diagnose tab (its worker pool,
// IndexedDB) run it alike: the same populations and draws, to the bit, whatever ran the simulations.
import type { Simulated } from './files.ts';
import { outcomeOf, predictiveDraws, runSmc, type Outcome, type Population, type Proposal, type Simulator, type SmcResult, type Step } from './smc.ts';
import type { Calibration } from './spec.ts';
import type { Target } from './targets.ts';

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

/** Simulations stored earlier (a journal, IndexedDB): by generation (−1: the predictive check), then proposal index. */
export type StoredSimulations<E extends Simulated> = ReadonlyMap<number, ReadonlyMap<number, E>>;

/** How far a generation or the predictive check has got: told as it starts, then after each simulation. */
export interface LoopProgress {
  stage: 'generation' | 'predictive';
  /** The generation (−1: the predictive check). */
  generation: number;
  /** The generation's tolerance (Infinity: generation 0, the prior, and the predictive check). */
  epsilon: number;
  /** N particles, or the predictive draws. */
  goal: number;
  /** True as the stage starts, before any simulation. */
  starting: boolean;
  /** Acceptances among the proposals handed out so far, in index order: what the generation stops at (the draws done, for the check). */
  accepted: number;
  /** Every acceptance known, also past the last proposal handed out (the draws done, for the check). */
  within: number;
  /** Proposals (or draws) simulated so far, run now or stored. */
  attempts: number;
}

const sameNumbers = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/**
 * The loop the CLI's pool simulator and the Diagnose tab's share: a generation's proposals handed
 * out in index order, those already simulated skipped, until the ones handed out hold N acceptances
 * or the cap is reached; the predictive check's draws not yet simulated, in draw order. A stored
 * simulation is reused when it is exactly the proposal regenerated now (the same parameters, seeds
 * and shape). The simulating itself (a Node worker pool with a journal, the page's pool with
 * IndexedDB) and the progress shown are the subclass's.
 */
export abstract class StoredSimulator<E extends Simulated> implements CalibrationSimulator {
  /** Stored simulations that were not this calibration's proposal (simulated again). */
  rejected = 0;
  private readonly outcomes = new Map<number, Map<number, Outcome>>();

  constructor(
    protected readonly targets: readonly Target[],
    private readonly stored: StoredSimulations<E>,
  ) {}

  /** Simulate what `next()` hands out until it hands out nothing, each (kept) simulation to `onSimulated`; false when stopped or failed. */
  protected abstract simulate(next: () => Proposal | undefined, onSimulated: (e: E) => void): Promise<boolean>;

  /** Progress, as each stage starts and after each of its simulations. */
  protected abstract report(p: LoopProgress): void;

  /** A stored simulation is used only if it is exactly this proposal: same parameters, seeds and shape. */
  private matches(e: E, p: Proposal): boolean {
    return (
      sameNumbers(e.theta, p.theta) &&
      sameNumbers(e.seeds, p.seeds) &&
      e.values.length === p.seeds.length &&
      e.values.every((v) => v.length === this.targets.length)
    );
  }

  known(step: Step): Map<number, Outcome> {
    let map = this.outcomes.get(step.generation);
    if (!map) {
      map = new Map();
      for (const [k, e] of this.stored.get(step.generation) ?? []) {
        if (k < step.cap && this.matches(e, step.propose(k))) map.set(k, outcomeOf(e.values, this.targets));
        else this.rejected++;
      }
      this.outcomes.set(step.generation, map);
    }
    return map;
  }

  /** Proposals in index order until those handed out hold N acceptances (or the cap is reached). */
  run(step: Step): Promise<boolean> {
    const known = this.known(step);
    let next = 0,
      accepted = 0,
      within = 0;
    for (const o of known.values()) if (o.distance <= step.epsilon) within++;
    const head = { stage: 'generation', generation: step.generation, epsilon: step.epsilon, goal: step.particles } as const;
    const report = (starting: boolean) => this.report({ ...head, starting, accepted, within, attempts: known.size });
    report(true);
    return this.simulate(
      () => {
        while (accepted < step.particles && next < step.cap) {
          const k = next++;
          const o = known.get(k);
          if (!o) return step.propose(k);
          if (o.distance <= step.epsilon) accepted++;
        }
        return undefined;
      },
      (e) => {
        const outcome = outcomeOf(e.values, this.targets);
        known.set(e.k, outcome);
        if (outcome.distance <= step.epsilon) {
          accepted++;
          within++;
        }
        report(false);
      },
    );
  }

  /** Every draw of the predictive check (generation −1 in the store), in draw order; undefined when stopped. */
  async runDraws(draws: readonly Proposal[]): Promise<E[] | undefined> {
    const done = new Map<number, E>();
    for (const [k, e] of this.stored.get(-1) ?? []) if (draws[k] && this.matches(e, draws[k])) done.set(k, e);
    let next = 0;
    const head = { stage: 'predictive', generation: -1, epsilon: Infinity, goal: draws.length } as const;
    const report = (starting: boolean) => this.report({ ...head, starting, accepted: done.size, within: done.size, attempts: done.size });
    report(true);
    const ok = await this.simulate(
      () => {
        while (next < draws.length && done.has(next)) next++;
        return next < draws.length ? draws[next++] : undefined;
      },
      (e) => {
        done.set(e.k, e);
        report(false);
      },
    );
    return ok ? draws.map((_, k) => done.get(k)!) : undefined;
  }
}
