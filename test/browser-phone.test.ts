// Phones and tablets, and "How it works" (issue 21, items 5 and 8). On a phone or a tablet the
// settings open as a sheet over the lower part of the screen, the index chart in sight above it, so
// a change is seen as it is made; Compare and Experiment start on the first screen of their tab
// even once the settings have been opened. "How it works" opens from the explorer in its language
// and brings the run back as it was. Screenshots at five sizes in both languages go to
// artifacts/screenshots/ (to look at), and axe finds nothing, of any impact.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeAll, openSized, untilPaused, untilTick, type Preview } from './browser-setup.ts';
import { SHOTS, useExplorer } from './browser-suite.ts';

let server: Preview | undefined;
let browser: Browser;

useExplorer((s, b) => {
  server = s;
  browser = b;
});

const SIZES = [
  [390, 844],
  [768, 1024],
  [1024, 768],
  [1280, 720],
  [1440, 900],
] as const;
const LANGS = ['en', 'zh'] as const;

const box = (page: Page, selector: string) =>
  page.evaluate((s) => {
    const r = document.querySelector(s)!.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: r.height };
  }, selector);

describe('the settings on a phone or a tablet', () => {
  for (const [width, height] of SIZES.slice(0, 2)) {
    for (const lang of LANGS) {
      it(`open as a sheet with the index chart in sight above it; a change made there is seen as it plays (${width} × ${height}, ${lang})`, async () => {
        const { page, errors } = await openSized(browser, server!.base, width, height, `?lang=${lang}&seed=21`);
        await page.click('#drawer > summary');
        await page.waitForFunction(() => document.body.dataset.sheet === 'open');
        expect(await page.evaluate(() => getComputedStyle(document.getElementById('sheet')!).position)).toBe('fixed');
        const sheet = await box(page, '#sheet');
        // The sheet covers the lower part of the screen, at most half of it.
        expect(sheet.bottom).toBeLessThanOrEqual(height + 1);
        expect(sheet.top).toBeGreaterThanOrEqual(height / 2);
        const chart = await box(page, 'figure[data-view=index]');
        expect(chart.top).toBeGreaterThanOrEqual(0);
        expect(chart.bottom).toBeLessThanOrEqual(sheet.top + 1);
        // A cause, changed in the sheet: the sheet scrolls, the page does not.
        const scrolled = await page.evaluate(() => scrollY);
        await page.focus('#p-politicalRationality');
        for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
        await page.waitForFunction(() => new URL(location.href).searchParams.get('politicalRationality') === '0.6', null, { timeout: 10_000 });
        expect(await page.evaluate(() => scrollY)).toBe(scrolled);
        await page.click('#sheet-play');
        await untilTick(page, 12);
        await page.click('#sheet-play');
        await untilPaused(page);
        const shown = await box(page, 'figure[data-view=index] path.line');
        expect(shown.height).toBeGreaterThan(0);
        expect(shown.bottom).toBeLessThanOrEqual((await box(page, '#sheet')).top);
        await page.screenshot({ path: join(SHOTS, `sheet-${lang}-${width}.png`) });
        expect(await axeAll(page)).toEqual([]);
        // Escape puts it away, and the keyboard is back on its toggle.
        await page.focus('#p-politicalRationality');
        await page.keyboard.press('Escape');
        await page.waitForFunction(() => document.body.dataset.sheet === 'closed');
        expect(await page.evaluate(() => document.activeElement?.matches('#drawer > summary'))).toBe(true);
        expect(errors).toEqual([]);
        await page.close();
      });
    }
  }
});

