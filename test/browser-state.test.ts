// Honest state: what the page shows is what the run applied, and the share link restores exactly
// the run on screen; nothing is dropped without asking; bad input is refused with a message that
// names the field, the value and what is allowed, and loses nothing.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ROOT, downloaded, openExplorer, stepTo, tick, untilTick, type Preview } from './browser-setup.ts';
import { useExplorer } from './browser-suite.ts';

let server: Preview | undefined;
let browser: Browser;
const TMP = mkdtempSync(join(tmpdir(), 'involution-state-'));

useExplorer((s, b) => {
  server = s;
  browser = b;
});

const open = (search = '') => openExplorer(browser, server!.base, search);
const exportJson = async (page: Page) => (await downloaded(page, () => page.click('#export-json'))).text;
const search = (page: Page) => new URL(page.url()).searchParams;
/** Change a parameter through its number box, as a user types it. */
async function typeValue(page: Page, name: string, value: string): Promise<void> {
  await page.fill(`#n-${name}`, value);
  await page.press(`#n-${name}`, 'Enter');
  await page.locator(`#n-${name}`).blur();
}
/** Open the settings drawer if a small screen has it closed. */
const openDrawer = (page: Page) => page.evaluate(() => { (document.getElementById('drawer') as HTMLDetailsElement).open = true; });

describe('world parameters changed mid-run', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`are shown as pending, kept out of the link, and applied by Reset (${lang})`, async () => {
      const { page } = await open(`?lang=${lang}&seed=2`);
      await stepTo(page, 3);
      await typeValue(page, 'citizens', '30000');
      await page.waitForSelector('#pending-citizens:not([hidden])');
      expect(await page.textContent('#pending-citizens')).toBe(lang === 'en' ? 'Changed: applies on Reset' : '已修改：重置后生效');
      expect(await page.isVisible('#pending')).toBe(true);
      expect(await page.inputValue('#n-citizens')).toBe('30000');
      // The run goes on in its own world, and the link says so.
      await stepTo(page, 4);
      expect(search(page).has('citizens')).toBe(false);
      expect(JSON.parse(await exportJson(page)).manifest.params.citizens).toBe(20000);
      await page.click('#reset');
      await page.waitForFunction(() => document.body.dataset.tick === '0' && new URL(location.href).searchParams.get('citizens') === '30000');
      expect(await page.isHidden('#pending-citizens')).toBe(true);
      await stepTo(page, 1);
      expect(JSON.parse(await exportJson(page)).manifest.params.citizens).toBe(30000);
      await page.close();
    });
  }
});

