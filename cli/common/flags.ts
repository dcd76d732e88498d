// Flag values checked the same way by every command: one line naming the flag, the value and the range.
import { UsageError } from './errors.ts';

/** An integer flag in [min, max]. */
export function integerFlag(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    throw new UsageError(`${flag} ${JSON.stringify(text)} is not allowed: must be an integer in [${min}, ${max}]`);
  }
  return value;
}
