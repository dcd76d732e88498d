// The report's sensitivity and comparison charts: from the analyses given (the CLI's analysis CSVs,
// the browser's results), or, when none are, computed here for the first metrics with the same
// functions and defaults as `involution-lab analyze`.
import { gridResult, lhsResult, replicationsResult, type RunsTable } from '../analysis/designs.ts';
import { designMethod, morris, paired, sobol, type Result } from '../analysis/methods.ts';
import { outcomesOf, type Columns, type RunSource } from '../analysis/outcomes.ts';
import { morrisChart, pairedChart, sobolChart, type MorrisRow, type SobolRow } from '../charts/analysis.ts';
import type { ChartContext } from '../charts/frame.ts';
import { markup } from '../charts/markup.ts';
import { fmt } from '../charts/style.ts';
import { discoveryParts, gridCharts, lhsCharts, replicationsChart } from './designs.ts';
import { ENGLISH } from '../charts/words.ts';

/** One analysis: its method and outcome, and its table (cells as numbers, or as the CSV's text). */
export interface ReportAnalysis {
  method: string;
  outcome: string;
  result: Result;
}

const INLINE_METRICS = 3;
const MAX_ROWS = 30;
const TEXT = new Set(['scenario', 'parameter', 'baseline', 'kind', 'where']);

type Row = Record<string, string | number>;

/** Rows of a result as records, numbers parsed. */
const records = (r: Result): Row[] => r.rows.map((row) => Object.fromEntries(r.columns.map((c, i) => [c, TEXT.has(c) ? String(row[i]) : Number(row[i])])));

function pairedSvg(m: RunSource, rows: Row[], outcome: string, ctx: ChartContext): string {
  const w = ctx.words ?? ENGLISH;
  const point = (r: Row) => m.design.params.map((p) => `${p} ${fmt(Number(r[p]))}`).join(', ');
  const others = [...new Set(rows.map((r) => String(r.scenario)))];
  const shown = rows.slice(0, MAX_ROWS);
  // One scenario against the baseline: it goes in the title, and each row is a design point.
  const label = (r: Row) => (!m.design.params.length ? w.scenario(String(r.scenario)) : others.length === 1 ? point(r) : `${w.scenario(String(r.scenario))}: ${point(r)}`);
  return markup(pairedChart({
    title: w.say('report.paired.barTitle', {
      outcome: w.metric(outcome),
      scenario: others.length === 1 ? w.scenario(others[0]) : w.say('report.paired.scenario'),
      baseline: w.scenario(String(rows[0].baseline)),
    }),
    subtitle: rows.length > shown.length ? w.say('report.firstRows', { shown: shown.length, rows: rows.length }) : undefined,
    xLabel: w.say('report.differenceIn', { metric: w.metricAxis(outcome) }),
    rows: shown.map((r) => ({ label: label(r), meanDiff: Number(r.meanDiff), low: Number(r.low), high: Number(r.high) })),
  }, ctx));
}

/** Methods whose charts show what a design's runs say (not a sensitivity analysis). */
export const DESIGN_METHODS = new Set(['grid', 'replications', 'lhs']);

/**
 * The charts of one analysis: one per scenario (Morris, Sobol'), one for the paired differences, the
 * design's own (grid, replications, LHS; these read the summary too), or a discovery's charts and tables.
 */
export function analysisCharts(m: RunSource, a: ReportAnalysis, ctx: ChartContext, summary?: Columns): string[] {
  const rows = records(a.result);
  if (rows.length === 0) return [];
  const { method, outcome } = a;
  if (method === 'grid') return gridCharts(m, outcome, a.result, ctx);
  if (method === 'replications') return summary ? replicationsChart(m, outcome, a.result, summary, ctx) : [];
  if (method === 'lhs') return summary ? lhsCharts(m, outcome, a.result, summary, ctx) : [];
  if (method === 'discover') return summary ? discoveryParts(m, summary, outcome, a.result, ctx) : [];
  if (method === 'paired') return [pairedSvg(m, rows, outcome, ctx)];
  if (method !== 'morris' && method !== 'sobol') return [];
  const w = ctx.words ?? ENGLISH;
  return [...new Set(rows.map((r) => String(r.scenario)))].map((scenario) => {
    const mine = rows.filter((r) => r.scenario === scenario);
    // With a baseline column, the analysis is of the scenario's effect against it.
    const of =
      mine[0].baseline === undefined
        ? w.say('report.of.scenario', { outcome: w.metric(outcome), scenario: w.scenario(scenario) })
        : w.say('report.of.effect', { outcome: w.metric(outcome), scenario: w.scenario(scenario), baseline: w.scenario(String(mine[0].baseline)) });
    const subtitle = mine.length > MAX_ROWS ? w.say('report.largest', { shown: MAX_ROWS, parameters: mine.length }) : undefined;
    if (method === 'morris') {
      mine.sort((a, b) => Number(b.muStar) - Number(a.muStar));
      return markup(morrisChart({
        title: w.say('report.morris.title', { of }),
        subtitle,
        xLabel: w.say('report.morris.axis', { metric: w.metricAxis(outcome) }),
        rows: mine.slice(0, MAX_ROWS) as unknown as MorrisRow[],
      }, ctx));
    }
    mine.sort((a, b) => Number(b.ST) - Number(a.ST));
    return markup(sobolChart({ title: w.say('report.sobol.title', { of }), subtitle, xLabel: w.say('report.sobol.axis'), rows: mine.slice(0, MAX_ROWS) as unknown as SobolRow[] }, ctx));
  });
}

/** A design's own result (grid, replications, LHS) for the first metrics: what its runs say, made by the report unless given. */
export function inlineDesignAnalyses(m: RunSource & { metrics: readonly string[] }, summary: Columns, runs?: RunsTable): ReportAnalysis[] {
  const method = designMethod(m.design.type);
  if (!method || !DESIGN_METHODS.has(method)) return [];
  return m.metrics.slice(0, INLINE_METRICS).map((outcome) => ({
    method,
    outcome,
    result: method === 'grid' ? gridResult(m, outcome, summary, runs) : method === 'lhs' ? lhsResult(m, outcome, summary) : replicationsResult(m, outcome, summary),
  }));
}

/** The analyses a report makes itself: Morris or Sobol' as the design allows, and paired against the first scenario, for the first metrics. */
export function inlineAnalyses(m: RunSource & { metrics: readonly string[] }, summary: Columns): ReportAnalysis[] {
  const out: ReportAnalysis[] = [];
  for (const outcome of m.metrics.slice(0, INLINE_METRICS)) {
    const outcomes = outcomesOf(m, summary, outcome);
    if (m.design.type === 'morris') out.push({ method: 'morris', outcome, result: morris(m, outcomes, {}) });
    if (m.design.type === 'sobol') out.push({ method: 'sobol', outcome, result: sobol(m, outcomes, {}) });
    if (m.scenarios.length > 1) out.push({ method: 'paired', outcome, result: paired(m, outcomes, m.scenarios[0].id) });
  }
  return out;
}
