// Descriptive statistics and Student's t quantile, for confidence intervals. Quantiles are
// d3-array's; mean and variance are our own: d3's mean skips missing values (a missing run must show
// as NaN, not shrink the sample) and its variance (Welford's) rounds differently in the last bits
// from the two-pass sums the CLI has always written. log and exp are sim/math.ts's, the same to the
// bit in every engine, so the browser's intervals are the command line's.
import { quantileSorted as d3QuantileSorted } from 'd3-array';
import { exp, log } from '../../sim/math.ts';

export const mean = (xs: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
};

/** Sample variance (n − 1); 0 for fewer than two values. */
export function variance(xs: ArrayLike<number>): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (xs[i] - m) * (xs[i] - m);
  return s / (xs.length - 1);
}

export const sd = (xs: ArrayLike<number>): number => Math.sqrt(variance(xs));

/**
 * Quantile by linear interpolation between order statistics (R's type 7); `sorted` ascending; NaN
 * when empty. d3's types ask for an Array, but it reads only the length and the entries, so a typed
 * array serves as well.
 */
export const quantileSorted = (sorted: ArrayLike<number>, p: number): number => d3QuantileSorted(sorted as number[], p) ?? NaN;

/** log Γ(x) for x ≥ 1/2 (the t distribution's arguments: df/2 and 1/2): Lanczos (g = 7, n = 9), accurate to ~1e-15. */
function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (!(x >= 0.5)) throw new RangeError(`logGamma is for x ≥ 1/2; got ${x}`);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * log(2 * Math.PI) + (x + 0.5) * log(t) - t + log(a);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1, d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    for (const aa of [(m * (b - m) * x) / ((a + m2 - 1) * (a + m2)), (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))]) {
      d = 1 + aa * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + aa / c;
      if (Math.abs(c) < tiny) c = tiny;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < 1e-15) break;
  }
  return h;
}

/** Regularized incomplete beta function I_x(a, b), for a, b ≥ 1/2. */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * log(x) + b * log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(a, b, x)) / a : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** Cumulative distribution of Student's t with `df` degrees of freedom. */
export function tCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** Quantile of Student's t (p in (0, 1)), by bisection on the CDF. */
export function tQuantile(p: number, df: number): number {
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  let hi = 1;
  while (tCdf(hi, df) < p) hi *= 2;
  let lo = 0;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (tCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
