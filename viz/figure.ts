// A chart's figure: the SVG, drawn at the width it is shown at; its export buttons (the file named
// after the scenario and seed, the figure carrying its provenance line); and its data table.
import * as d3 from 'd3';
import { t } from './i18n/index.ts';
import { downloadPng, downloadSvg } from './export.ts';
import { WIDTH, type Svg } from './views/chart.ts';

export interface FigureHost {
  /** Redraw the figure from the data last shown. */
  redraw(): void;
  /** The downloaded file's name, without extension, for this view. */
  fileName(view: string): string;
  /** Scenario, seed, changed parameters and version, for the exported figure. */
  provenance(): string;
}

export interface Figure {
  el: HTMLElement;
  svg: Svg;
  table: HTMLElement;
  name: string;
  relabel(): void;
  /** Is the data table open? Tables are built only then: they can hold thousands of cells. */
  open(): boolean;
}

/** Pixels of the page per unit of the chart: above 1 in presentation mode, where text is large. */
function zoom(el: Element): number {
  return Number(getComputedStyle(el).getPropertyValue('--chart-zoom')) || 1;
}

export function createFigure(parent: HTMLElement, name: string, host: FigureHost, onOpen?: () => void): Figure {
  const el = parent.appendChild(document.createElement('figure'));
  el.dataset.view = name;
  const svgEl = el.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'svg'));
  const measure = () => {
    const w = Math.round(svgEl.getBoundingClientRect().width / zoom(el));
    if (w > 0 && String(w) !== svgEl.dataset.w) {
      svgEl.dataset.w = String(w);
      return true;
    }
    return false;
  };
  measure();
  new ResizeObserver(() => { if (measure()) host.redraw(); }).observe(svgEl);
  const tools = el.appendChild(document.createElement('div'));
  tools.className = 'fig-tools';
  /** Redraw at the export width with the provenance line, hand the SVG over, then draw it back. */
  const asExported = async (save: (svg: SVGSVGElement, file: string) => void | Promise<void>) => {
    const shown = svgEl.dataset.w;
    svgEl.dataset.w = String(WIDTH);
    svgEl.dataset.provenance = host.provenance();
    host.redraw();
    try {
      await save(svgEl, host.fileName(name));
    } finally {
      if (shown) svgEl.dataset.w = shown;
      delete svgEl.dataset.provenance;
      host.redraw();
    }
  };
  const svgButton = tools.appendChild(document.createElement('button'));
  svgButton.type = 'button';
  svgButton.addEventListener('click', () => void asExported(downloadSvg));
  const pngButton = tools.appendChild(document.createElement('button'));
  pngButton.type = 'button';
  pngButton.addEventListener('click', () => void asExported(downloadPng));
  const details = tools.appendChild(document.createElement('details'));
  const summary = details.appendChild(document.createElement('summary'));
  const table = details.appendChild(document.createElement('div'));
  details.addEventListener('toggle', () => { if (details.open) onOpen?.(); });
  const relabel = () => {
    const title = svgEl.querySelector('title')?.textContent ?? name;
    svgButton.textContent = t('svg');
    svgButton.setAttribute('aria-label', `${t('svg')}: ${title}`);
    pngButton.textContent = t('png');
    pngButton.setAttribute('aria-label', `${t('png')}: ${title}`);
    summary.textContent = t('dataTable');
  };
  relabel();
  return { el, svg: d3.select(svgEl) as unknown as Svg, table, name, relabel, open: () => details.open };
}
