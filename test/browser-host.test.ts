// Any host: the built app served from a sub-path by a plain static file server (as a school's
// website would serve a copied folder), and opened straight from disk.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ROOT, launchChromium, untilTick } from './browser-setup.ts';

const APP = join(ROOT, 'dist', 'app');
const SUB = '/schools/our-school/involution-lab/';
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

let browser: Browser;
let server: Server;
let base = '';
/** Every path asked of the static server. */
const asked: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  // Files under SUB only, as a static host serves a folder; anything else is 404.
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
    asked.push(path);
    const rel = path.startsWith(SUB) ? normalize(path.slice(SUB.length) || 'index.html') : null;
    const file = rel && !rel.startsWith('..') ? join(APP, rel.endsWith('/') ? `${rel}index.html` : rel) : null;
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}${SUB}`;
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

describe('the built app on any host', () => {
  it('runs from a sub-path of a plain static server, asking nothing outside it', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(base);
    await page.waitForSelector('body[data-tick="0"]', { state: 'attached' });
    await page.click('#play');
    await untilTick(page, 6);
    await page.click('#play');
    expect(errors).toEqual([]);
    expect(asked.filter((p) => !p.startsWith(SUB))).toEqual([]);
    // "How it works" and the model's documentation are part of the build, beside the page.
    const how = await page.request.get(new URL((await page.getAttribute('#docs-link', 'href'))!, page.url()).href);
    expect(how.status()).toBe(200);
    expect(await how.text()).toContain('<h1 id="en-how-involution-lab-works">How Involution Lab works</h1>');
    const docs = await page.request.get(new URL('model.html', page.url()).href);
    expect(docs.status()).toBe(200);
    const odd = await docs.text();
    expect(odd).toMatch(/<h1 id="[^"]*">Involution Lab — the model as built/);
    // The ODD's pointers lead to the pages that hold the rest, built beside it.
    expect(odd).toContain('<a href="calibration.html#the-calibration-of-the-model">');
    for (const [name, heading] of [['calibration', 'The calibration of the model'], ['validation', 'Known limits'], ['model-changes', 'What changed in 2.1 and why']]) {
      expect(odd).toContain(`<a href="${name}.html`);
      const other = await page.request.get(new URL(`${name}.html`, page.url()).href);
      expect(other.status()).toBe(200);
      expect(await other.text()).toContain(heading);
    }
    await page.close();
  });

  it('says, in both languages, that it needs a web server when opened from disk', async () => {
    const page = await browser.newPage();
    await page.goto(`file://${join(APP, 'index.html')}`);
    const warning = page.locator('#file-warning[role=alert]');
    await warning.waitFor({ state: 'visible' });
    expect(await warning.textContent()).toContain('needs a web server');
    expect(await warning.textContent()).toContain('python3 -m http.server 8000');
    expect(await warning.textContent()).toContain('需要通过网络服务器打开');
    expect(await page.isVisible('.app')).toBe(false);
    await page.close();
  });
});
