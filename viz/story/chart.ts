// A step's small chart (Observable Plot): the run's months up to `shown` over the axes of the whole
// run, so that the run plays without the axes moving. `gap`: form and substance growth of the
// reader's run, the gap between them shaded (the involution index); `versus`: one figure of the
// reader's run against the baseline's, drawn whole in grey.
import * as Plot from '@observablehq/plot';
import { FONT, PALETTE } from '../../lab/charts/style.ts';

export interface ChartData {
  kind: 'gap' | 'versus';
  /** Gap: form and substance growth; versus: the reader's figure and the baseline's. */
  a: number[];
  b: number[];
  /** Months drawn of the reader's run (all of the baseline's). */
  shown: number;
  /** The figure is a share or level in [0, 1]: the axis shows all of it. */
  unit: boolean;
  percent: boolean;
  yLabel: string;
  xLabel: string;
  width: number;
}

const extent = (values: number[]): [number, number] => [Math.min(0, ...values), Math.max(0, ...values)];

export function drawChart(d: ChartData): SVGSVGElement | HTMLElement {
  const months = d.a.length;
  const upTo = (s: number[]) => s.slice(0, Math.max(0, Math.min(d.shown, s.length)));
  const domain = d.unit ? [0, 1] : extent([...d.a, ...d.b]);
  const shownA = upTo(d.a);
  const marks =
    d.kind === 'gap'
      ? [
          Plot.areaY(shownA, {
            x: (_: number, i: number) => i,
            y1: (v: number) => v,
            y2: (_: number, i: number) => d.b[i],
            fill: PALETTE.blue,
            fillOpacity: 0.12,
          }),
          Plot.lineY(upTo(d.b), { stroke: PALETTE.green, strokeWidth: 2.5 }),
          Plot.lineY(shownA, { stroke: PALETTE.blue, strokeWidth: 2.5 }),
        ]
      : [Plot.lineY(d.b, { stroke: PALETTE.grey, strokeWidth: 2, strokeDasharray: '5 4' }), Plot.lineY(shownA, { stroke: PALETTE.blue, strokeWidth: 2.5 })];
  const chart = Plot.plot({
    width: d.width,
    height: d.width < 500 ? 210 : 260,
    marginLeft: 46,
    marginRight: 12,
    style: { fontFamily: FONT.family, fontSize: '12px', background: 'transparent', color: '#1b1b1b' },
    x: { domain: [0, months - 1], label: d.xLabel, labelAnchor: 'right', ticks: d.width < 500 ? 4 : 8 },
    y: { domain, label: d.yLabel, grid: true, nice: true, ...(d.percent ? { tickFormat: (v: number) => `${Math.round(v * 100)} %` } : {}) },
    marks: [Plot.ruleY([0], { stroke: '#999' }), ...marks],
  });
  // The chart's container is the image (role img, its label a summary of the run): Plot's own labels
  // of its marks' groups are not allowed on a group without a role, and would be read twice.
  chart.setAttribute('aria-hidden', 'true');
  for (const el of chart.querySelectorAll('[aria-label]')) el.removeAttribute('aria-label');
  return chart;
}
