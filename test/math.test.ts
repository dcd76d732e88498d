import { describe, expect, it } from 'vitest';
import { exp, log, pow } from '../sim/math.ts';
import { stream } from '../sim/rng.ts';

/** Distance in units in the last place. */
function ulps(a: number, b: number): number {
  if (a === b) return 0;
  const buf = new DataView(new ArrayBuffer(16));
  buf.setFloat64(0, a);
  buf.setFloat64(8, b);
  return Math.abs(Number(buf.getBigInt64(0) - buf.getBigInt64(8)));
}

describe('engine-independent math (fdlibm ports)', () => {
  const rng = stream(1, 'math-test');
  const xs = [1, 2, 0.5, Math.E, 1e-300, 1e300, 5e-324, 1 + 2 ** -30, 0.999999, 123.456, ...Array.from({ length: 20000 }, () => Math.exp(60 * rng() - 30))];

  it('log is within 1 ulp of Math.log, with the IEEE special cases', () => {
    for (const x of xs) expect(ulps(log(x), Math.log(x)), String(x)).toBeLessThanOrEqual(1);
    expect(log(1)).toBe(0);
    expect(log(0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
    expect(log(Infinity)).toBe(Infinity);
  });

  it('exp is within 1 ulp of Math.exp, with the IEEE special cases', () => {
    for (let i = 0; i < 20000; i++) {
      const x = 1400 * rng() - 700;
      expect(ulps(exp(x), Math.exp(x)), String(x)).toBeLessThanOrEqual(1);
    }
    expect(exp(0)).toBe(1);
    expect(exp(-Infinity)).toBe(0);
    expect(exp(800)).toBe(Infinity);
  });

  it('pow agrees with Math.pow to 1e-13 relative on the model’s range', () => {
    for (let i = 0; i < 20000; i++) {
      const x = rng(), y = 1 + 4 * rng();
      expect(Math.abs(pow(x, y) - Math.pow(x, y))).toBeLessThanOrEqual(1e-13 * Math.pow(x, y) + 1e-300);
    }
    expect(pow(0, 2)).toBe(0);
    expect(pow(0.3, 0)).toBe(1);
  });

  it('gives pinned bits, so a change of host or engine cannot go unnoticed', () => {
    const bits = (x: number) => {
      const d = new DataView(new ArrayBuffer(8));
      d.setFloat64(0, x);
      return d.getBigUint64(0).toString(16);
    };
    expect([log(10), exp(1), pow(1.03, 0.5), log(0.3), exp(-2.5)].map(bits)).toEqual([
      '40026bb1bbb55516', '4005bf0a8b14576a', '3ff03cfc69845aa9', 'bff34378fcbda721', '3fb50385c094f425',
    ]);
    expect(ulps(exp(1), Math.E)).toBe(1); // fdlibm's exp(1) is 1 ulp above Math.E
  });
});
