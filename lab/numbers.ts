// One reading of a number typed or stored as text, for every input of the command line, the scripts
// and the browser (flags, --set, links, the Experiment tab's boxes, CSV cells read back): strict
// decimal syntax — an optional minus, digits with an optional fraction, an optional exponent — and
// a finite value. Number() alone reads "" and " " as 0, "0x1" as 1, "1e309" as Infinity: all refused.

/** Strict decimal syntax: -12, 0.5, .5, 5., 1e-3, 2.5E+4; no sign "+", no hex, binary, blanks or "Infinity". */
export const DECIMAL = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A whole number in decimal digits (an optional minus). */
export const WHOLE = /^-?\d+$/;

/** The number `text` writes in strict decimal syntax, or undefined (not that syntax, or beyond ±1.8e308). */
export function parseDecimal(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** What a number may be, for a message. */
export interface NumberRange {
  min?: number;
  max?: number;
  integer?: boolean;
}

export function describeRange(r: NumberRange): string {
  const kind = r.integer ? 'an integer' : 'a number';
  if (r.min !== undefined && r.max !== undefined) return `${kind} in [${r.min}, ${r.max}]`;
  if (r.min !== undefined) return `${kind} ≥ ${r.min}`;
  if (r.max !== undefined) return `${kind} ≤ ${r.max}`;
  return kind;
}

/** Longest part of a value or key a message repeats. */
export const ECHO_CHARS = 60;

/** A value or key for a message: quoted, and past ECHO_CHARS characters cut with an ellipsis and its length. */
export function echo(text: string, max = ECHO_CHARS): string {
  if (text.length <= max) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, max))}… (${text.length.toLocaleString('en-US')} characters)`;
}

/**
 * The number `text` writes, checked against `range`; otherwise a message naming the field (`name`,
 * e.g. "--ticks" or "parameter ticks ="), the value (shortened) and what is allowed. Strict decimal
 * syntax only (see DECIMAL).
 */
export function readNumber(name: string, text: string, range: NumberRange = {}): { value: number } | { problem: string } {
  const value = parseDecimal(text.trim() === text ? text : '');
  const allowed = describeRange(range);
  if (value === undefined) {
    const why = text.trim() === '' ? ' (empty)' : DECIMAL.test(text) ? ' (beyond the largest number, ±1.8e308)' : '';
    return { problem: `${name} ${echo(text)} is not a number${why}: must be ${allowed}, in decimal digits (such as 0.5 or 12)` };
  }
  if ((range.integer && !Number.isInteger(value)) || (range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max)) {
    return { problem: `${name} ${echo(text)} is not allowed: must be ${allowed}` };
  }
  return { value };
}
