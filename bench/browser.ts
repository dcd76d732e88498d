// Responsiveness of the browser explorer in Chromium (the built app under `vite preview`, the same
// set-up as the browser tests: test/browser-setup.ts). It prints, and never fails on slowness:
//  - while playing at the default size (20 000 citizens) and at 1 000 000 citizens: the main
//    thread's long tasks (Long Tasks API: each task over 50 ms; "none" means every task was shorter)
//    and the longest gap between two animation frames;
//  - at 1 000 000 citizens: the pause latency, from the click on Pause until the page is paused
//    (Playwright's click, its actionability checks included), over several pauses.
// The figures depend on the machine and on what else runs on it: the load average is printed.
// `npm run bench:browser` builds the app first.
import os from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openExplorer, startPreview, tick, untilPaused, untilTick } from '../test/browser-setup.ts';

const PAUSES = 5;

interface Watched {
  longTasks: number[];
  maxFrameGap: number;
}

/**
 * From now on, record every long task and the longest gap between animation frames. A string, not
 * a function: tsx would wrap the named functions in a helper that the page does not have.
 */
const WATCH = `{
  const w = window.watched = { longTasks: [], maxFrameGap: 0, on: true };
  new PerformanceObserver((list) => { for (const e of list.getEntries()) w.longTasks.push(e.duration); }).observe({ type: 'longtask' });
  let last = performance.now();
  const frame = (now) => {
    w.maxFrameGap = Math.max(w.maxFrameGap, now - last);
    last = now;
    if (w.on) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}`;
const watch = (page: Page) => page.evaluate(WATCH);

async function watched(page: Page): Promise<Watched> {
  return page.evaluate(() => {
    const w = window as unknown as { watched: Watched & { on: boolean } };
    w.watched.on = false;
    return { longTasks: w.watched.longTasks, maxFrameGap: w.watched.maxFrameGap };
  });
}

const ms = (x: number) => `${x.toFixed(0)} ms`;

/** Play `months` months from month 0 and pause; what the main thread went through meanwhile. */
async function play(browser: Browser, base: string, search: string, months: number): Promise<string> {
  const { page, errors } = await openExplorer(browser, base, search);
  await watch(page);
  const t0 = performance.now();
  await page.click('#play');
  await untilTick(page, months);
  await page.click('#play');
  await untilPaused(page);
  const seconds = (performance.now() - t0) / 1000;
  const { longTasks, maxFrameGap } = await watched(page);
  const played = await tick(page);
  await page.close();
  if (errors.length) throw new Error(`the page logged errors: ${errors.join('; ')}`);
  const longest = longTasks.length ? `longest main-thread task ${ms(Math.max(...longTasks))} (${longTasks.length} over 50 ms)` : 'longest main-thread task under 50 ms (none over 50 ms)';
  return `${longest}; longest gap between frames ${ms(maxFrameGap)}; ${played} months in ${seconds.toFixed(1)} s`;
}

/** Pause latencies at this size: play a few months, then time the click on Pause until the page is paused. */
async function pauses(browser: Browser, base: string, search: string): Promise<number[]> {
  const { page, errors } = await openExplorer(browser, base, search);
  const out: number[] = [];
  for (let i = 0; i < PAUSES; i++) {
    await page.click('#play');
    await untilTick(page, (await tick(page)) + 3);
    const t0 = performance.now();
    await page.click('#play');
    await untilPaused(page);
    out.push(performance.now() - t0);
  }
  await page.close();
  if (errors.length) throw new Error(`the page logged errors: ${errors.join('; ')}`);
  return out;
}

const server = await startPreview();
let browser: Browser | undefined;
try {
  browser = await launchChromium();
  console.log(`Involution Lab explorer in Chromium ${browser.version()} (${os.availableParallelism()} cores, load average ${os.loadavg()[0].toFixed(2)} at start)`);
  console.log(`default size (20 000 citizens), playing:   ${await play(browser, server.base, '', 60)}`);
  console.log(`1 000 000 citizens, playing:               ${await play(browser, server.base, '?citizens=1000000', 12)}`);
  const p = (await pauses(browser, server.base, '?citizens=1000000')).sort((a, b) => a - b);
  console.log(`1 000 000 citizens, pause latency (click to paused, ${PAUSES} pauses): median ${ms(p[p.length >> 1])}, max ${ms(p[p.length - 1])} (${p.map((x) => x.toFixed(0)).join(', ')} ms)`);
  console.log(`load average at end ${os.loadavg()[0].toFixed(2)}`);
} finally {
  await browser?.close();
  server.stop();
}
