// Shared by the browser tests (test/browser.test.ts) and the browser benchmark (bench/browser.ts):
// the built app (dist/app/) served by `vite preview` on a free port, Debian's Chromium
// (/usr/bin/chromium) driven by playwright-core, and pages of the explorer.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = join(import.meta.dirname, '..');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Preview {
  /** The app's address, ending in a slash. */
  base: string;
  stop: () => void;
}

/** `vite preview` of the built app on a free port; resolves once it answers, fails if it exits first. */
export async function startPreview(): Promise<Preview> {
  if (!existsSync(join(ROOT, 'dist', 'app', 'index.html'))) throw new Error('the app is not built: run `npm run build:app` first');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}/`;
  // Node runs Vite directly (not through npx), so that killing it leaves no server behind.
  const server = spawn(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: ROOT, stdio: 'ignore' });
  // Also stopped when this process exits (Playwright turns Ctrl-C into an exit), not on kill -9.
  const stop = () => void server.kill();
  process.once('exit', stop);
  let exit: string | undefined;
  server.once('exit', (code, signal) => {
    exit = `code ${code}, signal ${signal}`;
    process.off('exit', stop);
  });
  for (;;) {
    if (exit) throw new Error(`vite preview exited (${exit}) before serving ${base}`);
    try {
      if ((await fetch(base)).ok) break;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, stop };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A page of the explorer at `base + search`, ready (its first month shown), recording console errors and uncaught exceptions. */
export function openExplorer(browser: Browser, base: string, search = ''): Promise<{ page: Page; errors: string[] }> {
  return openSized(browser, base, 1400, 1100, search);
}

/** The month the page shows. */
export const tick = (page: Page) => page.evaluate(() => Number(document.body.dataset.tick));
/** Until the page shows month `n` or later. */
export const untilTick = (page: Page, n: number) => page.waitForFunction((k) => Number(document.body.dataset.tick) >= k, n, { timeout: 60_000 });
/** Until the page is paused (Play/Pause handled, and the state written to body[data-state]). */
export const untilPaused = (page: Page) => page.waitForFunction(() => document.body.dataset.state === 'paused', null, { timeout: 60_000 });

/** A new page at `url` and a given viewport (reduced motion if asked), recording console errors and uncaught exceptions. */
export async function openPage(browser: Browser, url: string, width: number, height: number, reducedMotion?: 'reduce' | 'no-preference'): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height }, acceptDownloads: true, ...(reducedMotion ? { reducedMotion } : {}) });
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { page, errors };
}

/** A page of the explorer at a given viewport (language and anything else in `search`), ready (its first month shown). */
export async function openSized(browser: Browser, base: string, width: number, height: number, search = ''): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(browser, base + search, width, height);
  await opened.page.waitForSelector('body[data-tick]', { state: 'attached' });
  return opened;
}

/** Step one month at a time (each Step click waited for) until month `n`. */
export async function stepTo(page: Page, n: number): Promise<void> {
  while ((await tick(page)) < n) {
    const next = (await tick(page)) + 1;
    // A click while the page is busy (making a new run, its inherited years first) is dropped by
    // design: click again until the month advances.
    for (let tries = 0; ; tries++) {
      await page.click('#step');
      const advanced = await page
        .waitForFunction((k) => Number(document.body.dataset.tick) >= k, next, { timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (advanced) break;
      if (tries === 11) {
        await untilTick(page, next);
        break;
      }
    }
  }
}

/** The text of a download started by `click`. */
export async function downloaded(page: Page, click: () => Promise<unknown>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const { readFileSync } = await import('node:fs');
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

/** Axe-core's violations of the page as it is now: rule, impact, and the first three elements. */
async function axeRun(page: Page): Promise<{ id: string; impact: string; targets: string }[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document);
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ') }));
  });
}

/** Serious and critical axe-core violations of the page as it is now. */
export async function axeViolations(page: Page): Promise<string[]> {
  return (await axeRun(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.targets})`);
}

/** Every axe-core violation of the page as it is now, of any impact (named). */
export async function axeAll(page: Page): Promise<string[]> {
  return (await axeRun(page)).map((v) => `${v.id} [${v.impact}] (${v.targets})`);
}
