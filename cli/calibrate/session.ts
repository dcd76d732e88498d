// One session of a calibration in its directory: what the journal holds is reused, the rest is
// simulated on the worker pool, each finished simulation journaled before it counts; each closed
// generation is written out at once (posterior.csv, manifest.json); then the predictive check.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { predictiveCheck, summarise } from '../../lab/abc/report.ts';
import { outcomeOf, predictiveDraws, runSmc, type Outcome, type Population, type Proposal, type Simulator } from '../../lab/abc/smc.ts';
import { plural } from '../common/text.ts';
import { writeAtomic } from '../common/files.ts';
import { gitCommit, machine } from '../experiment/machine.ts';
import { runPool } from '../experiment/pool.ts';
import type { ProgressOutput } from '../experiment/progress.ts';
import { workerUrl } from '../experiment/worker-url.ts';
import { Journal, JOURNAL, readJournal, rewriteJournal, type Entry } from './journal.ts';
import { generationRecord, writeCalibrationManifest, type CalibrationManifest } from './manifest.ts';
import { generationsTable, posteriorCsv, posteriorTable, POSTERIOR_CSV, predictiveCsv, PREDICTIVE_CSV, predictiveTable } from './outputs.ts';
import { CalibrationProgress } from './progress.ts';
import type { Calibration } from './spec.ts';
import type { ModelSetup } from '../../lab/abc/model.ts';
import type { ProposalResult, ProposalTask } from './worker.ts';

export interface CalibrationSessionOptions {
  dir: string;
  workers: number;
  manifest: CalibrationManifest;
  previous: CalibrationManifest | undefined;
  resumeHint: string;
  stdout: (text: string) => void;
  log: (text: string) => void;
  progress: ProgressOutput;
}

/** The predictive check's entries in the journal. */
const PREDICTIVE = -1;

const sameNumbers = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

