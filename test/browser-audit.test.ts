// The smaller defects of the newcomer's audit of release 0.2 (REVIEW.md §2, "Minor"), each held by a
// test that failed before its fix: a copied link said copied only when it was, the blank handout's
// axis, one intervention per keyboard nudge, a tap that keeps the values shown, months counted
// alike by the clock and the charts, the dialog's plurals, world settings kept across scenarios,
// the speed's value, the zero line's label clear of the lines, the tabs inside a landmark, one
// announcement per milestone of a comparison, and a text summary for every chart.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, openExplorer, stepTo, tick, untilPaused, untilTick, type Preview } from './browser-setup.ts';
import { useExplorer } from './browser-suite.ts';
import { sketchRange } from '../viz/views/timeseries.ts';

let server: Preview | undefined;
let browser: Browser;

useExplorer((s, b) => {
  server = s;
  browser = b;
});

const open = (search = '') => openExplorer(browser, server!.base, search);
const search = (page: Page) => new URL(page.url()).searchParams;

describe('Copy link', () => {
  it('on a page without a clipboard (plain http:// on a school server): says it did not copy and offers the link, selected', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    // What a browser gives a page served over plain http:// from another machine: no navigator.clipboard.
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
    await page.goto(`${server!.base}?seed=5`);
    await page.waitForSelector('body[data-tick]', { state: 'attached' });
    await page.click('#share');
    await page.waitForSelector('#share-fallback:not([hidden])');
    expect(await page.textContent('#share-status')).toContain('did not let the page copy');
    expect(await page.textContent('body')).not.toContain('Link copied');
    const field = await page.evaluate(() => {
      const input = document.getElementById('share-url') as HTMLInputElement;
      return { value: input.value, focused: document.activeElement === input, selected: input.selectionEnd! - input.selectionStart! };
    });
    expect(field.value).toBe(page.url());
    expect(field.focused).toBe(true);
    expect(field.selected).toBe(field.value.length);
    await page.close();
  });

  it('with a clipboard: copies the link and says so', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server!.base });
    const page = await context.newPage();
    await page.goto(`${server!.base}?seed=6`);
    await page.waitForSelector('body[data-tick]', { state: 'attached' });
    await page.click('#share');
    await page.waitForFunction(() => document.getElementById('share-status')!.textContent === 'Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
    expect(await page.isHidden('#share-fallback')).toBe(true);
    await context.close();
  });
});

describe('the blank handout', () => {
  it('has an axis with room for the runs (the index, form and substance of any scenario), the same above and below zero', async () => {
    const { page } = await open('?tab=lesson');
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const ticks = (await page.locator('#handout g.y-axis .tick text').allTextContents()).map((s) => Number(s.replace('−', '-')));
    const [lo, hi] = sketchRange(120);
    expect(Math.min(...ticks)).toBeLessThanOrEqual(lo);
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(hi);
    expect(Math.min(...ticks)).toBe(-Math.max(...ticks));
    await page.close();
  });
});

describe('the keyboard', () => {
  it('makes one intervention of a burst of nudges to a slider while the run plays, at the value the keys reached', async () => {
    const { page } = await open('?seed=7');
    await page.evaluate(() => {
      (document.getElementById('speed') as HTMLInputElement).value = '20';
    });
    await page.click('#play');
    await untilTick(page, 3);
    await page.focus('#p-partnership');
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('ArrowRight');
      // Months go by between the presses.
      await page.waitForTimeout(200);
    }
    await page.waitForFunction(
      () => /partnership/.test(new URL(location.href).searchParams.get('iv') ?? '') || document.querySelectorAll('figure[data-view=index] g.marker').length > 0,
      null,
      { timeout: 10_000 },
    );
    await page.click('#play');
    await untilPaused(page);
    const iv = search(page).get('iv') ?? '';
    expect(iv.split(';')).toHaveLength(1);
    expect(iv).toMatch(/^\d+:partnership=0\.15$/);
    expect(await page.locator('figure[data-view=index] g.marker').count()).toBe(1);
    await page.close();
  });
});

