// Checks of parsed JSON (a spec, a scenario) that no schema can make: a nesting too deep to validate
// safely, and keys that would reach into JavaScript's object machinery.

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
