// Heatmaps for a two-parameter grid: mean final value over seeds in each cell, per metric and scenario.
import { outcomesOf, pointMeans, type Columns, type RunSource } from '../analysis/outcomes.ts';
import type { ChartContext } from '../charts/frame.ts';
import { heatmap } from '../charts/heatmap.ts';
import { markup } from '../charts/markup.ts';
import { ENGLISH } from '../charts/words.ts';

const MAX_MAPS = 8;

export function heatmaps(m: RunSource & { metrics: readonly string[] }, summary: Columns, ctx: ChartContext): string[] {
  const { type, params, points } = m.design;
  if (type !== 'grid' || params.length !== 2) return [];
  const xs = [...new Set(points.map((p) => p[0]))].sort((a, b) => a - b);
  const ys = [...new Set(points.map((p) => p[1]))].sort((a, b) => a - b);
  const w = ctx.words ?? ENGLISH;
  const svgs: string[] = [];
  const at = new Map(points.map((p, i) => [`${p[0]},${p[1]}`, i]));
  for (const metric of m.metrics) {
    if (svgs.length >= MAX_MAPS) break;
    const outcomes = outcomesOf(m, summary, metric);
    m.scenarios.forEach((s, si) => {
      if (svgs.length >= MAX_MAPS) return;
      const means = pointMeans(outcomes[si]);
      const values = ys.map((y) => xs.map((x) => means[at.get(`${x},${y}`)!]));
      svgs.push(markup(heatmap({
        title: w.say('report.heatmap.title', { metric: w.metric(metric), seeds: m.seeds.length, several: m.scenarios.length > 1 ? 'yes' : 'no', scenario: w.scenario(s.id) }),
        xLabel: w.paramAxis(params[0]),
        yLabel: w.paramAxis(params[1]),
        valueLabel: w.metricAxis(metric),
        xs,
        ys,
        values,
      }, ctx)));
    });
  }
  return svgs;
}
