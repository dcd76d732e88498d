// The charts of a design's own result (grid, replications, LHS: lab/analysis/designs.ts) and of a
// scenario discovery (lab/analysis/discover.ts), from their tables — as computed in memory or as read
// back from the CSV `analyze` and `discover` write — and the summary (each run's final values).
import { DISCOVERY_COLUMNS, meets, parseWhere } from '../analysis/discover.ts';
import type { Result } from '../analysis/methods.ts';
import { outcomesOf, pointMeans, type Columns, type RunSource } from '../analysis/outcomes.ts';
import { distributionChart, intervalChart, smootherChart, type IntervalPoint } from '../charts/designs.ts';
import { boxLimitsChart, scatterBoxChart, tradeoffChart } from '../charts/discovery.ts';
import type { ChartContext } from '../charts/frame.ts';
import { esc, markup } from '../charts/markup.ts';
import { fmt } from '../charts/style.ts';
import { ENGLISH, joined, type Words } from '../charts/words.ts';

type Row = Record<string, string | number>;

const TEXT = new Set(['scenario', 'parameter', 'kind', 'where']);

/** Rows of a result as records, numbers parsed (an empty cell is NaN). */
export const recordsOf = (r: Result): Row[] =>
  r.rows.map((row) => Object.fromEntries(r.columns.map((c, i) => [c, TEXT.has(c) ? String(row[i]) : row[i] === '' ? NaN : Number(row[i])])));

const num = (r: Row, c: string) => Number(r[c]);
const levels = (rows: Row[], c: string) => [...new Set(rows.map((r) => num(r, c)))].sort((a, b) => a - b);
/** Most parameters a grid's result is drawn against, and most scenarios drawn over time. */
const MAX_PARAMS = 3,
  MAX_OVER_TIME = 3;

/** A grid's result: the final month against each varied parameter; each scenario over the months. */
export function gridCharts(m: RunSource, outcome: string, result: Result, ctx: ChartContext): string[] {
  const { params } = m.design;
  const rows = recordsOf(result);
  if (!rows.length || !params.length) return [];
  const w = ctx.words ?? ENGLISH;
  const ids = m.scenarios.map((s) => s.id);
  const names = ids.map(w.scenario);
  const seeds = m.seeds.length;
  // The final month of each scenario and point: its last row.
  const final = new Map<string, Row>();
  for (const r of rows) final.set(`${r.scenario}|${r.point}`, r);
  const finals = [...final.values()];
  const lv = params.map((p) => levels(finals, p));
  const middle = (d: number) => lv[d][Math.floor((lv[d].length - 1) / 2)];
  const fixedText = (free: number[]) =>
    joined(w, 'report.join.comma', params.map((p, d) => (free.includes(d) || lv[d].length < 2 ? '' : `${p} = ${fmt(middle(d))}`)).filter(Boolean));
  const subtitleOf = (panels: string | undefined, fixed: string) =>
    joined(
      w,
      'report.join.semicolon',
      [panels ? w.say('report.grid.panels', { parameter: w.param(panels) }) : '', fixed ? w.say('report.grid.middle', { fixed }) : ''].filter(Boolean),
    ) || undefined;
  const at = (r: Row, free: number[]) => params.every((p, d) => free.includes(d) || num(r, p) === middle(d));
  const out: string[] = [];
  const note = w.say('report.grid.note', { seeds });
  params.slice(0, MAX_PARAMS).forEach((p, i) => {
    if (lv[i].length < 2) return;
    const j = params.length > 1 ? (i + 1) % params.length : -1;
    const free = j >= 0 ? [i, j] : [i];
    const fixed = fixedText(free);
    const points: IntervalPoint[] = finals
      .filter((r) => at(r, free))
      .map((r) => ({
        x: num(r, p),
        mean: num(r, 'mean'),
        low: num(r, 'low'),
        high: num(r, 'high'),
        series: w.scenario(String(r.scenario)),
        facet: j >= 0 ? `${params[j]} = ${fmt(num(r, params[j]))}` : undefined,
      }));
    out.push(
      markup(
        intervalChart(
          {
            title: w.say('report.grid.title', { outcome: w.metric(outcome), parameter: w.param(p), several: ids.length > 1 ? 'yes' : 'no' }),
            subtitle: subtitleOf(j >= 0 ? params[j] : undefined, fixed),
            xLabel: w.paramAxis(p),
            yLabel: w.metricAxis(outcome),
            points,
            series: names,
            facets: j >= 0 ? lv[j].map((v) => `${params[j]} = ${fmt(v)}`) : undefined,
            note,
          },
          ctx,
        ),
      ),
    );
  });
  const ticks = levels(rows, 'tick').filter(Number.isFinite);
  if (ticks.length > 1) {
    const free = params.length > 1 ? [0, 1] : [0];
    const fixed = fixedText(free);
    ids.slice(0, MAX_OVER_TIME).forEach((id) => {
      const mine = rows.filter((r) => r.scenario === id && at(r, free));
      out.push(
        markup(
          intervalChart(
            {
              title: w.say('report.grid.timeTitle', {
                outcome: w.metric(outcome),
                several: ids.length > 1 ? 'yes' : 'no',
                scenario: w.scenario(id),
                parameter: w.param(params[0]),
              }),
              subtitle: subtitleOf(params.length > 1 ? params[1] : undefined, fixed),
              xLabel: w.say('report.month'),
              yLabel: w.metricAxis(outcome),
              points: mine.map((r) => ({
                x: num(r, 'tick'),
                mean: num(r, 'mean'),
                low: num(r, 'low'),
                high: num(r, 'high'),
                series: `${params[0]} = ${fmt(num(r, params[0]))}`,
                facet: params.length > 1 ? `${params[1]} = ${fmt(num(r, params[1]))}` : undefined,
              })),
              series: lv[0].map((v) => `${params[0]} = ${fmt(v)}`),
              facets: params.length > 1 ? lv[1].map((v) => `${params[1]} = ${fmt(v)}`) : undefined,
              band: true,
              note: w.say('report.grid.timeNote', { seeds }),
            },
            ctx,
          ),
        ),
      );
    });
  }
  return out;
}

