// The calibration spec file: read (lab/spec/shape.ts's checks and duplicate keys first), then
// validated and resolved by lab/abc/spec.ts, a scenario .json it names read relative to the spec.
// Every problem is listed, one line each, before anything is written.
import { dirname, resolve } from 'node:path';
import { resolveCalibration, type Calibration } from '../../lab/abc/spec.ts';
import { problemList, SpecError } from '../../lab/problems.ts';
import { UsageError } from '../common/errors.ts';
import { readJsonFile } from '../common/json.ts';
import { scenarioOf } from '../load.ts';

export type { Calibration, CalibrationSpec } from '../../lab/abc/spec.ts';

/** Read, validate and resolve a calibration spec; throws one UsageError listing every problem. */
export function loadCalibration(path: string): Calibration {
  const input = readJsonFile(path, 'calibration spec');
  const base = dirname(resolve(path));
  try {
    return resolveCalibration(input, (ref, field) => scenarioOf(ref, base, field));
  } catch (err) {
    if (err instanceof SpecError) throw new UsageError(problemList(`calibration spec ${path}`, err.problems));
    throw err;
  }
}
