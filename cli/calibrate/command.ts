// `involution-lab calibrate <spec.json> --out <dir> [--workers N] [--resume] [--dry-run]`: ABC-SMC inference of
// parameters from observed indicators. Everything that can be refused is checked before a byte is
// written; the simulations run on the experiment engine's worker pool.
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import { asFileError, UsageError } from '../common/errors.ts';
import { integerFlag } from '../common/flags.ts';
import { removeStaleTemporaries } from '../common/files.ts';
import { lockDirectory } from '../common/lock.ts';
import { schedulerOf } from '../runs/scheduler.ts';
import { plural } from '../common/text.ts';
import type { CommandIo } from '../runs/progress.ts';
import { checkCalibrationDir, manifestOf, type CalibrationManifest } from './manifest.ts';
import { runCalibrationSession } from './session.ts';
import { loadCalibration } from './spec.ts';
import { calibrationRuns, type Calibration } from '../../lab/abc/spec.ts';
import { targetName } from '../../lab/abc/targets.ts';
import { runScenario } from '../../sim/index.ts';

export interface CalibrateArgs {
  positionals: string[];
  out?: string;
  workers?: string;
  resume?: boolean;
  'dry-run'?: boolean;
}

/** Seconds of one run of the calibration's scenario, timed in this process on a short run at the priors' midpoints. */
function secondsPerRun(c: Calibration): number {
  const set = { ...c.set };
  c.prior.names.forEach((n, a) => (set[n] = (c.prior.lo[a] + c.prior.hi[a]) / 2));
  const ticks = Math.min(24, c.ticks);
  let ms = Infinity;
  // The fastest of a few: the first runs go before the JIT has compiled the model.
  for (let i = 0, spent = 0; i < 8 && spent < 400; i++) {
    const t0 = performance.now();
    runScenario(c.scenario, 1, { set: { ...set, ticks } });
    const took = performance.now() - t0;
    ms = Math.min(ms, took);
    spent += took;
  }
  return ((ms / 1000) * c.ticks) / ticks;
}

/** How many runs and how long: bounds from the spec, a typical figure at 50 % acceptance. */
function dryRun(c: Calibration, specFile: string, workers: number, io: CommandIo): number {
  const s = c.settings;
  const { least, typical, most, predictive } = calibrationRuns(c);
  const seconds = secondsPerRun(c);
  const time = (runs: number) => {
    const t = (runs * seconds) / Math.min(workers, os.availableParallelism()) + 0.3 * s.generations;
    return t < 90 ? `${t.toFixed(0)} s` : `${(t / 60).toFixed(0)} min`;
  };
  io.stdout(`calibrate ${specFile}: ${c.scenario.id}, ${c.ticks} months; ${plural(c.prior.names.length, 'parameter')} from ${plural(c.targets.length, 'target')}; ${s.particles} particles × at most ${plural(s.generations, 'generation')}, ${plural(s.replicates, 'replicate')} a particle, then ${predictive} predictive runs\n`);
  io.stdout(`a run: about ${(seconds * 1000).toFixed(0)} ms (timed in this process)\n`);
  io.stdout(`runs: at least ${least} (every proposal accepted), about ${typical} at 50 % acceptance (${time(typical)} with ${plural(workers, 'worker')}), at most ${most} at the minimum acceptance rate ${s.minAcceptance} (${time(most)})\n`);
  io.stdout('nothing written (--dry-run)\n');
  return 0;
}

export function calibrateCommand(args: CalibrateArgs, io: CommandIo): number | Promise<number> {
  const [specFile, ...extra] = args.positionals;
  if (specFile === undefined) throw new UsageError('calibrate needs a spec file: involution-lab calibrate <spec.json> --out <dir>');
  if (extra.length) throw new UsageError(`calibrate takes one spec file; unexpected: ${extra.join(' ')}`);
  const c = loadCalibration(specFile);
  const workers = args.workers === undefined ? os.availableParallelism() : integerFlag('--workers', args.workers, 1, 1024);
  if (args['dry-run']) return dryRun(c, specFile, workers, io);
  if (args.out === undefined) throw new UsageError('calibrate needs --out <dir> (or --dry-run)');
  const manifest = manifestOf(c, specFile, new Date().toISOString());
  const out = args.out;
  if (checkCalibrationDir(out, manifest, args.resume === true)?.status === 'complete') {
    io.stderr(`${out} already holds this calibration, complete; nothing to do (involution-lab report ${out} draws it)\n`);
    return 0;
  }
  try {
    mkdirSync(out, { recursive: true });
  } catch (err) {
    throw asFileError(err, 'create directory', out);
  }
  let lost: string | undefined;
  const release = lockDirectory(out, `involution-lab calibrate ${specFile} --out ${out}`, schedulerOf().job, (message) => (lost = message));
  const unlock = () => {
    if (lost) io.stderr(`warning: ${lost}\n`);
    release();
  };
  let previous: CalibrationManifest | undefined;
  try {
    // Checked again under the lock: another session may have changed the directory meanwhile.
    previous = checkCalibrationDir(out, manifest, args.resume === true);
    if (previous?.status === 'complete') {
      io.stderr(`${out} already holds this calibration, complete; nothing to do (involution-lab report ${out} draws it)\n`);
      unlock();
      return 0;
    }
    removeStaleTemporaries(out);
  } catch (err) {
    unlock();
    throw err;
  }
  if (!previous) {
    const s = c.settings;
    io.stderr(`calibrate ${specFile}: ${c.scenario.id}, ${c.ticks} months; ${plural(c.prior.names.length, 'parameter')} (${c.prior.names.join(', ')}) from ${plural(c.targets.length, 'target')} (${c.targets.map(targetName).join(', ')}); ${s.particles} particles, at most ${plural(s.generations, 'generation')}, ${plural(s.replicates, 'replicate')} a particle\n`);
  }
  let session: Promise<number>;
  try {
    session = runCalibrationSession(c, {
      dir: out,
      workers,
      manifest,
      previous,
      resumeHint: `involution-lab calibrate ${specFile} --out ${out} --resume`,
      stdout: io.stdout,
      log: io.stderr,
      progress: io.progress,
    });
  } catch (err) {
    unlock();
    throw err;
  }
  return session.finally(unlock);
}
