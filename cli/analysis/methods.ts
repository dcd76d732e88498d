// The three analyses of an experiment's outcome, as rows of a table (one CSV line each).
import { UsageError } from '../common/errors.ts';
import type { Loaded as Manifest } from '../experiment/results.ts';
import type { BootstrapOptions } from './bootstrap.ts';
import { morrisEffects } from './morris.ts';
import { pointMeans, type Outcomes } from './outcomes.ts';
import { pairedDifference } from './paired.ts';
import { sobolIndices } from './saltelli.ts';
import { mean } from './stats.ts';

export interface Result {
  columns: string[];
  rows: (string | number)[][];
}

function needDesign(m: Manifest, type: 'morris' | 'sobol'): void {
  if (m.design.type !== type) throw new UsageError(`--method ${type} needs an experiment with design.type "${type}"; this one has "${m.design.type}"`);
}

/** Morris: μ, μ*, σ per parameter, coordinates in units of each parameter's range (after rounding). */
export function morris(m: Manifest, outcomes: Outcomes, options: BootstrapOptions): Result {
  needDesign(m, 'morris');
  const { params, ranges, points, changed } = m.design;
  const unit = points.map((p) => p.map((x, i) => (x - ranges![params[i]][0]) / (ranges![params[i]][1] - ranges![params[i]][0])));
  const rows = m.scenarios.flatMap((s, si) =>
    morrisEffects(unit, changed!, pointMeans(outcomes[si]), params.length, options).map((e, i) => [s.id, params[i], e.mu, e.muStar, e.sigma, e.muStarCi.low, e.muStarCi.high, e.n]),
  );
  return { columns: ['scenario', 'parameter', 'mu', 'muStar', 'sigma', 'muStarLow', 'muStarHigh', 'effects'], rows };
}

/** Sobol': S1 and ST per parameter with bootstrap intervals over the base rows. */
export function sobol(m: Manifest, outcomes: Outcomes, options: BootstrapOptions): Result {
  needDesign(m, 'sobol');
  const { params } = m.design;
  const rows = m.scenarios.flatMap((s, si) =>
    sobolIndices(pointMeans(outcomes[si]), params.length, options).map((x, i) => [s.id, params[i], x.S1, x.S1ci.low, x.S1ci.high, x.ST, x.STci.low, x.STci.high]),
  );
  return { columns: ['scenario', 'parameter', 'S1', 'S1Low', 'S1High', 'ST', 'STLow', 'STHigh'], rows };
}

/** Paired differences (scenario − baseline) on common seeds, at each design point. */
export function paired(m: Manifest, outcomes: Outcomes, baseline: string | undefined): Result {
  const ids = m.scenarios.map((s) => s.id);
  if (ids.length < 2) throw new UsageError('--method paired needs an experiment with at least two scenarios (field scenarios)');
  if (baseline === undefined) throw new UsageError(`--method paired needs --baseline <scenario>; scenarios: ${ids.join(', ')}`);
  const b = ids.indexOf(baseline);
  if (b < 0) throw new UsageError(`--baseline "${baseline}" is not a scenario of this experiment; scenarios: ${ids.join(', ')}`);
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
