// Every view of the explorer (viz/views/), drawn in Node (linkedom's document, d3 selecting its SVG)
// from fixed data, as SVG snapshots with numbers rounded to two decimals, as test/charts.test.ts
// does for the report's charts: a change to a view shows as a diff of its markup, a change to the
// model's numbers does not. Refresh with `npx vitest run test/views.test.ts -u` and look at the
// diff. The data is test/fixtures/views.json (test/view-fixture.ts): a snapshot of the explorer's
// own run as the worker's `api.replay` (viz/worker/api.ts) gives it, and Compare's runs; each
// view's data is built from it as viz/explore.ts builds it, in English. The last test checks that
// the worker's snapshot still has the fixture's shape. Nothing needs a layout engine: the
// views measure text with lab/charts/text.ts' estimate, as in the browser, and are drawn at the
// figure's `data-w` (viz/figure.ts), so the elements and numbers are the browser's. Compare's fan
// (viz/views/fan.ts) is drawn once Plot has loaded, on its synchronous path.
import * as d3 from 'd3';
import { describe, expect, it } from 'vitest';
import { nodeDocument } from '../cli/report/dom.ts';
import { markup } from '../lab/charts/index.ts';
import { fanOf } from '../lab/summaries.ts';
import { AWARD_MODES } from '../sim/index.ts';
import { formSubstanceChart, indexChart, markLabels, type RunView } from '../viz/explore.ts';
import type { Figure } from '../viz/figure.ts';
import { metricLabel, t, type MessageKey } from '../viz/i18n/index.ts';
import { fmt, PALETTE, type Svg } from '../viz/views/chart.ts';
import { fans } from '../viz/views/fan.ts';
import { communityMap, MAP_MAX } from '../viz/views/map.ts';
import { network } from '../viz/views/network.ts';
import { soPopulation } from '../viz/views/sos.ts';
import type { TimeSeriesData } from '../viz/views/timeseries.ts';
import type { Snapshot } from '../viz/worker/api.ts';
import { explorerSnapshot, MONTHS, readFixture, SCENARIO, SEED, shapeOf, trimmed, VIEW_METRICS } from './view-fixture.ts';

/** The view's markup, numbers rounded to two decimals, an element a line (as test/charts.test.ts). */
const snapshot = (svg: Svg): string => `${markup(svg.node()!).replace(/-?\d+\.\d+/g, (x) => String(Math.round(Number(x) * 100) / 100 || 0)).replace(/></g, '>\n<')}\n`;

/** A figure's SVG as viz/figure.ts makes it: drawn at `width` (its `data-w`), in a document of its own. */
function figureSvg(width = 640, provenance?: string): Svg {
  const doc = nodeDocument();
  const el = doc.body.appendChild(doc.createElementNS('http://www.w3.org/2000/svg', 'svg'));
  el.setAttribute('data-w', String(width));
  if (provenance) el.setAttribute('data-provenance', provenance);
  return d3.select(el) as unknown as Svg;
}

const fixture = readFixture();

/**
 * The explorer's run (the fixture's): reform-at-year-3 (its scheduled change at month 36) with 1000
 * citizens for 48 months, and an intervention at month 42; its series gathered as viz/main.ts gathers them.
 */
function explorerRun(): RunView {
  const snap: Snapshot = fixture.explorer;
  const series: Record<string, number[]> = {};
  snap.names.forEach((name, i) => { series[name] = Array.from(snap.rows[i]); });
  return { series, snap, markers: snap.markers };
}

const run = explorerRun();
const { snap } = run;
const fig = (svg: Svg) => ({ svg }) as unknown as Figure;

/** Compare's fan of involutionIndex: three seeds of two scenarios, 1000 citizens, 36 months (the fixture's). */
function compareData(): TimeSeriesData {
  const lines = Object.keys(fixture.compare).map((id, i) => {
    const s = fanOf(fixture.compare[id]);
    return { key: id, label: `${id} (n=3)`, color: [PALETTE.vermillion, PALETTE.blue][i], values: s.mean, lo: s.low, hi: s.high };
  });
  return { title: `${t('chart.compare')}: involutionIndex`, xLabel: t('x'), yLabel: 'involutionIndex', ticks: 36, lines, marks: [], markLabels: { intervention: '', scheduled: '', month: (m) => t('atMonth', { tick: m }) } };
}

