// The calibration's simulations on the experiment engine's worker pool, journaled: each finished
// simulation is appended (fsynced) to the journal before it counts; what the journal already holds is
// reused when it is exactly the proposal the spec regenerates now (lab/abc/run.ts). One pool, started
// by the session, serves every generation and the predictive check, its workers warm from one to the
// next. A failed write (a full disk) stops the pool and is kept in `fatal` for the session to report;
// stop() ends the pool at once.
import type { Proposal } from '../../lab/abc/smc.ts';
import { StoredSimulator, type LoopProgress } from '../../lab/abc/run.ts';
import type { Target } from '../../lab/abc/targets.ts';
import { plural } from '../common/text.ts';
import type { WorkerPool } from '../runs/pool.ts';
import { Journal, type Entry, type JournalContents } from './journal.ts';
import type { CalibrationProgress } from './progress.ts';
import type { ProposalResult, ProposalTask } from './worker.ts';

export class PoolSimulator extends StoredSimulator<Entry> {
  /** Simulations run in this session, including those past a generation's N-th acceptance. */
  simulated = 0;
  fatal: unknown = undefined;
  stopped = false;
  private readonly file: Journal;
  private stopPool: (() => Promise<void>) | undefined;

  constructor(
    targets: readonly Target[],
    journal: JournalContents,
    journalPath: string,
    private readonly pool: WorkerPool<ProposalTask, ProposalResult>,
    private readonly progress: CalibrationProgress,
    private readonly log: (text: string) => void,
  ) {
    super(targets, journal.entries);
    // Journal entries that failed their checksum count with those that do not match their proposal.
    this.rejected = journal.bad;
    this.file = new Journal(journalPath);
  }

  /** The bar's progress: a generation's acceptances against N, the predictive check's draws done. */
  protected report(p: LoopProgress): void {
    if (!p.starting) this.progress.advance(p.accepted);
    else if (p.stage === 'generation') this.progress.start(p);
    else this.progress.startPredictive(p.goal, p.accepted);
  }

  /** Every draw of the predictive check (generation −1 in the journal), in draw order; its line on the terminal ended. */
  async runDraws(draws: readonly Proposal[]): Promise<Entry[] | undefined> {
    const done = await super.runDraws(draws);
    this.progress.end();
    return done;
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
  protected async simulate(next: () => Proposal | undefined, onEntry: (e: Entry) => void): Promise<boolean> {
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
