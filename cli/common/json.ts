// JSON files from the user (specs, scenario files), read with the checks no schema can make: a
// nesting too deep to validate safely, and keys that would reach into JavaScript's object machinery.
import { readFileSync } from 'node:fs';
import { UsageError } from './errors.ts';

/** Deeper than any spec or scenario needs, far below what would exhaust the stack. */
export const MAX_DEPTH = 64;
/** Keys refused anywhere in a file: they name JavaScript's prototype machinery, not a field. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Problems of the parsed value's shape: too deep, forbidden keys (each with where it is). */
export function shapeProblems(value: unknown): string[] {
  const problems: string[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  let deepest = 0;
  while (stack.length) {
    const { value: v, path, depth } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_DEPTH) {
      deepest = Math.max(deepest, depth);
      continue;
    }
    if (Array.isArray(v)) v.forEach((x, i) => stack.push({ value: x, path: `${path}[${i}]`, depth: depth + 1 }));
    else {
      for (const key of Object.keys(v)) {
        const at = path ? `${path}.${key}` : key;
        if (FORBIDDEN_KEYS.has(key)) problems.push(`key "${key}" (at ${at}) is not allowed: it is not a field of any spec or scenario`);
        else stack.push({ value: (v as Record<string, unknown>)[key], path: at, depth: depth + 1 });
      }
    }
  }
  if (deepest) problems.unshift(`it nests more than ${MAX_DEPTH} levels deep; no field of a spec or scenario is nested that deep`);
  return problems;
}

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

/** Most problems listed for one file: the first ten, then a count. */
export const MAX_LISTED = 10;

/** "<what>: <problem>" for one problem; "<what> has N problems:" and an indented list for more. */
export function problemList(what: string, problems: readonly string[]): string {
  if (problems.length === 1) return `${what}: ${problems[0]}`;
  const listed = problems.slice(0, MAX_LISTED).map((p) => `\n  ${p}`).join('');
  const more = problems.length > MAX_LISTED ? `\n  … and ${problems.length - MAX_LISTED} more` : '';
  return `${what} has ${problems.length} problems:${listed}${more}`;
}

/** A value for a message: JSON, non-finite numbers by name, cut to 60 characters. */
export function shown(value: unknown): string {
  const text = typeof value === 'number' && !Number.isFinite(value) ? String(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
