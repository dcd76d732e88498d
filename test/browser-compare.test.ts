// Compare as a researcher steers it: an estimate of the time before Run (in both languages), a
// Cancel that stops the batch before its end and leaves the page usable, results that follow a new
// baseline and are marked stale after any other change, hover read-outs with the band's limits,
// and a share link that brings back the results themselves, not only the settings.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { downloaded, openExplorer, type Preview } from './browser-setup.ts';
import { useExplorer } from './browser-suite.ts';
import { SCENARIOS } from '../scenarios/index.ts';

let server: Preview | undefined;
let browser: Browser;
useExplorer((s, b) => {
  server = s;
  browser = b;
});

const open = (search: string) => openExplorer(browser, server!.base, search);
const title = (id: string, lang: 'en' | 'zh' = 'en') => SCENARIOS.find((s) => s.id === id)!.title[lang];
/** Small, quick runs: 1000 citizens, 24 months. */
const SMALL = 'citizens=1000&ticks=24&tab=compare';

const phase = (page: Page) => page.getAttribute('#panel-compare', 'data-phase');
const untilPhase = (page: Page, p: string) =>
  page.waitForFunction((want) => document.getElementById('panel-compare')!.dataset.phase === want, p, { timeout: 90_000 });
const doneRuns = async (page: Page) => Number(await page.getAttribute('#panel-compare', 'data-done'));

/** The rows of a figure's data table, as shown. */
const tableRows = (page: Page, view: string) =>
  page
    .locator(`figure[data-view=${view}] details table tbody tr`)
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));

/** Hover a fan chart at a month (its axis runs from month 1); the read-out's lines (as test/browser-classroom.test.ts does). */
async function hover(page: Page, view: string, month: number, months: number): Promise<string[]> {
  const zone = page.locator(`figure[data-view=${view}] rect.hover-zone`);
  const box = (await zone.boundingBox())!;
  // Inside the zone at its right edge too (the last month).
  await page.mouse.move(box.x + Math.min(box.width - 1, (box.width * (month - 1)) / Math.max(1, months - 1)), box.y + box.height / 2);
  await page.waitForSelector(`figure[data-view=${view}] g.hover:not([display=none]) g.box`);
  return page.locator(`figure[data-view=${view}] g.hover g.box text`).allTextContents();
}

