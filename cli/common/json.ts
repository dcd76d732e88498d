// JSON files from the user (specs, scenario files), read and checked for what no schema can check
// (lab/spec/shape.ts: a nesting too deep, keys that reach into JavaScript's object machinery).
import { readFileSync } from 'node:fs';
import { problemList } from '../../lab/problems.ts';
import { shapeProblems } from '../../lab/spec/shape.ts';
import { UsageError } from './errors.ts';

/** Read and parse a JSON file; `what` names it in errors ("spec file x.json"). */
export function readJsonFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${what} ${path} is not valid JSON: ${(err as Error).message.slice(0, 200)}`);
  }
  const problems = shapeProblems(value);
  if (problems.length) throw new UsageError(problemList(`${what} ${path}`, problems));
  return value;
}