/** Replications: each scenario's final values over seeds. */
export function replicationsChart(m: RunSource, outcome: string, result: Result, summary: Columns, ctx: ChartContext): string[] {
  const rows = recordsOf(result);
  if (!rows.length) return [];
  const outcomes = outcomesOf(m, summary, outcome);
  const index = new Map(m.scenarios.map((s, i) => [s.id, i]));
  const w = ctx.words ?? ENGLISH;
  return [
    markup(
      distributionChart(
        {
          title: w.say('report.replications.title', { outcome: w.metric(outcome), seeds: m.seeds.length }),
          subtitle: w.say('report.replications.subtitle'),
          xLabel: w.metricAxis(outcome),
          rows: rows.map((r) => ({
            label: w.scenario(String(r.scenario)),
            values: (outcomes[index.get(String(r.scenario)) ?? 0][num(r, 'point')] ?? []).filter(Number.isFinite),
            q25: num(r, 'q25'),
            median: num(r, 'median'),
            q75: num(r, 'q75'),
            mean: num(r, 'mean'),
            low: num(r, 'low'),
            high: num(r, 'high'),
          })),
        },
        ctx,
      ),
    ),
  ];
}

/** LHS: the outcome against each parameter, the one whose binned means move most first. */
export function lhsCharts(m: RunSource, outcome: string, result: Result, summary: Columns, ctx: ChartContext, max = 8): string[] {
  const rows = recordsOf(result);
  if (!rows.length) return [];
  const { params, points } = m.design;
  const w = ctx.words ?? ENGLISH;
  const ids = m.scenarios.map((s) => s.id);
  const ys = outcomesOf(m, summary, outcome).map(pointMeans);
  const spread = (p: string) => {
    const means = rows
      .filter((r) => r.parameter === p)
      .map((r) => num(r, 'mean'))
      .filter(Number.isFinite);
    return means.length ? Math.max(...means) - Math.min(...means) : 0;
  };
  const order = [...params].sort((a, b) => spread(b) - spread(a)).slice(0, max);
  return order.map((p) => {
    const d = params.indexOf(p);
    return markup(
      smootherChart(
        {
          title: w.say('report.lhs.title', { outcome: w.metric(outcome), parameter: w.param(p) }),
          subtitle: w.say('report.lhs.subtitle', {
            parameter: p,
            bins: levels(
              rows.filter((r) => r.parameter === p),
              'bin',
            ).length,
            spread: fmt(spread(p)),
          }),
          xLabel: w.paramAxis(p),
          yLabel: w.metricAxis(outcome),
          points: ids.flatMap((id, s) => points.map((q, i) => ({ x: q[d], y: ys[s][i], series: w.scenario(id) }))),
          bins: rows
            .filter((r) => r.parameter === p)
            .map((r) => ({
              x: (num(r, 'binLow') + num(r, 'binHigh')) / 2,
              mean: num(r, 'mean'),
              low: num(r, 'low'),
              high: num(r, 'high'),
              series: w.scenario(String(r.scenario)),
            })),
          series: ids.map(w.scenario),
        },
        ctx,
      ),
    );
  });
}

