// Numbers as the story writes them.
import { fmt } from '../../lab/charts/style.ts';
import type { MetricName } from '../../sim/index.ts';
import { FIGURES, type Format } from './claims.ts';

/** A signed number with a true minus sign: +1.35, −0.48, 0.00. */
export function signed(v: number, digits = 2): string {
  const s = Math.abs(v).toFixed(digits);
  return Number(s) === 0 ? s : `${v > 0 ? '+' : '−'}${s}`;
}

export function formatAs(format: Format, v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (format === 'signed') return signed(v);
  if (format === 'percent') return `${Math.round(v * 100)} %`;
  if (format === 'level') return v.toFixed(2);
  if (format === 'count') return String(Math.round(v));
  return fmt(Number(v.toPrecision(3)));
}

export const formatFigure = (metric: MetricName, v: number): string => formatAs(FIGURES[metric]?.format ?? 'amount', v);
