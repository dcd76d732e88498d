// Zod issues of a spec file as one line each: the field, the value and what is allowed. Shared by
// the experiment and calibration specs, each with its own table of what its fields allow.
import type { z } from 'zod';
import { shown } from '../problems.ts';
import { ALLOWED, FIELDS, specSchema } from './schema.ts';

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
  return `field ${field} = ${shown(value)} is not allowed: must be ${allowed}`;
}

/** The experiment spec's vocabulary: the design's fields depend on its type. */
const EXPERIMENT: SpecVocabulary = {
  allowed: ALLOWED,
  records: new Set(['set', 'vary', 'ranges']),
  knownFields: (path, input) => {
    const where = path.join('.');
    if (where === '') return FIELDS;
    if (where === 'record') return ['every'];
    if (path[0] === 'interventions') return ['tick', 'set'];
    const type = valueAt(input, ['design', 'type']);
    const option = specSchema.shape.design.unwrap().options.find((o) => o.shape.type.value === type);
    return option ? Object.keys(option.shape) : [];
  },
};

export const describeSpecIssue = (issue: z.core.$ZodIssue, input: unknown): string => describeIssue(EXPERIMENT, issue, input);
