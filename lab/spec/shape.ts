// Checks of parsed JSON (a spec, a scenario) that no schema can make: a nesting too deep to validate
// safely, and keys that would reach into JavaScript's object machinery.

/** Deeper than any spec or scenario needs, far below what would exhaust the stack. */
export const MAX_DEPTH = 64;
/** Most entries of one list or object: far more than a spec needs (seeds: at most 100 000). */
export const MAX_ENTRIES = 100_000;
/** Keys refused anywhere in a file: they name JavaScript's prototype machinery, not a field. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Problems of the parsed value's shape: too deep, forbidden keys (each with where it is). */
export function shapeProblems(value: unknown): string[] {
  const problems: string[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  let deepest = 0;
  let deepAt: string | undefined;
  while (stack.length) {
    const { value: v, path, depth } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_DEPTH) {
      deepest = Math.max(deepest, depth);
      deepAt ??= path;
      continue;
    }
    const entries = Array.isArray(v) ? v.length : Object.keys(v).length;
    if (entries > MAX_ENTRIES) {
      // Refused before anything looks inside: its checks would take minutes and gigabytes.
      problems.push(`${path ? `field ${short(path)}` : 'the file'} has ${entries.toLocaleString('en-US')} ${Array.isArray(v) ? 'entries' : 'keys'}; at most ${MAX_ENTRIES.toLocaleString('en-US')}`);
      continue;
    }
    if (Array.isArray(v)) v.forEach((x, i) => stack.push({ value: x, path: `${path}[${i}]`, depth: depth + 1 }));
    else {
      for (const key of Object.keys(v)) {
        const at = path ? `${path}.${key}` : key;
        if (FORBIDDEN_KEYS.has(key)) problems.push(`key "${key}" (at ${short(at)}) is not allowed: it is not a field of any spec or scenario`);
        else stack.push({ value: (v as Record<string, unknown>)[key], path: at, depth: depth + 1 });
      }
    }
  }
  if (deepest) problems.unshift(`it nests more than ${MAX_DEPTH} levels deep (at field ${short((deepAt ?? '').replace(/(\[0\])+$/, (m) => `[0]… (${m.length / 3} levels)`))}); no field of a spec or scenario is nested that deep`);
  return problems;
}

/** A field path for a message: at most 120 characters. */
function short(path: string): string {
  return path.length > 120 ? `${path.slice(0, 60)}…${path.slice(-40)} (${path.length.toLocaleString('en-US')} characters)` : path;
}
