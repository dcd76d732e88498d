// Fan charts from runs.csv: per chosen metric, the mean and 5–95 % band across seeds over months,
// one fan per scenario × design point (or per scenario, over all points, when there are too many).
import type { Manifest } from '../experiment/manifest.ts';
import { decodeRun } from '../experiment/plan.ts';
import type { Table } from '../experiment/results.ts';
import { mean, quantileSorted } from '../analysis/stats.ts';
import { fmt } from './html.ts';
import { fanChart, type FanSeries } from './fan.ts';
import { metricLabel } from './units.ts';

export const MAX_FANS = 8;
export const MAX_METRICS = 6;

interface Group {
  label: string;
  /** metric → tick → values across seeds (and points, for a whole scenario). */
  values: Map<string, Map<number, number[]>>;
}

function groupsOf(m: Manifest): { keyOf: (scenario: number, point: number) => number; groups: Group[]; note: string; across: string } {
  const S = m.scenarios.length, P = m.design.points.length;
  const perPoint = S * P <= MAX_FANS;
  const pointLabel = (p: number) => m.design.params.map((name, i) => `${name} ${fmt(m.design.points[p][i])}`).join(', ');
  const labels = perPoint
    ? m.scenarios.flatMap((s) => m.design.points.map((_, p) => (P > 1 ? `${S > 1 ? `${s.id}: ` : ''}${pointLabel(p)}` : s.id)))
    : m.scenarios.slice(0, MAX_FANS).map((s) => (P > 1 ? `${s.id} (all ${P} points)` : s.id));
  const note = perPoint ? '' : P > 1 ? `With ${S * P} scenario × design point combinations, each fan pools one scenario's ${P} design points and all seeds.` : '';
  const capped = !perPoint && S > MAX_FANS ? ` Showing the first ${MAX_FANS} of ${S} scenarios.` : '';
  return {
    keyOf: (s, p) => (perPoint ? s * P + p : s < MAX_FANS ? s : -1),
    groups: labels.map((label) => ({ label, values: new Map() })),
    note: note + capped,
    across: perPoint || P === 1 ? `${m.seeds.length} seeds` : `${P} design points × ${m.seeds.length} seeds`,
  };
}

export function fanCharts(m: Manifest, runs: Table): { svgs: string[]; note: string } {
  const { keyOf, groups, note, across } = groupsOf(m);
  const metrics = m.metrics.slice(0, MAX_METRICS);
  const runCol = runs.columns.indexOf('run'), tickCol = runs.columns.indexOf('tick');
  const cols = metrics.map((name) => runs.columns.indexOf(name));
  for (const row of runs.rows) {
    const { scenario, point } = decodeRun(Number(row[runCol]), m.design.points.length, m.seeds.length);
    const key = keyOf(scenario, point);
    if (key < 0) continue;
    const tick = Number(row[tickCol]);
    metrics.forEach((name, i) => {
      const byTick = groups[key].values.get(name) ?? new Map<number, number[]>();
      groups[key].values.set(name, byTick);
      const list = byTick.get(tick) ?? [];
      byTick.set(tick, list);
      list.push(Number(row[cols[i]]));
    });
  }
  const svgs = metrics.map((name) => {
    const series: FanSeries[] = groups.map((g) => fanOf(g.label, g.values.get(name) ?? new Map<number, number[]>()));
    return fanChart({ title: `${name}: mean and 90 % band across ${across}`, xLabel: 'month (tick)', yLabel: metricLabel(name), series });
  });
  return { svgs, note };
}

/** A fan of values per tick: mean and 5–95 % band. */
function fanOf(label: string, byTick: Map<number, number[]>): FanSeries {
  const x = [...byTick.keys()].sort((a, b) => a - b);
  const sorted = x.map((t) => [...byTick.get(t)!].sort((a, b) => a - b));
  return { label, x, mean: sorted.map((v) => mean(v)), low: sorted.map((v) => quantileSorted(v, 0.05)), high: sorted.map((v) => quantileSorted(v, 0.95)) };
}

/**
 * Paired fans over time: for each scenario other than the baseline, the difference scenario −
 * baseline of each run and its twin (same design point, same seed: common random numbers), per
 * recorded month; one chart per metric, the fan pooling the design points.
 */
export function pairedFanCharts(m: Manifest, runs: Table, baseline: string): string[] {
  const P = m.design.points.length, R = m.seeds.length;
  const across = P > 1 ? `${P} design points × ${R} seeds` : `${R} seeds`;
  return pairedDifferences(m, runs, baseline).map(({ metric, series }) =>
    fanChart({ title: `${metric}: difference from ${baseline}, paired on common seeds (mean and 90 % band across ${across})`, xLabel: 'month (tick)', yLabel: `difference in ${metricLabel(metric)}`, series }),
  );
}

/** The fans of pairedFanCharts, per metric (up to MAX_METRICS): one per scenario other than the baseline. */
export function pairedDifferences(m: Manifest, runs: Table, baseline: string): { metric: string; series: FanSeries[] }[] {
  const b = m.scenarios.findIndex((s) => s.id === baseline);
  if (m.scenarios.length < 2 || b < 0) return [];
  const P = m.design.points.length, R = m.seeds.length;
  const metrics = m.metrics.slice(0, MAX_METRICS);
  const runCol = runs.columns.indexOf('run'), tickCol = runs.columns.indexOf('tick');
  const cols = metrics.map((name) => runs.columns.indexOf(name));
  // values[scenario][point × R + replicate]: tick → the row's metric values.
  const values = m.scenarios.map(() => Array.from({ length: P * R }, () => new Map<number, number[]>()));
  for (const row of runs.rows) {
    const { scenario, point, replicate } = decodeRun(Number(row[runCol]), P, R);
    values[scenario][point * R + replicate].set(Number(row[tickCol]), cols.map((c) => Number(row[c])));
  }
  return metrics.map((name, i) => {
    const series = m.scenarios.flatMap((s, si) => {
      if (si === b) return [];
      const byTick = new Map<number, number[]>();
      values[si].forEach((ticks, twin) => {
        for (const [tick, row] of ticks) {
          const base = values[b][twin].get(tick);
          if (!base) continue;
          const list = byTick.get(tick) ?? [];
          byTick.set(tick, list);
          list.push(row[i] - base[i]);
        }
      });
      return [fanOf(`${s.id} − ${baseline}`, byTick)];
    });
    return { metric: name, series };
  });
}
