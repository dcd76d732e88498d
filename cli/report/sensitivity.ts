// Sensitivity charts: from the analysis CSVs in the directory (written by `analyze`), or, when
// there are none, computed here for the first metrics with the same functions and defaults.
import { readdirSync } from 'node:fs';
import type { Loaded as Manifest } from '../experiment/results.ts';
import { readTable, type Columns, type Table } from '../experiment/results.ts';
import { morris, paired, sobol, type Result } from '../../lab/analysis/methods.ts';
import { outcomesOf } from '../../lab/analysis/outcomes.ts';
import { barChart } from './bars.ts';
import { fmt } from './html.ts';
import { metricLabel } from './units.ts';

const INLINE_METRICS = 3;
const MAX_ROWS = 30;

/** Rows of an analysis table as objects, numbers parsed. */
function records(t: Table): Record<string, string | number>[] {
  return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, c === 'method' || c === 'outcome' || c === 'scenario' || c === 'parameter' || c === 'baseline' ? r[i] : Number(r[i])])));
}

function asTable(method: string, outcome: string, r: Result): Table {
  return { columns: ['method', 'outcome', ...r.columns], rows: r.rows.map((row) => [method, outcome, ...row.map(String)]) };
}

function pairedChart(m: Manifest, rows: Record<string, string | number>[], outcome: string): string {
  const point = (r: Record<string, string | number>) => m.design.params.map((p) => `${p} ${fmt(Number(r[p]))}`).join(', ');
  const others = [...new Set(rows.map((r) => String(r.scenario)))];
  const shown = rows.slice(0, MAX_ROWS);
  // One scenario against the baseline: it goes in the title, and each row is a design point.
  const label = (r: Record<string, string | number>) =>
    !m.design.params.length ? String(r.scenario) : others.length === 1 ? point(r) : `${r.scenario}: ${point(r)}`;
  return barChart({
    title: `${outcome} (final month): ${others.length === 1 ? others[0] : 'scenario'} − ${String(rows[0].baseline)}, paired on common seeds`,
    subtitle: rows.length > shown.length ? `first ${shown.length} of ${rows.length} rows` : undefined,
    xLabel: `difference in ${metricLabel(outcome)}`,
    labels: shown.map(label),
    series: [{ name: 'mean paired difference', bars: shown.map((r) => ({ value: Number(r.meanDiff), low: Number(r.low), high: Number(r.high) })) }],
  });
}

function charts(m: Manifest, t: Table): string[] {
  const rows = records(t);
  if (rows.length === 0) return [];
  const method = String(rows[0].method), outcome = String(rows[0].outcome);
  if (method === 'paired') return [pairedChart(m, rows, outcome)];
  if (method !== 'morris' && method !== 'sobol') return [];
  return [...new Set(rows.map((r) => String(r.scenario)))].map((scenario) => {
    const mine = rows.filter((r) => r.scenario === scenario);
    if (method === 'morris') {
      mine.sort((a, b) => Number(b.muStar) - Number(a.muStar));
      return barChart({
        title: `Morris elementary effects of ${outcome} (final month), ${scenario}`,
        xLabel: `effect on ${metricLabel(outcome)} over each parameter's range`,
        labels: mine.map((r) => String(r.parameter)),
        series: [
          { name: 'μ* (mean |EE|)', bars: mine.map((r) => ({ value: Number(r.muStar), low: Number(r.muStarLow), high: Number(r.muStarHigh) })) },
          { name: 'σ (sd of EE)', bars: mine.map((r) => ({ value: Number(r.sigma) })) },
        ],
      });
    }
    mine.sort((a, b) => Number(b.ST) - Number(a.ST));
    return barChart({
      title: `Sobol' indices of ${outcome} (final month), ${scenario}`,
      xLabel: 'share of output variance',
      labels: mine.map((r) => String(r.parameter)),
      series: [
        { name: 'S1 (first order)', bars: mine.map((r) => ({ value: Number(r.S1), low: Number(r.S1Low), high: Number(r.S1High) })) },
        { name: 'ST (total)', bars: mine.map((r) => ({ value: Number(r.ST), low: Number(r.STLow), high: Number(r.STHigh) })) },
      ],
    });
  });
}

export function sensitivityCharts(dir: string, m: Manifest, summary: Columns): { svgs: string[]; source: string } {
  const files = readdirSync(dir).filter((f) => /^analysis-.+\.csv$/.test(f)).sort();
  if (files.length) return { svgs: files.flatMap((f) => charts(m, readTable(dir, f))), source: `from ${files.join(', ')}` };
  const tables: Table[] = [];
  for (const metric of m.metrics.slice(0, INLINE_METRICS)) {
    const outcomes = outcomesOf(m, summary, metric);
    if (m.design.type === 'morris') tables.push(asTable('morris', metric, morris(m, outcomes, {})));
    if (m.design.type === 'sobol') tables.push(asTable('sobol', metric, sobol(m, outcomes, {})));
    if (m.scenarios.length > 1) tables.push(asTable('paired', metric, paired(m, outcomes, m.scenarios[0].id)));
  }
  return { svgs: tables.flatMap((t) => charts(m, t)), source: 'computed for this report (run analyze to choose method, outcome and baseline)' };
}
