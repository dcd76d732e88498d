// Never frozen: the model's worker crashes, hangs or closes, in the explorer and in Compare's pool,
// and the page says so and comes back. Faults are injected by serving the worker's script through a
// wrapper that, at a chosen call, throws, loops for ever or closes the worker. The watchdog's
// allowance is shortened for these pages only (a global the page reads), so that a hang is seen
// soon; no test measures time.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { tick, untilTick, type Preview } from './browser-setup.ts';
import { useExplorer } from './browser-suite.ts';

let server: Preview | undefined;
let browser: Browser;

useExplorer((s, b) => {
  server = s;
  browser = b;
});

type Fault = 'throw' | 'hang' | 'close';
const ACT: Record<Fault, string> = {
  throw: 'throw new Error("injected crash");',
  hang: 'for (;;) {}',
  close: 'self.close();',
};

/**
 * The next `count` loads of the model's worker script get a wrapper that runs the real worker but,
 * at its `at`-th call of `method`, does `fault` instead of answering.
 */
async function inject(page: Page, fault: Fault, method: string, at: number, count: number): Promise<void> {
  let served = 0;
  await page.route(/\/assets\/worker-[^/?]*\.js(\?.*)?$/, (route) => {
    const url = new URL(route.request().url());
    if (url.searchParams.has('real') || served >= count) return route.continue();
    served++;
    // Messages that arrive while the real worker loads are held, then passed on in order.
    const body = `
      const real = new URL(import.meta.url); real.searchParams.set('real', '1');
      let ready = false, calls = 0;
      const held = [];
      self.addEventListener('message', (e) => {
        if (!ready) { e.stopImmediatePropagation(); held.push(e.data); return; }
        const d = e.data;
        if (d && d.type === 'APPLY' && Array.isArray(d.path) && d.path[0] === ${JSON.stringify(method)} && ++calls === ${at}) {
          e.stopImmediatePropagation();
          ${ACT[fault]}
        }
      });
      await import(real.href);
      ready = true;
      for (const data of held) self.dispatchEvent(new MessageEvent('message', { data }));`;
    return route.fulfill({ contentType: 'text/javascript', body });
  });
}

/** A blank page whose watchdog will take a call that has not answered in `ms` for hung. */
async function openWatched(ms: number): Promise<{ page: Page }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript((allowance) => { (window as unknown as { __INVOLUTION_WATCHDOG_MS__: number }).__INVOLUTION_WATCHDOG_MS__ = allowance; }, ms);
  return { page };
}

async function expectRecovery(page: Page, lang: 'en' | 'zh'): Promise<void> {
  const alert = page.locator('#message[role=alert]');
  await alert.waitFor({ state: 'visible', timeout: 60_000 });
  expect(await alert.textContent()).toMatch(lang === 'en' ? /The model stopped.*Press Reset/ : /模型.*请按“重置”/);
  expect(await page.getAttribute('body', 'data-state')).toBe('paused');
  // Play does nothing while the model is lost; Reset brings it back, the interventions kept.
  const month = await tick(page);
  await page.click('#play');
  expect(await page.getAttribute('body', 'data-state')).toBe('paused');
  expect(await tick(page)).toBe(month);
  await page.click('#reset');
  await page.waitForFunction(() => document.body.dataset.tick === '0' && document.getElementById('message')!.hidden, null, { timeout: 60_000 });
  await page.click('#play');
  await untilTick(page, 3);
  await page.click('#play');
  expect(await page.locator('figure[data-view=index] g.marker').count()).toBe(1);
}

describe('a lost model worker', () => {
  it('crashes mid-run: an alert says so, and Reset brings the page back (English)', async () => {
    const { page } = await openWatched(60_000);
    await inject(page, 'throw', 'step', 3, 1);
    await page.goto(`${server!.base}?iv=0:partnership=0.5`);
    await page.waitForSelector('body[data-tick]', { state: 'attached' });
    await page.click('#step');
    await untilTick(page, 1);
    await page.click('#step');
    await untilTick(page, 2);
    await page.click('#step');
    await expectRecovery(page, 'en');
    await page.close();
  });

  it('hangs while playing: an alert says so, and Reset brings the page back (Chinese)', async () => {
    const { page } = await openWatched(3000);
    await inject(page, 'hang', 'step', 4, 1);
    await page.goto(`${server!.base}?lang=zh&iv=0:partnership=0.5`);
    await page.waitForSelector('body[data-tick]', { state: 'attached' });
    await page.click('#play');
    await expectRecovery(page, 'zh');
    await page.close();
  });

  it('closes itself: taken for hung, said, and Reset recovers', async () => {
    const { page } = await openWatched(3000);
    await inject(page, 'close', 'step', 2, 1);
    await page.goto(`${server!.base}?iv=0:partnership=0.5`);
    await page.waitForSelector('body[data-tick]', { state: 'attached' });
    await page.click('#play');
    await expectRecovery(page, 'en');
    await page.close();
  });
});

/**
 * The pool's allowance: long enough that a healthy worker starting up on a loaded machine (the
 * browser test files run side by side on 2 cores) is never taken for hung, short enough that an
 * injected hang is seen well inside the waits below.
 */
const POOL_ALLOWANCE = 12_000;

describe("Compare's pool", () => {
  for (const fault of ['hang', 'close'] as const) {
    it(`survives workers that ${fault === 'hang' ? 'hang' : 'close'}: their runs are retried on fresh workers and every band fills`, async () => {
      const { page } = await openWatched(POOL_ALLOWANCE);
      await page.goto(server!.base);
      await page.waitForSelector('body[data-tick]', { state: 'attached' });
      // The explorer's worker is loaded; the pool's first two workers fail at their first run (after the warm-up).
      await inject(page, fault, 'runRows', 2, 2);
      await page.click('#tab-compare');
      await page.fill('#compare-seeds', '3');
      await page.click('#compare-run');
      await page.waitForFunction(() => /^6 of 6 runs finished$/.test(document.getElementById('compare-progress')!.textContent ?? ''), null, { timeout: 90_000 });
      expect(await page.textContent('figure[data-view=compare] g.legend')).toContain('n=3');
      await page.close();
    });
  }

  it('runs again after every worker of a comparison was lost', async () => {
    const { page } = await openWatched(POOL_ALLOWANCE);
    await page.goto(server!.base);
    await page.waitForSelector('body[data-tick]', { state: 'attached' });
    await inject(page, 'hang', 'runRows', 1, 1000);
    await page.click('#tab-compare');
    await page.fill('#compare-seeds', '1');
    await page.click('#compare-run');
    await page.waitForFunction(() => /2 failed twice/.test(document.getElementById('compare-progress')!.textContent ?? ''), null, { timeout: 90_000 });
    await page.unrouteAll();
    await page.click('#compare-run');
    await page.waitForFunction(() => /^2 of 2 runs finished$/.test(document.getElementById('compare-progress')!.textContent ?? ''), null, { timeout: 90_000 });
    await page.close();
  });
});
