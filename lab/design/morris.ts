// Morris (1991) trajectories on a p-level grid of the unit cube, as in Saltelli et al. (2008),
// Global Sensitivity Analysis: The Primer, §3.3: each trajectory moves one factor at a time by
// Δ = p / (2(p − 1)), in random order and direction. Optionally Campolongo, Cariboni & Saltelli's
// (2007) improvement: draw more candidate trajectories and keep the r most spread out.
import { randomInt, shuffle, type Rng } from '../random.ts';

export interface MorrisDesign {
  /** r (k + 1) points in [0, 1]^k, trajectory after trajectory. */
  points: number[][];
  /** For each point, the factor moved from the previous point, or −1 at the start of a trajectory. */
  changed: number[];
}

function trajectory(k: number, levels: number, rng: Rng): { points: number[][]; changed: number[] } {
  const delta = levels / (2 * (levels - 1));
  // Base values on the grid, low enough that base + Δ stays in [0, 1].
  const base = Array.from({ length: k }, () => randomInt(rng, levels / 2) / (levels - 1));
  const up = Array.from({ length: k }, () => rng() < 0.5);
  const x = base.map((b, i) => (up[i] ? b : b + delta));
  const points = [[...x]];
  const changed = [-1];
  for (const i of shuffle(Array.from({ length: k }, (_, c) => c), rng)) {
    x[i] = up[i] ? base[i] + delta : base[i];
    points.push([...x]);
    changed.push(i);
  }
  return { points, changed };
}

const distance = (a: number[], b: number[]) => Math.sqrt(a.reduce((s, x, i) => s + (x - b[i]) * (x - b[i]), 0));

function spread(a: number[][], b: number[][]): number {
  let s = 0;
  for (const p of a) for (const q of b) s += distance(p, q);
  return s;
}

/** Keep the r candidates farthest apart: drop, one at a time, the one closest to all the others. */
function mostSpread<T extends { points: number[][] }>(candidates: T[], r: number): T[] {
  const m = candidates.length;
  const d = candidates.map((a, i) => candidates.map((b, j) => (i === j ? 0 : spread(a.points, b.points))));
  const kept = new Set(candidates.keys());
  while (kept.size > r) {
    let worst = -1, least = Infinity;
    for (const i of kept) {
      let total = 0;
      for (const j of kept) total += d[i][j];
      if (total < least) [worst, least] = [i, total];
    }
    kept.delete(worst);
  }
  return Array.from({ length: m }, (_, i) => i).filter((i) => kept.has(i)).map((i) => candidates[i]);
}

/**
 * `r` trajectories of `k` factors on `levels` (even) grid levels; with `candidates` > r, the r most
 * spread out of that many random trajectories (Campolongo et al. 2007, greedy selection).
 */
export function morrisDesign(r: number, k: number, levels: number, rng: Rng, candidates = r): MorrisDesign {
  const pool = Array.from({ length: Math.max(r, candidates) }, () => trajectory(k, levels, rng));
  const chosen = pool.length > r ? mostSpread(pool, r) : pool;
  return { points: chosen.flatMap((t) => t.points), changed: chosen.flatMap((t) => t.changed) };
}
