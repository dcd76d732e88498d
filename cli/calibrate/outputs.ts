// The calibration's files and printed summary: posterior.csv (every generation's particles),
// predictive.csv (the posterior predictive runs) and the tables printed at the end. Numbers are
// written in JavaScript's shortest round-trip form, so the CSVs hold the exact doubles.
import type { ParameterSummary, PredictiveSummary } from '../../lab/abc/report.ts';
import type { Population, Prior } from '../../lab/abc/smc.ts';
import { describeObservation, targetMonths, type Target } from '../../lab/abc/targets.ts';
import { fmt } from '../../lab/charts/style.ts';
import type { Entry } from './journal.ts';

export const POSTERIOR_CSV = 'posterior.csv';
export const PREDICTIVE_CSV = 'predictive.csv';

export function posteriorCsv(populations: readonly Population[], prior: Prior, targets: readonly Target[]): string {
  const header = ['generation', 'particle', 'weight', 'distance', ...prior.names, ...targets.map((t) => t.metric)].join(',') + '\n';
  const rows = populations.flatMap((pop) =>
    pop.particles.map((theta, i) => [pop.generation, i, pop.weights[i], pop.distances[i], ...theta, ...pop.simulated[i]].map(String).join(',') + '\n'),
  );
  return header + rows.join('');
}

export function predictiveCsv(entries: readonly Entry[], prior: Prior, targets: readonly Target[]): string {
  const header = ['draw', 'replicate', 'seed', ...prior.names, ...targets.map((t) => t.metric)].join(',') + '\n';
  const rows = entries.flatMap((e) => e.values.map((v, r) => [e.k, r, e.seeds[r], ...e.theta, ...v].map(String).join(',') + '\n'));
  return header + rows.join('');
}

/** A plain text table: columns padded to their widest cell, numbers right-aligned. */
export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(head), ...rows.map(line)].join('\n') + '\n';
}

export function generationsTable(populations: readonly Population[], replicates: number): string {
  return table(
    ['generation', 'tolerance', 'proposals', 'runs', 'acceptance', 'ESS'],
    populations.map((p) => [String(p.generation), Number.isFinite(p.epsilon) ? fmt(p.epsilon) : '∞', String(p.proposals), String(p.proposals * replicates), `${(100 * p.acceptance).toFixed(1)} %`, p.ess.toFixed(0)]),
  );
}

export function posteriorTable(summary: readonly ParameterSummary[]): string {
  return table(
    ['parameter', 'prior', 'mean', 'sd', '5 %', '95 %', 'contraction', 'verdict'],
    summary.map((s) => [s.name, `[${fmt(s.lo)}, ${fmt(s.hi)}]`, fmt(s.mean), fmt(s.sd), fmt(s.q05), fmt(s.q95), s.contraction.toFixed(2), s.verdict]),
  );
}

export function predictiveTable(check: readonly PredictiveSummary[]): string {
  return table(
    ['target', 'month', 'observed', 'predicted median', '90 % interval', 'observation at', 'verdict'],
    check.map((c) => [
      c.metric,
      targetMonths(c),
      describeObservation(c.observed),
      fmt(c.q50),
      `[${fmt(c.q05)}, ${fmt(c.q95)}]`,
      'value' in c.observed ? `${Math.round(100 * c.position)} % of runs below` : `${Math.round(100 * c.position)} % of runs inside`,
      c.consistent ? 'consistent' : 'in the tail',
    ]),
  );
}
