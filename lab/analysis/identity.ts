// Is a calibration target an identity of inputs? A referee's check (REVIEW.md §1): across scenarios
// and draws of the calibrated constants, fit the target against closed forms of the inputs; if they
// explain it (R² > 0.9), "calibrating" a constant to it identifies nothing a mechanism produced.
import { DISTRICT_BUDGET } from '../../sim/constants.ts';
import { effective } from '../../sim/effective.ts';
import { log } from '../../sim/math.ts';
import type { Params } from '../../sim/params.ts';
import { cholesky } from '../abc/linalg.ts';

/** Above this share of the explainable variance explained by closed forms of inputs, a target is an identity. */
export const IDENTITY_R2 = 0.9;

/**
 * Closed forms of a run's inputs, as a referee would write them: the raw constants and causes, the
 * community market A (a share of the budget), the month-0 purchase money open to independent SOs,
 * the referee's government share S/(S + 6A) of Model 2.0, and the month-0 niche in places.
 */
export function closedForms(p: Params): Record<string, number> {
  const e = effective(p);
  const market = e.altMarket;
  const purchase = p.initialPurchaseShare * (1 - e.cityShare);
  const open = purchase * e.transparency * (1 - p.pathDependence * (1 - p.resourceRelease) * 0.5);
  const niche = ((open + market) * DISTRICT_BUDGET) / p.nicheMoney;
  const raw = {
    altMarket: p.altMarket,
    market,
    logMarket: log(market + 1e-6),
    nicheMoney: p.nicheMoney,
    logNicheMoney: log(p.nicheMoney),
    entryRate: p.entryRate,
    logEntryRate: log(p.entryRate),
    crowdIn: p.crowdIn,
    refereeShare: purchase / (purchase + 6 * market),
    niche,
    logNiche: log(niche),
    altMarketGrowth: p.altMarketGrowth,
    budgetGrowth: p.budgetGrowth,
    pathDependence: p.pathDependence,
    pathTimesDual: p.pathDependence * p.dualManagement,
    dualSquared: p.dualManagement * p.dualManagement,
    politicalRationality: p.politicalRationality,
    dualManagement: p.dualManagement,
    asymmetricDependence: p.asymmetricDependence,
    resourceRelease: p.resourceRelease,
    partnership: p.partnership,
    wholeProcessSupervision: p.wholeProcessSupervision,
    serviceOrientation: p.serviceOrientation,
    applicabilityClarity: p.applicabilityClarity,
  };
  return raw;
}

/**
 * Adjusted R² of the least-squares fit of y on the columns of X (with an intercept): the share of
 * y's variance the columns explain, discounted for their number. Columns without variance are left
 * out; 0 when y has none.
 */
export function adjustedR2(y: readonly number[], X: readonly (readonly number[])[]): number {
  const n = y.length;
  const cols = X[0].map((_, j) => j).filter((j) => X.some((row) => row[j] !== X[0][j]));
  const rows = X.map((row) => [1, ...cols.map((j) => row[j])]);
  const p = rows[0].length;
  const mean = y.reduce((a, b) => a + b, 0) / n;
  const total = y.reduce((a, v) => a + (v - mean) * (v - mean), 0);
  if (total === 0 || n <= p) return 0;
  // Normal equations with a tiny ridge (standardised by each column's scale), solved by Cholesky.
  const A = Array.from({ length: p }, (_, a) => Array.from({ length: p }, (_, b) => rows.reduce((s, r) => s + r[a] * r[b], 0)));
  const scale = A.map((row, a) => row[a]);
  for (let a = 1; a < p; a++) A[a][a] += 1e-9 * scale[a];
  const rhs = Array.from({ length: p }, (_, a) => rows.reduce((s, r, i) => s + r[a] * y[i], 0));
  const L = cholesky(A);
  if (!L) throw new Error('adjustedR2: the columns are not independent even with a ridge');
  const z = new Array<number>(p).fill(0);
  for (let i = 0; i < p; i++) z[i] = (rhs[i] - L[i].slice(0, i).reduce((s, l, k) => s + l * z[k], 0)) / L[i][i];
  const beta = new Array<number>(p).fill(0);
  for (let i = p - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < p; k++) s -= L[k][i] * beta[k];
    beta[i] = s / L[i][i];
  }
  const residual = rows.reduce((s, r, i) => s + residualSquared(y[i], r, beta), 0);
  const r2 = 1 - residual / total;
  return 1 - ((1 - r2) * (n - 1)) / (n - p);
}

/** Pearson correlation of two equally long samples. */
export function correlation(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let ab = 0,
    aa = 0,
    bb = 0;
  for (let i = 0; i < n; i++) {
    ab += (a[i] - ma) * (b[i] - mb);
    aa += (a[i] - ma) * (a[i] - ma);
    bb += (b[i] - mb) * (b[i] - mb);
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}

export interface IdentityFit {
  /** Adjusted R² of the two seeds' mean against every closed form of the inputs. */
  r2: number;
  /** The most any exact function of the inputs could explain of that mean, given the run-to-run noise: 2r/(1 + r), r the correlation between the two seeds (Spearman–Brown). */
  ceiling: number;
  /** r2 / ceiling: the share of what is explainable that the closed forms explain; above IDENTITY_R2, an identity. */
  explained: number;
}

/** How far closed forms of the draws' inputs explain a target read on two seeds per draw. */
export function identityFit(values: readonly [readonly number[], readonly number[]], inputs: readonly Params[]): IdentityFit {
  const [a, b] = values;
  const mean = a.map((x, i) => (x + b[i]) / 2);
  const r2 = adjustedR2(
    mean,
    inputs.map((p) => Object.values(closedForms(p))),
  );
  const r = Math.max(0, correlation(a, b));
  const ceiling = (2 * r) / (1 + r);
  return { r2, ceiling, explained: ceiling > 0 ? Math.min(1, Math.max(0, r2) / ceiling) : 0 };
}

function residualSquared(y: number, row: readonly number[], beta: readonly number[]): number {
  const e = y - row.reduce((f, x, a) => f + x * beta[a], 0);
  return e * e;
}
