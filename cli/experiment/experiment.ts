// A spec file read and resolved (lab/spec/resolve.ts) into everything needed to run it. Nothing is
// written; every problem is listed (up to ten), each naming the field, the value and what is allowed.
// What needs the file system is here: the spec file, and scenario files named relative to it.
import { dirname, resolve } from 'node:path';
import { problemList, SpecError } from '../../lab/problems.ts';
import { resolveExperiment, type Experiment } from '../../lab/spec/resolve.ts';
import { scenarioOf } from '../load.ts';
import { UsageError } from '../common/errors.ts';
import { readJsonFile } from '../common/json.ts';

/** Read, validate and resolve a spec file; throws one UsageError listing every problem (up to ten). */
export function loadExperiment(path: string): Experiment {
  const input = readJsonFile(path, 'spec file');
  const base = dirname(resolve(path));
  try {
    return resolveExperiment(input, { resolve: (ref, field) => scenarioOf(ref, base, field) });
  } catch (err) {
    if (err instanceof SpecError) throw new UsageError(problemList(`spec ${path}`, err.problems));
    throw err;
  }
}