describe('a tap on a chart', () => {
  it('shows the values at the month tapped, and they stay when the finger lifts, until a tap elsewhere', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${server!.base}?seed=8`);
    await page.waitForSelector('body[data-tick]', { state: 'attached' });
    await stepTo(page, 6);
    const zone = (await page.locator('figure[data-view=index] rect.hover-zone').boundingBox())!;
    await page.touchscreen.tap(zone.x + zone.width * (3 / 120), zone.y + zone.height / 2);
    await page.waitForTimeout(300);
    expect(await page.getAttribute('figure[data-view=index] g.hover', 'display')).toBeNull();
    expect(await page.locator('figure[data-view=index] g.hover g.box text').first().textContent()).toBe('Month 3');
    await page.touchscreen.tap(5, 5);
    await page.waitForSelector('figure[data-view=index] g.hover[display=none]', { state: 'attached' });
    await context.close();
  });
});

describe('months', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`are counted alike by the clock, the charts' last point, their read-out and their tables (${lang})`, async () => {
      const { page } = await open(`?lang=${lang}&seed=9`);
      await stepTo(page, 5);
      const month = lang === 'en' ? 'Month 5' : '第 5 个月';
      expect(await page.textContent('#clock')).toBe(lang === 'en' ? 'Month 5 of 120' : '第 5 个月 / 共 120 个月');
      // The read-out at the right end of the line: the last point is month 5, as the clock says.
      const zone = (await page.locator('figure[data-view=index] rect.hover-zone').boundingBox())!;
      await page.mouse.move(zone.x + zone.width * (5 / 120), zone.y + zone.height / 2);
      expect(await page.locator('figure[data-view=index] g.hover g.box text').first().textContent()).toBe(month);
      await page.mouse.move(zone.x + zone.width - 1, zone.y + zone.height / 2);
      expect(await page.locator('figure[data-view=index] g.hover g.box text').first().textContent()).toBe(month);
      await page.click('figure[data-view=index] details > summary');
      // The table is built when it opens (its toggle event).
      await page.waitForSelector('figure[data-view=index] details tbody tr');
      const rows = await page.locator('figure[data-view=index] details tbody tr td:first-child').allTextContents();
      expect(rows[0]).toBe('1');
      expect(rows.at(-1)).toBe('5');
      // The summary a screen reader reads says the same month.
      expect(await page.textContent('figure[data-view=index] svg > desc')).toContain(month);
      await page.close();
    });
  }
});

describe('the dialog before dropping interventions', () => {
  it('says "it" for one and "them" for several', async () => {
    const { page } = await open('?seed=10&iv=3:partnership=0.9');
    await page.click('#reset');
    await page.waitForSelector('#confirm[open]');
    expect(await page.locator('#confirm button').allTextContents()).toEqual(['Keep it (apply it again)', 'Drop it', 'Cancel']);
    await page.click('#confirm [data-choice=cancel]');
    await page.close();
    const { page: two } = await open('?seed=10&iv=3:partnership=0.9;5:serviceOrientation=0.5');
    await two.click('#reset');
    await two.waitForSelector('#confirm[open]');
    expect(await two.locator('#confirm button').allTextContents()).toEqual(['Keep them (apply them again)', 'Drop them', 'Cancel']);
    await two.close();
  });
});

describe('a change of scenario', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`keeps the world's size and the run's length, and says what it keeps and what it does not carry over (${lang})`, async () => {
      const { page } = await open(`?lang=${lang}&seed=11&citizens=3000&ticks=60&pathDependence=0.3`);
      await page.selectOption('#scenario', 'full-prevention');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('scenario') === 'full-prevention');
      const q = search(page);
      expect(q.get('citizens')).toBe('3000');
      expect(q.get('ticks')).toBe('60');
      expect(q.has('pathDependence')).toBe(false);
      expect(await page.inputValue('#n-citizens')).toBe('3000');
      const note = await page.textContent('#scenario-note');
      expect(note).toContain(lang === 'en' ? 'Kept for this scenario: Citizens 3000, Months 60.' : '新情景沿用：居民人数 3000、月数 60。');
      expect(note).toContain(
        lang === 'en' ? 'Not carried over (a scenario starts from its own settings): Path dependence 0.3.' : '未沿用（新情景从自己的设定开始）：路径依赖 0.3。',
      );
      expect(await page.textContent('#clock')).toBe(lang === 'en' ? 'Month 0 of 60' : '第 0 个月 / 共 60 个月');
      // Said until the next change of settings.
      await page.fill('#seed', '12');
      await page.press('#seed', 'Enter');
      await page.waitForSelector('#scenario-note', { state: 'hidden' });
      await page.close();
    });
  }
});

describe('the speed control', () => {
  it('shows its value, and says so to a screen reader', async () => {
    const { page } = await open('?seed=12');
    expect(await page.textContent('#speed-value')).toBe('12 a second');
    await page.fill('#speed', '30');
    expect(await page.textContent('#speed-value')).toBe('30 a second');
    expect(await page.getAttribute('#speed', 'aria-valuetext')).toBe('30 a second');
    await page.close();
  });
});

