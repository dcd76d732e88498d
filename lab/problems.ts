// What is wrong with a spec, as the user reads it: each check throws or pushes one line naming the
// field, the value and what is allowed, and a spec's lines are listed together. The CLI prints the
// list and exits with status 2; the browser shows it.
import { ParamError, ScenarioError } from '../sim/index.ts';

/** One problem found by a check (a value of a field), to be listed with the others. */
export class Problem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Problem';
  }
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

/** A spec that cannot be run: every problem found, one line each. */
export class SpecError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problemList('spec', problems));
    this.name = 'SpecError';
  }
}

/** Run `f`; a problem it throws (ours, or the model's about a parameter or a scenario) is pushed, and undefined returned. */
export function attempt<T>(problems: string[], f: () => T): T | undefined {
  try {
    return f();
  } catch (err) {
    if (err instanceof Problem || err instanceof ParamError || err instanceof ScenarioError) problems.push(err.message);
    else throw err;
    return undefined;
  }
}

const NON_FINITE = '\u0000';

/**
 * A value for a message: JSON, non-finite numbers by name (1e309 in a file reads as Infinity; JSON
 * would write null), past 60 characters cut with an ellipsis and the length.
 */
export function shown(value: unknown): string {
  const text =
    typeof value === 'number' && !Number.isFinite(value)
      ? String(value)
      : (JSON.stringify(value, (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? `${NON_FINITE}${v}${NON_FINITE}` : v))?.replace(/"\\u0000(-?Infinity|NaN)\\u0000"/g, '$1') ?? String(value));
  return text.length > 60 ? `${text.slice(0, 60)}… (${text.length.toLocaleString('en-US')} characters)` : text;
}

/** Whether a value holds a number beyond ±1.8e308 (written as 1e309 or longer, read as Infinity). */
export const holdsInfinity = (value: unknown): boolean =>
  typeof value === 'number' ? !Number.isFinite(value) : Array.isArray(value) ? value.some(holdsInfinity) : false;