/** Each view drawn into a fresh figure SVG, its data built as viz/explore.ts builds it. */
const views: Record<string, () => Svg> = {
  index: () => {
    const svg = figureSvg();
    indexChart(fig(svg), run);
    return svg;
  },
  // On a phone: the title and legend wrap, the plot is flatter.
  'index-narrow': () => {
    const svg = figureSvg(360);
    indexChart(fig(svg), run);
    return svg;
  },
  // Hovered at month 40: the crosshair's line, dots and read-out.
  'index-hover': () => {
    const svg = figureSvg();
    indexChart(fig(svg), run);
    (svg.select('g.plot').node() as SVGGElement & { hoverMonth?: number }).hoverMonth = 40;
    indexChart(fig(svg), run);
    return svg;
  },
  // As exported: with its provenance line under the footer.
  'form-substance': () => {
    const svg = figureSvg(640, `Involution Lab · ${SCENARIO} · seed ${SEED} · citizens 1000`);
    formSubstanceChart(fig(svg), run);
    return svg;
  },
  sos: () => {
    const svg = figureSvg();
    const s = snap.sos;
    const points = Array.from(s.id, (id, i) => ({ id, skill: s.skill[i], autonomy: s.autonomy[i], affiliated: s.affiliated[i] === 1, revenue: s.revenue[i] }));
    soPopulation(svg, { title: t('chart.sos'), xLabel: t('chart.sos.x'), yLabel: t('chart.sos.y'), sizeNote: t('chart.sos.size'), labels: { affiliated: t('affiliated'), independent: t('independent') }, points });
    return svg;
  },
  network: () => {
    const svg = figureSvg();
    const s = snap.sos, c = snap.contracts;
    network(svg, {
      title: t('chart.network'), note: t('chart.network.note'), districtLabel: t('district'), modeLabels: AWARD_MODES.map((m) => t(`mode.${m}` as MessageKey)), districts: snap.params.districts,
      shapeLabels: [t('chart.network.district'), t('affiliated'), t('independent')],
      sos: Array.from(s.id, (id, i) => ({ id, home: s.home[i], affiliated: s.affiliated[i] === 1 })),
      contracts: Array.from(c.buyer, (buyer, i) => ({ buyer, so: c.so[i], payment: c.payment[i], mode: c.mode[i] })),
    });
    return svg;
  },
  map: () => {
    const svg = figureSvg();
    communityMap(svg, {
      title: t('chart.map'), note: t('chart.map.note', { max: MAP_MAX.toFixed(1) }), districtLabel: t('district'), providerLabels: [t('none'), t('inHouse'), t('affiliated'), t('independent')],
      districts: snap.params.districts, perDistrict: snap.params.communitiesPerDistrict, needsMet: snap.communities.needsMet, servedBy: snap.communities.servedBy,
    });
    return svg;
  },
};

const texts = (svg: Svg, selector: string) => [...svg.node()!.querySelectorAll(selector)].map((e) => e.textContent ?? '');
const legend = (svg: Svg) => texts(svg, 'g.legend g.item text');
const title = (svg: Svg) => texts(svg, 'text.chart-title tspan').join(' ');
const count = (svg: Svg, selector: string) => svg.node()!.querySelectorAll(selector).length;

