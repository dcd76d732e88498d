// The Experiment tab's report in the page's language: the sections and charts drawn under the
// tables (titles, introductions, axis labels, legends, notes, table headings), the discovery's
// charts and the exported HTML report, for a grid, replications and a Latin hypercube with a
// scenario discovery and the policies' robustness. In Chinese no English word is left (only the
// names a Chinese researcher reads as they are: PRIM, Sobol', Morris, CART, parameter identifiers
// …); in English no Chinese character.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PARAMS } from '../sim/index.ts';
import { downloaded, type Preview } from './browser-setup.ts';
import { SHOTS, useExplorer } from './browser-suite.ts';

let server: Preview | undefined;
let browser: Browser;
useExplorer((s, b) => {
  server = s;
  browser = b;
});

const small = { set: { citizens: 500 }, metrics: ['involutionIndex', 'needsMet'], scenarios: ['baseline-involution', 'full-prevention'], ticks: 12 };
const SPECS = {
  // Two parameters: lines against each, panels, months, the paired fans and the heatmaps.
  grid: { ...small, seeds: 2, record: { every: 6 }, vary: { pathDependence: [0.3, 0.9], politicalRationality: [0.2, 0.8] } },
  replications: { ...small, seeds: 4, record: { every: 6 } },
  lhs: { ...small, seeds: 1, record: 'final', design: { type: 'lhs', samples: 20, ranges: { pathDependence: [0, 1], politicalRationality: [0, 1] } } },
};
type Name = keyof typeof SPECS;
const RUNS: Record<Name, number> = { grid: 16, replications: 8, lhs: 40 };

/**
 * Latin words a Chinese page may show: method and author names, statistics' letters, the spec's
 * and the command line's own names (code, as typed), and the parameters' identifiers.
 */
const NAMES = new Set([
  ...['PRIM', "Sobol'", 'Morris', 'LHS', 'CART', 'Gini', 'Wilson', 'Student', 'LOESS', 'Friedman', 'Fisher', 'McPhail', 'EMA', 'Workbench', 'sdtoolkit'],
  ...['t', 'p', 'k', 'S1', 'ST', 'EE', 'μ*', 'σ'],
  ...['record', 'final', 'every', 'analyze', 'robust', 'method', 'outcome', 'grid', 'lhs', 'replications'],
  ...PARAMS.map((p) => p.name),
]);

