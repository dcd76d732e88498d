// Fans in a figure of the explorer: the report's fan chart (lab/charts/fan.ts, on Observable Plot)
// drawn at the figure's width, with the provenance line of an exported figure, mounted into the
// figure's SVG; and the hover crosshair of the explorer's time charts over it. Plot is loaded when
// the first fan is drawn (Compare's first run), not with the page; from then on drawing is
// synchronous, as an export's redraw needs.
import * as d3 from 'd3';
import { chartWidth, describe, type Frame, type G, type Svg } from './chart.ts';
import { crosshair } from './crosshair.ts';
import { monthOf, summaryOf, type TimeSeriesData } from './timeseries.ts';

type Hovered = SVGGElement & { hoverMonth?: number | null };

/** Replace the figure's chart with `chart`: its viewBox, accessible name and children. */
function mount(target: SVGSVGElement, chart: SVGSVGElement): void {
  for (const name of ['viewBox', 'role', 'aria-label', 'font-family', 'font-size']) {
    const value = chart.getAttribute(name);
    if (value === null) target.removeAttribute(name);
    else target.setAttribute(name, value);
  }
  target.replaceChildren(...chart.childNodes);
}

type FanModule = typeof import('../../lab/charts/fan.ts');
let loaded: FanModule | undefined;
/** The figures waiting for Plot, each with the data it was last asked to show. */
const waiting = new Map<Svg, TimeSeriesData>();

/** Each line (values, and its band lo–hi) as a fan over months 1, 2, … (as the time charts count them); the pointer reads the means and the bands' limits. */
export function fans(svg: Svg, data: TimeSeriesData): void {
  if (loaded) return draw(loaded, svg, data);
  if (!waiting.size) {
    void import('../../lab/charts/fan.ts').then((m) => {
      loaded = m;
      for (const [s, d] of waiting) draw(m, s, d);
      waiting.clear();
    }, () => waiting.clear()); // Not loaded (the connection dropped): the next draw tries again.
  }
  waiting.set(svg, data);
}

function draw({ fanChart }: FanModule, svg: Svg, data: TimeSeriesData): void {
  const node = svg.node()!;
  const kept = (node.querySelector('g.hover-plot') as Hovered | null)?.hoverMonth;
  const months = (n: number) => Array.from({ length: n }, (_, i) => monthOf(i));
  const chart = fanChart({
    title: data.title,
    xLabel: data.xLabel,
    yLabel: data.yLabel,
    series: data.lines.map((l) => ({ label: l.label, color: l.color, x: months(l.values.length), mean: Array.from(l.values), low: Array.from(l.lo ?? l.values), high: Array.from(l.hi ?? l.values) })),
  }, { document: node.ownerDocument, width: chartWidth(svg), provenance: node.dataset.provenance });
  mount(node, chart);
  describe(svg, summaryOf(data));
  const { left, top, width, height } = chart.area;
  const g = svg.append('g').attr('class', 'hover-plot').attr('transform', `translate(${left},${top})`) as unknown as G;
  (g.node() as Hovered).hoverMonth = kept;
  const f: Frame = { g, width, height, total: chartWidth(svg) };
  const domain = (name: 'x' | 'y') => (chart.scale(name)?.domain ?? [0, 1]) as [number, number];
  crosshair(f, d3.scaleLinear().domain(domain('x')).range([0, width]), d3.scaleLinear().domain(domain('y')).range([height, 0]), data.lines, data.markLabels.month, data.markLabels.band, monthOf(0));
}
