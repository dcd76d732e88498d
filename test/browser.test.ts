// The browser explorer in real Chromium (Debian's /usr/bin/chromium, driven by playwright-core),
// against the built app served by `vite preview`. Screenshots of each view go to artifacts/.
// Behaviour only: no wall-clock bound (how long tasks and pauses take is `npm run bench:browser`).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ROOT, openExplorer, tick, untilPaused, untilTick, type Preview } from './browser-setup.ts';
import { SHOTS, useExplorer } from './browser-suite.ts';
import { EXPLORE_VIEWS } from '../viz/views/list.ts';

let server: Preview | undefined;
let browser: Browser;

useExplorer((s, b) => {
  server = s;
  browser = b;
});

/** A page that records console errors and uncaught exceptions. */
const open = (search = '') => openExplorer(browser, server!.base, search);

/** Until the page has loaded every resource and drawn two more frames (its frame loop has run). */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

const indexPath = (page: Page) => page.getAttribute('figure[data-view=index] path.line', 'd');

describe('the explorer', () => {
  it('loads the default scenario with no console error, ready to run', async () => {
    const { page, errors } = await open();
    expect(await page.inputValue('#scenario')).toBe('baseline-involution');
    expect(await page.textContent('#play')).toBe('Play');
    expect(await page.locator('#views figure').count()).toBe(5);
    await settled(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('plays the default scenario: Play becomes Pause and the charts change', async () => {
    const { page, errors } = await open();
    const before = await indexPath(page);
    await page.click('#play');
    expect(await page.textContent('#play')).toBe('Pause');
    await untilTick(page, 24);
    await page.click('#play');
    expect(await page.textContent('#play')).toBe('Play');
    expect(await indexPath(page)).not.toBe(before);
    expect(await page.locator('figure[data-view=sos] path.so').count()).toBeGreaterThan(10);
    expect(await page.locator('figure[data-view=network] path.contract').count()).toBeGreaterThan(10);
    await page.screenshot({ path: join(SHOTS, 'explore.png'), fullPage: true });
    for (const { name } of EXPLORE_VIEWS) {
      // Every view draws something, and is looked at.
      expect(await page.locator(`figure[data-view=${name}] svg *`).count(), name).toBeGreaterThan(10);
      await page.locator(`figure[data-view=${name}]`).screenshot({ path: join(SHOTS, `view-${name}.png`) });
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('steps exactly one month per Step', async () => {
    const { page } = await open();
    await page.click('#step');
    await untilTick(page, 1);
    expect(await tick(page)).toBe(1);
    await page.click('#step');
    await untilTick(page, 2);
    expect(await tick(page)).toBe(2);
    await page.close();
  });

  it('marks an intervention on every time axis', async () => {
    const { page } = await open();
    for (let i = 0; i < 6; i++) await page.click('#step');
    await untilTick(page, 6);
    await page.locator('#p-partnership').fill('0.9');
    await page.waitForSelector('figure[data-view=index] g.marker');
    expect(await page.locator('figure[data-view=form-substance] g.marker').count()).toBe(1);
    expect(await page.textContent('figure[data-view=index] g.marker text')).toBe('1');
    expect(await page.textContent('figure[data-view=index] g.mark-legend')).toContain('Partnership 0.9');
    expect(page.url()).toContain('iv=6%3Apartnership%3D0.9');
    await page.close();
  });

  it('marks a scenario’s scheduled change', async () => {
    const { page } = await open('?scenario=reform-at-year-3');
    expect(await page.locator('figure[data-view=index] g.marker').count()).toBe(1);
    await page.close();
  });

  it('stays responsive while playing: a click on another control is handled and the months go on', async () => {
    // 2400 months: the run cannot reach its end (and stop by itself) while the test looks at it.
    const { page, errors } = await open('?ticks=2400');
    expect(await page.inputValue('#p-ticks')).toBe('2400');
    await page.click('#play');
    await untilTick(page, 20);
    await page.selectOption('#lang', 'zh');
    await page.waitForFunction(() => document.querySelector('header h1')?.textContent === '内卷实验室');
    expect(await page.textContent('#play')).toBe('暂停');
    const month = await tick(page);
    await untilTick(page, month + 12);
    await page.click('#play');
    await untilPaused(page);
    expect(await page.textContent('#play')).toBe('运行');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stays usable at 1 000 000 citizens: it plays, and pauses when asked', async () => {
    const { page, errors } = await open('?citizens=1000000');
    expect(await page.inputValue('#p-citizens')).toBe('1000000');
    await page.click('#play');
    expect(await page.textContent('#play')).toBe('Pause');
    await untilTick(page, 12);
    await page.click('#play');
    await untilPaused(page);
    expect(await page.textContent('#play')).toBe('Play');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('compare', () => {
  it('fills mean and 90 % bands as runs finish, and the paired difference', async () => {
    const { page, errors } = await open();
    await page.click('#tab-compare');
    await page.fill('#compare-seeds', '4');
    await page.click('#compare-run');
    await page.waitForFunction(() => /8 of 8/.test(document.getElementById('compare-progress')!.textContent ?? ''), null, { timeout: 60_000 });
    // The fans are the report's (lab/charts, Plot: a band is an area of a g.band), drawn once Plot's chunk has loaded.
    await page.waitForFunction(() => document.querySelectorAll('figure[data-view=compare] g.band path').length >= 2, null, { timeout: 60_000 });
    expect(await page.locator('figure[data-view=compare] g.band path').count()).toBe(2);
    expect(await page.locator('figure[data-view=compare-difference] g.band path').count()).toBe(1);
    expect(await page.textContent('figure[data-view=compare] g.legend')).toContain('n=4');
    await page.screenshot({ path: join(SHOTS, 'compare.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  /** Serve the next `crashes` loads of the model's worker script as a worker that dies at once. */
  async function crashWorkers(page: Page, crashes: number): Promise<void> {
    let served = 0;
    await page.route(/\/assets\/worker-[^/]*\.js$/, (route) =>
      served++ < crashes ? route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("injected crash");' }) : route.continue());
  }

  it('survives crashed workers: their runs are retried on fresh workers and every band still fills', async () => {
    const { page } = await open();
    // The explorer's own worker is loaded; the compare pool's first two workers will crash.
    await crashWorkers(page, 2);
    await page.click('#tab-compare');
    await page.fill('#compare-seeds', '3');
    await page.click('#compare-run');
    await page.waitForFunction(() => /^6 of 6 runs finished$/.test(document.getElementById('compare-progress')!.textContent ?? ''), null, { timeout: 60_000 });
    expect(await page.textContent('figure[data-view=compare] g.legend')).toContain('n=3');
    await page.close();
  });

  it('leaves out runs that fail twice, says so, and does not hang', async () => {
    const { page } = await open();
    await crashWorkers(page, 1000);
    await page.click('#tab-compare');
    await page.fill('#compare-seeds', '2');
    await page.click('#compare-run');
    await page.waitForFunction(() => /4 failed twice/.test(document.getElementById('compare-progress')!.textContent ?? ''), null, { timeout: 60_000 });
    expect(await page.textContent('#compare-progress')).toBe('0 of 4 runs finished; 4 failed twice (their worker crashed or stopped answering) and are left out');
    await page.close();
  });
});

describe('sharing', () => {
  it('round-trips scenario, seed and changed parameters through the URL', async () => {
    const { page } = await open('?scenario=full-prevention&seed=7&pathDependence=0.3');
    expect(await page.inputValue('#scenario')).toBe('full-prevention');
    expect(await page.inputValue('#seed')).toBe('7');
    expect(await page.inputValue('#p-pathDependence')).toBe('0.3');
    await page.selectOption('#scenario', 'money-alone');
    await page.waitForFunction(() => location.search.includes('money-alone'));
    const url = page.url();
    expect(url).toContain('seed=7');
    const again = await open(new URL(url).search);
    expect(await again.page.inputValue('#scenario')).toBe('money-alone');
    expect(await again.page.inputValue('#seed')).toBe('7');
    await page.close();
    await again.page.close();
  });

  it('lets a colleague who opens the shared link see the same run, interventions included', async () => {
    const exportRun = async (page: Page) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
      return readFileSync((await download.path())!, 'utf8');
    };
    const stepTo = async (page: Page, n: number) => {
      while ((await tick(page)) < n) {
        const next = (await tick(page)) + 1;
        await page.click('#step');
        await untilTick(page, next);
      }
    };
    const { page } = await open('?scenario=baseline-involution&seed=3&politicalRationality=0.6');
    await stepTo(page, 5);
    await page.locator('#p-partnership').fill('0.9');
    await stepTo(page, 12);
    const mine = await exportRun(page);
    await page.click('#share');
    const colleague = await open(new URL(page.url()).search);
    await stepTo(colleague.page, 12);
    expect(await colleague.page.locator('figure[data-view=index] g.marker').count()).toBe(1);
    expect(await exportRun(colleague.page)).toBe(mine);
    expect(JSON.parse(mine).manifest.schedule).toEqual([{ tick: 5, set: { partnership: 0.9 } }]);
    await page.close();
    await colleague.page.close();
  });

  it('reports a bad URL value, falls back to the default, and never inserts it as HTML', async () => {
    const { page, errors } = await open('?seed=abc&partnership=5&scenario=%3Cimg%20src%3Dx%20onerror%3D%22window.hacked%3D1%22%3E');
    expect(await page.isVisible('#message')).toBe(true);
    const text = await page.textContent('#message');
    expect(text).toContain('seed "abc"');
    expect(text).toContain('partnership = 5');
    expect(await page.inputValue('#scenario')).toBe('baseline-involution');
    expect(await page.inputValue('#seed')).toBe('1');
    expect(await page.locator('#message img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
    // The message is in the page's language, and follows the language switch.
    const zh = await open('?lang=zh&seed=abc&partnership=5');
    expect(await zh.page.textContent('#message')).toContain('种子“abc”必须是 [0, 4294967295] 中的整数');
    expect(await zh.page.textContent('#message')).toContain('partnership = 5 不被允许：必须是[0, 1] 中的数');
    await zh.page.selectOption('#lang', 'en');
    expect(await zh.page.textContent('#message')).toContain('partnership = 5 is not allowed: must be a number in [0, 1]');
    await zh.page.close();
  });

  it('exports JSON equal, to the bit, to the CLI’s run --format json', async () => {
    const { page } = await open('?scenario=baseline-involution&seed=5');
    for (let i = 0; i < 24; i++) {
      await page.click('#step');
      await untilTick(page, i + 1);
    }
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    const exported = readFileSync((await download.path())!, 'utf8');
    const cli = spawnSync('node', [join(ROOT, 'bin', 'involution-lab.mjs'), 'run', '--scenario', 'baseline-involution', '--seed', '5', '--ticks', '24'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(JSON.parse(exported).series).toEqual(JSON.parse(cli.stdout).series);
    expect(exported).toBe(cli.stdout);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    const cliCsv = spawnSync('node', [join(ROOT, 'bin', 'involution-lab.mjs'), 'run', '--scenario', 'baseline-involution', '--seed', '5', '--ticks', '24', '--format', 'csv'], { encoding: 'utf8' });
    expect(csvText).toBe(cliCsv.stdout);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('figure[data-view=index] .fig-tools button:nth-child(1)')]);
    expect(readFileSync((await svg.path())!, 'utf8')).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('figure[data-view=index] .fig-tools button:nth-child(2)')]);
    expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');
    await page.close();
  });
});

describe('classroom', () => {
  it('switches language with the visible control and with ?lang=zh', async () => {
    const { page } = await open();
    // Parameters by their plain names, with the registry's identifier beside them.
    expect(await page.textContent('label[for=p-pathDependence]')).toMatch(/^Path dependence pathDependence/);
    // The switch lists every catalog of viz/i18n/messages/, each language by its own name.
    const files = readdirSync(join(ROOT, 'viz', 'i18n', 'messages')).filter((f) => f.endsWith('.json'));
    const options = await page.locator('#lang option').evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent, lang: o.getAttribute('lang') })));
    expect(options.map((o) => o.value).sort()).toEqual(files.map((f) => f.replace(/\.json$/, '')).sort());
    for (const o of options) {
      const catalog = JSON.parse(readFileSync(join(ROOT, 'viz', 'i18n', 'messages', `${o.value}.json`), 'utf8'));
      expect(o).toEqual({ value: o.value, text: catalog._language, lang: catalog._locale });
    }
    expect(await page.inputValue('#lang')).toBe('en');
    await page.selectOption('#lang', 'zh');
    expect(await page.textContent('header h1')).toBe('内卷实验室');
    expect(await page.textContent('label[for=p-pathDependence]')).toMatch(/^路径依赖 pathDependence/);
    expect(await page.textContent('#play')).toBe('运行');
    expect(page.url()).toContain('lang=zh');
    await page.screenshot({ path: join(SHOTS, 'explore-zh.png'), fullPage: true });
    await page.selectOption('#lang', 'en');
    expect(await page.textContent('header h1')).toBe('Involution Lab');
    const zh = await open('?lang=zh');
    expect(await zh.page.textContent('label[for=scenario]')).toBe('情景');
    expect(await zh.page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.close();
    await zh.page.close();
  });

  it('guides a lesson: predict, run, explain', async () => {
    const { page } = await open();
    expect(await page.textContent('#teaching')).toContain('All four causes are strong');
    await page.click('#tab-lesson');
    // The scenario's explanation would give the answer away: withheld until the student asks for it.
    expect(await page.textContent('#teaching')).toMatch(/withheld during the lesson/);
    await page.check('input[name=prediction-0][value=rise]');
    await page.click('#lesson button:has-text("Next")');
    expect(await page.textContent('#teaching')).not.toContain('All four causes are strong');
    await page.click('#lesson button:has-text("Run it and watch")');
    await page.waitForSelector('#lesson-why', { timeout: 60_000 });
    await page.waitForSelector('#lesson .verdicts .feedback', { timeout: 60_000 });
    expect(await page.textContent('#teaching')).not.toContain('All four causes are strong');
    // Judged on the mean of 20 runs; the student's own run placed among them.
    const verdict = (await page.textContent('#lesson .verdicts'))!;
    expect(verdict).toMatch(/Over the 20 runs the mean is [+−]\d\.\d\d; 9 runs in 10 end between/);
    expect(verdict).toMatch(/An index of [+−]\d\.\d\d means that since the first year form grew about \d\.\d times as much as substance/);
    expect(verdict).toContain('Your run (seed 1) ends at');
    expect(await page.locator('#lesson figure[data-view=lesson-prediction-0] svg path.line').count()).toBe(2);
    expect(await page.locator('#lesson figure[data-view=lesson-prediction-0] svg path.band').count()).toBe(1);
    expect(await page.locator('#lesson figure[data-view=lesson-form-substance] svg path.line').count()).toBe(6);
    await page.fill('#lesson-why', 'Money grows but nothing real changes.');
    await page.click('#lesson button:has-text("Show the model’s explanation")');
    expect(await page.textContent('#lesson')).toContain('All four causes are strong');
    expect(await page.textContent('#teaching')).toContain('All four causes are strong');
    await page.screenshot({ path: join(SHOTS, 'lesson.png'), fullPage: true });
    await page.close();
  });
});

describe('accessibility', () => {
  it('is operable by keyboard alone', async () => {
    const { page } = await open();
    await page.focus('#play');
    await page.keyboard.press('Enter');
    await untilTick(page, 3);
    await page.keyboard.press('Enter');
    expect(await page.textContent('#play')).toBe('Play');
    await page.focus('#tab-explore');
    await page.keyboard.press('ArrowRight');
    expect(await page.getAttribute('#tab-compare', 'aria-selected')).toBe('true');
    expect(await page.isVisible('#panel-compare')).toBe(true);
    await page.focus('#p-partnership');
    expect(await page.isVisible('#h-partnership')).toBe(true);
    await page.close();
  });

  it('has no serious or critical axe-core violation in any panel', async () => {
    const { page } = await open();
    await page.addScriptTag({ path: join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
    for (const tab of ['#tab-explore', '#tab-compare', '#tab-lesson']) {
      await page.click(tab);
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
        const r = await axe.run(document);
        return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations, tab).toEqual([]);
    }
    await page.close();
  });
});
