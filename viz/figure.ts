// A chart's figure: the SVG, its export buttons, and its data table.
import * as d3 from 'd3';
import { t } from './i18n/index.ts';
import { downloadPng, downloadSvg } from './export.ts';
import type { Svg } from './views/chart.ts';

export interface Figure {
  el: HTMLElement;
  svg: Svg;
  table: HTMLElement;
  name: string;
  relabel(): void;
  /** Is the data table open? Tables are built only then: they can hold thousands of cells. */
  open(): boolean;
}

export function createFigure(parent: HTMLElement, name: string, onOpen?: () => void): Figure {
  const el = parent.appendChild(document.createElement('figure'));
  el.dataset.view = name;
  const svgEl = el.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'svg'));
  const tools = el.appendChild(document.createElement('div'));
  tools.className = 'fig-tools';
  const svgButton = tools.appendChild(document.createElement('button'));
  svgButton.type = 'button';
  svgButton.addEventListener('click', () => downloadSvg(svgEl, name));
  const pngButton = tools.appendChild(document.createElement('button'));
  pngButton.type = 'button';
  pngButton.addEventListener('click', () => void downloadPng(svgEl, name));
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
