// The quick check of overrides (sim/param-check.ts, plainlyValid) says yes only where the schema
// would, and resolving through it gives what resolving through the schema gives.
import { describe, expect, it } from 'vitest';
import { overridesSchema, plainlyValid, resolveParams } from '../sim/param-check.ts';
import { PARAMS } from '../sim/params.ts';
import { stream } from '../sim/rng.ts';

/** Inputs near every edge the schema draws: range ends, integers, non-finite numbers, other types, unknown keys. */
function sample(rng: () => number): unknown {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)];
  const shape = rng();
  if (shape < 0.04) return pick([null, undefined, 3, 'x', [], [1], new Map(), Object.create({ a: 1 })]);
  const out: Record<string, unknown> = shape < 0.08 ? Object.create(null) : {};
  const n = Math.floor(rng() * 4);
  for (let i = 0; i < n; i++) {
    const p = pick(PARAMS);
    const span = p.max - p.min;
    const value = pick([
      p.min,
      p.max,
      p.min - 1e-9,
      p.max + 1e-9,
      p.min + span * rng(),
      Math.round(p.min + span * rng()) + 0.5,
      NaN,
      Infinity,
      -Infinity,
      Number('1e309'),
      -0,
      String(p.min),
      null,
      undefined,
      true,
      2 ** 53,
      [p.min],
    ]);
    out[rng() < 0.05 ? `${p.name}X` : p.name] = value;
  }
  if (rng() < 0.03) out.__proto__ = 1;
  return out;
}

describe('the quick check of overrides', () => {
  it('says yes only where the schema does, and then resolves to the same parameters (5 000 inputs)', () => {
    const rng = stream(2026, 'param-check');
    let yes = 0,
      no = 0;
    for (let i = 0; i < 5_000; i++) {
      const input = sample(rng);
      const schema = overridesSchema().safeParse(input).success;
      if (plainlyValid(input)) {
        yes++;
        expect(schema, JSON.stringify(input)).toBe(true);
        expect(resolveParams(input)).toEqual(resolveParams(overridesSchema().parse(input)));
      } else if (schema) no++;
    }
    // Both kinds occur: the check is not vacuous, and it leaves to the schema only the odd cases.
    expect(yes).toBeGreaterThan(500);
    expect(no).toBeLessThan(yes / 10);
  });

  it('refuses what the schema refuses, with the schema’s message', () => {
    const p = PARAMS.find((q) => (q as { integer?: boolean }).integer)!;
    expect(() => resolveParams({ [p.name]: p.min + 0.5 })).toThrow(new RegExp(`parameter ${p.name} = ${p.min + 0.5} is not allowed`));
    expect(() => resolveParams({ nope: 1 })).toThrow(/unknown parameter "nope"/);
    expect(() => resolveParams({ [p.name]: Infinity })).toThrow(/is not allowed/);
  });
});
