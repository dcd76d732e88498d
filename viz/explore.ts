// The explore views: the involution index, form against substance, the SO population, the contract
// network and the community map, redrawn from the latest snapshot.
import { AWARD_MODES, FIGURES, FORM, growthSeries, indexScales, PROVIDER_KINDS, SUBSTANCE, type MetricName } from '../sim/index.ts';
import { metricLabel, paramName, pick, t, type MessageKey } from './i18n/index.ts';
import { createFigure, type Figure } from './figure.ts';
import type { Marker, Snapshot } from './worker/api.ts';
import type { Selection } from './worker/inspect.ts';
import { dataTable, describe, fmt, PALETTE, type MarkLabels } from './views/chart.ts';
import { monthOf, timeSeries } from './views/timeseries.ts';
import { EXPLORE_VIEWS } from './views/list.ts';
import { soPopulation } from './views/sos.ts';
import { network } from './views/network.ts';
import { communityMap, MAP_MAX } from './views/map.ts';

export interface RunView {
  series: Record<string, number[]>;
  snap: Snapshot;
  markers: Marker[];
}

export interface ExploreHost {
  /** The downloaded file's name for a view, without extension. */
  fileName(view: string): string;
  provenance(): string;
  /** The inspector: what is inspected, and opening it on an SO (by id) or a district (from 0). */
  inspect?: { selected(): Selection | null; pickSo(id: number): void; pickDistrict(d: number): void };
}

const FORM_COLORS = [PALETTE.vermillion, PALETTE.orange, PALETTE.purple];
const SUBSTANCE_COLORS = [PALETTE.blue, PALETTE.sky, PALETTE.green];

/** The words of the markers, in the page's language. */
export const markLabels = (): MarkLabels => ({
  intervention: t('intervention'), scheduled: t('scheduled'), month: (m) => t('atMonth', { tick: m }),
  param: (name: string) => paramName(name), note: (m) => (m.note ? pick(m.note) : undefined),
  line: (month, kind, what, note) => t(note ? 'markLineNote' : 'markLine', { month, kind, what, note: note ?? '' }),
  summary: (month, values) => t('chart.summary', { month, values: values.map((v) => t('chart.summaryValue', v)).join(t('listSep')) }),
});

/** A share as a whole percentage, for the charts' summaries. */
const pct = (x: number) => `${Math.round(100 * x)} %`;
const mean = (xs: ArrayLike<number>) => (xs.length ? Array.from(xs).reduce((a, b) => a + b, 0) / xs.length : NaN);
/** A metric of the registry's label (a wrong name fails the typecheck). */
const label = (name: MetricName): string => metricLabel(name);

/** The index with its form and substance, as the index chart shows it (also the lesson's). */
export function indexChart(fig: Figure, v: RunView): void {
  const { series, snap } = v;
  timeSeries(fig.svg, {
    title: t('chart.index'), xLabel: t('x'), yLabel: t('chart.index.y'), ticks: snap.ticks, marks: v.markers, markLabels: markLabels(), empty: t('emptyHint'),
    zeroLabel: t('chart.index.zero'),
    lines: [
      { key: 'index', label: label('involutionIndex'), color: PALETTE.black, values: series.involutionIndex ?? [] },
      { key: 'form', label: label('formGrowth'), color: PALETTE.vermillion, dash: '5 3', values: series.formGrowth ?? [] },
      { key: 'substance', label: label('substanceGrowth'), color: PALETTE.blue, dash: '5 3', values: series.substanceGrowth ?? [] },
    ],
  });
}

/** The six figures behind the index, each's growth exactly as the index computes it. */
export function formSubstanceChart(fig: Figure, v: RunView): void {
  const { series, snap } = v;
  const scales = indexScales(snap.params);
  const lines = [
    ...FORM.map((m, i) => ({ key: m, label: `${t('form')}: ${label(m)}`, color: FORM_COLORS[i], dash: '6 3', values: growthSeries(series[m] ?? [], scales[FIGURES.indexOf(m)], snap.params.indexEpsilon) })),
    ...SUBSTANCE.map((m, i) => ({ key: m, label: `${t('substance')}: ${label(m)}`, color: SUBSTANCE_COLORS[i], values: growthSeries(series[m] ?? [], scales[FIGURES.indexOf(m)], snap.params.indexEpsilon) })),
  ];
  timeSeries(fig.svg, { title: t('chart.formSubstance'), xLabel: t('x'), yLabel: t('chart.formSubstance.y'), ticks: snap.ticks, marks: v.markers, markLabels: markLabels(), lines, empty: t('emptyHint') });
}

