// One palette and one number format for every chart and every number shown: the report's charts
// and text, the explorer's charts, read-outs and data tables.

/** Okabe & Ito (2008): distinguishable with the common colour-vision deficiencies; grey for what is not data. */
export const PALETTE = {
  orange: '#E69F00', sky: '#56B4E9', green: '#009E73', yellow: '#F0E442',
  blue: '#0072B2', vermillion: '#D55E00', purple: '#CC79A7', black: '#000000', grey: '#777777',
};

/** Colours of series in order (scenarios, design points, indices): the strongest first, yellow last. */
export const SERIES = [PALETTE.blue, PALETTE.vermillion, PALETTE.green, PALETTE.purple, PALETTE.orange, PALETTE.sky, PALETTE.black, PALETTE.yellow];

export const seriesColor = (i: number): string => SERIES[i % SERIES.length];

/** Type sizes (px) of a chart: text, title, notes. */
export const FONT = { family: 'system-ui, "Noto Sans SC", sans-serif', size: 11, title: 14, note: 10.5 };

/**
 * A number for reading: integers as they are (counts stay counts), large values to the unit, others
 * to three significant digits without trailing zeros, tiny ones with an exponent; "—" when missing.
 */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  const a = Math.abs(x);
  if (a >= 1e15 || a < 1e-3) return x.toExponential(2).replace(/\.?0+e/, 'e');
  if (a >= 100) return x.toFixed(0);
  return String(Number(x.toPrecision(3)));
}
