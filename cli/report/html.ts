// HTML and SVG text: everything inserted is escaped; numbers are formatted for reading.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML content and attribute values (SVG inline in HTML too). */
export const esc = (text: string | number): string => String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);

/** A number for a label: up to 3 significant digits, no trailing zeros, exponent when large or tiny. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e6 || a < 1e-3) return x.toExponential(2).replace(/\.?0+e/, 'e');
  return String(Number(x.toPrecision(3)));
}

/** Categorical colours (Okabe & Ito 2008): distinguishable with the common colour-vision deficiencies. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];

/** Break text into lines of at most `max` characters, at spaces where possible. */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

/** A chart's title (and optional subtitle), wrapped to the width; returns the SVG and its height. */
export function heading(title: string, width: number, subtitle = ''): { svg: string; height: number } {
  const titles = wrap(title, Math.floor(width / 8.2));
  const subs = subtitle ? wrap(subtitle, Math.floor(width / 6.6)) : [];
  const lines = [
    ...titles.map((t, i) => `<text class="title" x="8" y="${18 + i * 18}">${esc(t)}</text>`),
    ...subs.map((t, i) => `<text class="note" x="8" y="${18 + titles.length * 18 + i * 15}">${esc(t)}</text>`),
  ];
  return { svg: lines.join(''), height: 12 + titles.length * 18 + subs.length * 15 };
}

/** The opening tag of a chart: natural size, scaled down (never up) by CSS to fit the page. */
export const svgOpen = (width: number, height: number, label: string): string =>
  `<svg class="chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(label)}" xmlns="http://www.w3.org/2000/svg">`;
