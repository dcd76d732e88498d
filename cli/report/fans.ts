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
    const series: FanSeries[] = groups.map((g) => {
      const byTick = g.values.get(name) ?? new Map<number, number[]>();
      const x = [...byTick.keys()].sort((a, b) => a - b);
      const sorted = x.map((t) => [...byTick.get(t)!].sort((a, b) => a - b));
      return { label: g.label, x, mean: sorted.map((v) => mean(v)), low: sorted.map((v) => quantileSorted(v, 0.05)), high: sorted.map((v) => quantileSorted(v, 0.95)) };
    });
    return fanChart({ title: `${name}: mean and 90 % band across ${across}`, xLabel: 'month (tick)', yLabel: metricLabel(name), series });
  });
  return { svgs, note };
}
