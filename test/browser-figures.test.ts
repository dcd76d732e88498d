// Figures fit to publish: numbered markers in a style no data line uses, with their legend and no
// collision; legends that never overprint the plot; one meaning per colour in the network, its
// shapes in the legend; the map's scale and note agreeing; downloads named after the scenario and
// seed, carrying their provenance. Checked on the SVG as drawn, at a desktop and a phone width.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { downloaded, openSized, stepTo, type Preview } from './browser-setup.ts';
import { useExplorer } from './browser-suite.ts';

let server: Preview | undefined;
let browser: Browser;

useExplorer((s, b) => {
  server = s;
  browser = b;
});

interface Box { x: number; y: number; width: number; height: number }
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Boxes, on screen, of the parts of a chart. */
async function parts(page: Page, view: string) {
  return page.evaluate((v) => {
    const fig = document.querySelector(`figure[data-view=${v}]`)!;
    const box = (e: Element | null) => { const r = e!.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; };
    const zone = fig.querySelector('rect.hover-zone') ?? fig.querySelector('g.plot > g.y-axis') ?? fig.querySelector('g.plot');
    return {
      legendItems: [...fig.querySelectorAll('g.legend g.item')].map(box),
      legend: fig.querySelector('g.legend g.item') ? box(fig.querySelector('g.legend')) : null,
      plot: box(zone),
      badges: [...fig.querySelectorAll('g.marker g.badge')].map(box),
      footer: [...fig.querySelectorAll('g.mark-legend g.entry')].map((e) => e.textContent ?? ''),
      title: box(fig.querySelector('text.chart-title')),
    };
  }, view);
}

