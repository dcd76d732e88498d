// Marks that open the inspector (an SO in the population view or the network, a district on the map
// or the network): each a button for the keyboard and the screen reader, one tab stop per view (a
// roving tabindex: arrow keys, Home and End move between the marks, Enter or Space opens one), and
// the one inspected drawn with a dark ring.
import type * as d3 from 'd3';

export interface Pick<T> {
  /** The mark's accessible name, e.g. "SO 12, independent: skill 0.4, autonomy 0.6. Inspect". */
  label(d: T): string;
  key(d: T): string;
  /** Is this the one inspected? */
  selected(d: T): boolean;
  pick(d: T): void;
}

type Roving = SVGSVGElement & { roving?: Record<string, string> };

/** Make the marks of `sel` (in the order given) pickable; `group` names the roving set within the SVG. */
export function pickable<E extends SVGElement, T>(svg: SVGSVGElement, group: string, sel: d3.Selection<E, T, d3.BaseType, unknown>, spec: Pick<T>): void {
  const root = svg as Roving;
  const nodes = sel.nodes();
  const data = sel.data();
  if (nodes.length === 0) return;
  root.roving ??= {};
  const keys = data.map(spec.key);
  // The tab stop: the mark last moved to, else the one inspected, else the first.
  let at = keys.indexOf(root.roving[group] ?? '');
  if (at < 0) at = Math.max(0, data.findIndex(spec.selected));
  nodes.forEach((node, i) => {
    const d = data[i];
    node.setAttribute('tabindex', i === at ? '0' : '-1');
    node.setAttribute('role', 'button');
    node.setAttribute('aria-label', spec.label(d));
    node.setAttribute('aria-pressed', String(spec.selected(d)));
    node.classList.add('pickable');
    node.classList.toggle('picked', spec.selected(d));
    node.onclick = (e) => {
      e.stopPropagation();
      root.roving![group] = keys[i];
      spec.pick(d);
    };
    node.onkeydown = (e) => {
      const last = nodes.length - 1;
      const to =
        e.key === 'ArrowRight' || e.key === 'ArrowDown'
          ? Math.min(last, i + 1)
          : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
            ? Math.max(0, i - 1)
            : e.key === 'Home'
              ? 0
              : e.key === 'End'
                ? last
                : -1;
      if (to >= 0) {
        e.preventDefault();
        e.stopPropagation();
        nodes[i].setAttribute('tabindex', '-1');
        nodes[to].setAttribute('tabindex', '0');
        root.roving![group] = keys[to];
        nodes[to].focus();
      } else if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        e.stopPropagation();
        root.roving![group] = keys[i];
        spec.pick(d);
      }
    };
  });
}
