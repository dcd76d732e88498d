// The three analyses of an experiment's outcome, as rows of a table (one CSV line each): what
// `involution-lab analyze` writes, and what the browser shows for the same runs.
import { csvText } from '../csv.ts';
import type { BootstrapOptions } from './bootstrap.ts';
import { morrisEffects } from './morris.ts';
import { gridResult, lhsResult, replicationsResult, type RunsTable } from './designs.ts';
import { outcomesOf, pointMeans, type Columns, type Outcomes, type RunSource } from './outcomes.ts';
import { pairedDifference } from './paired.ts';
import { sobolIndices } from './sobol.ts';
import { mean } from './stats.ts';

export interface Result {
  columns: string[];
  rows: (string | number)[][];
}

/** An analysis asked of an experiment that cannot give it (the wrong design, an unknown baseline). */
export class AnalysisError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnalysisError';
  }
}

function needDesign(m: RunSource, type: 'morris' | 'sobol'): void {
  if (m.design.type !== type) throw new AnalysisError(`a ${type === 'morris' ? 'Morris' : "Sobol'"} analysis needs a design of type "${type}"; this experiment's is "${m.design.type}"`);
}

function baselineIndex(m: RunSource, baseline: string): number {
  const ids = m.scenarios.map((s) => s.id);
  const b = ids.indexOf(baseline);
  if (ids.length < 2) throw new AnalysisError('a comparison with a baseline needs an experiment with at least two scenarios');
  if (b < 0) throw new AnalysisError(`the baseline "${baseline}" is not a scenario of this experiment; scenarios: ${ids.join(', ')}`);
  return b;
}

export interface PointValues {
  id: string;
  /** The baseline column's cells: [] for levels, [baseline] for effects. */
  lead: string[];
  /** Per design point, per replicate: the outcome, or the scenario's difference from the baseline on the same seed. */
  replicates: number[][];
  /** Per design point: the mean over the replicates (what the analysis reads). */
  y: number[];
}

/**
 * What a sensitivity analysis reads at each design point, per scenario: the outcome averaged over the
 * seeds, or, given a baseline, the effect of the scenario against it (the mean of the differences
 * paired on common seeds) for every other scenario, so that the analysis says which parameters the
 * effect of a policy depends on.
 */
export function pointValues(m: RunSource, outcomes: Outcomes, baseline: string | undefined): PointValues[] {
  const entry = (id: string, lead: string[], replicates: number[][]) => ({ id, lead, replicates, y: pointMeans(replicates) });
  if (baseline === undefined) return m.scenarios.map((s, si) => entry(s.id, [], outcomes[si]));
  const b = baselineIndex(m, baseline);
  return m.scenarios.flatMap((s, si) => (si === b ? [] : [entry(s.id, [baseline], outcomes[si].map((reps, p) => reps.map((v, r) => v - outcomes[b][p][r])))]));
}

const leadColumns = (baseline: string | undefined) => (baseline === undefined ? ['scenario'] : ['scenario', 'baseline']);

/** Morris: μ, μ*, σ per parameter, coordinates in units of each parameter's range (after rounding); of each scenario's effect against a baseline, if one is given. */
export function morris(m: RunSource, outcomes: Outcomes, options: BootstrapOptions, baseline?: string): Result {
  needDesign(m, 'morris');
  const { params, ranges, points, changed } = m.design;
  const unit = points.map((p) => p.map((x, i) => (x - ranges![params[i]][0]) / (ranges![params[i]][1] - ranges![params[i]][0])));
  const rows = pointValues(m, outcomes, baseline).flatMap(({ id, lead, y }) =>
    morrisEffects(unit, changed!, y, params.length, options).map((e, i) => [id, ...lead, params[i], e.mu, e.muStar, e.sigma, e.muStarCi.low, e.muStarCi.high, e.n]),
  );
  return { columns: [...leadColumns(baseline), 'parameter', 'mu', 'muStar', 'sigma', 'muStarLow', 'muStarHigh', 'effects'], rows };
}

