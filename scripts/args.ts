// Positional whole-number arguments of the scripts (validate, interactions): a bad one is named with
// its value and what is allowed, and the script exits 2 before it runs anything.
import { parseDecimal } from '../lab/numbers.ts';

export function wholeArg(script: string, i: number, name: string, fallback: number, min: number, max: number): number {
  const raw = process.argv[i];
  if (raw === undefined) return fallback;
  // Strict decimal digits (lab/numbers.ts): "0x10", "" and " 5" are not numbers.
  const v = parseDecimal(raw) ?? NaN;
  if (!Number.isInteger(v) || v < min || v > max) {
    console.error(`${script}: ${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return v;
}
