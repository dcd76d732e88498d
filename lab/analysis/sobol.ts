// Variance-based sensitivity (Sobol' indices) from the outputs of a Saltelli design
// (lab/design/saltelli.ts): Saltelli et al. (2010), "Variance based sensitivity analysis of model
// output", Comput. Phys. Commun. 181: 259–270. First order: S_i = mean(f(B) (f(A_B^i) − f(A))) / V
// (their eq. b); total: Jansen's ST_i = mean((f(A) − f(A_B^i))²) / 2V (their eq. f); V the variance
// of f(A) and f(B) together.
import { bootstrap, type BootstrapOptions, type Interval } from './bootstrap.ts';

export interface SobolIndex {
  S1: number;
  S1ci: Interval;
  ST: number;
  STci: Interval;
}

function estimate(y: ArrayLike<number>, k: number, rows: ArrayLike<number>): number[] {
  const n = rows.length;
  const stride = k + 2;
  let sum = 0, sum2 = 0;
  for (let r = 0; r < n; r++) {
    const j = rows[r] * stride;
    sum += y[j] + y[j + 1];
    sum2 += y[j] * y[j] + y[j + 1] * y[j + 1];
  }
  const m = sum / (2 * n);
  const v = sum2 / (2 * n) - m * m;
  const out: number[] = [];
  for (let i = 0; i < k; i++) {
    let first = 0, total = 0;
    for (let r = 0; r < n; r++) {
      const j = rows[r] * stride;
      const fA = y[j], fB = y[j + 1], fAB = y[j + 2 + i];
      first += fB * (fAB - fA);
      total += (fA - fAB) * (fA - fAB);
    }
    out.push(first / n / v, total / (2 * n) / v);
  }
  return out;
}

/** S1 and ST of each of the k inputs from outputs `y` of `saltelliDesign(n, k)`, with bootstrap intervals. */
export function sobolIndices(y: ArrayLike<number>, k: number, options: BootstrapOptions = {}): SobolIndex[] {
  const n = y.length / (k + 2);
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`a Saltelli design with ${k} inputs has a multiple of ${k + 2} rows, at least two base rows; got ${y.length}`);
  const all = Int32Array.from({ length: n }, (_, j) => j);
  const point = estimate(y, k, all);
  const ci = bootstrap(n, (sample) => estimate(y, k, sample), options);
  return Array.from({ length: k }, (_, i) => ({ S1: point[2 * i], S1ci: ci[2 * i], ST: point[2 * i + 1], STci: ci[2 * i + 1] }));
}
