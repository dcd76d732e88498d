// The calibration's simulations on the experiment engine's worker pool, journaled: each finished
// simulation is appended (fsynced) to the journal before it counts; what the journal already holds is
// reused when it is exactly the proposal the spec regenerates now. One pool, started by the session,
// serves every generation and the predictive check, its workers warm from one to the next. A failed
// write (a full disk) stops the pool and is kept in `fatal` for the session to report; stop() ends
// the pool at once.
import { outcomeOf, type Outcome, type Proposal, type Step } from '../../lab/abc/smc.ts';
import type { CalibrationSimulator } from '../../lab/abc/run.ts';
import type { Target } from '../../lab/abc/targets.ts';
import { plural } from '../common/text.ts';
import type { WorkerPool } from '../runs/pool.ts';
import { Journal, type Entry, type JournalContents } from './journal.ts';
import type { CalibrationProgress } from './progress.ts';
import type { ProposalResult, ProposalTask } from './worker.ts';

const sameNumbers = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

export class PoolSimulator implements CalibrationSimulator {
  /** Journal entries that failed their checksum or did not match the proposal they claim to be. */
  rejected: number;
  /** Simulations run in this session, including those past a generation's N-th acceptance. */
  simulated = 0;
  fatal: unknown = undefined;
  stopped = false;
  private readonly outcomes = new Map<number, Map<number, Outcome>>();
  private readonly file: Journal;
  private stopPool: (() => Promise<void>) | undefined;

  constructor(
    private readonly targets: readonly Target[],
    private readonly journal: JournalContents,
    journalPath: string,
    private readonly pool: WorkerPool<ProposalTask, ProposalResult>,
    private readonly progress: CalibrationProgress,
    private readonly log: (text: string) => void,
  ) {
    this.rejected = journal.bad;
    this.file = new Journal(journalPath);
  }

  /** A journal entry is used only if it is exactly this proposal: same parameters, seeds and shape. */
  private matches(e: Entry, p: Proposal): boolean {
    return sameNumbers(e.theta, p.theta) && sameNumbers(e.seeds, p.seeds) && e.values.length === p.seeds.length && e.values.every((v) => v.length === this.targets.length);
  }

  known(step: Step): Map<number, Outcome> {
    let map = this.outcomes.get(step.generation);
    if (!map) {
      map = new Map();
      for (const [k, e] of this.journal.entries.get(step.generation) ?? []) {
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
    let next = 0, accepted = 0;
    this.progress.start(step);
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
        if (outcome.distance <= step.epsilon) accepted++;
        this.progress.advance(accepted);
      },
    );
  }

  /** Every draw of the predictive check (generation −1 in the journal); entries by draw index. */
  async runDraws(draws: readonly Proposal[]): Promise<Entry[] | undefined> {
    const done = new Map<number, Entry>();
    for (const [k, e] of this.journal.entries.get(-1) ?? []) if (draws[k] && this.matches(e, draws[k])) done.set(k, e);
    let next = 0;
    this.progress.startPredictive(draws.length, done.size);
    const ok = await this.simulate(
      () => {
        while (next < draws.length && done.has(next)) next++;
        return next < draws.length ? draws[next++] : undefined;
      },
      (e) => {
        done.set(e.k, e);
        this.progress.advance(done.size);
      },
    );
    this.progress.end();
    return ok ? draws.map((_, k) => done.get(k)!) : undefined;
  }

  stop(): void {
    this.stopped = true;
    void this.stopPool?.();
  }

  /** Close the journal and terminate the workers. */
  close(): void {
    this.file.close();
    void this.pool.close();
  }

  /** Simulate on the pool what `next()` hands out; false when stopped, failed or a write failed. */
  private async simulate(next: () => Proposal | undefined, onEntry: (e: Entry) => void): Promise<boolean> {
    const failures: string[] = [];
    const tasks: Iterator<ProposalTask> = {
      next: () => {
        const p = this.stopped ? undefined : next();
        return p ? { done: false, value: p } : { done: true, value: undefined };
      },
    };
    const pool = this.pool.run(tasks, {
      onResult: (task, out) => {
        if (this.fatal !== undefined) return;
        const entry: Entry = { g: task.generation, k: task.index, theta: task.theta, seeds: task.seeds, values: out.values, ms: out.ms };
        try {
          this.file.append(entry);
        } catch (err) {
          // A full disk: stop now. The journal holds every simulation before this one.
          this.fatal = err;
          void pool.stop();
          return;
        }
        this.simulated++;
        onEntry(entry);
      },
      onFailure: (task, error) => failures.push(`proposal ${task.index} of generation ${task.generation}: ${error.split('\n')[0]}`),
    });
    this.stopPool = pool.stop;
    await pool.done;
    this.stopPool = undefined;
    if (failures.length) this.log(`${plural(failures.length, 'simulation')} failed (twice each), e.g. ${failures[0]}\n`);
    return !this.stopped && this.fatal === undefined && failures.length === 0;
  }
}