describe('interventions', () => {
  it('Reset and a new seed ask before dropping them: keep, drop or cancel', async () => {
    const { page } = await open('?seed=4');
    await stepTo(page, 3);
    await page.locator('#p-partnership').fill('0.9');
    await page.waitForSelector('figure[data-view=index] g.marker');
    await stepTo(page, 5);
    await page.click('#reset');
    await page.waitForSelector('#confirm[open]');
    expect(await page.textContent('#confirm')).toContain('Month 3: Partnership 0.9');
    await page.click('#confirm [data-choice=cancel]');
    expect(await tick(page)).toBe(5);
    expect(search(page).get('iv')).toBe('3:partnership=0.9');
    await page.click('#reset');
    await page.click('#confirm [data-choice=keep]');
    await page.waitForFunction(() => document.body.dataset.tick === '0');
    expect(await page.locator('figure[data-view=index] g.marker').count()).toBe(1);
    expect(search(page).get('iv')).toBe('3:partnership=0.9');
    // A new seed: cancel puts the seed back; drop starts the new seed with no intervention.
    await page.fill('#seed', '9');
    await page.press('#seed', 'Enter');
    await page.waitForSelector('#confirm[open]');
    await page.click('#confirm [data-choice=cancel]');
    // The seed is put back when the dialog's close event has been handled (a task after it closes).
    await page.waitForFunction(() => (document.getElementById('seed') as HTMLInputElement).value === '4');
    expect(search(page).get('seed')).toBe('4');
    await page.fill('#seed', '9');
    await page.press('#seed', 'Enter');
    await page.click('#confirm [data-choice=drop]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('seed') === '9');
    // The chart is redrawn for the new run a frame after the address changes.
    await page.waitForFunction(() => document.querySelectorAll('figure[data-view=index] g.marker').length === 0);
    expect(await page.locator('figure[data-view=index] g.marker').count()).toBe(0);
    expect(search(page).has('iv')).toBe(false);
    await page.close();
  });

  it('undo takes back the last one: the run is the one without it, at the same month', async () => {
    const { page } = await open('?seed=5');
    await stepTo(page, 3);
    await page.locator('#p-partnership').fill('0.9');
    await page.waitForSelector('figure[data-view=index] g.marker');
    await stepTo(page, 6);
    await page.locator('#p-serviceOrientation').fill('0.5');
    await page.waitForFunction(() => document.querySelectorAll('figure[data-view=index] g.marker').length === 2);
    await stepTo(page, 8);
    expect(await page.isEnabled('#undo')).toBe(true);
    await page.click('#undo');
    await page.waitForFunction(() => document.querySelectorAll('figure[data-view=index] g.marker').length === 1);
    expect(await tick(page)).toBe(8);
    expect(search(page).get('iv')).toBe('3:partnership=0.9');
    const undone = await exportJson(page);
    const fresh = await open('?seed=5&iv=3:partnership=0.9&month=8');
    expect(await tick(fresh.page)).toBe(8);
    expect(await exportJson(fresh.page)).toBe(undone);
    await page.click('#undo');
    await page.waitForFunction(() => document.querySelectorAll('figure[data-view=index] g.marker').length === 0);
    expect(await page.isDisabled('#undo')).toBe(true);
    await page.close();
    await fresh.page.close();
  });
});

describe('number boxes', () => {
  it('set a value exactly, beside the slider', async () => {
    const { page } = await open();
    await typeValue(page, 'pathDependence', '0.37');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('pathDependence') === '0.37');
    await typeValue(page, 'citizens', '12345');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('citizens') === '12345');
    await stepTo(page, 1);
    expect(JSON.parse(await exportJson(page)).manifest.params).toMatchObject({ pathDependence: 0.37, citizens: 12345 });
    await page.close();
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`refuse a bad value, naming the field, the value and what is allowed (${lang})`, async () => {
      const { page } = await open(`?lang=${lang}`);
      const before = page.url();
      await typeValue(page, 'pathDependence', '2');
      await page.waitForSelector('#message:not([hidden])');
      expect(await page.textContent('#message')).toBe(lang === 'en'
        ? 'Path dependence (pathDependence) = 2 is not allowed: it must be a number in [0, 1]. The value was left as it was.'
        : '路径依赖（pathDependence）= 2 不被允许：必须是[0, 1] 中的数。该值保持不变。');
      expect(await page.inputValue('#n-pathDependence')).toBe('0.8');
      expect(page.url()).toBe(before);
      await typeValue(page, 'initialSOs', '2.5');
      expect(await page.textContent('#message')).toContain(lang === 'en' ? 'an integer in [2, 2000]' : '[2, 2000] 中的整数');
      await page.close();
    });
  }
});

