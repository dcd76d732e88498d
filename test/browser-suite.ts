// The preview server and Chromium that a browser test file shares: started before its tests, closed
// after them. Kept apart from browser-setup.ts, which the benchmark imports outside vitest.
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, startPreview, type Preview } from './browser-setup.ts';

/** Start both before the file's tests (after `before`, if given); `ready` receives them. */
export function useExplorer(ready: (server: Preview, browser: Browser) => void, before?: () => void): void {
  let server: Preview | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    before?.();
    server = await startPreview();
    browser = await launchChromium();
    ready(server, browser);
  });
  afterAll(async () => {
    await browser?.close();
    server?.stop();
  });
}
