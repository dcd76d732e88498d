// SVG elements in the caller's document, and the text margin every part of a chart keeps.

export const SVG = 'http://www.w3.org/2000/svg';
/** Left edge of text. */
export const X0 = 8;
/** A row of legend or text. */
export const ROW = 15;

export function el(doc: Document, tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = doc.createElementNS(SVG, tag) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}