export async function runCalibrationSession(c: Calibration, o: CalibrationSessionOptions): Promise<number> {
  const started = performance.now();
  const journalPath = join(o.dir, JOURNAL);
  const journal = readJournal(journalPath);
  const m: CalibrationManifest = {
    ...o.manifest,
    model: { ...o.manifest.model, ...gitCommit() },
    timings: o.previous ? { ...o.previous.timings } : o.manifest.timings,
    machine: machine(o.workers),
  };
  writeCalibrationManifest(o.dir, m);
  const kept = [...journal.entries.values()].flatMap((g) => [...g.values()]);
  rewriteJournal(journalPath, kept);
  if (kept.length) o.log(`resuming: ${plural(kept.length, 'simulation')} already done\n`);
  let rejected = journal.bad;

  const file = new Journal(journalPath);
  const workerData: ModelSetup = { scenario: c.scenario, set: c.set, names: c.prior.names, targets: c.targets.map((t) => ({ metric: t.metric, tick: t.tick })) };
  const progress = new CalibrationProgress(o.progress);
  let stopping = false;
  let stopPool: (() => Promise<void>) | undefined;
  const stop = () => {
    stopping = true;
    void stopPool?.();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  /** A journal entry is used only if it is exactly the proposal the spec regenerates now. */
  const matches = (e: Entry, p: Proposal) => sameNumbers(e.theta, p.theta) && sameNumbers(e.seeds, p.seeds) && e.values.length === p.seeds.length && e.values.every((v) => v.length === c.targets.length);

  /** Simulate proposals on the pool; `next()` hands out the next one, or undefined when there are enough. */
  async function simulate(next: () => Proposal | undefined, onOutcome: (p: Proposal, e: Entry) => void): Promise<boolean> {
    const failures: string[] = [];
    const tasks: Iterator<ProposalTask> = { next: () => {
      const p = stopping ? undefined : next();
      return p ? { done: false, value: p } : { done: true, value: undefined };
    } };
    const pool = runPool<ProposalTask, ProposalResult>(tasks, {
      url: workerUrl('calibrate-worker'),
      size: o.workers,
      workerData,
      onResult: (task, out) => {
        const entry: Entry = { g: task.generation, k: task.index, theta: task.theta, seeds: task.seeds, values: out.values, ms: out.ms };
        file.append(entry);
        m.timings.simulated++;
        onOutcome(task, entry);
      },
      onFailure: (task, error) => failures.push(`proposal ${task.index} of generation ${task.generation}: ${error.split('\n')[0]}`),
    });
    stopPool = pool.stop;
    await pool.done;
    stopPool = undefined;
    if (failures.length) o.log(`${plural(failures.length, 'simulation')} failed (twice each), e.g. ${failures[0]}\n`);
    return !stopping && failures.length === 0;
  }

  const outcomes = new Map<number, Map<number, Outcome>>();
  const sim: Simulator = {
    // A journal entry counts only if it is exactly the proposal this step makes now.
    known: (step) => {
      if (!outcomes.has(step.generation)) {
        const map = new Map<number, Outcome>();
        for (const [k, e] of journal.entries.get(step.generation) ?? []) {
          if (k < step.cap && matches(e, step.propose(k))) map.set(k, outcomeOf(e.values, c.targets));
          else rejected++;
        }
        outcomes.set(step.generation, map);
      }
      return outcomes.get(step.generation)!;
    },
    run: (step) => {
      const known = sim.known(step);
      let next = 0, accepted = 0;
      progress.start(step);
      return simulate(
        () => {
          // Hand out proposals in index order until those handed out hold N acceptances.
          while (accepted < step.particles && next < step.cap) {
            const k = next++;
            const o = known.get(k);
            if (!o) return step.propose(k);
            if (o.distance <= step.epsilon) accepted++;
          }
          return undefined;
        },
        (_, e) => {
          const outcome = outcomeOf(e.values, c.targets);
          known.set(e.k, outcome);
          if (outcome.distance <= step.epsilon) accepted++;
          progress.advance(accepted);
        },
      );
    },
  };

  const populations: Population[] = [];
  const writePosterior = () => writeAtomic(join(o.dir, POSTERIOR_CSV), posteriorCsv(populations, c.prior, c.targets));
  const result = await runSmc(c.prior, c.settings, sim, (pop) => {
    populations.push(pop);
    progress.end();
    writePosterior();
    m.generations.push(generationRecord(pop, c.settings.replicates));
    writeCalibrationManifest(o.dir, m);
    const tol = Number.isFinite(pop.epsilon) ? `tolerance ${pop.epsilon.toPrecision(3)}` : 'prior';
    o.log(`generation ${pop.generation} (${tol}): ${pop.particles.length} of ${pop.proposals} proposals accepted (${(100 * pop.acceptance).toFixed(1)} %), ESS ${pop.ess.toFixed(0)}\n`);
  });

  let complete = result.complete && populations.length > 0;
  if (complete) {
    // The posterior predictive check: K draws from the final population, each on fresh seeds.
    const final = populations[populations.length - 1];
    const draws = predictiveDraws(final, c.spec.predictive.draws, c.spec.predictive.seeds, c.settings.seed);
    const known = new Map<number, Entry>();
    for (const [k, e] of journal.entries.get(PREDICTIVE) ?? []) if (draws[k] && matches(e, draws[k])) known.set(k, e);
    let next = 0;
    progress.startPredictive(draws.length, known.size);
    complete = await simulate(
      () => {
        while (next < draws.length && known.has(next)) next++;
        return next < draws.length ? draws[next++] : undefined;
      },
      (_, e) => {
        known.set(e.k, e);
        progress.advance(known.size);
      },
    );
    progress.end();
    if (complete) {
      const entries = draws.map((_, k) => known.get(k)!);
      writeAtomic(join(o.dir, PREDICTIVE_CSV), predictiveCsv(entries, c.prior, c.targets));
      m.predictive = predictiveCheck(entries.flatMap((e) => e.values), c.targets);
      m.posterior = summarise(final, c.prior);
      m.runs = { calibration: m.generations.reduce((s, g) => s + g.runs, 0) + result.exhausted * c.settings.replicates, predictive: draws.length * c.spec.predictive.seeds };
    }
  }
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  file.close();
  if (rejected) o.log(`${rejected} journal ${rejected === 1 ? "entry" : "entries"} did not match this calibration or failed its checksum; ${rejected === 1 ? 'it was' : 'they were'} simulated again\n`);

  const seconds = (performance.now() - started) / 1000;
  m.status = complete ? 'complete' : stopping ? 'interrupted' : 'incomplete';
  m.stopped = complete ? result.stopped : null;
  m.timings = { ...m.timings, finishedAt: new Date().toISOString(), wallSeconds: m.timings.wallSeconds + seconds, sessions: m.timings.sessions + 1 };
  writeCalibrationManifest(o.dir, m);
  if (!complete) {
    o.log(stopping ? `interrupted: every finished simulation is safe in ${o.dir}; finish with: ${o.resumeHint}\n` : `the calibration is incomplete; retry with: ${o.resumeHint}\n`);
    return stopping ? 130 : 1;
  }
  rmSync(journalPath, { force: true });
  const final = populations[populations.length - 1];
  o.stdout(`calibration of ${c.scenario.id}: ${plural(populations.length, 'generation')}, ${m.runs.calibration} runs; stopped: ${result.stopped}\n\n`);
  o.stdout(generationsTable(populations, c.settings.replicates) + '\n');
  o.stdout(`posterior (generation ${final.generation}, ${final.particles.length} particles, effective sample size ${final.ess.toFixed(0)}):\n`);
  o.stdout(posteriorTable(m.posterior) + '\n');
  o.stdout(`posterior predictive check (${c.spec.predictive.draws} draws × ${plural(c.spec.predictive.seeds, 'seed')}):\n`);
  o.stdout(predictiveTable(m.predictive));
  o.log(`${m.timings.simulated} simulations in ${seconds.toFixed(1)} s this session (${plural(o.workers, 'worker')}): ${o.dir}\n`);
  return 0;
}
