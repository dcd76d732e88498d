// PRIM, the Patient Rule Induction Method (Friedman & Fisher 1999), for scenario discovery as in
// RAND's sdtoolkit and the EMA Workbench: find boxes (a range per parameter) where the cases of
// interest are dense. Peeling removes, one step at a time, the slice of `alpha` of the box's points
// at the low or high end of one parameter that raises the share of cases of interest most per point
// removed (Friedman & Fisher's criterion, the Workbench's default "lenient1"), down to a box of
// `massMin` of the data; each box of that peeling trajectory is then pasted (a slice of `alpha` of
// its points added back along one parameter while that does not lower its density). Coverage (the
// share of all cases of interest inside the box) against density (the share of the box's points that
// are of interest) is the trade-off curve. Each restriction of a box is tested as the Workbench does:
// drop it, and ask how likely the box's hits are under a binomial with the density of the box without
// it (one-sided; a large quasi-p-value says the restriction does not matter). Covering: the points of
// the chosen box are removed and PRIM runs again on the rest, for further boxes.
import { incompleteBeta } from './stats.ts';

export interface PrimOptions {
  /** Share of the box's points removed by a peel (0.05). */
  peelAlpha?: number;
  /** Share of the box's points added by a paste (0.05). */
  pasteAlpha?: number;
  /** Smallest box, as a share of all points (0.05). */
  massMin?: number;
  /** Density a box found by covering must reach to be kept (0.8); the first box is always kept. */
  threshold?: number;
  /** Most boxes found by covering (3). */
  maxBoxes?: number;
}

/** One box of a trajectory: its limits (per parameter, [low, high], inclusive) and how good it is. */
export interface PrimStep {
  limits: [number, number][];
  /** Parameters restricted (limits inside the parameter's range). */
  restricted: number[];
  /** Points inside, and cases of interest among them. */
  n: number;
  hits: number;
  /** hits / all cases of interest; n / all points; hits / n. */
  coverage: number;
  mass: number;
  density: number;
  /** Per parameter: the quasi-p-value of its restriction (NaN where not restricted). */
  pValues: number[];
}

export interface PrimBox {
  trajectory: PrimStep[];
  /** The step chosen: the largest coverage × density on the trajectory after the whole space. */
  chosen: number;
  /** Whether the chosen step reaches the threshold density. */
  meetsThreshold: boolean;
}

export interface PrimResult {
  boxes: PrimBox[];
  /** All points and cases of interest. */
  n: number;
  hits: number;
}

/** P(X ≥ k) for X ~ Binomial(n, p). */
export function binomialUpper(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  return incompleteBeta(p, k, n - k + 1);
}

/** Parameter columns (x[d][i]) and the case-of-interest flags (y[i]), with each parameter's range. */
export interface PrimData {
  x: ArrayLike<number>[];
  y: ArrayLike<number>;
  ranges: [number, number][];
}

const INSIDE = -1,
  OUTSIDE = -2;

const inLimits = (x: ArrayLike<number>[], i: number, limits: [number, number][], skip = -1): boolean => {
  for (let d = 0; d < limits.length; d++) {
    if (d === skip) continue;
    const v = x[d][i];
    if (v < limits[d][0] || v > limits[d][1]) return false;
  }
  return true;
};

class Prim {
  private readonly lo: number[];
  private readonly hi: number[];
  constructor(
    private readonly data: PrimData,
    /** The points still in play (covering removes a box's). */
    private readonly pool: number[],
    private readonly total: { n: number; hits: number },
    private readonly o: Required<PrimOptions>,
  ) {
    const k = data.x.length;
    this.lo = Array.from({ length: k }, (_, d) => Math.min(...pool.map((i) => data.x[d][i])));
    this.hi = Array.from({ length: k }, (_, d) => Math.max(...pool.map((i) => data.x[d][i])));
  }

  /** Limits that reach the points' extent are widened to the parameter's range: unrestricted. */
  private normalise(limits: [number, number][]): [number, number][] {
    return limits.map(([a, b], d) => [a <= this.lo[d] ? this.data.ranges[d][0] : a, b >= this.hi[d] ? this.data.ranges[d][1] : b]);
  }

  private hitsOf(idx: readonly number[]): number {
    let h = 0;
    for (const i of idx) h += this.data.y[i];
    return h;
  }

