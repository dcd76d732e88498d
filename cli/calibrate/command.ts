// `involution-lab calibrate <spec.json> --out <dir> [--workers N] [--resume]`: ABC-SMC inference of
// parameters from observed indicators. Everything that can be refused is checked before a byte is
// written; the simulations run on the experiment engine's worker pool.
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import { UsageError } from '../common/errors.ts';
import { integerFlag } from '../common/flags.ts';
import { removeStaleTemporaries } from '../common/files.ts';
import { plural } from '../common/text.ts';
import type { ExperimentIo } from '../experiment/command.ts';
import { checkCalibrationDir, manifestOf } from './manifest.ts';
import { runCalibrationSession } from './session.ts';
import { loadCalibration } from './spec.ts';

export interface CalibrateArgs {
  positionals: string[];
  out?: string;
  workers?: string;
  resume?: boolean;
}

export function calibrateCommand(args: CalibrateArgs, io: ExperimentIo): number | Promise<number> {
  const [specFile, ...extra] = args.positionals;
  if (specFile === undefined) throw new UsageError('calibrate needs a spec file: involution-lab calibrate <spec.json> --out <dir>');
  if (extra.length) throw new UsageError(`calibrate takes one spec file; unexpected: ${extra.join(' ')}`);
  const c = loadCalibration(specFile);
  const workers = args.workers === undefined ? os.availableParallelism() : integerFlag('--workers', args.workers, 1, 1024);
  if (args.out === undefined) throw new UsageError('calibrate needs --out <dir>');
  const manifest = manifestOf(c, specFile);
  const previous = checkCalibrationDir(args.out, manifest, args.resume === true);
  if (previous?.status === 'complete') {
    io.stderr(`${args.out} already holds this calibration, complete; nothing to do (involution-lab report ${args.out} draws it)\n`);
    return 0;
  }
  mkdirSync(args.out, { recursive: true });
  removeStaleTemporaries(args.out);
  if (!previous) {
    const s = c.settings;
    io.stderr(`calibrate ${specFile}: ${c.scenario.id}, ${c.ticks} months; ${plural(c.prior.names.length, 'parameter')} (${c.prior.names.join(', ')}) from ${plural(c.targets.length, 'target')} (${c.targets.map((t) => t.metric).join(', ')}); ${s.particles} particles, at most ${plural(s.generations, 'generation')}, ${plural(s.replicates, 'replicate')} a particle\n`);
  }
  return runCalibrationSession(c, {
    dir: args.out,
    workers,
    manifest,
    previous,
    resumeHint: `involution-lab calibrate ${specFile} --out ${args.out} --resume`,
    stdout: io.stdout,
    log: io.stderr,
    progress: io.progress,
  });
}
