// CSV text, written by d3-dsv: cells joined by commas, a cell holding a comma, a quote or a line
// break quoted (RFC 4180). Numbers in JavaScript's shortest round-trip form (String(x)), so the
// text holds the exact doubles. Pure: used by the CLI and the browser.
import { csvFormatRows } from 'd3-dsv';
import type { Series } from '../sim/index.ts';

export type CsvCell = string | number;

/** Lines of CSV, each ending in a newline. */
export const csvText = (rows: readonly (readonly CsvCell[])[]): string => csvFormatRows(rows.map((row) => row.map(String))) + '\n';

/** One row per tick, a column per metric (the CLI's `run --format csv`, the browser's download). */
export function toCsv(series: Series): string {
  const names = Object.keys(series);
  const n = series[names[0]].length;
  return csvText([names, ...Array.from({ length: n }, (_, i) => names.map((m) => series[m][i]))]);
}
