// The DOM helper of the pages written by hand (the story and the classroom): one element with its
// attributes and children in one call.

export type Child = Node | string | number | null | undefined | false;

/**
 * An element with attributes and children; text children are text nodes, never parsed as markup.
 * An attribute that is `undefined` or `false` is left out, `true` sets it empty (`required`).
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'number' ? String(c) : c);
  return el;
}
