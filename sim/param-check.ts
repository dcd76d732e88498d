// Checking parameter values against the registry (sim/params.ts): the overrides schema, the
// one-line messages naming parameter, value and what is allowed, "did you mean", and resolving
// layers of overrides over the defaults.
import { lazySchema, z } from './schema.ts';
import { DEFAULTS, isModelParam, PARAM_BY_NAME, PARAMS, type Overrides, type ParamSpec, type Params } from './params.ts';

/** Edit distance, for "did you mean" (names are short). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length];
}

/**
 * What to say after an unknown parameter name: the closest known names, then the policy and world
 * parameters by name and the model constants by number (`involution-lab params` lists them all).
 */
export function knownParams(name: string): string {
  const near = PARAMS.map((p) => [p.name, distance(name.slice(0, 60), p.name)] as const)
    .filter(([, d]) => d <= 3)
    .sort((a, b) => a[1] - b[1])
    .slice(0, 3)
    .map(([n]) => n);
  const main = PARAMS.filter((p) => p.group !== 'calibration').map((p) => p.name);
  const constants = PARAMS.length - main.length;
  return `${near.length ? `did you mean ${near.join(' or ')}? ` : ''}known: ${main.join(', ')}, and ${constants} model constants (involution-lab params lists them)`;
}

const allowed = (p: ParamSpec) => `${p.integer ? 'an integer' : 'a number'} in [${p.min}, ${p.max}]`;

function fieldSchema(p: ParamSpec) {
  const base = p.integer ? z.number().int() : z.number();
  return base.min(p.min).max(p.max).describe(p.en);
}

const buildOverridesSchema = () => z.strictObject(Object.fromEntries(PARAMS.map((p) => [p.name, fieldSchema(p)]))).partial();
/** Partial parameter sets (overrides): unknown names are refused. */
export const overridesSchema = lazySchema(buildOverridesSchema);

export class ParamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParamError';
  }
}

/** One clear line naming the parameter, the value and what is allowed. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown, where = 'parameter'): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown ${where} "${issue.keys.join('", "')}"; ${knownParams(String(issue.keys[0]))}`;
  }
  const name = String(issue.path[0] ?? '');
  const spec = PARAM_BY_NAME.get(name);
  const value = input && typeof input === 'object' ? (input as Record<string, unknown>)[name] : input;
  const allowedText = spec ? allowed(spec) : issue.message;
  return `${where} ${name} = ${JSON.stringify(value)} is not allowed: must be ${allowedText}`;
}

export function validateOverrides(input: unknown, where = 'parameter'): Overrides {
  const result = overridesSchema().safeParse(input);
  if (!result.success) throw new ParamError(describeIssue(result.error.issues[0], input, where));
  return result.data as Overrides;
}

/**
 * Is this plainly a valid set of overrides: a plain object whose every key is a parameter with a
 * finite number in its range (an integer where it must be)? Only says yes where the schema would;
 * anything else goes to the schema, which accepts it or says what is wrong. This spares building
 * and running the schema for the overrides every run and every page passes.
 */
export function plainlyValid(input: unknown): input is Overrides {
  if (typeof input !== 'object' || input === null) return false;
  const proto = Object.getPrototypeOf(input);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key of Object.keys(input)) {
    const spec = PARAM_BY_NAME.get(key);
    const v = (input as Record<string, unknown>)[key];
    if (!spec || typeof v !== 'number' || !Number.isFinite(v) || v < spec.min || v > spec.max) return false;
    if (spec.integer && !Number.isSafeInteger(v)) return false;
  }
  return true;
}

/** Defaults, then each layer of overrides in turn; every layer is validated. */
export function resolveParams(...layers: unknown[]): Params {
  const out: Record<string, number> = { ...DEFAULTS };
  for (const layer of layers) {
    const o = plainlyValid(layer) ? layer : validateOverrides(layer);
    for (const [k, v] of Object.entries(o)) if (isModelParam(k) && v !== undefined) out[k] = v;
  }
  return out as Params;
}

/** Parse a textual value (CLI, URL) for a named parameter. */
export function parseParamValue(name: string, text: string): number {
  const spec = PARAM_BY_NAME.get(name);
  if (!spec) throw new ParamError(`unknown parameter "${name}"; ${knownParams(name)}`);
  const value = text.trim() === '' ? NaN : Number(text);
  if (!Number.isFinite(value)) throw new ParamError(`parameter ${name} = ${JSON.stringify(text)} is not a number: must be ${allowed(spec)}`);
  validateOverrides({ [name]: value });
  return value;
}
