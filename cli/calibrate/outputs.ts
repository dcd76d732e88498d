// The calibration's printed summary: the tables printed at the end (its files, posterior.csv and
// predictive.csv, are lab/abc/files.ts's).
import type { ParameterSummary, PredictiveSummary } from '../../lab/abc/report.ts';
import type { Population } from '../../lab/abc/smc.ts';
import { describeObservation, targetMonths, targetName } from '../../lab/abc/targets.ts';
import { fmt } from '../../lab/charts/style.ts';

export { POSTERIOR_CSV, PREDICTIVE_CSV, posteriorCsv, predictiveCsv } from '../../lab/abc/files.ts';

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
      targetName(c),
      targetMonths(c),
      describeObservation(c.observed),
      fmt(c.q50),
      `[${fmt(c.q05)}, ${fmt(c.q95)}]`,
      'value' in c.observed ? `${Math.round(100 * c.position)} % of runs below` : `${Math.round(100 * c.position)} % of runs inside`,
      c.consistent ? 'consistent' : 'in the tail',
    ]),
  );
}
