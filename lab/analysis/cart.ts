// A classification tree (CART, Breiman, Friedman, Olshen & Stone 1984) of the cases of interest,
// to set beside PRIM's boxes: binary splits on one parameter at a time, each the one that lowers the
// Gini impurity most, cut halfway between two neighbouring values; a node is not split below
// `minLeaf` points on either side or past `maxDepth`. No pruning: depth and leaf size bound the tree.
// Each leaf is a box (its limits); the leaves where the cases of interest are the majority are what
// the tree says about them. A split whose two leaves predict the same class is undone. Written here (≈ 80 lines) rather than taken from a package: it needs only
// axis-aligned splits on numbers and 0/1 labels, and its boxes in the same terms as PRIM's.

export interface CartOptions {
  /** Deepest split (3). */
  maxDepth?: number;
  /** Fewest points on either side of a split (2 % of the points, at least 5). */
  minLeaf?: number;
}

export interface CartLeaf {
  /** Per parameter [low, high]; a split at c sends x ≤ c left, x > c right. */
  limits: [number, number][];
  /** The splits from the root, as text ("x1 > 0.6"), in order. */
  rule: { parameter: number; op: '<=' | '>'; at: number }[];
  n: number;
  hits: number;
  density: number;
  /** Share of all cases of interest in the leaf. */
  coverage: number;
}

export interface CartData {
  x: ArrayLike<number>[];
  y: ArrayLike<number>;
  ranges: [number, number][];
}

const gini = (n: number, h: number): number => (n ? 2 * (h / n) * (1 - h / n) : 0);

interface Node {
  leaf: CartLeaf;
  children?: [Node, Node];
}

/** A leaf predicts the cases of interest when they are at least half of it. */
const predicts = (l: CartLeaf): boolean => l.density >= 0.5;

/** The leaves of the tree, from the left; a split whose two sides predict the same class is removed. */
export function cart(data: CartData, options: CartOptions = {}): CartLeaf[] {
  const N = data.y.length;
  const maxDepth = options.maxDepth ?? 3;
  const minLeaf = options.minLeaf ?? Math.max(5, Math.ceil(0.02 * N));
  let total = 0;
  for (let i = 0; i < N; i++) total += data.y[i];
  const grow = (idx: number[], limits: [number, number][], rule: CartLeaf['rule'], depth: number): Node => {
    const n = idx.length;
    let h = 0;
    for (const i of idx) h += data.y[i];
    const leaf = { limits, rule, n, hits: h, density: n ? h / n : 0, coverage: total ? h / total : 0 };
    let best: { gain: number; d: number; at: number } | undefined;
    if (depth < maxDepth && h > 0 && h < n) {
      const parent = gini(n, h);
      for (let d = 0; d < data.x.length; d++) {
        const sorted = idx.map((i) => [data.x[d][i], data.y[i]] as const).sort((a, b) => a[0] - b[0]);
        let ln = 0,
          lh = 0;
        for (let j = 0; j < n - 1; j++) {
          ln++;
          lh += sorted[j][1];
          if (sorted[j][0] === sorted[j + 1][0] || ln < minLeaf || n - ln < minLeaf) continue;
          const gain = parent - (ln / n) * gini(ln, lh) - ((n - ln) / n) * gini(n - ln, h - lh);
          if (gain > 1e-12 && (!best || gain > best.gain)) best = { gain, d, at: (sorted[j][0] + sorted[j + 1][0]) / 2 };
        }
      }
    }
    if (!best) return { leaf };
    const { d, at } = best;
    const left = limits.map((l) => [...l] as [number, number]),
      right = limits.map((l) => [...l] as [number, number]);
    left[d][1] = at;
    right[d][0] = at;
    const a = grow(
      idx.filter((i) => data.x[d][i] <= at),
      left,
      [...rule, { parameter: d, op: '<=', at }],
      depth + 1,
    );
    const b = grow(
      idx.filter((i) => data.x[d][i] > at),
      right,
      [...rule, { parameter: d, op: '>', at }],
      depth + 1,
    );
    // Children that are leaves predicting the same class say nothing the parent does not.
    if (!a.children && !b.children && predicts(a.leaf) === predicts(b.leaf)) return { leaf };
    return { leaf, children: [a, b] };
  };
  const leaves: CartLeaf[] = [];
  const collect = (node: Node): void => {
    if (node.children) node.children.forEach(collect);
    else leaves.push(node.leaf);
  };
  collect(
    grow(
      Array.from({ length: N }, (_, i) => i),
      data.ranges.map((r) => [...r] as [number, number]),
      [],
      0,
    ),
  );
  return leaves;
}

/** A leaf's box as text: per parameter split, "x > a", "x ≤ b" or "a < x ≤ b"; "everywhere" for the root. */
export function leafText(leaf: CartLeaf, params: readonly string[], ranges: readonly [number, number][], f: (x: number) => string): string {
  const split = [...new Set(leaf.rule.map((r) => r.parameter))].sort((a, b) => a - b);
  return (
    split
      .map((d) => {
        const [lo, hi] = leaf.limits[d];
        const low = lo > ranges[d][0],
          high = hi < ranges[d][1];
        return low && high ? `${f(lo)} < ${params[d]} ≤ ${f(hi)}` : low ? `${params[d]} > ${f(lo)}` : `${params[d]} ≤ ${f(hi)}`;
      })
      .join(' and ') || 'everywhere'
  );
}
