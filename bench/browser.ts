// Responsiveness of the browser explorer in Chromium (the built app under `vite preview`, the same
// set-up as the browser tests: test/browser-setup.ts). It prints, and never fails on slowness:
//  - while playing at the default size (20 000 citizens) and at 1 000 000 citizens: the main
//    thread's long tasks (Long Tasks API: each task over 50 ms; "none" means every task was shorter)
//    and the longest gap between two animation frames;
//  - at 1 000 000 citizens: the pause latency, from the click on Pause until the page is paused
//    (Playwright's click, its actionability checks included), over several pauses;
//  - at 1 000 000 citizens and full speed (60 months a second asked): the months a second the page
//    shows, and its main-thread tasks over 50 ms (target: 30 months a second or more, none over 50 ms);
//  - Compare of 4 scenarios × 20 seeds: from the click on Run until all 80 runs are in (target: under
//    3 s on 2 cores).
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

/** Play at full speed for `months` months after a warm-up; months a second and long tasks meanwhile. */
async function fullSpeed(browser: Browser, base: string, search: string, months: number): Promise<string> {
  const { page, errors } = await openExplorer(browser, base, search);
  await page.evaluate(() => { (document.getElementById('speed') as HTMLInputElement).value = '60'; });
  await page.click('#play');
  await untilTick(page, 5);
  await watch(page);
  const from = await tick(page);
  const t0 = performance.now();
  await untilTick(page, from + months);
  const seconds = (performance.now() - t0) / 1000;
  const to = await tick(page);
  await page.click('#play');
  await untilPaused(page);
  const { longTasks } = await watched(page);
  await page.close();
  if (errors.length) throw new Error(`the page logged errors: ${errors.join('; ')}`);
  const rate = (to - from) / seconds;
  const tasks = longTasks.length ? `${longTasks.length} main-thread tasks over 50 ms, longest ${ms(Math.max(...longTasks))}` : 'no main-thread task over 50 ms';
  return `${rate.toFixed(1)} months a second (${to - from} months in ${seconds.toFixed(2)} s; target ≥ 30); ${tasks}`;
}

/** Compare of the first four scenarios × `seeds` seeds: seconds from the click until every run is in. */
async function compareRuns(browser: Browser, base: string, seeds: number): Promise<string> {
  const { page, errors } = await openExplorer(browser, base, '');
  await page.click('#tab-compare');
  const boxes = page.locator('#compare-scenarios input[type=checkbox]');
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).setChecked(i < 4);
  await page.fill('#compare-seeds', String(seeds));
  const total = 4 * seeds;
  const t0 = performance.now();
  await page.click('#compare-run');
  await page.waitForFunction((n) => document.getElementById('compare-progress')!.textContent === `${n} of ${n} runs finished`, total, { timeout: 300_000 });
  const seconds = (performance.now() - t0) / 1000;
  const workers = await page.evaluate(() => Math.max(2, Math.min(4, navigator.hardwareConcurrency || 2)));
  await page.close();
  if (errors.length) throw new Error(`the page logged errors: ${errors.join('; ')}`);
  return `${total} runs in ${seconds.toFixed(2)} s on ${workers} workers (${(total / seconds).toFixed(1)} runs a second; target under 3 s)`;
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
  console.log(`1 000 000 citizens, full speed:           ${await fullSpeed(browser, server.base, '?citizens=1000000', 60)}`);
  console.log(`Compare, 4 scenarios × 20 seeds:          ${await compareRuns(browser, server.base, 20)}`);
  console.log(`load average at end ${os.loadavg()[0].toFixed(2)}`);
} finally {
  await browser?.close();
  server.stop();
}
