// A chart as text: the markup of an element tree, written the same whatever DOM built it (the
// browser's, linkedom's), every attribute and text escaped; XML and HTML read it alike.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML content and attribute values (SVG inline in HTML too). */
export const esc = (text: string | number): string => String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);

const TEXT = 3, ELEMENT = 1;

export function markup(node: Node): string {
  if (node.nodeType === TEXT) return esc(node.textContent ?? '');
  if (node.nodeType !== ELEMENT) return '';
  const e = node as Element;
  const tag = e.localName;
  const attrs = [...e.attributes].map((a) => ` ${a.name}="${esc(a.value)}"`).join('');
  const inner = [...e.childNodes].map(markup).join('');
  return inner ? `<${tag}${attrs}>${inner}</${tag}>` : `<${tag}${attrs}/>`;
}
