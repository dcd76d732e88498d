import type { Series } from '../sim/index.ts';

/** One row per tick; numbers in JavaScript's shortest round-trip form, so CSV is exact too. Pure: used by the CLI and the browser. */
export function toCsv(series: Series): string {
  const names = Object.keys(series);
  const rows = [names.join(',')];
  const n = series[names[0]].length;
  for (let i = 0; i < n; i++) rows.push(names.map((m) => String(series[m][i])).join(','));
  return rows.join('\n') + '\n';
}
