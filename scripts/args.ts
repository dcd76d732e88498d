// Positional whole-number arguments of the scripts (validate, interactions): a bad one is named with
// its value and what is allowed, and the script exits 2 before it runs anything.
export function wholeArg(script: string, i: number, name: string, fallback: number, min: number, max: number): number {
  const raw = process.argv[i];
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (!Number.isInteger(v) || v < min || v > max) {
    console.error(`${script}: ${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return v;
}
