// The inspector (NetLogo's "inspect"): a side panel with the history of one SO or one district over
// the run, as charts (each with its data table) and a table of its contracts or budget rounds. It is
// not modal — the run plays on and the panel follows it — Escape or Close shuts it and the focus goes
// back where it was. The history comes from the worker's reader (viz/worker/inspect.ts).
import { AWARD_MODES, CATEGORIES } from '../sim/index.ts';
import { t, type MessageKey } from './i18n/index.ts';
import { createFigure, type Figure } from './figure.ts';
import { markLabels } from './explore.ts';
import { dataTable, PALETTE } from './views/chart.ts';
import { MODE_COLORS } from './views/network.ts';
import { timeSeries, type Line } from './views/timeseries.ts';
import type { DistrictHistory, History, SoHistory } from './worker/inspect.ts';
import type { Marker } from './worker/api.ts';

export interface InspectorHost {
  fileName(view: string): string;
  provenance(): string;
  /** Closed by the user (Close or Escape). */
  onClose(): void;
}

export interface InspectorView {
  history: History | null;
  /** The history is being read (from month 0, by a second run in the worker). */
  loading?: boolean;
  /** What is asked for, to say so while its history is not there (an SO not founded yet). */
  asked: { kind: 'so'; id: number } | { kind: 'district'; d: number };
  tick: number;
  ticks: number;
  markers: Marker[];
}

const FUNDER_COLORS = [PALETTE.blue, PALETTE.vermillion, PALETTE.green, PALETTE.orange, PALETTE.purple, PALETTE.sky, PALETTE.black];
const fmt2 = (x: number) => (Number.isFinite(x) ? String(Number(x.toFixed(3))) : '—');
const months = (n: number) => Array.from({ length: n }, (_, i) => i);
const catLabel = (k: number) => (k >= 0 ? t(`cat.${CATEGORIES[k]}` as MessageKey) : '—');
const modeLabel = (m: number) => t(`mode.${AWARD_MODES[m]}` as MessageKey);

