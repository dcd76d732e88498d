import type { RunResult } from '../sim/index.ts';

export { toCsv } from '../lab/csv.ts';

const SUMMARY: [string, string, number][] = [
  ['involutionIndex', 'index', 2],
  ['formGrowth', 'form', 2],
  ['substanceGrowth', 'substance', 2],
  ['purchaseSpending', 'spending', 0],
  ['projectsActive', 'projects', 0],
  ['paperworkLoad', 'paperwork', 0],
  ['functionTransfer', 'transfer', 3],
  ['soDevelopment', 'SO dev.', 2],
  ['needsMet', 'needs met', 3],
  ['independentSOs', 'indep. SOs', 0],
];

/** A readable table, one row a year (and the last month), for a terminal or a class. */
export function toSummary({ manifest, series }: RunResult): string {
  const n = series.tick.length;
  const rows = [];
  for (let t = 0; t < n; t += 12) rows.push(t);
  if (rows[rows.length - 1] !== n - 1) rows.push(n - 1);
  const head = ['month', ...SUMMARY.map(([, label]) => label)];
  const lines = [
    `${manifest.scenario}, seed ${manifest.seed}, ${manifest.ticks} months, ${manifest.params.citizens} citizens (involution-lab ${manifest.version})`,
    head.map((h) => h.padStart(11)).join(''),
    ...rows.map((t) => [String(t), ...SUMMARY.map(([m, , digits]) => series[m][t].toFixed(digits))].map((c) => c.padStart(11)).join('')),
    'index = form growth − substance growth (log, against the first year); above zero: involution.',
  ];
  return lines.join('\n') + '\n';
}
