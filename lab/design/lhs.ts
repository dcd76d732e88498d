// Latin hypercube sampling (McKay, Beckman & Conover 1979): each dimension cut into n equal strata,
// one point in each, the strata of different dimensions paired by independent random permutations.
import { shuffle, type Rng } from '../random.ts';

/** `n` points in the unit cube [0, 1)^d, each uniform within its stratum. */
export function latinHypercube(n: number, d: number, rng: Rng): number[][] {
  const points = Array.from({ length: n }, () => new Array<number>(d));
  for (let dim = 0; dim < d; dim++) {
    const strata = shuffle(Array.from({ length: n }, (_, i) => i), rng);
    for (let i = 0; i < n; i++) points[i][dim] = (strata[i] + rng()) / n;
  }
  return points;
}
