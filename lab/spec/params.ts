// Parameter names and values in a spec, checked against the model's registry (sim/params.ts).
import { knownParams, PARAM_BY_NAME, ParamError, validateOverrides } from '../../sim/index.ts';
import { echo, ECHO_CHARS } from '../numbers.ts';
import { Problem } from '../problems.ts';

/** Seed and length have fields of their own; every other registry parameter may be set or varied. */
export const OWN_FIELD: Readonly<Record<string, string>> = { seed: 'seeds', ticks: 'ticks' };

/** Check one value of a parameter; the error names the spec field, the parameter and what is allowed. */
export function checkParam(field: string, name: string, value: number): void {
  // An unknown name is repeated once, shortened (the model's message would repeat it whole, twice).
  if (!PARAM_BY_NAME.has(name)) throw new Problem(`field ${shortField(field, name)}: unknown parameter ${echo(name)}; ${knownParams(name)}`);
  if (OWN_FIELD[name]) throw new Problem(`field ${field}: parameter ${name} cannot be set here; use the field ${OWN_FIELD[name]}`);
  try {
    validateOverrides({ [name]: value });
  } catch (err) {
    if (err instanceof ParamError) throw new Problem(`field ${field}: ${err.message}`);
    throw err;
  }
}

/** The field's path with the parameter name in it shortened (`set.<name>`). */
const shortField = (field: string, name: string): string => (name.length > ECHO_CHARS ? field.replace(name, `${name.slice(0, ECHO_CHARS)}…`) : field);

export const isInteger = (name: string): boolean => PARAM_BY_NAME.get(name)?.integer === true;

/** A parameter may be fixed (set) or varied (vary, design), not both. */
export function checkDisjoint(set: Record<string, number>, varied: readonly string[], field: string): void {
  const both = varied.find((name) => name in set);
  if (both) throw new Problem(`parameter ${both} is both in field set and in field ${field}; keep it in one`);
}