/** A box of a discovery as its table says: the trajectory, and the limits of each step. */
export interface DiscoveredBox {
  scenario: string;
  box: number;
  steps: { step: number; coverage: number; density: number; mass: number; n: number; restricted: number; chosen: boolean }[];
  /** step → its limits. */
  limits: Map<number, { parameter: string; low: number; high: number; rangeLow: number; rangeHigh: number; pValue: number }[]>;
}

/** The PRIM boxes of a discovery's table, and the tree's leaves. */
export function discoveredBoxes(result: Result): {
  boxes: DiscoveredBox[];
  leaves: {
    scenario: string;
    leaf: number;
    coverage: number;
    density: number;
    n: number;
    limits: { parameter: string; low: number; high: number; rangeLow: number; rangeHigh: number }[];
  }[];
} {
  const rows = recordsOf(result);
  const boxes = new Map<string, DiscoveredBox>();
  const leaves = new Map<string, ReturnType<typeof discoveredBoxes>['leaves'][number]>();
  for (const r of rows) {
    const key = `${r.scenario}|${r.box}`;
    if (r.kind === 'prim-step' || r.kind === 'prim-limit') {
      const b: DiscoveredBox = boxes.get(key) ?? { scenario: String(r.scenario), box: num(r, 'box'), steps: [], limits: new Map() };
      boxes.set(key, b);
      if (r.kind === 'prim-step') {
        b.steps.push({
          step: num(r, 'step'),
          coverage: num(r, 'coverage'),
          density: num(r, 'density'),
          mass: num(r, 'mass'),
          n: num(r, 'n'),
          restricted: num(r, 'restricted'),
          chosen: num(r, 'chosen') === 1,
        });
        b.limits.set(num(r, 'step'), []);
      } else
        b.limits.get(num(r, 'step'))?.push({
          parameter: String(r.parameter),
          low: num(r, 'low'),
          high: num(r, 'high'),
          rangeLow: num(r, 'rangeLow'),
          rangeHigh: num(r, 'rangeHigh'),
          pValue: num(r, 'pValue'),
        });
    } else if (r.kind === 'cart-leaf') {
      leaves.set(key, {
        scenario: String(r.scenario),
        leaf: num(r, 'box'),
        coverage: num(r, 'coverage'),
        density: num(r, 'density'),
        n: num(r, 'n'),
        limits: [],
      });
    } else if (r.kind === 'cart-limit') {
      leaves.get(key)?.limits.push({
        parameter: String(r.parameter),
        low: num(r, 'low'),
        high: num(r, 'high'),
        rangeLow: num(r, 'rangeLow'),
        rangeHigh: num(r, 'rangeHigh'),
      });
    }
  }
  return { boxes: [...boxes.values()], leaves: [...leaves.values()] };
}