/** The SO population this month (also a lesson's); its points, for the data table. */
export function sosChart(fig: Figure, v: RunView, ins?: ExploreHost['inspect']) {
  const s = v.snap.sos;
  const sel = ins?.selected() ?? null;
  const points = Array.from(s.id, (id, i) => ({ id, skill: s.skill[i], autonomy: s.autonomy[i], affiliated: s.affiliated[i] === 1, revenue: s.revenue[i] }));
  soPopulation(fig.svg, {
    title: t('chart.sos'), xLabel: t('chart.sos.x'), yLabel: t('chart.sos.y'), sizeNote: t('chart.sos.size'), labels: { affiliated: t('affiliated'), independent: t('independent') }, points,
    ...(ins ? { inspect: {
      group: 'so', selected: sel?.kind === 'so' ? sel.id : null, pick: ins.pickSo,
            label: (p) => t('inspect.pick.so', { id: p.id, kind: t(p.affiliated ? 'affiliated' : 'independent'), skill: p.skill.toFixed(2), autonomy: p.autonomy.toFixed(2) }),
    } } : {}),
  });
  const aff = points.filter((p) => p.affiliated), ind = points.filter((p) => !p.affiliated);
  describe(fig.svg, t('chart.sos.summary', {
    n: points.length, affiliated: aff.length, independent: ind.length, skill: fmt(mean(s.skill)),
    autonomyAffiliated: fmt(mean(aff.map((p) => p.autonomy))), autonomyIndependent: fmt(mean(ind.map((p) => p.autonomy))),
  }));
  return points;
}

/** The contract network this month (also a lesson's); its contracts and award modes' words, for the data table. */
export function networkChart(fig: Figure, v: RunView, ins?: ExploreHost['inspect']) {
  const { snap } = v;
  const sel = ins?.selected() ?? null;
  const s = snap.sos;
  const c = snap.contracts;
  const contracts = Array.from(c.buyer, (buyer, i) => ({ buyer, so: c.so[i], payment: c.payment[i], mode: c.mode[i] }));
  const modeLabels = AWARD_MODES.map((m) => t(`mode.${m}` as MessageKey));
  network(fig.svg, {
    title: t('chart.network'), note: t('chart.network.note'), districtLabel: t('district'), modeLabels, districts: snap.params.districts,
    shapeLabels: [t('chart.network.district'), t('affiliated'), t('independent')],
    sos: Array.from(s.id, (id, i) => ({ id, home: s.home[i], affiliated: s.affiliated[i] === 1 })), contracts,
    ...(ins ? { inspect: {
      selected: sel, pickSo: ins.pickSo, pickDistrict: ins.pickDistrict, districtLabel: (d: number) => t('inspect.pick.district', { d: d + 1 }),
            soLabel: (so: { id: number; home: number; affiliated: boolean }) => t('inspect.pick.soNet', { id: so.id, kind: t(so.affiliated ? 'affiliated' : 'independent'), home: so.home + 1 }),
    } } : {}),
  });
  const modes = AWARD_MODES.map((_, k) => contracts.filter((x) => x.mode === k).length).map((n, k) => (n ? t('chart.network.count', { n, mode: modeLabels[k] }) : '')).filter(Boolean);
  describe(fig.svg, t('chart.network.summary', { n: contracts.length, sos: new Set(contracts.map((x) => x.so)).size, modes: modes.join(t('listSep')) }));
  return { contracts, modeLabels };
}

/** The community map this month (also a lesson's); the providers' words, for the data table. */
export function mapChart(fig: Figure, v: RunView, ins?: ExploreHost['inspect']): string[] {
  const { snap } = v;
  const sel = ins?.selected() ?? null;
  const providerLabels = PROVIDER_KINDS.map((k) => t(k));
  communityMap(fig.svg, {
    title: t('chart.map'), note: t('chart.map.note', { max: MAP_MAX.toFixed(1) }), districtLabel: t('district'), providerLabels,
    districts: snap.params.districts, perDistrict: snap.params.communitiesPerDistrict, needsMet: snap.communities.needsMet, servedBy: snap.communities.servedBy,
        ...(ins ? { inspect: { selected: sel?.kind === 'district' ? sel.d : null, pick: ins.pickDistrict, label: (d: number) => t('inspect.pick.district', { d: d + 1 }) } } : {}),
  });
  const met = snap.communities.needsMet, by = snap.communities.servedBy;
  const served = PROVIDER_KINDS.map((_, k) => mean(Array.from(met, (_, i) => by[i * PROVIDER_KINDS.length + k])));
  describe(fig.svg, met.length ? t('chart.map.summary', {
    n: met.length, min: pct(Math.min(...met)), max: pct(Math.max(...met)), mean: pct(mean(met)),
    served: providerLabels.map((p, k) => t('chart.map.share', { provider: p, share: pct(served[k]) })).join(t('listSep')),
  }) : undefined);
  return providerLabels;
}

