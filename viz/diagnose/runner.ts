// A calibration's simulations on the page's pool of workers (all cores), each stored in IndexedDB
// before it counts (store.ts), as the CLI's pool simulator journals each before it counts. What the
// store already holds is reused when it is exactly the proposal the spec regenerates now (the same
// parameters, seeds and shape), so a Resume after a Cancel or a reload runs only what is missing,
// and the populations are the same to the bit: a generation keeps its first N acceptances in
// proposal order, whatever order the workers finish in (lab/abc/smc.ts).
import type { ModelSetup } from '../../lab/abc/model.ts';
import type { CalibrationSimulator } from '../../lab/abc/run.ts';
import type { Simulated } from '../../lab/abc/files.ts';
import { outcomeOf, type Outcome, type Proposal, type Step } from '../../lab/abc/smc.ts';
import type { Target } from '../../lab/abc/targets.ts';
import { Cancelled, POOL_SIZE, type Batch } from '../pool.ts';
import { putSim } from './store.ts';

export interface DiagnoseProgress {
  /** A generation of ABC-SMC, or the posterior predictive check. */
  stage: 'generation' | 'predictive';
  generation: number;
  /** The generation's tolerance (Infinity: generation 0, the prior). */
  epsilon: number;
  /** Proposals within the tolerance so far, of the `goal` (N particles, or the predictive draws). */
  accepted: number;
  goal: number;
  /** Proposals of this generation (or draws) simulated so far, this page's and the stored ones. */
  attempts: number;
  /** Simulations run by this page (not read back from the store). */
  ran: number;
  /** Simulations a second in this session, once measurable. */
  rate: number | null;
  /** Simulations that failed twice. */
  failed: number;
  /** Why the store refused a write (e.g. QuotaExceededError), once it has: later simulations are in this page only. */
  storeError: string | null;
}

const sameNumbers = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

export class BrowserSimulator implements CalibrationSimulator {
  /** Simulations run by this page. */
  ran = 0;
  /** Stored simulations that were not this calibration's proposal (simulated again). */
  rejected = 0;
  failed = 0;
  storeError: string | null;
  private readonly outcomes = new Map<number, Map<number, Outcome>>();
  private readonly started = performance.now();
  private readonly cost: number;

  constructor(
    private readonly setup: ModelSetup,
    private readonly targets: readonly Target[],
    private readonly stored: Map<number, Map<number, Simulated>>,
    private readonly key: string,
    private readonly b: Batch,
    private readonly onProgress: (p: DiagnoseProgress) => void,
    /** Whether the store keeps the simulations (false: IndexedDB is unavailable or refused). */
    private keep: boolean,
    /** Citizen-months of one run: how long a simulation may take before its worker is taken for hung. */
    cost: number,
  ) {
    this.storeError = keep ? null : 'IndexedDB is not available';
    this.cost = Math.max(1, cost);
  }

  /** A stored simulation is used only if it is exactly this proposal: same parameters, seeds and shape. */
  private matches(e: Simulated, p: Proposal): boolean {
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
      accepted = 0;
    // Every acceptance known (the progress shown), not only those before the next proposal handed out.
    let within = 0;
    for (const o of known.values()) if (o.distance <= step.epsilon) within++;
    const progress = () =>
      this.report({ stage: 'generation', generation: step.generation, epsilon: step.epsilon, accepted: within, goal: step.particles, attempts: known.size });
    progress();
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
        progress();
      },
    );
  }

  /** Every draw of the predictive check (generation −1 in the store), in draw order; undefined when stopped. */
  async runDraws(draws: readonly Proposal[]): Promise<Simulated[] | undefined> {
    const done = new Map<number, Simulated>();
    for (const [k, e] of this.stored.get(-1) ?? []) if (draws[k] && this.matches(e, draws[k])) done.set(k, e);
    let next = 0;
    const progress = () =>
      this.report({ stage: 'predictive', generation: -1, epsilon: Infinity, accepted: done.size, goal: draws.length, attempts: done.size });
    progress();
    const ok = await this.simulate(
      () => {
        while (next < draws.length && done.has(next)) next++;
        return next < draws.length ? draws[next++] : undefined;
      },
      (e) => {
        done.set(e.k, e);
        progress();
      },
    );
    return ok ? draws.map((_, k) => done.get(k)!) : undefined;
  }

  private report(p: Omit<DiagnoseProgress, 'ran' | 'rate' | 'failed' | 'storeError'>): void {
    const seconds = (performance.now() - this.started) / 1000;
    const rate = this.ran >= 2 && seconds > 0.2 ? this.ran / seconds : null;
    this.onProgress({ ...p, ran: this.ran, rate, failed: this.failed, storeError: this.storeError });
  }

  /**
   * Simulate what `next()` hands out on the pool; false when cancelled or a simulation failed twice.
   * Two lanes per worker keep each busy while a finished simulation is being stored.
   */
  private async simulate(next: () => Proposal | undefined, onSimulated: (e: Simulated) => void): Promise<boolean> {
    let failed = false;
    const lane = async () => {
      for (let p = this.b.cancelled || failed ? undefined : next(); p; p = this.b.cancelled || failed ? undefined : next()) {
        const proposal = p;
        let values: number[][];
        try {
          values = await this.b.run((api) => api.simulateTargets(this.setup, proposal.theta, proposal.seeds), this.cost * proposal.seeds.length);
        } catch (err) {
          if (err instanceof Cancelled || this.b.cancelled) return;
          this.failed++;
          failed = true;
          return;
        }
        const e: Simulated = { g: proposal.generation, k: proposal.index, theta: proposal.theta, seeds: proposal.seeds, values };
        if (this.keep) {
          try {
            await putSim(this.key, e);
          } catch (err) {
            // Said at once (the next report): the simulations from here on are in this page only.
            this.keep = false;
            this.storeError = (err as Error | null)?.name || (err as Error | null)?.message || 'the write failed';
          }
        }
        this.ran++;
        onSimulated(e);
      }
    };
    await Promise.all(Array.from({ length: POOL_SIZE * 2 }, lane));
    return !this.b.cancelled && !failed;
  }
}
