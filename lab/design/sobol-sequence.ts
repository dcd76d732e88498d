// The Sobol' low-discrepancy sequence (unscrambled, Gray-code order, as in Bratley & Fox 1988 and
// SciPy's `Sobol(scramble=False)`), with Joe & Kuo's direction numbers (2008, new-joe-kuo-6.21201).

/** Dimensions 2–41 as `s a m_1 … m_s` (degree, inner polynomial coefficients, initial numbers). */
const JOE_KUO =
  '1 0 1|2 1 1 3|3 1 1 3 1|3 2 1 1 1|4 1 1 1 3 3|4 4 1 3 5 13|5 2 1 1 5 5 17|5 4 1 1 5 5 5|5 7 1 1 7 11 19|' +
  '5 11 1 1 5 1 1|5 13 1 1 1 3 11|5 14 1 3 5 5 31|6 1 1 3 3 9 7 49|6 13 1 1 1 15 21 21|6 16 1 3 1 13 27 49|' +
  '6 19 1 1 1 15 7 5|6 22 1 3 1 15 13 25|6 25 1 1 5 5 19 61|7 1 1 3 7 11 23 15 103|7 4 1 3 7 13 13 15 69|' +
  '7 7 1 1 3 13 7 35 63|7 8 1 3 5 9 1 25 53|7 14 1 3 1 13 9 35 107|7 19 1 3 1 5 27 61 31|7 21 1 1 5 11 19 41 61|' +
  '7 28 1 3 5 3 3 13 69|7 31 1 1 7 13 1 19 1|7 32 1 3 7 5 13 19 59|7 37 1 1 3 9 25 29 41|7 41 1 3 5 13 23 1 55|' +
  '7 42 1 3 7 3 13 59 17|7 50 1 3 1 3 5 53 69|7 55 1 1 5 5 23 33 13|7 56 1 1 7 7 1 61 123|7 59 1 1 7 9 13 61 49|' +
  '7 62 1 3 3 5 3 55 33|8 14 1 3 1 15 31 13 49 245|8 21 1 3 5 15 31 59 63 97|8 22 1 3 1 11 11 11 77 249|' +
  '8 38 1 3 1 11 27 43 71 9';

const BITS = 32;
/** 2^32: a direction number as a fraction of one. */
const SCALE = 0x1_0000_0000;

/** Direction numbers v_j (as 32-bit fractions) of every dimension. */
const DIRECTIONS: Uint32Array[] = (() => {
  const first = Uint32Array.from({ length: BITS }, (_, j) => (1 << (BITS - 1 - j)) >>> 0);
  const rest = JOE_KUO.split('|').map((row) => {
    const [s, a, ...m] = row.split(' ').map(Number);
    const v = new Uint32Array(BITS);
    for (let j = 0; j < BITS; j++) {
      if (j < s) {
        v[j] = (m[j] << (BITS - 1 - j)) >>> 0;
        continue;
      }
      // Bratley & Fox's recurrence; the bits of `a` are the polynomial's inner coefficients.
      let x = v[j - s] ^ (v[j - s] >>> s);
      for (let k = 1; k < s; k++) if ((a >>> (s - 1 - k)) & 1) x ^= v[j - k];
      v[j] = x >>> 0;
    }
    return v;
  });
  return [first, ...rest];
})();

export const SOBOL_MAX_DIMENSIONS = DIRECTIONS.length;

/** The first `n` points of the `d`-dimensional sequence, starting with the origin. */
export function sobolPoints(n: number, d: number): number[][] {
  if (d < 1 || d > SOBOL_MAX_DIMENSIONS) throw new RangeError(`Sobol' dimension ${d} is outside [1, ${SOBOL_MAX_DIMENSIONS}]`);
  const x = new Uint32Array(d);
  const points: number[][] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      // Gray-code order: point i differs from point i − 1 by the direction of i − 1's lowest zero bit.
      let c = 0;
      for (let k = i - 1; k & 1; k >>>= 1) c++;
      for (let dim = 0; dim < d; dim++) x[dim] ^= DIRECTIONS[dim][c];
    }
    points.push(Array.from(x, (v) => v / SCALE));
  }
  return points;
}