  /** The best peel of a box (its points `idx`), or undefined when none leaves enough points. */
  private peel(idx: number[], limits: [number, number][]): { idx: number[]; limits: [number, number][] } | undefined {
    const { x, y } = this.data;
    const n = idx.length,
      h = this.hitsOf(idx),
      mean = h / n;
    const minN = Math.ceil(this.o.massMin * this.total.n);
    const k = Math.max(1, Math.floor(this.o.peelAlpha * n));
    let best: { score: number; d: number; low: boolean; cut: number } | undefined;
    const vals = new Float64Array(n);
    for (let d = 0; d < x.length; d++) {
      const col = x[d];
      for (let j = 0; j < n; j++) vals[j] = col[idx[j]];
      vals.sort();
      // Remove every point at or beyond the k-th value from either end (ties go together).
      const lowCut = vals[k - 1],
        highCut = vals[n - k];
      let lowN = 0,
        lowH = 0,
        highN = 0,
        highH = 0;
      for (let j = 0; j < n; j++) {
        const v = col[idx[j]],
          yi = y[idx[j]];
        if (v <= lowCut) {
          lowN++;
          lowH += yi;
        }
        if (v >= highCut) {
          highN++;
          highH += yi;
        }
      }
      for (const [low, removed, removedHits, cut] of [
        [true, lowN, lowH, lowCut],
        [false, highN, highH, highCut],
      ] as const) {
        const left = n - removed;
        if (left < minN || left === 0) continue;
        const score = ((h - removedHits) / left - mean) / removed;
        if (!best || score > best.score) best = { score, d, low, cut };
      }
    }
    if (!best) return undefined;
    const { d, low, cut } = best;
    const kept = idx.filter((i) => (low ? x[d][i] > cut : x[d][i] < cut));
    const values = kept.map((i) => x[d][i]);
    const next = limits.map((l) => [...l] as [number, number]);
    if (low) next[d][0] = Math.min(...values);
    else next[d][1] = Math.max(...values);
    return { idx: kept, limits: next };
  }

  /**
   * Where each point in play lies against the limits: INSIDE, the one side of one parameter it is
   * outside on (2 d for below, 2 d + 1 for above), or OUTSIDE on more than one. One pass, so that
   * pasting and the quasi-p-values need not test every parameter again for every candidate.
   */
  private sides(limits: [number, number][]): Int32Array {
    const { x } = this.data;
    const out = new Int32Array(this.pool.length);
    this.pool.forEach((i, j) => {
      let side = INSIDE;
      for (let d = 0; d < limits.length; d++) {
        const v = x[d][i];
        const s = v < limits[d][0] ? 2 * d : v > limits[d][1] ? 2 * d + 1 : INSIDE;
        if (s === INSIDE) continue;
        if (side !== INSIDE) {
          side = OUTSIDE;
          break;
        }
        side = s;
      }
      out[j] = side;
    });
    return out;
  }

  /** Paste a box: add back slices along one parameter while the density does not fall. */
  private paste(idx: number[], limits: [number, number][]): { idx: number[]; limits: [number, number][] } {
    const { x } = this.data;
    let cur = { idx, limits };
    for (;;) {
      const n = cur.idx.length,
        h = this.hitsOf(cur.idx);
      const m = Math.max(1, Math.ceil(this.o.pasteAlpha * n));
      // Points outside the box along one side of one parameter only: the candidates of each paste.
      const side = this.sides(cur.limits);
      const near: number[][] = Array.from({ length: 2 * x.length }, () => []);
      this.pool.forEach((i, j) => side[j] >= 0 && near[side[j]].push(i));
      let best: { density: number; add: number[]; d: number; low: boolean; to: number } | undefined;
      for (let d = 0; d < x.length; d++) {
        for (const low of [true, false]) {
          const out = near[2 * d + (low ? 0 : 1)];
          if (!out.length) continue;
          // Nearest first.
          out.sort((a, b) => (low ? x[d][b] - x[d][a] : x[d][a] - x[d][b]));
          const edge = x[d][out[Math.min(m, out.length) - 1]];
          const add = out.filter((i) => (low ? x[d][i] >= edge : x[d][i] <= edge));
          const density = (h + this.hitsOf(add)) / (n + add.length);
          if (!best || density > best.density) best = { density, add, d, low, to: edge };
        }
      }
      if (!best || best.density < h / n) return cur;
      const limits2 = cur.limits.map((l) => [...l] as [number, number]);
      limits2[best.d][best.low ? 0 : 1] = best.to;
      cur = { idx: [...cur.idx, ...best.add], limits: limits2 };
    }
  }

