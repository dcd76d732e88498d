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
      problems.push(
        `${path ? `field ${short(path)}` : 'the file'} has ${entries.toLocaleString('en-US')} ${Array.isArray(v) ? 'entries' : 'keys'}; at most ${MAX_ENTRIES.toLocaleString('en-US')}`,
      );
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
  if (deepest)
    problems.unshift(
      `it nests more than ${MAX_DEPTH} levels deep (at field ${short((deepAt ?? '').replace(/(\[0\])+$/, (m) => `[0]… (${m.length / 3} levels)`))}); no field of a spec or scenario is nested that deep`,
    );
  return problems;
}

/** A field path for a message: at most 120 characters. */
function short(path: string): string {
  return path.length > 120 ? `${path.slice(0, 60)}…${path.slice(-40)} (${path.length.toLocaleString('en-US')} characters)` : path;
}

/** A key given twice in one object of a JSON text, and where: `set.partnership`, `schedule[2].set.x`. */
export interface DuplicateKey {
  key: string;
  path: string;
}

/**
 * Keys given twice in one object of a JSON text (JSON.parse keeps the last silently), at most `max`
 * of them, in the order they appear. A short pass over the tokens, no second parse: the text must be
 * valid JSON (parse it first), so strings are the only place a brace or a comma can hide.
 */
export function duplicateKeyList(text: string, max = 10): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  // One frame per open object or list: its path, and for an object its keys so far.
  const stack: { path: string; keys: Set<string> | null; index: number }[] = [];
  let pendingKey: string | null = null;
  let expectKey = false;
  const child = () => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    if (top.keys) return top.path ? `${top.path}.${pendingKey}` : String(pendingKey);
    return `${top.path}[${top.index}]`;
  };
  for (let i = 0; i < text.length && found.length < max; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectKey && top?.keys) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key)) found.push({ key, path: top.path ? `${top.path}.${key}` : key });
        top.keys.add(key);
        pendingKey = key;
        expectKey = false;
      }
      i = j;
    } else if (c === '{' || c === '[') {
      stack.push({ path: child(), keys: c === '{' ? new Set() : null, index: 0 });
      expectKey = c === '{';
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.keys) expectKey = true;
      else if (top) top.index++;
    }
  }
  return found;
}

/** The duplicate keys of a JSON text as the command line says them: `key "x" is given twice (at set.x); give it once`. */
export function duplicateKeys(text: string): string[] {
  return duplicateKeyList(text).map(({ key, path }) => `key "${short(key)}" is given twice (at ${short(path)}); give it once`);
}
