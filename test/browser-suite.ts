// The preview server and Chromium that a browser test file shares: started before its tests, closed
// after them. Kept apart from browser-setup.ts, which the benchmark imports outside vitest.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, ROOT, startPreview, type Preview } from './browser-setup.ts';

/** Where browser tests leave their screenshots (made before the tests run). */
export const SHOTS = join(ROOT, 'artifacts', 'screenshots');

/** Start both before the file's tests; `ready` receives them. */
export function useExplorer(ready: (server: Preview, browser: Browser) => void): void {
  let server: Preview | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startPreview();
    browser = await launchChromium();
    ready(server, browser);
  });
  afterAll(async () => {
    await browser?.close();
    server?.stop();
  });
}
