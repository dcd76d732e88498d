// JSON files from the user (specs, scenario files), read and checked for what no schema can check
// (lab/spec/shape.ts: a nesting too deep, keys that reach into JavaScript's object machinery).
import { readFileSync, statSync } from 'node:fs';
import { problemList } from '../../lab/problems.ts';
import { duplicateKeys, shapeProblems } from '../../lab/spec/shape.ts';
import { UsageError } from './errors.ts';

/** Largest spec or scenario file read: 100 000 seeds take about 1.1 MB. */
export const MAX_JSON_BYTES = 8_000_000;

/** Read and parse a JSON file; `what` names it in errors ("spec file x.json"). */
export function readJsonFile(path: string, what: string): unknown {
  let text: string;
  try {
    // The size first: a file of many megabytes would take seconds and gigabytes to parse and check.
    const size = statSync(path).size;
    if (size > MAX_JSON_BYTES)
      throw new UsageError(
        `${what} ${path} holds ${size.toLocaleString('en-US')} bytes; a spec or scenario file may hold at most ${MAX_JSON_BYTES.toLocaleString('en-US')} bytes`,
      );
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`cannot read ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${what} ${path} is not valid JSON: ${(err as Error).message.slice(0, 200)}`);
  }
  const problems = [...duplicateKeys(text), ...shapeProblems(value)];
  if (problems.length) throw new UsageError(problemList(`${what} ${path}`, problems));
  return value;
}