export function createExplore(root: HTMLElement, host: ExploreHost) {
  let last: RunView | null = null;
  const figHost = { redraw: () => { if (last) render(last, false); }, fileName: host.fileName, provenance: host.provenance };
  const figs: Figure[] = EXPLORE_VIEWS.map((v) => createFigure(root, v.name, figHost, () => last && render(last)));
  const [fIndex, fForm, fSos, fNet, fMap] = figs;
  // While the run plays, a chart out of sight waits (it is drawn when it comes into view, and on
  // pause): frames stay short on a phone, where one or two charts are on screen.
  const inView = new Set<Figure>();
  const waiting = new Set<Figure>();
  const io = new IntersectionObserver((entries) => {
    for (const e of entries) {
      const f = figs.find((g) => g.el === e.target)!;
      if (!e.isIntersecting) { inView.delete(f); continue; }
      inView.add(f);
      if (waiting.delete(f) && last) draw(f, last, false);
    }
  }, { rootMargin: '100px' });
  for (const f of figs) io.observe(f.el);

  /** One figure, and its data table if asked and open. */
  function draw(f: Figure, v: RunView, tables: boolean): void {
    const { series, snap } = v;
    // The tables count months as the charts do, from 1 (see views/timeseries.ts).
    const months = () => Array.from({ length: series.tick?.length ?? 0 }, (_, i) => i);
    if (f === fIndex) {
      indexChart(fIndex, v);
      if (tables && fIndex.open()) dataTable(fIndex.table, t('chart.index'), [t('month'), label('involutionIndex'), label('formGrowth'), label('substanceGrowth')],
        months().map((i) => [monthOf(i), series.involutionIndex[i], series.formGrowth[i], series.substanceGrowth[i]]));
    } else if (f === fForm) {
      formSubstanceChart(fForm, v);
      if (tables && fForm.open()) dataTable(fForm.table, t('chart.formSubstance'), [t('month'), ...FIGURES.map(label)],
        months().map((i) => [monthOf(i), ...FIGURES.map((m) => series[m][i])]));
    } else if (f === fSos) {
      const points = sosChart(fSos, v, host.inspect);
      if (tables && fSos.open()) dataTable(fSos.table, t('chart.sos'), ['SO', t('chart.sos.x'), t('chart.sos.y'), t('chart.sos.size'), t('affiliated')],
        points.map((p) => [p.id, p.skill, p.autonomy, p.revenue, p.affiliated ? '✓' : '']));
    } else if (f === fNet) {
      const { contracts, modeLabels } = networkChart(fNet, v, host.inspect);
      if (tables && fNet.open()) dataTable(fNet.table, t('chart.network'), [t('district'), 'SO', label('purchaseSpending'), t('chart.network.mode')],
        contracts.map((k) => [k.buyer + 1, k.so, k.payment, modeLabels[k.mode]]));
    } else {
      const providerLabels = mapChart(fMap, v, host.inspect);
      if (tables && fMap.open()) dataTable(fMap.table, t('chart.map'), [t('community'), t('district'), label('needsMet'), ...providerLabels],
        Array.from(snap.communities.needsMet, (met, i) => [i + 1, snap.communities.district[i] + 1, met, ...PROVIDER_KINDS.map((_, k) => snap.communities.servedBy[i * PROVIDER_KINDS.length + k])]));
    }
    f.relabel();
  }

  /**
   * `tables`: also rebuild the data tables (skipped while playing, to keep frames short);
   * `lazy`: leave the charts out of sight for when they come into view (while playing).
   */
  function render(v: RunView, tables = true, lazy = false): void {
    last = v;
    for (const f of figs) {
      if (lazy && !inView.has(f)) { waiting.add(f); continue; }
      waiting.delete(f);
      draw(f, v, tables);
    }
  }

  return { render, figs };
}
