// Small dense linear algebra for the ABC perturbation kernels: a handful of parameters, so plain
// arrays; matrices are row-major number[][]. Only IEEE-exact operations and sim/math.ts's log, so
// that every engine computes the same bits.
import { log } from '../../sim/math.ts';

export type Matrix = number[][];

const zeros = (p: number): Matrix => Array.from({ length: p }, () => new Array<number>(p).fill(0));

/** Weighted mean of points (weights summing to 1). */
export function weightedMean(points: readonly number[][], weights: readonly number[]): number[] {
  const mean = new Array<number>(points[0].length).fill(0);
  points.forEach((x, i) => x.forEach((v, a) => (mean[a] += weights[i] * v)));
  return mean;
}

/** Weighted covariance about `mean` (weights summing to 1; the biased, plug-in estimate). */
export function weightedCovariance(points: readonly number[][], weights: readonly number[], mean: readonly number[]): Matrix {
  const p = mean.length;
  const cov = zeros(p);
  points.forEach((x, i) => {
    for (let a = 0; a < p; a++) for (let b = 0; b <= a; b++) cov[a][b] += weights[i] * (x[a] - mean[a]) * (x[b] - mean[b]);
  });
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) cov[b][a] = cov[a][b];
  return cov;
}

/** Lower-triangular L with L Lᵀ = A, or undefined when A is not positive definite. */
export function cholesky(A: Matrix): Matrix | undefined {
  const p = A.length;
  const L = zeros(p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i][j];
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      if (i === j) {
        if (!(s > 0)) return undefined;
        L[i][i] = Math.sqrt(s);
      } else L[i][j] = s / L[j][j];
    }
  }
  return L;
}

/**
 * The Cholesky factor of a covariance, made positive definite if needed: a ridge on the diagonal,
 * growing from 1e-10 of the parameter's squared scale, as a covariance of (nearly) identical
 * particles would otherwise have none.
 */
export function robustCholesky(A: Matrix, scales: readonly number[]): Matrix {
  for (let ridge = 1e-10; ridge <= 1; ridge *= 100) {
    const L = cholesky(A.map((row, i) => row.map((v, j) => (i === j ? v + ridge * scales[i] * scales[i] : v))));
    if (L) return L;
  }
  throw new Error('kernel covariance is not positive definite even with a ridge');
}

/** x = L z for lower-triangular L. */
export function lowerTimes(L: Matrix, z: readonly number[]): number[] {
  return L.map((row, i) => {
    let s = 0;
    for (let k = 0; k <= i; k++) s += row[k] * z[k];
    return s;
  });
}

/** A multivariate normal density evaluated many times: its factor and log normaliser, kept. */
export class Gaussian {
  /** −½ log((2π)^p |Σ|) */
  private readonly logNorm: number;
  constructor(readonly L: Matrix) {
    let logDet = 0;
    for (let i = 0; i < L.length; i++) logDet += 2 * log(L[i][i]);
    this.logNorm = -0.5 * (L.length * log(2 * Math.PI) + logDet);
  }
  /** log N(x; mean, L Lᵀ) */
  logDensity(x: readonly number[], mean: readonly number[]): number {
    const L = this.L;
    const p = L.length;
    // Forward substitution: solve L y = x − mean; the quadratic form is |y|².
    const y = new Array<number>(p);
    let q = 0;
    for (let i = 0; i < p; i++) {
      let s = x[i] - mean[i];
      for (let k = 0; k < i; k++) s -= L[i][k] * y[k];
      y[i] = s / L[i][i];
      q += y[i] * y[i];
    }
    return this.logNorm - 0.5 * q;
  }
}
