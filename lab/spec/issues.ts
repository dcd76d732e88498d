// Zod issues of a spec file as one line each: the field, the value and what is allowed. Shared by
// the experiment and calibration specs, each with its own table of what its fields allow.
import type { z } from 'zod';
import { holdsInfinity, shown } from '../problems.ts';
import { ALLOWED, specSchema } from './schema.ts';

/** How one kind of spec describes itself. */
export interface SpecVocabulary {
  /** What each field allows, keyed by its path with list positions and record keys as `*`. */
  allowed: Record<string, string>;
  /** Fields that are records keyed by free names (parameter or metric names). */
  records: ReadonlySet<string>;
  /** The fields an object at `path` may have. */
  knownFields: (path: readonly PropertyKey[], input: unknown) => string[];
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const p of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[p] : undefined;
  return value;
}

export const fieldName = (path: readonly PropertyKey[]): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${String(p)}` : String(p))).join('');

export function describeIssue(v: SpecVocabulary, issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.path.length === 0 && issue.code === 'invalid_type') return `the spec must be a JSON object, not ${shown(input)}`;
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length ? `field ${fieldName(issue.path)}` : 'the spec';
    return `unknown field "${issue.keys.map((k) => k.slice(0, 60)).join('", "')}" in ${where}; allowed: ${v.knownFields(issue.path, input).join(', ')}`;
  }
  const field = fieldName(issue.path);
  const key = issue.path.map((p, i) => (typeof p === 'number' || (i > 0 && v.records.has(String(issue.path[i - 1]))) ? '*' : String(p))).join('.');
  const allowed = v.allowed[key] ?? issue.message;
  const value = valueAt(input, issue.path);
  if (value === undefined) return `field ${field} is missing: must be ${allowed}`;
  const beyond = holdsInfinity(value) ? ' (a number beyond ±1.8e308)' : '';
  return `field ${field} = ${shown(value)}${beyond} is not allowed: must be ${allowed}`;
}

/**
 * Problems of meaning in what is well formed, after problems of shape, so that every problem is
 * listed at once: the entries with shape problems are left out (an entry of a record such as
 * `priors.x`, otherwise the whole top-level field), a required field so left out stands in by
 * `fallbacks[field]`, and problems about a field left out are not repeated.
 */
export function meaningOfRest<T>(
  input: unknown,
  issues: readonly z.core.$ZodIssue[],
  v: Pick<SpecVocabulary, 'records'> & { fallbacks: Record<string, unknown> },
  schema: { safeParse: (x: unknown) => { success: true; data: T } | { success: false } },
  check: (data: T, problems: string[]) => void,
): string[] {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return [];
  const rest: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  const removed = new Set<string>();
  for (const issue of issues) {
    const [top, entry] = issue.path;
    if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
      for (const k of issue.keys) delete rest[k];
    } else if (typeof top === 'string' && v.records.has(top) && typeof entry === 'string' && rest[top] && typeof rest[top] === 'object') {
      const record = { ...(rest[top] as Record<string, unknown>) };
      delete record[entry];
      rest[top] = record;
    } else if (typeof top === 'string') {
      delete rest[top];
      removed.add(top);
      if (top in v.fallbacks) rest[top] = v.fallbacks[top];
    }
  }
  const parsed = schema.safeParse(rest);
  if (!parsed.success) return [];
  const problems: string[] = [];
  check(parsed.data, problems);
  const about = (p: string) => [...removed].some((f) => new RegExp(`^field ${f}(?![\\w])`).test(p) || p.includes(`field ${f} `));
  return problems.filter((p) => !about(p));
}

export const SPEC_RECORDS: ReadonlySet<string> = new Set(['set', 'vary', 'ranges']);
/** Stand-ins for required fields of an experiment spec whose shape is wrong (see meaningOfRest). */
export const SPEC_FALLBACKS: Record<string, unknown> = { seeds: 1, metrics: ['involutionIndex'], scenario: 'baseline-involution' };

const EXPERIMENT: SpecVocabulary = {
  allowed: ALLOWED,
  records: SPEC_RECORDS,
  knownFields: (path, input) => {
    const where = path.join('.');
    if (where === '') return Object.keys(specSchema().shape);
    if (where === 'record') return ['every'];
    if (path[0] === 'interventions') return ['tick', 'set'];
    const type = valueAt(input, ['design', 'type']);
    const option = specSchema()
      .shape.design.unwrap()
      .options.find((o) => o.shape.type.value === type);
    return option ? Object.keys(option.shape) : [];
  },
};

export const describeSpecIssue = (issue: z.core.$ZodIssue, input: unknown): string => describeIssue(EXPERIMENT, issue, input);