describe('Compare: before Run', () => {
  const EXPECTED = {
    en: { twenty: /^20 runs: about \d+(\.\d)? (s|min|h) on \d+ workers? of this computer$/, six: /^6 runs: about / },
    zh: { twenty: /^20 次运行：在本机 \d+ 个工作线程上约需 \d+(\.\d)? (秒|分钟|小时)$/, six: /^6 次运行：/ },
  };
  for (const lang of ['en', 'zh'] as const) {
    it(`estimates the comparison's time beside Run, and follows the settings (${lang})`, async () => {
      const { page, errors } = await open(`?lang=${lang}&${SMALL}`);
      // Measured on this browser's workers once the tab is open, then computed for the runs asked for.
      await page.waitForFunction((re) => new RegExp(re).test(document.getElementById('compare-estimate')!.textContent ?? ''), EXPECTED[lang].twenty.source, {
        timeout: 60_000,
      });
      expect(await page.locator('.compare-row #compare-run + #compare-cancel + #compare-estimate').count()).toBe(1);
      await page.fill('#compare-seeds', '3');
      expect(await page.textContent('#compare-estimate')).toMatch(EXPECTED[lang].six);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

describe('Compare: Cancel', () => {
  it('stops the batch before its end, says what was cancelled, and the page runs the next comparison', async () => {
    // 200 runs of 20 000 citizens over 120 months: far longer than the time to click Cancel.
    const { page, errors } = await open('?tab=compare&cmpSeeds=100');
    expect(await page.isHidden('#compare-cancel')).toBe(true);
    await page.click('#compare-run');
    await page.waitForFunction(() => Number(document.getElementById('panel-compare')!.dataset.done) >= 1, null, { timeout: 90_000 });
    expect(await page.isVisible('#compare-cancel')).toBe(true);
    await page.click('#compare-cancel');
    await untilPhase(page, 'cancelled');
    const done = await doneRuns(page);
    expect(done).toBeGreaterThanOrEqual(1);
    expect(done).toBeLessThan(200);
    expect(await page.textContent('#compare-progress')).toBe(
      `Cancelled after ${done} of 200 runs: the charts show only the runs that finished (n in each legend). Run the comparison again for all of them.`,
    );
    // The charts say they hold only some runs; nothing is exported or shared as the comparison.
    expect(await page.textContent('figure[data-view=compare] svg')).toContain(`(${done} of 200 runs)`);
    expect(await page.isDisabled('#compare-export-csv')).toBe(true);
    expect(page.url()).not.toContain('cmpRun');
    expect(await page.isHidden('#compare-cancel')).toBe(true);
    expect(await page.isHidden('#compare-bar')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('compare-run');
    // No run of the cancelled batch finishes afterwards.
    await page.waitForTimeout(2000);
    expect(await doneRuns(page)).toBe(done);
    // The workers are free: a new comparison runs to its end.
    await page.fill('#compare-seeds', '1');
    await page.click('#compare-run');
    await untilPhase(page, 'done');
    expect(await page.textContent('#compare-progress')).toBe('2 of 2 runs finished');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Compare: results that match the controls', () => {
  const TEXT = {
    en: {
      stale: (what: string) => `These results are for the previous settings (changed since: ${what}). Run the comparison again to see the current ones.`,
      outcome: 'outcome',
      seeds: 'seeds',
      settings: 'sidebar settings',
      sep: ', ',
    },
    zh: {
      stale: (what: string) => `这些结果对应的是之前的设置（此后改动了：${what}）。请重新运行比较，查看当前设置的结果。`,
      outcome: '结果指标',
      seeds: '随机种子数',
      settings: '侧栏设置',
      sep: '、',
    },
  };
  for (const lang of ['en', 'zh'] as const) {
    it(`redraws for a new baseline and marks the results stale after a new outcome, seeds or sidebar setting (${lang})`, async () => {
      const { page, errors } = await open(`?lang=${lang}&${SMALL}&cmpSeeds=2`);
      await page.click('#compare-run');
      await untilPhase(page, 'done');
      await expect.poll(() => page.isHidden('#compare-stale')).toBe(true);
      await expect.poll(() => page.url()).toContain('cmpRun=1');
      // The fans are drawn once Plot has loaded (viz/views/fan.ts), which may be just after the last run.
      await page.waitForFunction(
        (want) => document.querySelector('figure[data-view=compare-difference] svg')!.textContent!.includes(want),
        `${title('full-prevention', lang)} − ${title('baseline-involution', lang)}`,
      );
      // The baseline: the same runs, the differences drawn again from them.
      await page.selectOption('#compare-baseline', 'full-prevention');
      await page.waitForFunction(
        (want) => document.querySelector('figure[data-view=compare-difference] svg')!.textContent!.includes(want),
        `${title('baseline-involution', lang)} − ${title('full-prevention', lang)}`,
      );
      await expect.poll(() => page.isHidden('#compare-stale')).toBe(true);
      expect(await page.getAttribute('#panel-compare', 'data-stale')).toBe('false');
      await expect.poll(() => page.url()).toContain('cmpRun=1');
      // The outcome: those runs did not record it; the results say they are the previous ones.
      const before = await page.textContent('figure[data-view=compare] svg');
      await page.selectOption('#compare-metric', 'needsMet');
      await expect.poll(() => page.isVisible('#compare-stale')).toBe(true);
      await expect.poll(() => page.textContent('#compare-stale')).toBe(TEXT[lang].stale(TEXT[lang].outcome));
      await expect.poll(() => page.getAttribute('figure[data-view=compare]', 'class')).toContain('stale');
      await expect.poll(() => page.url()).not.toContain('cmpRun');
      expect(await page.textContent('figure[data-view=compare] svg')).toBe(before);
      await page.fill('#compare-seeds', '3');
      await expect.poll(() => page.textContent('#compare-stale')).toBe(TEXT[lang].stale([TEXT[lang].seeds, TEXT[lang].outcome].join(TEXT[lang].sep)));
      // Back to the settings of the results: current again.
      await page.fill('#compare-seeds', '2');
      await page.selectOption('#compare-metric', 'involutionIndex');
      await expect.poll(() => page.isHidden('#compare-stale')).toBe(true);
      await expect.poll(() => page.getAttribute('figure[data-view=compare]', 'class')).not.toContain('stale');
      await expect.poll(() => page.url()).toContain('cmpRun=1');
      // A setting of the sidebar the runs used (the explorer's run restarts with it): stale too.
      await page.fill('#n-pathDependence', '0.3');
      await page.press('#n-pathDependence', 'Enter');
      await page.waitForFunction(() => document.getElementById('panel-compare')!.dataset.stale === 'true');
      await expect.poll(() => page.textContent('#compare-stale')).toBe(TEXT[lang].stale(TEXT[lang].settings));
      // Run again: the new outcome's results, current.
      await page.selectOption('#compare-metric', 'needsMet');
      await page.click('#compare-run');
      await untilPhase(page, 'done');
      await expect.poll(() => page.isHidden('#compare-stale')).toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

describe('Compare: hover and share', () => {
  it("reads out each line's mean and the limits of its band", async () => {
    const { page } = await open(`?${SMALL}&cmpSeeds=3`);
    await page.click('#compare-run');
    await untilPhase(page, 'done');
    await page.waitForSelector('figure[data-view=compare] rect.hover-zone', { state: 'attached' });
    // At the last month, the data table gives each line's mean and band: the read-out says them.
    for (const view of ['compare', 'compare-difference']) {
      const lines = await hover(page, view, 24, 24);
      const rows = await tableRows(page, view);
      expect(lines[0]).toBe('Month 24');
      expect(lines.length).toBe(1 + 2 * rows.length);
      rows.forEach(([, , mean, lo, hi], i) => {
        expect(lines[1 + 2 * i]).toMatch(new RegExp(`: ${mean.replace(/[.]/g, '\\.')}$`));
        expect(lines[2 + 2 * i]).toBe(`90 % band: ${lo} to ${hi}`);
      });
    }
    await page.close();
  });

  it('brings back the results where the share link is opened, not only the settings', async () => {
    const { page } = await open(`?${SMALL}&cmpSeeds=3&cmpMetric=needsMet`);
    await page.click('#compare-run');
    await untilPhase(page, 'done');
    const link = page.url();
    expect(link).toContain('cmpRun=1');
    const csv = (await downloaded(page, () => page.click('#compare-export-csv'))).text;
    const table = await tableRows(page, 'compare');
    await page.close();
    // The colleague opens the link: no click, the same comparison runs again, the same chart.
    const { page: colleague, errors } = await openExplorer(browser, '', link);
    expect(await colleague.isVisible('#panel-compare')).toBe(true);
    await untilPhase(colleague, 'done');
    expect(await colleague.textContent('#compare-progress')).toBe('6 of 6 runs finished');
    expect(await tableRows(colleague, 'compare')).toEqual(table);
    expect((await downloaded(colleague, () => colleague.click('#compare-export-csv'))).text).toBe(csv);
    expect(colleague.url()).toContain('cmpRun=1');
    expect(errors).toEqual([]);
    await colleague.close();
    // A link of the settings alone runs nothing until asked.
    const { page: settingsOnly } = await openExplorer(browser, '', link.replace('&cmpRun=1', ''));
    await settingsOnly.waitForTimeout(1000);
    expect(await phase(settingsOnly)).toBe('idle');
    await settingsOnly.close();
  });
});