/** Sobol': S1 and ST per parameter with bootstrap intervals over the base rows; of each scenario's effect against a baseline, if one is given. */
export function sobol(m: RunSource, outcomes: Outcomes, options: BootstrapOptions, baseline?: string): Result {
  needDesign(m, 'sobol');
  const { params } = m.design;
  const rows = pointValues(m, outcomes, baseline).flatMap(({ id, lead, y }) =>
    sobolIndices(y, params.length, options).map((x, i) => [id, ...lead, params[i], x.S1, x.S1ci.low, x.S1ci.high, x.ST, x.STci.low, x.STci.high]),
  );
  return { columns: [...leadColumns(baseline), 'parameter', 'S1', 'S1Low', 'S1High', 'ST', 'STLow', 'STHigh'], rows };
}

/** Paired differences (scenario − baseline) on common seeds, at each design point. */
export function paired(m: RunSource, outcomes: Outcomes, baseline: string): Result {
  const ids = m.scenarios.map((s) => s.id);
  const b = baselineIndex(m, baseline);
  const { params, points } = m.design;
  const rows: (string | number)[][] = [];
  ids.forEach((id, si) => {
    if (si === b) return;
    points.forEach((point, p) => {
      const d = pairedDifference(outcomes[b][p], outcomes[si][p]);
      rows.push([id, baseline, p, ...point, d.n, d.mean, d.low, d.high, d.sd, mean(outcomes[b][p]), mean(outcomes[si][p])]);
    });
  });
  return { columns: ['scenario', 'baseline', 'point', ...params, 'n', 'meanDiff', 'low', 'high', 'sd', 'baselineMean', 'scenarioMean'], rows };
}

/** The analysis as CSV: `method,outcome,<columns>`, a line a row (the file `analyze` writes). */
export const analysisCsv = (method: string, outcome: string, r: Result): string =>
  csvText([['method', 'outcome', ...r.columns], ...r.rows.map((row) => [method, outcome, ...row])]);

export const METHODS = ['morris', 'sobol', 'paired', 'grid', 'replications', 'lhs'] as const;
export type Method = (typeof METHODS)[number];

export interface AnalyzeOptions extends BootstrapOptions {
  method: Method;
  /** The metric analysed (its final value): a column of the summary. */
  outcome: string;
  /** The scenario the others are compared with: required by paired; with morris or sobol, the analysis is of each other scenario's effect against it. */
  baseline?: string;
}

/** The design type each method of a design's own reads ("replications": none varied). */
export const DESIGN_OF: Partial<Record<Method, string>> = { morris: 'morris', sobol: 'sobol', grid: 'grid', replications: 'none', lhs: 'lhs' };

/** The method that shows what a design's runs say when nothing else is asked: its own analysis. */
export function designMethod(type: string): Method | undefined {
  return (Object.keys(DESIGN_OF) as Method[]).find((k) => DESIGN_OF[k] === type);
}

/**
 * One analysis of a summary (columns "run" and the outcome, as read from summary.csv or collected
 * in memory): the rows `involution-lab analyze` writes for the same runs and options.
 */
export function analyze(m: RunSource, summary: Columns, o: AnalyzeOptions, runs?: RunsTable): Result {
  if (!summary.values.run || !summary.values[o.outcome]) throw new AnalysisError(`the summary has no column "${summary.values.run ? o.outcome : 'run'}"`);
  const own = DESIGN_OF[o.method];
  if (own !== undefined && (o.method === 'grid' || o.method === 'replications' || o.method === 'lhs') && m.design.type !== own) {
    throw new AnalysisError(`--method ${o.method} needs an experiment with ${own === 'none' ? 'no design (replications of scenarios)' : `design.type "${own}"`}; this one has "${m.design.type}"`);
  }
  if (o.method === 'grid') return gridResult(m, o.outcome, summary, runs);
  if (o.method === 'replications') return replicationsResult(m, o.outcome, summary);
  if (o.method === 'lhs') return lhsResult(m, o.outcome, summary);
  const outcomes = outcomesOf(m, summary, o.outcome);
  const options = { resamples: o.resamples, seed: o.seed, level: o.level };
  if (o.method === 'morris') return morris(m, outcomes, options, o.baseline);
  if (o.method === 'sobol') return sobol(m, outcomes, options, o.baseline);
  if (o.baseline === undefined) throw new AnalysisError(`a paired comparison needs a baseline; scenarios: ${m.scenarios.map((s) => s.id).join(', ')}`);
  return paired(m, outcomes, o.baseline);
}
