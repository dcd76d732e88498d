// The Saltelli design for Sobol' indices: Saltelli et al. (2010), "Variance based sensitivity
// analysis of model output", Comput. Phys. Commun. 181: 259–270; its estimators are in
// lab/analysis/sobol.ts.
import { sobolPoints } from './sobol-sequence.ts';

/**
 * The design in the unit cube, n (k + 2) rows: for each base row j, A_j, B_j, then A_B^i_j for
 * i = 1..k (A_j with coordinate i taken from B_j). A and B are the first and last k coordinates of
 * point j of the 2k-dimensional Sobol' sequence (the origin included: n a power of two keeps the net
 * balanced, Owen 2020).
 */
export function saltelliDesign(n: number, k: number): number[][] {
  const rows: number[][] = [];
  for (const p of sobolPoints(n, 2 * k)) {
    const a = p.slice(0, k);
    const b = p.slice(k);
    rows.push(a, b);
    for (let i = 0; i < k; i++) rows.push(a.map((x, c) => (c === i ? b[i] : x)));
  }
  return rows;
}