/** The charts of one box at one step: its limits against the ranges, and the runs in each pair of its (up to three) most significant restricted parameters. */
export function boxCharts(m: RunSource, summary: Columns, outcome: string, where: string, b: DiscoveredBox, step: number, ctx: ChartContext): string[] {
  const w = ctx.words ?? ENGLISH;
  const limits = b.limits.get(step) ?? [];
  const s = b.steps.find((x) => x.step === step);
  if (!s) return [];
  const scenario = m.scenarios.length > 1 ? b.scenario : undefined;
  const out = [
    markup(
      boxLimitsChart(
        {
          title: w.say('report.box.limitsTitle', {
            box: b.box,
            several: scenario ? 'yes' : 'no',
            scenario: w.scenario(scenario ?? ''),
            step,
            condition: `${w.metric(outcome)} ${where}`,
          }),
          subtitle: w.say('report.box.limitsSubtitle', {
            coverage: fmt(s.coverage),
            density: fmt(s.density),
            runs: s.n,
            percent: fmt(100 * s.mass),
            restricted: limits.length > 0 ? 'yes' : 'no',
          }),
          rows: limits,
        },
        ctx,
      ),
    ),
  ];
  const { params, points } = m.design;
  const ranges = params.map(
    (p, d) => m.design.ranges?.[p] ?? ([Math.min(...points.map((q) => q[d])), Math.max(...points.map((q) => q[d]))] as [number, number]),
  );
  // Pairs of the most significant restrictions (up to three of them: three pairs); one restriction is
  // shown against the next parameter.
  const byP = [...limits]
    .sort((a, c) => a.pValue - c.pValue)
    .map((l) => params.indexOf(l.parameter))
    .slice(0, 3);
  const pairs =
    byP.length >= 2
      ? byP.flatMap((a, i) => byP.slice(i + 1).map((c) => [a, c]))
      : byP.length === 1 && params.length > 1
        ? [[byP[0], byP[0] === 0 ? 1 : 0]]
        : [];
  const condition = parseWhere(where);
  const si = Math.max(
    0,
    m.scenarios.findIndex((x) => x.id === b.scenario),
  );
  const outcomes = pairs.length ? outcomesOf(m, summary, outcome)[si] : [];
  const lim = (d: number): [number, number] => {
    const l = limits.find((x) => x.parameter === params[d]);
    return l ? [l.low, l.high] : ranges[d];
  };
  for (const [dx, dy] of pairs) {
    out.push(
      markup(
        scatterBoxChart(
          {
            title: w.say('report.box.scatterTitle', { y: w.param(params[dy]), x: w.param(params[dx]), box: b.box, step }),
            subtitle: w.say('report.box.scatterSubtitle', {
              condition: `${w.metric(outcome)} ${where}`,
              more: params.length > 2 ? 'yes' : 'no',
              spread: m.seeds.length > 1 ? 'yes' : 'no',
              seeds: m.seeds.length,
            }),
            x: { label: w.paramAxis(params[dx]), lo: ranges[dx][0], hi: ranges[dx][1] },
            y: { label: w.paramAxis(params[dy]), lo: ranges[dy][0], hi: ranges[dy][1] },
            points: outcomes.flatMap((reps, p) =>
              reps
                .map((v, k) => ({ v, k }))
                .filter((c) => Number.isFinite(c.v))
                .map(({ v, k }) => ({
                  // Runs of one design point (its seeds) share its values: spread them a little, in a fixed pattern.
                  x: points[p][dx] + (reps.length > 1 ? spread(k, 0.618, ranges[dx]) : 0),
                  y: points[p][dy] + (reps.length > 1 ? spread(k, 0.382, ranges[dy]) : 0),
                  hit: meets(condition, v),
                })),
            ),
            box: { x: lim(dx), y: lim(dy) },
          },
          ctx,
        ),
      ),
    );
  }
  return out;
}

/** An offset of run k of a design point, up to ±3 % of the range (a fixed low-discrepancy pattern). */
const spread = (k: number, step: number, range: [number, number]) => ((((k + 1) * step) % 1) - 0.5) * 0.06 * (range[1] - range[0]);

