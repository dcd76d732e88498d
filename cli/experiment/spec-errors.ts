// Zod issues of a spec as one line: the field, the value and what is allowed.
import type { z } from 'zod';
import { ALLOWED, FIELDS, specSchema } from './spec-schema.ts';

/** Records keyed by parameter name: their keys match `*` in ALLOWED, as list positions do. */
const RECORDS = new Set(['set', 'vary', 'ranges']);

const shown = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const p of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[p] : undefined;
  return value;
}

const fieldName = (path: readonly PropertyKey[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${String(p)}` : String(p))).join('');

const allowedFor = (path: readonly PropertyKey[]) =>
  ALLOWED[path.map((p, i) => (typeof p === 'number' || (i > 0 && RECORDS.has(String(path[i - 1]))) ? '*' : String(p))).join('.')];

/** The fields an object in the spec may have: the design's depend on its type. */
function knownFields(path: readonly PropertyKey[], input: unknown): string[] {
  const where = path.join('.');
  if (where === '') return FIELDS;
  if (where === 'record') return ['every'];
  const type = valueAt(input, ['design', 'type']);
  const option = specSchema.shape.design.unwrap().options.find((o) => o.shape.type.value === type);
  return option ? Object.keys(option.shape) : [];
}

export function describeSpecIssue(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.path.length === 0 && issue.code === 'invalid_type') return `the spec must be a JSON object, not ${shown(input)}`;
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length ? `field ${fieldName(issue.path)}` : 'the spec';
    return `unknown field "${issue.keys.join('", "')}" in ${where}; allowed: ${knownFields(issue.path, input).join(', ')}`;
  }
  const field = fieldName(issue.path);
  const allowed = allowedFor(issue.path) ?? issue.message;
  const value = valueAt(input, issue.path);
  if (value === undefined) return `field ${field} is missing: must be ${allowed}`;
  return `field ${field} = ${shown(value)} is not allowed: must be ${allowed}`;
}
