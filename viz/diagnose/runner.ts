// A calibration's simulations on the page's pool of workers (all cores), each stored in IndexedDB
// before it counts (store.ts), as the CLI's pool simulator journals each before it counts. What the
// store already holds is reused when it is exactly the proposal the spec regenerates now (the same
// parameters, seeds and shape: lab/abc/run.ts, the CLI's loop too), so a Resume after a Cancel or a
// reload runs only what is missing, and the populations are the same to the bit: a generation keeps
// its first N acceptances in proposal order, whatever order the workers finish in (lab/abc/smc.ts).
import type { ModelSetup } from '../../lab/abc/model.ts';
import { StoredSimulator, type LoopProgress } from '../../lab/abc/run.ts';
import type { Simulated } from '../../lab/abc/files.ts';
import type { Proposal } from '../../lab/abc/smc.ts';
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

export class BrowserSimulator extends StoredSimulator<Simulated> {
  /** Simulations run by this page. */
  ran = 0;
  failed = 0;
  storeError: string | null;
  private readonly started = performance.now();
  private readonly cost: number;

  constructor(
    private readonly setup: ModelSetup,
    targets: readonly Target[],
    stored: Map<number, Map<number, Simulated>>,
    private readonly key: string,
    private readonly b: Batch,
    private readonly onProgress: (p: DiagnoseProgress) => void,
    /** Whether the store keeps the simulations (false: IndexedDB is unavailable or refused). */
    private keep: boolean,
    /** Citizen-months of one run: how long a simulation may take before its worker is taken for hung. */
    cost: number,
  ) {
    super(targets, stored);
    this.storeError = keep ? null : 'IndexedDB is not available';
    this.cost = Math.max(1, cost);
  }

  /** Every acceptance known is shown (not only those before the next proposal handed out), with the simulations so far. */
  protected report(p: LoopProgress): void {
    const seconds = (performance.now() - this.started) / 1000;
    const rate = this.ran >= 2 && seconds > 0.2 ? this.ran / seconds : null;
    const { stage, generation, epsilon, goal, within, attempts } = p;
    this.onProgress({ stage, generation, epsilon, accepted: within, goal, attempts, ran: this.ran, rate, failed: this.failed, storeError: this.storeError });
  }

  /**
   * Simulate what `next()` hands out on the pool; false when cancelled or a simulation failed twice.
   * Two lanes per worker keep each busy while a finished simulation is being stored.
   */
  protected async simulate(next: () => Proposal | undefined, onSimulated: (e: Simulated) => void): Promise<boolean> {
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
