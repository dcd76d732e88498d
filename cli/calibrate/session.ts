// One session of a calibration in its directory: the generations (each written out as soon as it
// closes: posterior.csv, manifest.json), then the posterior predictive check and the printed
// summary. Ctrl-C or SIGTERM is recorded at once and loses no finished simulation; a failed write (a
// full disk) leaves the directory incomplete, its journal kept, and is reported as one line.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { completeManifest, generationRecord, type CalibrationManifest } from '../../lab/abc/manifest.ts';
import { runCalibration } from '../../lab/abc/run.ts';
import { modelSetup, type Calibration } from '../../lab/abc/spec.ts';
import type { Population, SmcResult } from '../../lab/abc/smc.ts';
import { plural } from '../common/text.ts';
import { writeAtomic } from '../common/files.ts';
import { gitCommit, machine } from '../runs/machine.ts';
import type { ProgressOutput } from '../runs/progress.ts';
import { JOURNAL, readJournal, rewriteJournal } from './journal.ts';
import { writeCalibrationManifest } from './manifest.ts';
import { generationsTable, posteriorCsv, posteriorTable, POSTERIOR_CSV, predictiveCsv, PREDICTIVE_CSV, predictiveTable } from './outputs.ts';
import { PoolSimulator } from './pool-simulator.ts';
import { openPool } from '../runs/pool.ts';
import { workerUrl } from '../runs/worker-url.ts';
import type { ProposalResult, ProposalTask } from './worker.ts';
import { CalibrationProgress } from './progress.ts';

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

/** Write the manifest if the disk lets us: a full disk must not hide the error that stopped us. */
function tryWriteManifest(dir: string, m: CalibrationManifest): void {
  try {
    writeCalibrationManifest(dir, m);
  } catch {
    // The error being reported is the one that matters.
  }
}

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

  const progress = new CalibrationProgress(o.progress);
  const setup = modelSetup(c);
  // One pool for every generation and the predictive check: its workers load and compile the model
  // once. sim.close() (below, finally) terminates them.
  const pool = openPool<ProposalTask, ProposalResult>({ url: workerUrl('calibrate-worker'), size: o.workers, workerData: setup });
  let sim: PoolSimulator;
  try {
    sim = new PoolSimulator(c.targets, journal, journalPath, pool, progress, o.log);
  } catch (err) {
    // The journal could not be opened: no worker may keep the process alive.
    void pool.close();
    throw err;
  }
  const stop = () => {
    if (sim.stopped) return;
    // Recorded at once: a scheduler's SIGKILL may follow its SIGTERM within seconds.
    m.status = 'interrupted';
    tryWriteManifest(o.dir, m);
    sim.stop();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  let populations: readonly Population[];
  let result: SmcResult;
  let complete = false;
  try {
    const run = await runCalibration(c, sim, (pop, all) => {
      progress.end();
      writeAtomic(join(o.dir, POSTERIOR_CSV), posteriorCsv(all, c.prior, c.targets));
      m.generations.push(generationRecord(pop, c.settings.replicates));
      writeCalibrationManifest(o.dir, m);
      const tol = Number.isFinite(pop.epsilon) ? `tolerance ${pop.epsilon.toPrecision(3)}` : 'prior';
      o.log(`generation ${pop.generation} (${tol}): ${pop.particles.length} of ${pop.proposals} proposals accepted (${(100 * pop.acceptance).toFixed(1)} %), ESS ${pop.ess.toFixed(0)}\n`);
    });
    ({ populations, result } = run);
    // The posterior predictive check's runs, when the generations ended by a stopping rule.
    if (run.draws) {
      writeAtomic(join(o.dir, PREDICTIVE_CSV), predictiveCsv(run.draws, c.prior, c.targets));
      completeManifest(m, c, populations, result, run.draws);
      complete = true;
    }
    if (sim.fatal !== undefined) throw sim.fatal;
  } catch (err) {
    // A file that could not be written: the directory is not complete, the journal is kept.
    m.status = 'incomplete';
    tryWriteManifest(o.dir, m);
    throw err;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    sim.close();
  }
  if (sim.rejected) o.log(`${sim.rejected} journal ${sim.rejected === 1 ? 'entry' : 'entries'} did not match this calibration or failed its checksum; ${sim.rejected === 1 ? 'it was' : 'they were'} simulated again\n`);

  const seconds = (performance.now() - started) / 1000;
  m.status = complete ? 'complete' : sim.stopped ? 'interrupted' : 'incomplete';
  m.stopped = complete ? result.stopped : null;
  m.timings = { ...m.timings, finishedAt: new Date().toISOString(), wallSeconds: m.timings.wallSeconds + seconds, simulated: m.timings.simulated + sim.simulated, sessions: m.timings.sessions + 1 };
  writeCalibrationManifest(o.dir, m);
  if (!complete) {
    o.log(sim.stopped ? `interrupted: every finished simulation is safe in ${o.dir}; finish with: ${o.resumeHint}\n` : `the calibration is incomplete; retry with: ${o.resumeHint}\n`);
    return sim.stopped ? 130 : 1;
  }
  rmSync(journalPath, { force: true });
  printSummary(c, m, populations, result.stopped, o.stdout);
  o.log(`${sim.simulated} simulations in ${seconds.toFixed(1)} s this session (${plural(o.workers, 'worker')}): ${o.dir}\n`);
  return 0;
}

function printSummary(c: Calibration, m: CalibrationManifest, populations: readonly Population[], stopped: string, out: (text: string) => void): void {
  const final = populations[populations.length - 1];
  out(`calibration of ${c.scenario.id}: ${plural(populations.length, 'generation')}, ${m.runs.calibration} runs; stopped: ${stopped}\n\n`);
  out(generationsTable(populations, c.settings.replicates) + '\n');
  out(`posterior (generation ${final.generation}, ${final.particles.length} particles, effective sample size ${final.ess.toFixed(0)}):\n`);
  out(posteriorTable(m.posterior) + '\n');
  out(`posterior predictive check (${c.spec.predictive.draws} draws × ${plural(c.spec.predictive.seeds, 'seed')}):\n`);
  out(predictiveTable(m.predictive));
}