  private step(idx: number[], raw: [number, number][]): PrimStep {
    const limits = this.normalise(raw);
    const hits = this.hitsOf(idx),
      n = idx.length;
    const restricted = limits.map((l, d) => (l[0] > this.data.ranges[d][0] || l[1] < this.data.ranges[d][1] ? d : -1)).filter((d) => d >= 0);
    const pValues = limits.map(() => NaN);
    // The box without one restriction holds the box's points and those outside on that parameter only.
    const side = this.sides(limits);
    const k = limits.length;
    const without = new Float64Array(k),
      withoutHits = new Float64Array(k);
    let inside = 0,
      insideHits = 0;
    this.pool.forEach((i, j) => {
      const yi = this.data.y[i];
      if (side[j] === INSIDE) {
        inside++;
        insideHits += yi;
      } else if (side[j] >= 0) {
        without[side[j] >> 1]++;
        withoutHits[side[j] >> 1] += yi;
      }
    });
    for (const d of restricted) {
      // The density of the box without this restriction, among the points in play, is the null's p.
      pValues[d] = binomialUpper(hits, n, (insideHits + withoutHits[d]) / (inside + without[d]));
    }
    return { limits, restricted, n, hits, coverage: this.total.hits ? hits / this.total.hits : 0, mass: n / this.total.n, density: n ? hits / n : 0, pValues };
  }

  /** The peeling trajectory, each box pasted. */
  trajectory(): PrimStep[] {
    let cur: { idx: number[]; limits: [number, number][] } | undefined = {
      idx: [...this.pool],
      limits: this.data.ranges.map((r) => [...r] as [number, number]),
    };
    const steps: PrimStep[] = [];
    while (cur) {
      const pasted = steps.length ? this.paste(cur.idx, cur.limits) : cur;
      const step = this.step(pasted.idx, pasted.limits);
      // Pasting can give back what the peel took: a box already on the trajectory is not repeated.
      const last = steps[steps.length - 1];
      if (!last || last.n !== step.n || last.hits !== step.hits || last.limits.some((l, d) => l[0] !== step.limits[d][0] || l[1] !== step.limits[d][1]))
        steps.push(step);
      if (this.hitsOf(cur.idx) === cur.idx.length) break;
      cur = this.peel(cur.idx, cur.limits);
    }
    return steps;
  }
}

/**
 * The step of a trajectory with the largest coverage × density (the first, on ties): a balance of the
 * two (it is hits² / (box size × all hits)). The whole space (step 0) is not a box: it is chosen only
 * when nothing was peeled.
 */
export const chooseStep = (t: readonly PrimStep[]): number => {
  let best = t.length > 1 ? 1 : 0;
  for (let i = best + 1; i < t.length; i++) if (t[i].coverage * t[i].density > t[best].coverage * t[best].density) best = i;
  return best;
};

/** PRIM with covering: up to maxBoxes boxes, each found among the points the earlier ones left. */
export function prim(data: PrimData, options: PrimOptions = {}): PrimResult {
  const o: Required<PrimOptions> = { peelAlpha: 0.05, pasteAlpha: 0.05, massMin: 0.05, threshold: 0.8, maxBoxes: 3, ...options };
  const N = data.y.length;
  let hits = 0;
  for (let i = 0; i < N; i++) hits += data.y[i];
  const total = { n: N, hits };
  let pool = Array.from({ length: N }, (_, i) => i);
  const boxes: PrimBox[] = [];
  while (boxes.length < o.maxBoxes && pool.length) {
    let left = 0;
    for (const i of pool) left += data.y[i];
    if (left === 0) break;
    const trajectory = new Prim(data, pool, total, o).trajectory();
    const chosen = chooseStep(trajectory);
    const meetsThreshold = trajectory[chosen].density >= o.threshold;
    if (boxes.length && !meetsThreshold) break;
    boxes.push({ trajectory, chosen, meetsThreshold });
    const limits = trajectory[chosen].limits;
    pool = pool.filter((i) => !inLimits(data.x, i, limits));
    if (!meetsThreshold) break;
  }
  return { boxes, n: N, hits };
}