/** A tree leaf's splits as text: a lower limit is strict (x > c), an upper one not (x ≤ c). */
const leafText = (w: Words, limits: { parameter: string; low: number; high: number; rangeLow: number; rangeHigh: number }[]) =>
  joined(
    w,
    'report.join.and',
    limits.map((l) => {
      const low = l.low > l.rangeLow,
        high = l.high < l.rangeHigh;
      return low && high ? `${fmt(l.low)} < ${l.parameter} ≤ ${fmt(l.high)}` : low ? `${l.parameter} > ${fmt(l.low)}` : `${l.parameter} ≤ ${fmt(l.high)}`;
    }),
  );

const table = (head: string[], rows: (string | number)[][]) =>
  `<table class="discovery"><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;

/** A discovery in the report: per box, its trade-off curve, limits and scatter at the chosen step; a table of the boxes and one of the tree's leaves. */
export function discoveryParts(m: RunSource, summary: Columns, outcome: string, result: Result, ctx: ChartContext): string[] {
  if (result.columns.join(',') !== DISCOVERY_COLUMNS.join(',') || !result.rows.length) return [];
  const where = String(result.rows[0][0]);
  const w = ctx.words ?? ENGLISH;
  const condition = `${w.metric(outcome)} ${where}`;
  const { boxes, leaves } = discoveredBoxes(result);
  const f = fmt;
  const parts: string[] = [];
  const rows = recordsOf(result);
  const empty = rows.filter((r) => r.kind === 'cases' && (num(r, 'density') === 0 || num(r, 'density') === 1));
  if (empty.length)
    parts.push(
      `<p class="note">${esc(
        joined(
          w,
          'report.join.sentences',
          empty.map((r) =>
            w.say('report.discovery.empty', {
              scenario: w.scenario(String(r.scenario)),
              all: num(r, 'density') === 0 ? 'none' : 'every',
              n: num(r, 'n'),
              condition,
            }),
          ),
        ),
      )}</p>`,
    );
  const boxRows: (string | number)[][] = [];
  for (const b of boxes) {
    const chosen = b.steps.find((s) => s.chosen) ?? b.steps[b.steps.length - 1];
    parts.push(
      markup(
        tradeoffChart(
          {
            title: w.say('report.discovery.tradeoffTitle', {
              box: b.box,
              several: m.scenarios.length > 1 ? 'yes' : 'no',
              scenario: w.scenario(b.scenario),
              condition,
            }),
            subtitle: w.say('report.discovery.tradeoffSubtitle', { step: chosen.step }),
            steps: b.steps,
            selected: chosen.step,
          },
          ctx,
        ),
      ),
    );
    parts.push(...boxCharts(m, summary, outcome, where, b, chosen.step, ctx));
    const lim = b.limits.get(chosen.step) ?? [];
    boxRows.push([
      w.scenario(b.scenario),
      b.box,
      chosen.step,
      f(chosen.coverage),
      f(chosen.density),
      chosen.n,
      joined(
        w,
        'report.join.semicolon',
        lim.map((l) =>
          w.say('report.discovery.p', {
            limits:
              l.low > l.rangeLow && l.high < l.rangeHigh
                ? `${f(l.low)} ≤ ${l.parameter} ≤ ${f(l.high)}`
                : l.low > l.rangeLow
                  ? `${l.parameter} ≥ ${f(l.low)}`
                  : `${l.parameter} ≤ ${f(l.high)}`,
            p: f(l.pValue),
          }),
        ),
      ) || w.say('report.discovery.none'),
    ]);
  }
  const col = (c: 'scenario' | 'box' | 'step' | 'coverage' | 'density' | 'runs' | 'restrictions' | 'leaf' | 'leafRule') => w.say(`report.col.${c}`);
  parts.push(table((['scenario', 'box', 'step', 'coverage', 'density', 'runs', 'restrictions'] as const).map(col), boxRows));
  parts.push(
    table(
      [col('scenario'), col('leaf'), col('coverage'), col('density'), col('runs'), col('leafRule')],
      leaves.map((l) => [w.scenario(l.scenario), l.leaf, f(l.coverage), f(l.density), l.n, leafText(w, l.limits) || w.say('report.discovery.everywhere')]),
    ),
  );
  return parts;
}
