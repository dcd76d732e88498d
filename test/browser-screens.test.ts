// Any screen: a phone (390 × 844) and a tablet (768 × 1024) open on Play and the whole index chart,
// the parameters in a closed drawer, chart text at a readable size, and no layout shift as the page
// loads. Screenshots of every view (and tab) at three widths in both languages go to artifacts/screenshots/
// (to look at); axe-core finds nothing serious in the states a user reaches.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, openSized, stepTo, untilPaused, untilTick, type Preview } from './browser-setup.ts';
import { SHOTS, useExplorer } from './browser-suite.ts';

let server: Preview | undefined;
let browser: Browser;

useExplorer((s, b) => {
  server = s;
  browser = b;
});

/** Record every layout shift from the page's first moment (Layout Instability API). */
const WATCH_SHIFTS = `window.__shifts = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__shifts.push(e); }).observe({ type: 'layout-shift', buffered: true });`;

async function openWatchingShifts(width: number, height: number, search: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height } });
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(WATCH_SHIFTS);
  await page.goto(server!.base + search);
  await page.waitForSelector('body[data-tick="0"]', { state: 'attached' });
  await page.waitForLoadState('load');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return { page, errors };
}

/** The cumulative layout shift so far, not counting shifts caused by the user's input. */
const shifted = (page: Page) => page.evaluate(() => (window as unknown as { __shifts: { value: number; hadRecentInput: boolean }[] }).__shifts
  .filter((e) => !e.hadRecentInput).reduce((a, e) => a + e.value, 0));

/** The smallest text of a chart, in CSS pixels as shown. */
const smallestText = (page: Page, view: string) => page.evaluate((v) => {
  const svg = document.querySelector(`figure[data-view=${v}] svg`) as SVGSVGElement;
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const sizes = [...svg.querySelectorAll('text')].filter((t) => t.textContent).map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
  return Math.min(...sizes);
}, view);

describe('first screens', () => {
  for (const [width, height] of [[390, 844], [768, 1024], [1440, 900]] as const) {
    for (const lang of ['en', 'zh'] as const) {
      it(`${width} × ${height} (${lang}): Play and the whole index chart on the first screen, readable, no shift`, async () => {
        const { page, errors } = await openWatchingShifts(width, height, `?lang=${lang}`);
        expect(await shifted(page)).toBeLessThan(0.01);
        const play = (await page.locator('#play').boundingBox())!;
        const chart = (await page.locator('figure[data-view=index] svg').boundingBox())!;
        expect(play.y + play.height).toBeLessThanOrEqual(height);
        expect(chart.y + chart.height, 'the index chart ends on the first screen').toBeLessThanOrEqual(height);
        expect(await smallestText(page, 'index')).toBeGreaterThanOrEqual(9.5);
        if (width < 900) {
          expect(await page.getAttribute('#drawer', 'open')).toBeNull();
          expect(await page.isVisible('#p-pathDependence')).toBe(false);
        }
        await page.screenshot({ path: join(SHOTS, `first-${lang}-${width}.png`) });
        // Playing: the page works on this screen, and drawing the run shifts nothing either.
        await page.click('#play');
        await untilTick(page, 12);
        await page.click('#play');
        await untilPaused(page);
        expect(await shifted(page)).toBeLessThan(0.01);
        // The monitors on this screen: every label, value and reference inside its cell, no word broken.
        expect(await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('#monitors .monitor, #monitors .monitor > *')]
          .filter((e) => e.scrollWidth > e.clientWidth + 1 || getComputedStyle(e).overflowWrap !== 'normal' || getComputedStyle(e).wordBreak !== 'normal')
          .map((e) => e.className || e.tagName))).toEqual([]);
        if (width < 900) {
          await page.click('#drawer > summary');
          expect(await page.isVisible('#p-pathDependence')).toBe(true);
          expect(await axeViolations(page)).toEqual([]);
        }
        expect(errors).toEqual([]);
        await page.close();
      });
    }
  }
});

describe('every view at three widths, in both languages', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`screenshots and axe (${lang})`, async () => {
      const { page, errors } = await openSized(browser, server!.base, 1440, 900, `?lang=${lang}&scenario=reform-at-year-3&iv=40:partnership=0.6`);
      const widths = [1440, 768, 390];
      const shoot = async (name: string) => {
        for (const w of widths) {
          await page.setViewportSize({ width: w, height: w === 1440 ? 900 : w === 768 ? 1024 : 844 });
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          await page.screenshot({ path: join(SHOTS, `${name}-${lang}-${w}.png`), fullPage: true });
        }
        await page.setViewportSize({ width: 1440, height: 900 });
      };
      await page.click('#play');
      await untilTick(page, 50);
      await page.click('#play');
      await untilPaused(page);
      await page.hover('figure[data-view=index] rect.hover-zone');
      await shoot('explore');
      expect(await axeViolations(page)).toEqual([]);
      // The dialog that asks before dropping an intervention.
      await page.click('#reset');
      await page.waitForSelector('#confirm[open]');
      await page.screenshot({ path: join(SHOTS, `confirm-${lang}-1440.png`) });
      expect(await axeViolations(page)).toEqual([]);
      await page.click('#confirm [data-choice=cancel]');
      await page.click('#tab-compare');
      await page.fill('#compare-seeds', '3');
      await page.click('#compare-run');
      // Both scenarios' bands drawn from all three seeds.
      await page.waitForFunction(() => (document.querySelector('figure[data-view=compare] g.legend')?.textContent?.match(/n=3/g) ?? []).length === 2, null, { timeout: 60_000 });
      await shoot('compare');
      expect(await axeViolations(page)).toEqual([]);
      await page.click('#tab-lesson');
      await shoot('lesson-start');
      await page.check('input[name=prediction-0][value=flat]');
      await page.click('#lesson button[data-key=next]');
      await page.click('#lesson button[data-key=run]');
      await page.waitForSelector('#lesson-why', { timeout: 60_000 });
      await page.waitForSelector('#lesson .verdicts .feedback', { timeout: 60_000 });
      await page.fill('#lesson-why', lang === 'en' ? 'Form had grown for three years before the reform.' : '改革之前形式已经膨胀了三年。');
      await page.click('#lesson button[data-key=show]');
      await shoot('lesson-end');
      expect(await axeViolations(page)).toEqual([]);
      // The Experiment tab, its form as it opens (the sidebar gives it the whole width).
      await page.click('#tab-experiment');
      await page.waitForSelector('#exp-count');
      await shoot('experiment-start');
      expect(await axeViolations(page)).toEqual([]);
      await page.click('#tab-explore');
      await page.click('#present');
      await stepTo(page, 5);
      await page.screenshot({ path: join(SHOTS, `present-${lang}-1440.png`) });
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