describe('the explorer views', () => {
  for (const [name, build] of Object.entries(views)) {
    it(`${name}: the same SVG as its snapshot`, async () => {
      await expect(snapshot(build())).toMatchFileSnapshot(`./__snapshots__/views/${name}.svg`);
    });
  }

  it('are the same SVG when drawn twice, and when redrawn into the same SVG (no counter or clock)', () => {
    for (const build of Object.values(views)) expect(markup(build().node()!)).toBe(markup(build().node()!));
    const svg = figureSvg();
    indexChart(fig(svg), run);
    const once = markup(svg.node()!);
    indexChart(fig(svg), run);
    expect(markup(svg.node()!)).toBe(once);
  });

  it('time charts: title, axis labels, legend, lines, zero line and numbered markers with their footer', () => {
    const index = views.index();
    expect(title(index)).toBe(t('chart.index'));
    expect(texts(index, ':scope > title')).toEqual([t('chart.index')]);
    expect(texts(index, 'text.x-label')).toEqual([t('x')]);
    expect(texts(index, 'text.y-label')).toEqual([t('chart.index.y')]);
    expect(legend(index)).toEqual(['involutionIndex', 'formGrowth', 'substanceGrowth'].map(metricLabel));
    expect(count(index, 'g.plot path.line')).toBe(3);
    expect(index.select('g.plot path.line').attr('d').split('L')).toHaveLength(MONTHS);
    expect(count(index, 'g.x-axis g.tick')).toBeGreaterThan(3);
    expect(count(index, 'g.y-axis g.tick')).toBeGreaterThan(3);
    expect(count(index, 'line.zero')).toBe(1);
    expect(texts(index, 'text.zero-label')).toEqual([t('chart.index.zero')]);
    // The scheduled change (a square) at month 36 and the intervention (a disc) at 42, numbered in time order.
    expect([...index.node()!.querySelectorAll('g.marker')].map((m) => m.getAttribute('data-kind'))).toEqual(['schedule', 'intervention']);
    const footer = texts(index, 'g.mark-legend g.entry > text');
    expect(footer).toHaveLength(2);
    expect(footer[0]).toContain(markLabels().month(36));
    expect(footer[1]).toContain(markLabels().month(42));
    // Nothing hovered: the read-out is hidden. Hovered: the month and each line's value.
    expect(index.select('g.hover').attr('display')).toBe('none');
    const hover = views['index-hover']();
    expect(hover.select('g.hover').attr('display')).toBeNull();
    // Months count from 1 (viz/views/timeseries.ts): the row recorded in the run's month 40 (from 0) is month 41.
    expect(texts(hover, 'g.hover g.box text')[0]).toBe(markLabels().month(41));
    // In words, for a screen reader: the last month drawn, as the clock counts it, and each line's value then.
    expect(index.select('desc').text()).toBe(`${markLabels().month(MONTHS)}: ${['involutionIndex', 'formGrowth', 'substanceGrowth'].map((m) => `${metricLabel(m)} ${fmt(run.series[m][MONTHS - 1])}`).join(', ')}.`);
    expect(count(hover, 'g.hover circle.dot')).toBe(3);
    // On a phone the legend wraps to more rows than at 640.
    const rows = (svg: Svg) => new Set([...svg.node()!.querySelectorAll('g.legend g.item')].map((g) => g.getAttribute('transform')!.split(',')[1])).size;
    expect(rows(views['index-narrow']())).toBeGreaterThan(rows(index));
    const form = views['form-substance']();
    expect(title(form)).toBe(t('chart.formSubstance'));
    expect(texts(form, 'text.y-label')).toEqual([t('chart.formSubstance.y')]);
    expect(legend(form)).toHaveLength(6);
    expect(legend(form).every((l) => l.startsWith(`${t('form')}: `) || l.startsWith(`${t('substance')}: `))).toBe(true);
    expect(count(form, 'g.plot path.line')).toBe(6);
    expect(texts(form, 'text.provenance tspan').join(' ')).toBe(`Involution Lab · ${SCENARIO} · seed ${SEED} · citizens 1000`);
  });

  it('SO population: title, axis labels, legend, a mark per registered SO', () => {
    const sos = views.sos();
    expect(title(sos)).toBe(t('chart.sos'));
    expect(texts(sos, 'text.x-label')).toEqual([t('chart.sos.x')]);
    expect(texts(sos, 'text.y-label')).toEqual([t('chart.sos.y')]);
    expect(legend(sos)).toEqual([t('affiliated'), t('independent'), t('chart.sos.size')]);
    expect(count(sos, 'path.so')).toBe(snap.sos.id.length);
    expect(snap.sos.id.length).toBeGreaterThan(10);
    expect(count(sos, 'line.threshold')).toBe(1);
  });

  it('contract network: title, note, legend of modes and shapes, a curve per contract, a node per SO and district', () => {
    const net = views.network();
    expect(title(net)).toBe(t('chart.network'));
    expect(texts(net, 'text.x-label tspan').join(' ')).toBe(t('chart.network.note'));
    expect(legend(net)).toEqual([...AWARD_MODES.map((m) => t(`mode.${m}` as MessageKey)), t('chart.network.district'), t('affiliated'), t('independent')]);
    expect(count(net, 'path.contract')).toBe(snap.contracts.buyer.length);
    expect(snap.contracts.buyer.length).toBeGreaterThan(10);
    expect(count(net, 'path.so-node')).toBe(snap.sos.id.length);
    expect(texts(net, 'g.district text')).toEqual(Array.from({ length: snap.params.districts }, (_, d) => `${t('district')} ${d + 1}`));
  });

  it('community map: title, note, legend of providers, a cell per community with its share bars and colour scale', () => {
    const map = views.map();
    const communities = snap.params.districts * snap.params.communitiesPerDistrict;
    expect(title(map)).toBe(t('chart.map'));
    expect(texts(map, 'text.x-label tspan').join(' ')).toBe(t('chart.map.note', { max: MAP_MAX.toFixed(1) }));
    expect(legend(map)).toEqual([t('none'), t('inHouse'), t('affiliated'), t('independent')]);
    expect(count(map, 'g.cell')).toBe(communities);
    expect(count(map, 'g.cell rect.share')).toBe(4 * communities);
    expect(texts(map, 'g.cell title')[0]).toBe(`${t('district')} 1, #1: ${snap.communities.needsMet[0].toFixed(2)}`);
    expect(texts(map, 'text.scale-label')).toEqual(['0.0', '0.2', '≥ 0.4']);
  });
});