describe('scenario files', () => {
  it('saves the run as a scenario file that the CLI runs to the same series', async () => {
    const { page } = await open('?seed=6&pathDependence=0.3');
    await stepTo(page, 2);
    await page.locator('#p-partnership').fill('0.7');
    await page.waitForSelector('figure[data-view=index] g.marker');
    await stepTo(page, 10);
    const file = await downloaded(page, () => page.click('#save-scenario'));
    expect(file.name).toBe('baseline-involution-modified.json');
    const saved = JSON.parse(file.text);
    expect(saved.params).toEqual({ pathDependence: 0.3 });
    expect(saved.schedule).toEqual([{ tick: 2, set: { partnership: 0.7 } }]);
    const path = join(TMP, file.name);
    writeFileSync(path, file.text);
    const cli = spawnSync('node', [join(ROOT, 'bin', 'involution-lab.mjs'), 'run', '--scenario', path, '--seed', '6', '--ticks', '10'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout).series).toEqual(JSON.parse(await exportJson(page)).series);
    await page.close();
  });

  it('loads a scenario file: a run of its own, kept in the share link', async () => {
    const { page } = await open('?seed=3');
    const scenario = {
      id: 'my-city', title: { en: 'My city', zh: '我的城市' }, teaching: { en: 'A city with partnership from month 4.', zh: '从第 4 个月起实行伙伴关系的城市。' },
      source: 'a class exercise', params: { politicalRationality: 0.5, ticks: 24 }, schedule: [{ tick: 4, set: { partnership: 0.8 }, note: { en: 'Partnership', zh: '伙伴关系' } }],
    };
    const path = join(TMP, 'my-city.json');
    writeFileSync(path, JSON.stringify(scenario));
    await page.setInputFiles('#load-file', path);
    await page.waitForFunction(() => (document.getElementById('scenario') as HTMLSelectElement).selectedOptions[0]?.textContent === 'From file: My city');
    // The file's run is made in the worker (its inherited years first): the clock follows when it is ready.
    await page.waitForFunction(() => document.getElementById('clock')?.textContent === 'Month 0 of 24', undefined, { timeout: 10_000 }).catch(() => undefined);
    expect(await page.textContent('#clock')).toBe('Month 0 of 24');
    expect(await page.locator('figure[data-view=index] g.marker').count()).toBe(1);
    await stepTo(page, 7);
    const mine = await exportJson(page);
    const colleague = await open(new URL(page.url()).search);
    expect(await tick(colleague.page)).toBe(7);
    expect(await colleague.page.textContent('#scenario option:checked')).toBe('From file: My city');
    expect(await exportJson(colleague.page)).toBe(mine);
    const cli = spawnSync('node', [join(ROOT, 'bin', 'involution-lab.mjs'), 'run', '--scenario', path, '--seed', '3', '--ticks', '7'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(JSON.parse(cli.stdout).series).toEqual(JSON.parse(mine).series);
    await page.close();
    await colleague.page.close();
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`refuses a malformed file with a message naming the field, the value and what is allowed, losing nothing (${lang})`, async () => {
      const { page } = await open(`?lang=${lang}&seed=8`);
      await stepTo(page, 2);
      await page.locator('#p-partnership').fill('0.6');
      await page.waitForSelector('figure[data-view=index] g.marker');
      const before = page.url();
      const good = { id: 'x', title: { en: 'X', zh: '甲' }, teaching: { en: 'T', zh: '讲' }, source: 's', params: {}, schedule: [] };
      const cases: [string, string, RegExp][] = [
        ['not-json.json', '{"id": "x",', lang === 'en' ? /Could not load not-json\.json: it is not valid JSON/ : /无法载入 not-json\.json：它不是有效的 JSON/],
        ['bad-value.json', JSON.stringify({ ...good, params: { partnership: 5 } }),
          lang === 'en' ? /bad-value\.json: field params\.partnership = 5 is not allowed; it must be a number in \[0, 1\]/ : /bad-value\.json：字段 params\.partnership = 5 不被允许；必须是\[0, 1\] 中的数/],
        ['bad-key.json', JSON.stringify({ ...good, schedule: [{ tick: 3, set: { citizens: 100 } }] }),
          lang === 'en' ? /field schedule\[0\]\.set\.citizens sets the size of the world/ : /字段 schedule\[0\]\.set\.citizens 决定模拟世界的规模/],
        ['no-title.json', JSON.stringify({ ...good, title: { en: 'X' } }),
          lang === 'en' ? /no-title\.json: field title\.zh is missing; it must be a non-empty text/ : /无法载入 no-title\.json：缺少字段 title\.zh；它必须是非空文本/],
        ['extra.json', JSON.stringify({ ...good, colour: 'red' }),
          lang === 'en' ? /extra\.json: unknown field colour/ : /无法载入 extra\.json：未知字段 colour/],
        ['twice.json', JSON.stringify(good).replace('"params":{}', '"params":{"partnership":0.5,"partnership":0.7}'),
          lang === 'en' ? /twice\.json: a key is given twice in one object \("partnership" at params\.partnership\)/ : /无法载入 twice\.json：同一对象中有 1 个键出现了两次（“partnership”位于 params\.partnership）/],
        ['bad-tick.json', JSON.stringify({ ...good, schedule: [{ tick: -1, set: {} }] }),
          lang === 'en' ? /field schedule\[0\]\.tick = -1 is not allowed; it must be a whole month, 0 or more/ : /字段 schedule\[0\]\.tick = -1 不被允许；它必须是整数月份（0 或以上）/],
      ];
      for (const [name, text, message] of cases) {
        mkdirSync(join(TMP, lang), { recursive: true });
        const path = join(TMP, lang, name);
        writeFileSync(path, text);
        await page.setInputFiles('#load-file', path);
        await page.waitForFunction((n) => document.getElementById('message')!.textContent!.includes(n), name);
        expect(await page.textContent('#message')).toMatch(message);
        // Nothing lost: the same run, month and intervention, and the same link.
        expect(await tick(page)).toBe(2);
        expect(await page.locator('figure[data-view=index] g.marker').count()).toBe(1);
        expect(page.url()).toBe(before);
      }
      await page.close();
    });
  }
});

describe('share links', () => {
  it('restore exactly the run on screen: settings applied, interventions, and the month shown', async () => {
    const { page } = await open('?scenario=money-alone&seed=11');
    await typeValue(page, 'exitMonths', '9');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('exitMonths') === '9');
    await page.click('#play');
    await untilTick(page, 6);
    await page.click('#play');
    await page.locator('#p-wholeProcessSupervision').fill('0.6');
    await page.waitForSelector('figure[data-view=index] g.marker');
    await stepTo(page, (await tick(page)) + 4);
    // A world change waiting for Reset is not part of the run on screen.
    await typeValue(page, 'districts', '3');
    await page.waitForSelector('#pending-districts:not([hidden])');
    const month = await tick(page);
    const mine = await exportJson(page);
    await page.click('#share');
    expect(search(page).has('districts')).toBe(false);
    expect(search(page).get('month')).toBe(String(month));
    const colleague = await open(new URL(page.url()).search);
    expect(await tick(colleague.page)).toBe(month);
    expect(await colleague.page.locator('figure[data-view=index] g.marker').count()).toBe(1);
    expect(await exportJson(colleague.page)).toBe(mine);
    expect(await colleague.page.getAttribute('figure[data-view=index] path.line', 'd')).toBe(await page.getAttribute('figure[data-view=index] path.line', 'd'));
    await openDrawer(colleague.page);
    expect(await colleague.page.inputValue('#n-districts')).toBe('6');
    await page.close();
    await colleague.page.close();
  });

  it('with bad values say what is allowed (never "one of ." with an empty list), in short, and drop interventions after the run', async () => {
    const { page } = await open('?tab=nope&cmpMetric=nope&ticks=24&iv=6:partnership=0.9;30:partnership=0.2');
    await page.waitForSelector('#message:not([hidden])');
    const said = (await page.textContent('#message'))!;
    expect(said).toContain('tab "nope" must be one of explore, compare, lesson, experiment');
    expect(said).toMatch(/compare outcome "nope" must be one of involutionIndex, /);
    expect(said).toContain("the intervention at month 30 falls after the run's last month (23) and would never apply: not applied");
    expect(said).not.toMatch(/one of \./);
    expect(await page.locator('figure[data-view=index] g.marker').count()).toBe(1);
    await page.close();
  });

  it('too big to read are refused in a few lines: 4 000 interventions, 100 000-character values, a 400-digit month', async () => {
    const many = Array.from({ length: 4000 }, (_, i) => `${i % 100}:partnership=0.5`).join(';');
    const long = 'x'.repeat(100_000);
    // A static server refuses a request line this long (HTTP 431): the page is served for it here, as a server that accepts it would.
    const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route((url) => url.search.length > 8000, async (route) => route.fulfill({ response: await route.fetch({ url: server!.base }) }));
    await page.goto(`${server!.base}?iv=${many}&pathDependence=${long}&${long}=1&month=${'9'.repeat(400)}&seed=2`);
    await page.waitForSelector('#clock');
    await page.waitForSelector('#message:not([hidden])');
    const said = (await page.textContent('#message'))!;
    expect(said).toContain('the link holds 4000 interventions; at most 200 are read, so none was applied');
    expect(said).toContain(`pathDependence = ${'x'.repeat(60)}… (100,000 characters) is not allowed`);
    expect(said).toContain('month "999999999999999999999999999999999999999999999999999999999999… (400 characters)" must be an integer in [0, 2400]');
    expect(said.length).toBeLessThan(1500);
    expect(await page.locator('figure[data-view=index] g.marker').count()).toBe(0);
    expect(await page.locator('svg [transform*=NaN]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('warn before sharing a link too long to open elsewhere; a scenario file over 100 KB is refused', async () => {
    const { page } = await open('?seed=3');
    const scenario = {
      id: 'wordy', title: { en: 'Wordy', zh: '冗长' }, teaching: { en: 'A long text. '.repeat(1500), zh: '很长的文字。'.repeat(1500) }, source: 'a test', params: { ticks: 24 }, schedule: [],
    };
    const path = join(TMP, 'wordy.json');
    writeFileSync(path, JSON.stringify(scenario));
    await page.setInputFiles('#load-file', path);
    await page.waitForFunction(() => (document.getElementById('scenario') as HTMLSelectElement).selectedOptions[0]?.textContent === 'From file: Wordy');
    await page.click('#share');
    await page.waitForSelector('#message:not([hidden])');
    const length = page.url().length;
    expect(length).toBeGreaterThan(8000);
    expect(await page.textContent('#message')).toBe(`This link is ${length} characters long: links over 8000 characters may not open elsewhere (many servers refuse them). To share this run, save its scenario file (Save) and send that.`);
    const big = join(TMP, 'big.json');
    writeFileSync(big, JSON.stringify({ ...scenario, teaching: { en: 'x'.repeat(200_000), zh: 'x' } }));
    await page.setInputFiles('#load-file', big);
    await page.waitForFunction(() => /big\.json: it holds/.test(document.getElementById('message')!.textContent ?? ''));
    expect(await page.textContent('#message')).toContain(`Could not load big.json: it holds ${statSync(big).size} bytes; a scenario file may hold at most 100000 bytes. Nothing was changed.`);
    expect(await page.textContent('#scenario option:checked')).toBe('From file: Wordy');
    await page.close();
  });

  it('copied while playing, hold the month on screen at the click (not month 0)', async () => {
    const { page } = await open('?seed=4&ticks=2400');
    await page.click('#play');
    await untilTick(page, 5);
    await page.click('#share');
    const month = Number(search(page).get('month'));
    await page.click('#play');
    expect(month).toBeGreaterThanOrEqual(5);
    expect(month).toBeLessThanOrEqual(await tick(page));
    await page.close();
  });
});