export function createInspector(host: InspectorHost) {
  const panel = document.body.appendChild(document.createElement('aside'));
  panel.id = 'inspector';
  panel.className = 'inspector';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-modal', 'false');
  panel.setAttribute('aria-labelledby', 'inspector-title');
  const head = panel.appendChild(document.createElement('div'));
  head.className = 'inspector-head';
  const title = head.appendChild(document.createElement('h2'));
  title.id = 'inspector-title';
  title.tabIndex = -1;
  const close = head.appendChild(document.createElement('button'));
  close.type = 'button';
  close.id = 'inspector-close';
  const note = panel.appendChild(document.createElement('p'));
  note.className = 'inspector-note';
  const facts = panel.appendChild(document.createElement('dl'));
  facts.className = 'inspector-facts';
  const figs = panel.appendChild(document.createElement('div'));
  figs.className = 'inspector-figs';
  const tableBox = panel.appendChild(document.createElement('div'));
  tableBox.className = 'inspector-table';
  // A table wider than the panel scrolls: the keyboard can reach it to scroll it.
  tableBox.tabIndex = 0;
  tableBox.setAttribute('role', 'region');

  let last: InspectorView | null = null;
  let kind: 'so' | 'district' | null = null;
  let figures: Figure[] = [];
  let opener: HTMLElement | null = null;
  const figHost = {
    redraw: () => {
      if (last) render(last, false);
    },
    fileName: host.fileName,
    provenance: host.provenance,
  };

  const shut = () => {
    hide();
    host.onClose();
  };
  close.addEventListener('click', shut);
  // Escape also closes it when the focus is nowhere in particular or on the views' marks (opened from a link, say).
  document.addEventListener('keydown', (e) => {
    const at = document.activeElement;
    if (e.key !== 'Escape' || panel.hidden || document.querySelector('dialog[open]') || document.body.classList.contains('presenting')) return;
    if (at === document.body || at === null || at.classList.contains('pickable')) {
      e.preventDefault();
      shut();
    }
  });
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      shut();
    }
  });

  function hide(): void {
    if (panel.hidden) return;
    panel.hidden = true;
    document.body.classList.remove('inspecting');
    last = null;
    const back = opener;
    opener = null;
    if (back?.isConnected) back.focus();
  }

  /** The figures of this kind of history, made once (their SVGs keep their size and hover). */
  function figuresFor(k: 'so' | 'district'): void {
    if (kind === k) return;
    kind = k;
    figs.replaceChildren();
    const names =
      k === 'so'
        ? ['inspect-capacity', 'inspect-effort', 'inspect-revenue', 'inspect-contracts']
        : ['inspect-decisions', 'inspect-standing', 'inspect-money', 'inspect-projects', 'inspect-paperwork'];
    figures = names.map((name) => createFigure(figs, name, figHost, () => last && render(last)));
  }

  function fact(label: string, value: string): void {
    const dt = facts.appendChild(document.createElement('dt'));
    dt.textContent = label;
    facts.appendChild(document.createElement('dd')).textContent = value;
  }

  function chart(f: Figure, v: InspectorView, spec: { title: string; yLabel: string; lines: Line[] }, tables: boolean): void {
    timeSeries(f.svg, {
      title: spec.title,
      xLabel: t('x'),
      yLabel: spec.yLabel,
      ticks: v.ticks,
      marks: v.markers,
      markLabels: markLabels(),
      lines: spec.lines,
    });
    if (tables && f.open()) {
      const n = Math.max(0, ...spec.lines.map((l) => l.values.length));
      dataTable(
        f.table,
        spec.title,
        [t('month'), ...spec.lines.map((l) => l.label)],
        months(n).map((i) => [i, ...spec.lines.map((l) => l.values[i] ?? NaN)]),
      );
    }
    f.relabel();
  }

  function renderSo(h: SoHistory, v: InspectorView, tables: boolean): void {
    title.textContent = t('inspect.so.title', { id: h.id });
    facts.replaceChildren();
    const m = Math.min(v.tick, h.registered.length) - 1;
    fact(t('inspect.kind'), t(h.affiliated ? 'affiliated' : 'independent'));
    const reg =
      m >= 0 && Number.isFinite(h.registered[m])
        ? h.registered[m]
          ? h.sponsored[m]
            ? 'inspect.reg.sponsored'
            : 'inspect.reg.direct'
          : 'inspect.reg.none'
        : null;
    if (reg) fact(t('inspect.registration'), t(reg));
    fact(t('inspect.home'), t('inspect.funderDistrict', { d: h.home + 1 }));
    fact(t('inspect.field'), catLabel(h.field));
    fact(t('inspect.founded'), t('inspect.monthOf', { month: h.founded }));
    fact(t('inspect.status'), h.closed >= 0 ? t('inspect.closedAt', { month: h.closed }) : t('inspect.alive'));
    const [fCap, fEffort, fRevenue, fMoney] = figures;
    chart(
      fCap,
      v,
      {
        title: t('inspect.chart.capacity', { id: h.id }),
        yLabel: t('inspect.y.share'),
        lines: [
          { key: 'skill', label: t('inspect.skill'), color: PALETTE.blue, values: h.skill },
          { key: 'autonomy', label: t('inspect.autonomy'), color: PALETTE.orange, values: h.autonomy },
          { key: 'quality', label: t('inspect.quality'), color: PALETTE.green, dash: '5 3', values: h.quality },
        ],
      },
      tables,
    );
    chart(
      fEffort,
      v,
      {
        title: t('inspect.chart.effort', { id: h.id }),
        yLabel: t('inspect.y.share'),
        lines: [
          { key: 'es', label: t('inspect.effortService'), color: PALETTE.blue, values: h.effortService },
          { key: 'ec', label: t('inspect.effortCompliance'), color: PALETTE.vermillion, values: h.effortCompliance },
          { key: 'er', label: t('inspect.effortRelations'), color: PALETTE.purple, values: h.effortRelations },
          { key: 'se', label: t('inspect.serviceEffort'), color: PALETTE.sky, dash: '5 3', values: h.serviceEffort },
          { key: 'ce', label: t('inspect.complianceEffort'), color: PALETTE.orange, dash: '5 3', values: h.complianceEffort },
        ],
      },
      tables,
    );
    // The funders it has had: districts that paid it, and other sources.
    const funders = h.funding.map((values, f) => ({ values, f })).filter(({ values }) => values.some((x) => x > 0));
    const D = h.funding.length - 1;
    chart(
      fRevenue,
      v,
      {
        title: t('inspect.chart.revenue', { id: h.id }),
        yLabel: t('inspect.y.money'),
        lines: funders.map(({ values, f }, i) => ({
          key: `f${f}`,
          label: f === D ? t('inspect.funderOther') : t('inspect.funderDistrict', { d: f + 1 }),
          color: f === D ? PALETTE.grey : FUNDER_COLORS[i % FUNDER_COLORS.length],
          dash: f === D ? '5 3' : undefined,
          values,
        })),
      },
      tables,
    );
    chart(
      fMoney,
      v,
      {
        title: t('inspect.chart.contractMoney', { id: h.id }),
        yLabel: t('inspect.y.money'),
        lines: AWARD_MODES.map((_, mode) => ({ key: `m${mode}`, label: modeLabel(mode), color: MODE_COLORS[mode], values: h.moneyByMode[mode] })),
      },
      tables,
    );
    if (!tables) return;
    if (!h.contracts.length) {
      tableBox.setAttribute('aria-label', t('inspect.noContracts'));
      tableBox.replaceChildren(Object.assign(document.createElement('p'), { textContent: t('inspect.noContracts') }));
      return;
    }
    tableBox.replaceChildren();
    dataTable(
      tableBox,
      t('inspect.contracts', { n: h.contracts.length }),
      [
        t('inspect.col.months'),
        t('inspect.col.district'),
        t('inspect.col.service'),
        t('inspect.col.money'),
        t('inspect.col.payment'),
        t('inspect.col.mode'),
        t('inspect.col.again'),
        t('inspect.col.status'),
        t('inspect.col.observed'),
      ],
      h.contracts.map((c) => [
        t('inspect.range', { from: c.from, to: c.to }),
        t('inspect.funderDistrict', { d: c.buyer + 1 }),
        catLabel(c.cat),
        t(c.city ? 'inspect.money.city' : 'inspect.money.district'),
        c.payment,
        modeLabel(c.mode),
        c.again ? t('inspect.again') : '',
        c.active ? t('inspect.end.running') : c.monthsLeft <= 0 ? t('inspect.end.term') : t('inspect.end.early', { left: c.monthsLeft }),
        fmt2(c.observed),
      ]),
    );
  }

  function renderDistrict(h: DistrictHistory, v: InspectorView, tables: boolean): void {
    const d = h.d + 1;
    title.textContent = t('inspect.district.title', { d });
    facts.replaceChildren();
    fact(t('inspect.roundMonth'), t('inspect.roundMonthValue', { month: h.roundMonth }));
    fact(t('inspect.columns'), `projectGranularity.d${h.d}, paperworkDemand.d${h.d}, projectsActive.d${h.d}, purchaseShare.d${h.d}`);
    const [fDecisions, fStanding, fMoney, fProjects, fPaperwork] = figures;
    chart(
      fDecisions,
      v,
      {
        title: t('inspect.chart.decisions', { d }),
        yLabel: t('inspect.y.share'),
        lines: [
          { key: 'share', label: t('inspect.purchaseShare'), color: PALETTE.blue, values: h.purchaseShare },
          { key: 'grain', label: t('inspect.grain'), color: PALETTE.vermillion, values: h.grain },
          { key: 'demand', label: t('inspect.demand'), color: PALETTE.purple, dash: '5 3', values: h.demand },
        ],
      },
      tables,
    );
    chart(
      fStanding,
      v,
      {
        title: t('inspect.chart.standing', { d }),
        yLabel: t('inspect.y.standing'),
        lines: [
          { key: 'standing', label: t('inspect.standing'), color: PALETTE.black, values: h.standing },
          { key: 'aspiration', label: t('inspect.aspiration'), color: PALETTE.orange, dash: '5 3', values: h.aspiration },
        ],
      },
      tables,
    );
    chart(
      fMoney,
      v,
      {
        title: t('inspect.chart.money', { d }),
        yLabel: t('inspect.y.money'),
        lines: [
          { key: 'budget', label: t('inspect.budget'), color: PALETTE.black, values: h.budget },
          { key: 'purchase', label: t('inspect.purchaseMoney'), color: PALETTE.blue, values: h.purchaseMoney },
          { key: 'contracts', label: t('inspect.contractMoney'), color: PALETTE.sky, dash: '5 3', values: h.contractMoney },
          { key: 'inHouse', label: t('inspect.inHouseMoney'), color: PALETTE.grey, values: h.inHouseMoney },
          { key: 'training', label: t('inspect.training'), color: PALETTE.green, values: h.training },
        ],
      },
      tables,
    );
    chart(
      fProjects,
      v,
      {
        title: t('inspect.chart.projects', { d }),
        yLabel: t('inspect.y.count'),
        lines: AWARD_MODES.map((_, mode) => ({ key: `m${mode}`, label: modeLabel(mode), color: MODE_COLORS[mode], values: h.projects[mode] })),
      },
      tables,
    );
    chart(
      fPaperwork,
      v,
      {
        title: t('inspect.chart.paperwork', { d }),
        yLabel: t('inspect.y.share'),
        lines: [
          { key: 'demand', label: t('inspect.demand'), color: PALETTE.purple, dash: '5 3', values: h.demand },
          { key: 'share', label: t('inspect.paperworkShare'), color: PALETTE.vermillion, values: h.paperworkShare },
        ],
      },
      tables,
    );
    // The budget rounds: month 0, then the district's month of each year.
    const rounds = months(h.grain.length).filter((m) => m === 0 || m % 12 === h.roundMonth);
    if (!tables) return;
    tableBox.replaceChildren();
    dataTable(
      tableBox,
      t('inspect.rounds', { n: rounds.length }),
      [
        t('inspect.col.month'),
        t('inspect.col.share'),
        t('inspect.col.grain'),
        t('inspect.demand'),
        t('inspect.col.standingBefore'),
        t('inspect.col.aspiration'),
        t('inspect.col.tried'),
        t('inspect.col.last'),
      ],
      rounds.map((m) => {
        const v2 = h.trialVar[m];
        // No trial at month 0 (the inherited decisions); none either in a year a person decides.
        const tried = v2 >= 0 ? t(`inspect.trial.${v2}` as MessageKey) : m === 0 ? t('inspect.trial.none') : t('inspect.trial.person');
        // Last year's trial was undone when its decision's direction of trial turned at this round.
        const prev = m > 0 ? h.trialVar[m - 1] : -1;
        const last = prev >= 0 && v2 >= 0 ? (h.trialDir[prev][m] !== h.trialDir[prev][m - 1] ? t('inspect.last.undone') : t('inspect.last.kept')) : '';
        return [m, h.purchaseShare[m], h.grain[m], h.demand[m], m > 0 ? h.standing[m - 1] : NaN, h.aspiration[m], tried, last];
      }),
    );
  }

  function render(v: InspectorView, tables = true): void {
    last = v;
    note.textContent = t('inspect.note');
    close.textContent = t('inspect.close');
    close.setAttribute('aria-label', t('inspect.closeLong'));
    panel.setAttribute('aria-label', t('inspect.label'));
    const h = v.history;
    if (!h || (h.kind === 'so' && !h.exists)) {
      kind = null;
      figs.replaceChildren();
      facts.replaceChildren();
      tableBox.replaceChildren();
      title.textContent = v.asked.kind === 'so' ? t('inspect.so.title', { id: v.asked.id }) : t('inspect.district.title', { d: v.asked.d + 1 });
      if (v.loading) note.textContent = t('inspect.loading');
      else if (v.asked.kind === 'so') note.textContent = t('inspect.notFounded', { id: v.asked.id, tick: v.tick });
      return;
    }
    figuresFor(h.kind);
    if (h.kind === 'so') renderSo(h, v, tables);
    else renderDistrict(h, v, tables);
  }

  return {
    /** Show (or follow) a history; `focus`: move the keyboard's focus to the panel (when the user opened it). */
    show(v: InspectorView, focus = false, tables = true): void {
      const opening = panel.hidden;
      // Another SO or district: its history from the top.
      const other = !last || JSON.stringify(last.asked) !== JSON.stringify(v.asked);
      if (opening) {
        const active = document.activeElement;
        opener = active instanceof HTMLElement || active instanceof SVGElement ? (active as HTMLElement) : null;
        panel.hidden = false;
        document.body.classList.add('inspecting');
      }
      render(v, tables);
      // Set once shown: a hidden panel keeps its scroll position.
      if (other) panel.scrollTop = 0;
      if (focus) title.focus();
    },
    hide,
    open: () => !panel.hidden,
    /** Draw again with the data tables (they wait while the run plays). */
    refresh: () => {
      if (last) render(last);
    },
    relabel: () => {
      if (last) render(last);
    },
  };
}