describe('Compare and Experiment', () => {
  for (const [width, height] of SIZES) {
    it(`start on the first screen of their tab, the settings opened before or not (${width} × ${height})`, async () => {
      const { page, errors } = await openSized(browser, server!.base, width, height, '?seed=22');
      const drawer = async () => {
        if (!(await page.getAttribute('#drawer', 'open'))) await page.click('#drawer > summary');
      };
      await drawer();
      await page.evaluate(() => scrollTo(0, 0));
      await page.click('#tab-compare');
      expect((await box(page, '#panel-compare')).top).toBeLessThan(height / 2);
      if (width < 900) {
        await page.click('#drawer > summary');
        await page.waitForFunction(() => document.body.dataset.sheet === 'closed');
      }
      expect((await box(page, '#compare-run')).bottom).toBeLessThanOrEqual(height);
      await page.click('#tab-experiment');
      await page.waitForSelector('#exp-count');
      expect((await box(page, '#experiment')).top).toBeLessThan(height / 2);
      expect((await box(page, '#exp-load')).bottom).toBeLessThanOrEqual(height);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

describe('"How it works"', () => {
  it('opens from the explorer in its language, switches language, and brings the run back as it was', async () => {
    const { page, errors } = await openSized(browser, server!.base, 1280, 720, '?lang=zh&scenario=changsha-2011&seed=3&iv=4:partnership=0.9');
    const explorer = new URL(page.url()).searchParams;
    await page.click('#docs-link');
    await page.waitForURL(/how\.html/);
    expect(await page.isVisible('article[data-lang=zh]')).toBe(true);
    expect(await page.isHidden('article[data-lang=en]')).toBe(true);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('#back')).toBe('← 返回探索页面：长沙 2011：居家养老服务的合作治理');
    await page.click('#langs a[data-lang=en]');
    expect(await page.isVisible('article[data-lang=en]')).toBe(true);
    expect(await page.textContent('#back')).toBe('← Back to the explorer: Changsha 2011: co-governance of home eldercare');
    // The researchers' documentation, and back from it too.
    await page.click('article[data-lang=en] a[href^="model.html"]');
    await page.waitForURL(/model\.html/);
    expect(await page.textContent('h1')).toContain('Involution Lab — the model as built');
    await page.click('a.back');
    await page.waitForSelector('body[data-tick]', { state: 'attached' });
    const back = new URL(page.url()).searchParams;
    // English, chosen on the way: the explorer's default, which its link does not write.
    expect(back.get('lang') ?? 'en').toBe('en');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    for (const key of ['scenario', 'seed', 'iv']) expect(back.get(key), key).toBe(explorer.get(key));
    expect(await page.inputValue('#scenario')).toBe('changsha-2011');
    expect(await page.textContent('#docs-link')).toBe('How it works (what the model is, what to notice, what to try)');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('screenshots at five sizes, in both languages, and axe', () => {
  for (const lang of LANGS) {
    it(`explore, compare, experiment and "How it works" (${lang})`, async () => {
      for (const [width, height] of SIZES) {
        const { page, errors } = await openSized(browser, server!.base, width, height, `?lang=${lang}&seed=23&month=30`);
        await page.waitForFunction(() => document.body.dataset.tick === '30', null, { timeout: 60_000 });
        await page.screenshot({ path: join(SHOTS, `screen-explore-${lang}-${width}x${height}.png`) });
        expect(await axeAll(page), `explore ${width}`).toEqual([]);
        await page.click('#tab-compare');
        await page.screenshot({ path: join(SHOTS, `screen-compare-${lang}-${width}x${height}.png`) });
        expect(await axeAll(page), `compare ${width}`).toEqual([]);
        await page.click('#tab-experiment');
        await page.waitForSelector('#exp-count');
        await page.screenshot({ path: join(SHOTS, `screen-experiment-${lang}-${width}x${height}.png`) });
        expect(await axeAll(page), `experiment ${width}`).toEqual([]);
        await page.goto(`${server!.base}how.html?lang=${lang}&seed=23`);
        await page.screenshot({ path: join(SHOTS, `screen-how-${lang}-${width}x${height}.png`) });
        await page.screenshot({ path: join(SHOTS, `screen-how-full-${lang}-${width}.png`), fullPage: true });
        expect(await axeAll(page), `how ${width}`).toEqual([]);
        expect(errors).toEqual([]);
        await page.close();
      }
    });
  }
});
