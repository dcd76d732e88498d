// Morris elementary effects: μ (mean), μ* (mean absolute, Campolongo et al. 2007) and σ (standard
// deviation) of EE_i = (y(x + Δ_i e_i) − y(x)) / Δ_i per factor, Δ_i measured in units of the
// factor's range; a bootstrap interval for μ* from resampled trajectories.
import { bootstrap, type BootstrapOptions, type Interval } from './bootstrap.ts';
import { mean, sd } from './stats.ts';

export interface MorrisEffect {
  mu: number;
  muStar: number;
  sigma: number;
  muStarCi: Interval;
  /** Number of elementary effects (one a trajectory, fewer if rounding left a step empty). */
  n: number;
}

/**
 * Effects of `k` factors from a Morris design: `points` in unit coordinates (after any rounding),
 * `changed` as from `morrisDesign`, outputs `y` per point.
 */
export function morrisEffects(points: number[][], changed: number[], y: ArrayLike<number>, k: number, options: BootstrapOptions = {}): MorrisEffect[] {
  // effects[t][i]: the elementary effect of factor i in trajectory t (NaN when it has none).
  const effects: number[][] = [];
  for (let p = 0; p < points.length; p++) {
    const i = changed[p];
    if (i < 0) {
      effects.push(new Array<number>(k).fill(NaN));
      continue;
    }
    const step = points[p][i] - points[p - 1][i];
    effects[effects.length - 1][i] = step === 0 ? NaN : (y[p] - y[p - 1]) / step;
  }
  const column = (i: number, rows: ArrayLike<number>) => {
    const out: number[] = [];
    for (let r = 0; r < rows.length; r++) {
      const e = effects[rows[r]][i];
      if (!Number.isNaN(e)) out.push(e);
    }
    return out;
  };
  const muStars = (rows: ArrayLike<number>) => Array.from({ length: k }, (_, i) => mean(column(i, rows).map(Math.abs)));
  const all = Int32Array.from(effects.keys());
  const ci = bootstrap(effects.length, muStars, options);
  return Array.from({ length: k }, (_, i) => {
    const ee = column(i, all);
    return { mu: mean(ee), muStar: mean(ee.map(Math.abs)), sigma: sd(ee), muStarCi: ci[i], n: ee.length };
  });
}
