// Flag values checked the same way by every command: one line naming the flag, the value and the range.
import { echo, parseDecimal, readNumber } from '../../lab/numbers.ts';
import { PARAM_BY_NAME } from '../../sim/index.ts';
import { UsageError } from './errors.ts';

/** An integer flag in [min, max], in decimal digits. */
export function integerFlag(flag: string, text: string, min: number, max: number): number {
  const value = parseDecimal(text);
  if (value === undefined || !Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`${flag} ${echo(text)} is not allowed: must be an integer in [${min}, ${max}]${value === undefined ? ', in decimal digits' : ''}`);
  }
  return value;
}

/** A number in strict decimal syntax for parameter `name`; its range is the model's to check (parseParamValue). */
export function paramNumber(name: string, text: string, where: string): number {
  const value = parseDecimal(text);
  if (value !== undefined) return value;
  const spec = PARAM_BY_NAME.get(name);
  const r = readNumber(`${where} ${name} =`, text, spec ? { min: spec.min, max: spec.max, integer: 'integer' in spec && spec.integer === true } : {});
  throw new UsageError('problem' in r ? r.problem : `${where} ${name} = ${JSON.stringify(text)} is not a number`);
}
