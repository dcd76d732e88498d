// Numbers as the story writes them, and the DOM helper of its page.
import { fmt } from '../../lab/charts/style.ts';
import type { MetricName } from '../../sim/index.ts';
import { FIGURES, type Format } from './claims.ts';

type Child = Node | string | null | undefined | false;

/** An element with attributes and children; text children are text nodes, never parsed as markup. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

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
