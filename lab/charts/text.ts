// Text layout without a renderer to measure with (the report is drawn in Node): widths estimated
// from the characters, lines broken to fit.
import { FONT } from './style.ts';

/** Approximate width of a label at `px`: CJK characters are about twice as wide as Latin ones. */
export function textWidth(text: string, px = FONT.size): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? px : px * 0.6;
  return w;
}

/** Lines of at most `width`: broken at spaces, and anywhere in Chinese. */
export function wrap(text: string, width: number, px = FONT.size): string[] {
  const words = text.match(/[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && textWidth((line + w).trimEnd(), px) > width) {
      lines.push(line.trimEnd());
      line = w.trimStart();
    } else line += w;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines.length ? lines : [''];
}

/** A label cut to `width` with an ellipsis, for the row labels of a chart. */
export function clip(text: string, width: number, px = FONT.size): string {
  if (textWidth(text, px) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`, px) > width) break;
    out += ch;
  }
  return `${out}…`;
}