describe("Compare's fan (viz/views/fan.ts)", () => {
  it('draws, once Plot is loaded, synchronously: the lab fan mounted in the figure with the crosshair over it', async () => {
    const data = compareData();
    const first = figureSvg();
    fans(first, data);
    // The first draw waits for lab/charts/fan.ts; once loaded, every draw is synchronous.
    await expect.poll(() => count(first, 'g.hover-plot')).toBe(1);
    const draw = () => {
      const svg = figureSvg();
      fans(svg, data);
      return svg;
    };
    const svg = draw();
    expect(count(svg, 'g.hover-plot')).toBe(1);
    expect(markup(svg.node()!)).toBe(markup(first.node()!));
    expect(markup(draw().node()!)).toBe(markup(svg.node()!));
    await expect(snapshot(svg)).toMatchFileSnapshot('./__snapshots__/views/fan.svg');
    expect(svg.attr('aria-label')).toBe(data.title);
    expect(texts(svg, 'text.title').join(' ')).toBe(data.title);
    expect(texts(svg, 'text.x-label').join(' ')).toContain(t('x'));
    expect(texts(svg, 'text.y-label').join(' ')).toContain('involutionIndex');
    expect(texts(svg, 'g.legend g.item text')).toEqual(['baseline-involution (n=3)', 'full-prevention (n=3)']);
    // A band and a line a series.
    expect(count(svg, 'g.plot path title')).toBe(4);
  });
});

describe('the fixture (test/fixtures/views.json)', () => {
  it("has the shape of the worker's snapshot today: the same keys and types, the rows the views draw, what Compare's fan takes", () => {
    const live = explorerSnapshot(6);
    const { params, ...rest } = trimmed(live);
    const { params: fixedParams, ...fixedRest } = fixture.explorer;
    expect(shapeOf(fixedRest)).toEqual(shapeOf(rest));
    // Parameters may be added; every parameter the fixture holds must still be one, of the same type.
    expect(shapeOf(params)).toMatchObject(shapeOf(fixedParams) as object);
    expect(fixture.explorer.names).toEqual(VIEW_METRICS.filter((m) => live.names.includes(m)));
    expect(fixture.explorer.names).toEqual(VIEW_METRICS);
    expect(fixture.explorer.rows.every((r) => r.length === MONTHS)).toBe(true);
    expect(Object.values(fixture.compare).map((runs) => runs.map((r) => r.length))).toEqual([[36, 36, 36], [36, 36, 36]]);
  });
});
