// Scenario files: read, checked for their shape (lab/spec/shape.ts), validated against the scenario
// schema, and every problem listed (up to ten), each naming the field, the value (shortened) and
// what is allowed.
import { isAbsolute, resolve } from 'node:path';
import type { z } from 'zod';
import { knownParams, PARAM_BY_NAME, ScenarioError, type Scenario } from '../sim/index.ts';
import { scenarioSchema } from '../sim/scenario.ts';
import { readJsonFile } from './common/json.ts';
import { problemList, shown } from '../lab/problems.ts';
import { UsageError } from './common/errors.ts';
import { bundledScenario } from '../lab/spec/resolve.ts';
import { MAX_CHANGES } from '../lab/spec/schema.ts';

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const p of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[p] : undefined;
  return value;
}

const fieldName = (path: readonly PropertyKey[]): string => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${String(p)}` : String(p))).join('') || '(top level)';

/** One zod issue of a scenario file as a line: parameters by their registry ranges, other fields by name. */
function describe(issue: z.core.$ZodIssue, input: unknown): string {
  const path = issue.path;
  const inParams = path[0] === 'params' ? 1 : path[0] === 'schedule' && path[2] === 'set' ? 3 : 0;
  const where = path[0] === 'schedule' ? `schedule[${String(path[1])}]: ` : '';
  if (inParams && issue.code === 'unrecognized_keys') return `${where}unknown parameter "${issue.keys.map((k) => k.slice(0, 60)).join('", "')}"; ${knownParams(String(issue.keys[0]))}`;
  if (inParams && path.length === inParams + 1) {
    const name = String(path[inParams]);
    const p = PARAM_BY_NAME.get(name);
    const allowed = p ? `${p.integer ? 'an integer' : 'a number'} in [${p.min}, ${p.max}]` : issue.message;
    return `${where}parameter ${name} = ${shown(valueAt(input, path))} is not allowed: must be ${allowed}`;
  }
  const field = fieldName(path);
  if (issue.code === 'unrecognized_keys') return `unknown field "${issue.keys.map((k) => k.slice(0, 60)).join('", "')}" in ${field}`;
  const value = valueAt(input, path);
  if (value === undefined) return `field ${field} is missing: ${issue.message.replace(/, received undefined$/, '')}`;
  return `field ${field} = ${shown(value)}: ${issue.message}`;
}

/** Read and validate a scenario file; the error lists every problem and names the file. */
export function loadScenarioFile(path: string): Scenario {
  let data: unknown;
  try {
    data = readJsonFile(path, 'scenario file');
  } catch (err) {
    if (err instanceof UsageError) throw new ScenarioError(err.message);
    throw err;
  }
  // Counted before the schema looks at them: every run scans the schedule each month.
  const schedule = (data as { schedule?: unknown } | null)?.schedule;
  if (Array.isArray(schedule) && schedule.length > MAX_CHANGES) throw new ScenarioError(`scenario file ${path}: field schedule lists ${schedule.length.toLocaleString('en-US')} changes; at most ${MAX_CHANGES}`);
  const result = scenarioSchema().safeParse(data);
  if (result.success) return result.data as Scenario;
  throw new ScenarioError(problemList(`scenario file ${path}`, result.error.issues.map((i) => describe(i, data))));
}

/** A bundled scenario id, or a path to a scenario .json file (relative to `base`, the spec's folder). */
export function scenarioOf(ref: string, base: string, field: string): Scenario {
  if (ref.endsWith('.json')) return loadScenarioFile(isAbsolute(ref) ? ref : resolve(base, ref));
  return bundledScenario(ref, field);
}