describe("the zero line's label", () => {
  it('is never crossed by a line, and is drawn over them', async () => {
    // Runs whose lines end near zero at the right: where the label was.
    for (const scenario of ['proportional-growth', 'baseline-involution']) {
      const { page } = await open(`?scenario=${scenario}&seed=1&month=120`);
      await page.waitForFunction(() => document.body.dataset.tick === '120', null, { timeout: 60_000 });
      const crossed = await page.evaluate(() => {
        const svg = document.querySelector('figure[data-view=index] svg') as SVGSVGElement;
        const label = svg.querySelector('text.zero-label') as SVGTextElement;
        const box = label.getBBox();
        const inside = (p: DOMPoint) => p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height;
        let n = 0;
        for (const path of svg.querySelectorAll<SVGPathElement>('path.line')) {
          const length = path.getTotalLength();
          for (let s = 0; s <= length; s += 1) if (inside(path.getPointAtLength(s))) n++;
        }
        const after = [...svg.querySelectorAll('path.line')].every((p) => p.compareDocumentPosition(label) & Node.DOCUMENT_POSITION_FOLLOWING);
        return { n, after };
      });
      expect(crossed, scenario).toEqual({ n: 0, after: true });
      await page.close();
    }
  });
});

describe('landmarks and live regions', () => {
  it('has the tabs inside a landmark: axe finds no region violation, of any impact', async () => {
    const { page } = await open('?seed=13');
    await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
    const region = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { nodes: { target: string[] }[] }[] }> } }).axe;
      const r = await axe.run(document, { runOnly: ['region'] });
      return r.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')));
    });
    expect(region).toEqual([]);
    await page.close();
  });

  it('announces a comparison at its milestones, not at every finished run', async () => {
    const { page } = await open('?seed=14&citizens=1000&ticks=12&tab=compare&cmpSeeds=10');
    await page.evaluate(() => {
      const w = window as unknown as { said: string[] };
      w.said = [];
      const live = [
        ...document.querySelectorAll('#panel-compare [aria-live], #panel-compare [role=status], #panel-compare [role=alert], #panel-compare [role=log]'),
      ].filter((e) => e.getAttribute('aria-live') !== 'off');
      for (const e of live) new MutationObserver(() => w.said.push(e.textContent ?? '')).observe(e, { childList: true, characterData: true, subtree: true });
    });
    await page.click('#compare-run');
    await page.waitForFunction(() => document.getElementById('panel-compare')!.dataset.phase === 'done', null, { timeout: 120_000 });
    const said = await page.evaluate(() => (window as unknown as { said: string[] }).said.filter(Boolean));
    // 20 runs finished; said: the start, three quarters, the end (and nothing twice).
    expect(Number(await page.getAttribute('#panel-compare', 'data-done'))).toBe(20);
    expect(said.length).toBeLessThanOrEqual(6);
    expect(said.at(-1)).toBe('20 of 20 runs finished');
    await page.close();
  });
});

describe("the charts' text summaries", () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`say in words what each chart shows, for a screen reader (${lang})`, async () => {
      const { page, errors } = await open(`?lang=${lang}&seed=15`);
      await stepTo(page, 4);
      const desc = await page.evaluate(() =>
        Object.fromEntries(
          [...document.querySelectorAll('#views figure')].map((f) => [(f as HTMLElement).dataset.view, f.querySelector('svg > desc')?.textContent ?? '']),
        ),
      );
      const monitor = Number((await page.textContent('#mon-involutionIndex'))!.replace('+', '').replace('−', '-'));
      expect(desc.index).toContain(lang === 'en' ? 'Month 4: involution index ' : '第 4 个月：内卷化指数 ');
      const said = Number(/(?:involution index|内卷化指数) (-?[\d.e-]+)/.exec(desc.index)![1]);
      expect(Math.abs(said - monitor)).toBeLessThanOrEqual(0.005);
      expect(desc['form-substance'].split(lang === 'en' ? ', ' : '、')).toHaveLength(6);
      expect(desc.sos).toMatch(lang === 'en' ? /^\d+ registered SOs: \d+ affiliated/ : /^已登记社会组织 \d+ 家/);
      expect(desc.network).toMatch(lang === 'en' ? /^\d+ contracts are running, held by \d+ SOs: / : /^目前有 \d+ 份合同在执行/);
      expect(desc.map).toMatch(lang === 'en' ? /^Needs met in the 48 communities: from \d+ % to \d+ %/ : /^48 个社区的需求满足率/);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('has no chart without one, once its data is in (axe: every role=img named and described)', async () => {
    const { page } = await open('?seed=16');
    await stepTo(page, 2);
    const missing = await page.evaluate(() =>
      [...document.querySelectorAll('svg[role=img]')]
        .filter((s) => !s.querySelector(':scope > desc')?.textContent)
        .map((s) => s.closest('figure')?.getAttribute('data-view')),
    );
    expect(missing).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await tick(page)).toBe(2);
    await page.close();
  });
});