/** Latin words of a text that are not names: numbers (1.5e-3 too) set aside. */
const english = (text: string): string[] =>
  [...text.replace(/\d+(\.\d+)?(e[-+]?\d+)?/g, ' ').matchAll(/[A-Za-z][A-Za-z0-9']*/g)]
    .map((m) => m[0])
    .filter((w) => !NAMES.has(w) && !NAMES.has(w.replace(/'$/, '')));

const CJK = /[\u2e80-\u9fff\uff00-\uffef]/;

const json = (name: string, value: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value)) });

async function run(lang: 'zh' | 'en', name: Name, width: number): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server!.base}?tab=experiment&lang=${lang}`);
  await page.waitForSelector('#exp-count');
  await page.setInputFiles('#exp-spec-file', [json(`${name}.json`, SPECS[name])]);
  await page.waitForFunction((n) => document.getElementById('experiment')!.dataset.total === String(n), RUNS[name]);
  await page.click('#exp-run');
  await page.waitForSelector('#experiment[data-phase=done]', { state: 'attached', timeout: 120_000 });
  await page.waitForSelector('#exp-charts:not([hidden]) svg.chart');
  await page.waitForFunction(() => !document.getElementById('exp-charts')!.hasAttribute('aria-busy'));
  return { page, errors };
}

/** Every text of the report's sections on the page and of the discovery's charts: headings, introductions, every SVG text and name. */
const shownText = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const out: string[] = [];
    for (const root of document.querySelectorAll('#exp-charts, #exp-discovery-results')) {
      for (const e of root.querySelectorAll('h3, p.note, svg text, svg title, th')) out.push(e.textContent ?? '');
      for (const s of root.querySelectorAll('svg[aria-label]')) out.push(s.getAttribute('aria-label')!);
    }
    return out.filter((t) => t.trim());
  });

/** The report page's text but its manifest (JSON as written), the command that re-runs it, the spec's file name and the meta line (scenarios, counts, version). */
function reportText(html: string): string {
  const body = html.slice(html.indexOf('<body>'), html.lastIndexOf('<section><h2>'));
  return body
    .replace(/<p class="meta">[^<]*<\/p>/, '')
    .replace(/spec\.json/g, '')
    .replace(/<[^>]+aria-label="([^"]*)"[^>]*>/g, ' $1 ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&[a-z]+;/g, ' ');
}

describe('the Experiment tab speaks the page’s language in its report', () => {
  for (const name of Object.keys(SPECS) as Name[]) {
    it(`${name}: in Chinese, no English word in the sections, charts or exported report; in English, no Chinese character`, async () => {
      // Chinese on a phone, English on a desktop.
      const zh = await run('zh', name, 390);
      if (name === 'lhs') {
        // A discovery and the policies' robustness on the page: they join the charts and the report.
        await zh.page.click('#exp-discover');
        await zh.page.waitForSelector('#exp-discovery-results .tradeoff svg.chart');
        await zh.page.click('#exp-robust');
        await zh.page.waitForSelector('#exp-robust-table');
      }
      const texts = await shownText(zh.page);
      expect(texts.length).toBeGreaterThan(10);
      expect(texts.filter((t) => CJK.test(t)).length).toBeGreaterThan(10);
      const left = texts.filter((t) => english(t).length).map((t) => `${english(t).join(' ')} ← ${t}`);
      expect(left).toEqual([]);
      const titles = await zh.page.locator('#exp-charts h3').allTextContents();
      const report = await downloaded(zh.page, () => zh.page.click('#exp-export-report'));
      expect(report.text).toContain('<html lang="zh-CN">');
      expect(english(reportText(report.text))).toEqual([]);
      for (const title of titles) expect(report.text).toContain(`<h2>${title}</h2>`);
      if (name === 'lhs') {
        expect(titles).toEqual(expect.arrayContaining(['结果随各抽样参数的变化']));
        expect(report.text).toContain('<h2>情景发现</h2>');
        expect(report.text).toContain('<h2>政策的稳健性</h2>');
      }
      // Nothing drawn wider than the phone's screen.
      const overflow = await zh.page.evaluate(
        () =>
          [...document.querySelectorAll('#exp-charts svg.chart, #exp-discovery-results svg.chart')].filter(
            (s) => s.getBoundingClientRect().right > window.innerWidth + 1,
          ).length,
      );
      expect(overflow).toBe(0);
      await zh.page.locator('#exp-charts').screenshot({ path: join(SHOTS, `experiment-words-${name}-zh-390.png`) });
      expect(zh.errors).toEqual([]);
      await zh.page.close();

      const en = await run('en', name, 1280);
      if (name === 'lhs') {
        await en.page.click('#exp-discover');
        await en.page.waitForSelector('#exp-discovery-results .tradeoff svg.chart');
      }
      const enTexts = await shownText(en.page);
      expect(enTexts.filter((t) => CJK.test(t))).toEqual([]);
      expect(await en.page.locator('#exp-charts h3').allTextContents()).toHaveLength(titles.length);
      const enReport = await downloaded(en.page, () => en.page.click('#exp-export-report'));
      expect(enReport.text).toContain('<html lang="en">');
      expect(CJK.test(reportText(enReport.text))).toBe(false);
      writeFileSync(join(SHOTS, `experiment-words-${name}-en.html`), enReport.text);
      await en.page.locator('#exp-charts').screenshot({ path: join(SHOTS, `experiment-words-${name}-en-1280.png`) });
      expect(en.errors).toEqual([]);
      await en.page.close();
    });
  }
});
