// Fans: the mean and the 5–95 % band of a metric across runs, month by month; the report's fan
// charts over time and the browser's Compare both summarise with these. Memory is bounded whatever
// the number of runs: means are exact; the band comes from every value while a cell holds few
// enough, else from a seeded uniform sample of them (reservoir sampling), and `sampled` says so.
import { quantileSorted } from './analysis/stats.ts';
import { createRng, type Rng } from './random.ts';

/** One fan: at each month x, the mean and the 5th and 95th percentiles. */
export interface Fan {
  label: string;
  x: number[];
  mean: number[];
  low: number[];
  high: number[];
}

/** The values of one cell (a fan at one month): exact mean, and a bounded uniform sample for the band. */
export class Cell {
  n = 0;
  sum = 0;
  private kept: number[] = [];
  constructor(
    private readonly cap: number,
    private readonly rng: Rng,
  ) {}
  add(x: number): void {
    this.n++;
    this.sum += x;
    if (this.kept.length < this.cap) this.kept.push(x);
    else {
      const j = Math.floor(this.rng() * this.n);
      if (j < this.cap) this.kept[j] = x;
    }
  }
  get sampled(): boolean {
    return this.n > this.cap;
  }
  get mean(): number {
    return this.sum / this.n;
  }
  band(): { low: number; high: number } {
    const sorted = Float64Array.from(this.kept).sort();
    return { low: quantileSorted(sorted, 0.05), high: quantileSorted(sorted, 0.95) };
  }
}

/** Cells of fans: fan → metric → month; values added in any order of months. */
export class Fans {
  private readonly cells: Map<number, Cell>[][];
  private readonly rng = createRng(1);
  /** `cap`: the most values a cell keeps for its band. */
  constructor(
    readonly labels: string[],
    metrics: number,
    private readonly cap: number,
  ) {
    this.cells = labels.map(() => Array.from({ length: metrics }, () => new Map()));
  }
  add(fan: number, metric: number, tick: number, x: number): void {
    const byTick = this.cells[fan][metric];
    let cell = byTick.get(tick);
    if (!cell) byTick.set(tick, (cell = new Cell(this.cap, this.rng)));
    cell.add(x);
  }
  series(metric: number): Fan[] {
    return this.labels.map((label, f) => {
      const byTick = this.cells[f][metric];
      const x = [...byTick.keys()].sort((a, b) => a - b);
      const bands = x.map((t) => byTick.get(t)!.band());
      return { label, x, mean: x.map((t) => byTick.get(t)!.mean), low: bands.map((b) => b.low), high: bands.map((b) => b.high) };
    });
  }
  get sampled(): boolean {
    return this.cells.some((f) => f.some((m) => [...m.values()].some((c) => c.sampled)));
  }
}

/** The fan of equally long runs (a series each, indexed by month), every value kept: mean and band at each month. */
export function fanOf(runs: readonly ArrayLike<number>[], label = ''): Fan {
  const fans = new Fans([label], 1, Math.max(1, runs.length));
  for (const run of runs) for (let t = 0; t < run.length; t++) fans.add(0, 0, t, run[t]);
  return fans.series(0)[0];
}

/**
 * Each run minus its twin in the baseline (the same seed: common random numbers), month by month,
 * in the order of the seeds; runs without a twin are left out.
 */
export function twinDifferences(runs: ReadonlyMap<number, ArrayLike<number>>, baseline: ReadonlyMap<number, ArrayLike<number>>): Float64Array[] {
  const seeds = [...runs.keys()].filter((seed) => baseline.has(seed)).sort((a, b) => a - b);
  return seeds.map((seed) => {
    const run = runs.get(seed)!, twin = baseline.get(seed)!;
    return Float64Array.from({ length: Math.min(run.length, twin.length) }, (_, t) => run[t] - twin[t]);
  });
}