describe('figures', () => {
  for (const [width, lang] of [[1400, 'en'], [390, 'zh']] as const) {
    it(`number their markers, in a style of their own, with a legend and no collision (${width} px, ${lang})`, async () => {
      // A scheduled change at 36, and interventions at 36 and 37: badges that would collide.
      const { page, errors } = await openSized(browser, server!.base, width, 900, `?lang=${lang}&scenario=reform-at-year-3&iv=36:partnership=0.5;37:performanceFunding=0.4&month=40`);
      for (const view of ['index', 'form-substance']) {
        const p = await parts(page, view);
        expect(p.badges).toHaveLength(3);
        for (let i = 0; i < 3; i++) for (let j = i + 1; j < 3; j++) expect(overlap(p.badges[i], p.badges[j]), `${view} badges ${i} and ${j}`).toBe(false);
        expect(await page.locator(`figure[data-view=${view}] g.marker g.badge text`).allTextContents()).toEqual(['1', '2', '3']);
        expect(p.footer).toHaveLength(3);
        expect(p.footer[0]).toMatch(lang === 'en' ? /^1Month 36 · scheduled change: All five preventions/ : /^1第 36 个月 · 预定变化：五项防治措施（明确适用范围 0\.9/);
        expect(p.footer[1]).toMatch(lang === 'en' ? /^2Month 36 · intervention: Partnership 0\.5/ : /^2第 36 个月 · 干预：伙伴关系 0\.5/);
        // The legend and the badges sit above the plot, each legend item apart from the others.
        for (const b of p.badges) expect(b.y + b.height).toBeLessThanOrEqual(p.plot.y + 1);
        expect(p.legend!.y + p.legend!.height).toBeLessThanOrEqual(Math.min(p.plot.y, ...p.badges.map((b) => b.y)) + 1);
        for (let i = 0; i < p.legendItems.length; i++) for (let j = i + 1; j < p.legendItems.length; j++) expect(overlap(p.legendItems[i], p.legendItems[j])).toBe(false);
        // Marker lines: dotted and in ink; no data line is either.
        const style = await page.evaluate((v) => {
          const fig = document.querySelector(`figure[data-view=${v}]`)!;
          const lines = [...fig.querySelectorAll('path.line')].map((l) => `${l.getAttribute('stroke')}|${l.getAttribute('stroke-dasharray')}`);
          const marks = [...fig.querySelectorAll('g.marker line')].map((l) => `${l.getAttribute('stroke')}|${l.getAttribute('stroke-dasharray')}`);
          return { lines, marks };
        }, view);
        expect(new Set(style.marks)).toEqual(new Set(['#333333|0.1 3.5']));
        for (const l of style.lines) {
          expect(l.split('|')[0]).not.toBe('#333333');
          expect(l.split('|')[1]).not.toBe('0.1 3.5');
        }
      }
      // Every chart: the legend never reaches the plot, nor the title the legend.
      for (const view of ['sos', 'network', 'map']) {
        const p = await parts(page, view);
        expect(p.legend!.y + p.legend!.height, view).toBeLessThanOrEqual(p.plot.y + 1);
        expect(p.title.y + p.title.height, view).toBeLessThanOrEqual(p.legend!.y + 1);
      }
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('give each colour of the network one meaning, and its node shapes a legend', async () => {
    const { page } = await openSized(browser, server!.base, 1400, 900, '?month=12');
    const colours = await page.evaluate(() => {
      const fig = document.querySelector('figure[data-view=network]')!;
      return {
        contracts: [...new Set([...fig.querySelectorAll('path.contract')].map((p) => p.getAttribute('stroke')))],
        nodes: [...new Set([...fig.querySelectorAll('path.so-node, g.district rect')].flatMap((p) => [p.getAttribute('fill'), p.getAttribute('stroke')]).filter((c) => c && c !== 'none'))],
        legend: [...fig.querySelectorAll('g.legend g.item')].map((g) => `${g.firstElementChild!.tagName}:${g.textContent}`),
      };
    });
    for (const c of colours.contracts) expect(colours.nodes).not.toContain(c);
    expect(new Set(colours.nodes)).toEqual(new Set(['#fff', '#222222']));
    expect(colours.legend).toEqual(expect.arrayContaining(['rect:district government', 'rect:affiliated SO (GONGO)', 'circle:independent SO']));
    await page.close();
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`have a map whose note names the range of its colour scale (${lang})`, async () => {
      const { page } = await openSized(browser, server!.base, 1400, 900, `?lang=${lang}&month=3`);
      const labels = await page.locator('figure[data-view=map] text.scale-label').allTextContents();
      const note = (await page.locator('figure[data-view=map] text.x-label').textContent())!;
      const top = labels.at(-1)!.replace('≥ ', '');
      expect(labels[0]).toBe('0.0');
      expect(note).toContain(lang === 'en' ? `from 0 to ${top}` : `从 0 到 ${top}`);
      expect(note).not.toContain('0–1');
      await page.close();
    });
  }

  it('download named after the scenario and seed, carrying scenario, seed, changed parameters and version', async () => {
    const { page } = await openSized(browser, server!.base, 1400, 900, '?scenario=money-alone&seed=3&pathDependence=0.4');
    await stepTo(page, 4);
    await page.locator('#p-partnership').fill('0.9');
    await page.waitForSelector('figure[data-view=index] g.marker');
    await stepTo(page, 6);
    const svg = await downloaded(page, () => page.click('figure[data-view=index] .fig-tools button:nth-child(1)'));
    expect(svg.name).toBe('involution-money-alone-seed3-m6-index.svg');
    expect(svg.text).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const provenance = svg.text.match(/<text class="provenance"[^>]*>(.*?)<\/text>/)![1].replace(/<[^>]+>/g, ' ');
    for (const part of ['Involution Lab 0.2.0', 'money-alone', 'seed 3', 'pathDependence = 0.4', 'Month 4: partnership = 0.9']) expect(provenance).toContain(part);
    expect(svg.text).not.toContain('hover-zone');
    const png = await downloaded(page, () => page.click('figure[data-view=map] .fig-tools button:nth-child(2)'));
    expect(png.name).toBe('involution-money-alone-seed3-m6-map.png');
    // The figure on screen is drawn back at its own width, without the provenance line.
    expect(await page.locator('figure[data-view=index] text.provenance tspan').count()).toBe(0);
    await page.click('#tab-compare');
    await page.fill('#compare-seeds', '2');
    await page.click('#compare-run');
    await page.waitForFunction(() => /^4 of 4 runs finished$/.test(document.getElementById('compare-progress')!.textContent ?? ''), null, { timeout: 60_000 });
    const cmp = await downloaded(page, () => page.click('figure[data-view=compare] .fig-tools button:nth-child(1)'));
    expect(cmp.name).toBe('involution-compare-baseline-involution+full-prevention-seeds1-2-involutionIndex.svg');
    expect(cmp.text).toContain('seeds 1 to 2');
    // Counts are written as counts: n is 2, not 2.0.
    expect(await page.locator('figure[data-view=compare] details table tbody td:nth-child(2)').first().textContent()).toBe('2');
    await page.close();
  });
});
