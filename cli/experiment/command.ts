// `involution-lab experiment <spec.json> --out <dir> [--workers N] [--shard i/n|auto] [--format csv|parquet]
// [--resume] [--dry-run]`.
// Everything that can be refused is checked synchronously, before anything is written; the runs
// themselves are asynchronous (worker threads).
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import { asFileError, UsageError } from '../common/errors.ts';
import { integerFlag } from '../common/flags.ts';
import { removeStaleTemporaries } from '../common/files.ts';
import { lockDirectory } from '../common/lock.ts';
import { plural } from '../common/text.ts';
import { estimate } from './estimate.ts';
import type { Experiment } from '../../lab/spec/resolve.ts';
import { loadExperiment } from './experiment.ts';
import { manifestOf } from './manifest.ts';
import { checkOutDir } from './outdir.ts';
import { runsOf, type Shard } from '../../lab/plan.ts';
import { parseShard, schedulerOf } from '../runs/scheduler.ts';
import { runSession } from './session.ts';
import type { CommandIo } from '../runs/progress.ts';

export interface ExperimentArgs {
  positionals: string[];
  out?: string;
  workers?: string;
  shard?: string;
  resume?: boolean;
  'dry-run'?: boolean;
  format?: string;
}


/** Start-up of the command and of its workers (loading and compiling the model), measured on 2 cores. */
const STARTUP_SECONDS = 0.4;

const workersOf = (text: string | undefined): number => (text === undefined ? os.availableParallelism() : integerFlag('--workers', text, 1, 1024));

function describe(e: Experiment, specFile: string, shard: Shard | null, here: number): string {
  const design = e.design.type === 'none' ? 'no design (one point)' : `${e.design.type} over ${e.design.params.join(', ')}`;
  const shardText = shard ? `; shard ${shard.index}/${shard.count} does ${here}` : '';
  return `experiment ${specFile}: ${plural(e.scenarios.length, 'scenario')} × ${plural(e.design.points.length, 'design point')} × ${plural(e.seeds.length, 'seed')} = ${plural(e.runs, 'run')}${shardText}\ndesign: ${design}\n`;
}

function dryRun(e: Experiment, specFile: string, shard: Shard | null, workers: number, io: CommandIo): number {
  const runs = runsOf(e.runs, shard);
  io.stdout(describe(e, specFile, shard, runs.length));
  if (runs.length === 0) return 0;
  const { calibration: c, runSeconds } = estimate(e, runs);
  const used = Math.min(workers, runs.length);
  io.stdout(`calibration: ${c.ticks} months of ${c.scenario} with ${c.citizens} citizens in ${c.ms.toFixed(0)} ms (in-process)\n`);
  const total = runSeconds / used + STARTUP_SECONDS;
  io.stdout(`estimate: ${(runSeconds / runs.length).toFixed(3)} s a run, about ${total < 10 ? total.toFixed(1) : total.toFixed(0)} s with ${plural(used, 'worker')} (start-up included)\n`);
  io.stdout('nothing written (--dry-run)\n');
  return 0;
}

export function experimentCommand(args: ExperimentArgs, io: CommandIo): number | Promise<number> {
  const [specFile, ...extra] = args.positionals;
  if (specFile === undefined) throw new UsageError('experiment needs a spec file: involution-lab experiment <spec.json> --out <dir>');
  if (extra.length) throw new UsageError(`experiment takes one spec file; unexpected: ${extra.join(' ')}`);
  if (args.format !== undefined && args.format !== 'csv' && args.format !== 'parquet') throw new UsageError(`--format ${JSON.stringify(args.format)} is not allowed; allowed: csv, parquet`);
  const e = loadExperiment(specFile);
  if (args.format !== undefined) e.format = args.format as 'csv' | 'parquet';
  const shard = args.shard === undefined ? null : parseShard(args.shard);
  const workers = workersOf(args.workers);
  for (const w of e.warnings) io.stderr(`${w}\n`);
  if (args['dry-run']) return dryRun(e, specFile, shard, workers, io);
  if (args.out === undefined) throw new UsageError('experiment needs --out <dir> (or --dry-run)');
  const here = runsOf(e.runs, shard).length;
  const manifest = manifestOf(e, specFile, shard, here);
  const out = args.out;
  if (checkOutDir(out, manifest, args.resume === true)?.status === 'complete') {
    io.stderr(`${out} already holds this experiment, complete; nothing to do\n`);
    return 0;
  }
  // Every check has passed: make the directory now, so that a path that cannot be one is refused here.
  try {
    mkdirSync(out, { recursive: true });
  } catch (err) {
    throw asFileError(err, 'create directory', out);
  }
  const job = schedulerOf().job;
  let lost: string | undefined;
  const release = lockDirectory(out, `involution-lab experiment ${specFile} --out ${out}`, job, (message) => (lost = message));
  const unlock = () => {
    if (lost) io.stderr(`warning: ${lost}\n`);
    release();
  };
  try {
    // Checked again under the lock: another session may have changed the directory meanwhile.
    const previous = checkOutDir(out, manifest, args.resume === true);
    if (previous?.status === 'complete') {
      io.stderr(`${out} already holds this experiment, complete; nothing to do\n`);
      unlock();
      return 0;
    }
    removeStaleTemporaries(out);
    const shardFlag = shard ? ` --shard ${args.shard?.trim().startsWith('auto') ? args.shard.trim() : `${shard.index}/${shard.count}`}` : '';
    const hint = `involution-lab experiment ${specFile} --out ${out}${shardFlag}${args.format ? ` --format ${args.format}` : ''} --resume`;
    if (!previous) io.stderr(describe(e, specFile, shard, here));
    const session = runSession(e, { dir: out, shard, workers, manifest, previous, resumeHint: hint, log: io.stderr, progress: io.progress });
    return session.finally(unlock);
  } catch (err) {
    unlock();
    throw err;
  }
}
