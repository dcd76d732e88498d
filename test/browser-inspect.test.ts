// Inspecting an agent (issue 22, item 5): an SO clicked in the population view or the network, a
// district on the map, or either reached with the keyboard, opens its history; what it shows is the
// model's (the CLI's columns, a run in Node by the SO's id); the share link brings the selection back
// and a bad one is said and dropped.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createSim, resolveParams } from '../sim/index.ts';
import { fmt } from '../lab/charts/style.ts';
import { ROOT, axeViolations, openExplorer, untilTick, type Preview } from './browser-setup.ts';
import { useExplorer } from './browser-suite.ts';
import { scenario } from './helpers.ts';

let server: Preview | undefined;
let browser: Browser;
useExplorer((s, b) => {
  server = s;
  browser = b;
});

const open = (search = '') => openExplorer(browser, server!.base, search);
const search = (page: Page) => new URL(page.url()).searchParams;
const panel = '#inspector:not([hidden])';

/** The CLI's run as columns. */
function cli(id: string, seed: number, ticks: number): Record<string, number[]> {
  const out = spawnSync(
    'node',
    [join(ROOT, 'bin', 'involution-lab.mjs'), 'run', '--scenario', id, '--seed', String(seed), '--ticks', String(ticks), '--format', 'json'],
    { encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  expect(out.status, out.stderr).toBe(0);
  return (JSON.parse(out.stdout) as { series: Record<string, number[]> }).series;
}

/** A figure's data table in the inspector, opened: its header and its rows of cell texts. */
async function figureTable(page: Page, view: string): Promise<{ head: string[]; rows: string[][] }> {
  const fig = page.locator(`#inspector figure[data-view=${view}]`);
  if (!(await fig.locator('details').evaluate((d) => (d as HTMLDetailsElement).open))) await fig.locator('summary').click();
  await fig.locator('table tbody tr').first().waitFor();
  return fig.evaluate((el) => ({
    head: [...el.querySelectorAll('thead th')].map((th) => th.textContent ?? ''),
    rows: [...el.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
  }));
}

/** An SO's skill and autonomy by month in a run in Node of the same scenario and seed, found by its id. */
function soInNode(id: string, seed: number, ticks: number, so: number): { skill: number[]; autonomy: number[] } {
  const sim = createSim(resolveParams(scenario(id).params, { ticks }), seed, scenario(id).schedule, scenario(id).decisions);
  const out = { skill: [] as number[], autonomy: [] as number[] };
  while (sim.state.tick < ticks) {
    sim.tick();
    const t = sim.state.sos;
    let row = -1;
    for (let i = 0; i < t.n; i++) if (t.id[i] === so && t.alive[i]) row = i;
    out.skill.push(row >= 0 ? t.skill[row] : NaN);
    out.autonomy.push(row >= 0 ? t.autonomy[row] : NaN);
  }
  return out;
}

describe('inspecting a district', () => {
  it("clicked on the map: its official's decisions are the CLI's columns, month by month; Escape closes and the link forgets it", async () => {
    const { page, errors } = await open('?seed=3&month=36');
    await untilTick(page, 36);
    await page
      .locator('figure[data-view=map] g.cell')
      .nth(2 * 8 + 3)
      .click();
    await page.waitForSelector(`${panel} figure[data-view=inspect-decisions] path.line`);
    expect(await page.textContent('#inspector-title')).toBe('District 3');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('inspect') === 'd:3');
    const columns = cli('baseline-involution', 3, 36);
    const { head, rows } = await figureTable(page, 'inspect-decisions');
    expect(head[0]).toBe('Month');
    expect(rows.length).toBe(36);
    const share = rows.map((r) => r[1]),
      grain = rows.map((r) => r[2]),
      demand = rows.map((r) => r[3]);
    expect(grain).toEqual(columns['projectGranularity.d2'].map(fmt));
    expect(demand).toEqual(columns['paperworkDemand.d2'].map(fmt));
    // The decision itself; the series' purchaseShare.d2 is the money purchased over the budget (less any bonus reserve).
    expect(share.every((x) => Number(x) > 0 && Number(x) <= 1)).toBe(true);
    // Projects by award mode add up to the CLI's projectsActive.d2.
    const projects = await figureTable(page, 'inspect-projects');
    expect(projects.rows.map((r) => r.slice(1).reduce((a, b) => a + Number(b), 0))).toEqual(columns['projectsActive.d2']);
    // The budget rounds: month 0 and the district's month (4 for district 3 of 6) each year.
    const rounds = await page.locator('#inspector .inspector-table tbody tr td:first-child').allTextContents();
    expect(rounds).toEqual(['0', '4', '16', '28']);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#inspector', { state: 'hidden' });
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('inspect'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reached with the keyboard on the map: Tab, arrow keys, Enter; in Chinese', async () => {
    const { page, errors } = await open('?seed=3&month=12&lang=zh');
    await untilTick(page, 12);
    // Tab from the network's last control reaches the map's district rows (one tab stop), then the arrows move.
    await page.locator('figure[data-view=network] summary').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('figure')?.getAttribute('data-view'))).toBe('map');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('第 1 区。检视');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${panel} figure[data-view=inspect-standing] path.line`);
    expect(await page.textContent('#inspector-title')).toBe('第 3 区');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inspector-title');
    expect(await page.textContent('#inspector figure[data-view=inspect-decisions] .chart-title')).toBe('第 3 区：官员的决策');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#inspector', { state: 'hidden' });
    // The focus goes back to the district it was opened from.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('第 3 区。检视');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('inspecting an SO', () => {
  it("clicked in the population view mid-run: its whole history from month 0, as a run of the model in Node gives it by the SO's id", async () => {
    const { page, errors } = await open('?seed=4&month=48');
    await untilTick(page, 48);
    // An SO no other mark covers, clicked where it is.
    const free = await page.locator('figure[data-view=sos] path.so').evaluateAll((marks) =>
      marks.findIndex((m, i) => {
        const r = m.getBoundingClientRect();
        return i >= 3 && document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === m;
      }),
    );
    const mark = page.locator('figure[data-view=sos] path.so').nth(free);
    await mark.scrollIntoViewIfNeeded();
    const label = (await mark.getAttribute('aria-label'))!;
    const id = Number(/^SO (\d+),/.exec(label)![1]);
    await mark.click();
    await page.waitForSelector(`${panel} figure[data-view=inspect-capacity] path.line`);
    expect(await page.textContent('#inspector-title')).toBe(`SO ${id}`);
    await page.waitForFunction((want) => new URL(location.href).searchParams.get('inspect') === want, `so:${id}`);
    const node = soInNode('baseline-involution', 4, 48, id);
    const { head, rows } = await figureTable(page, 'inspect-capacity');
    expect(head.slice(0, 3)).toEqual(['Month', 'skill', 'autonomy']);
    expect(rows.map((r) => r[1])).toEqual(node.skill.map(fmt));
    expect(rows.map((r) => r[2])).toEqual(node.autonomy.map(fmt));
    // Read back from month 0, though chosen at month 48: an SO of the first ones has every month.
    if (id < 40) expect(rows.every((r) => r[1] !== '—')).toBe(true);
    // Its contracts, each with how it was won; the revenue and effort charts drawn.
    const modes = await page.locator('#inspector .inspector-table tbody tr td:nth-child(6)').allTextContents();
    expect(modes.every((m) => ['directed (inside the system)', 'directed (by ties)', 'new affiliated SO', 'competitive tender'].includes(m))).toBe(true);
    expect(await page.locator('#inspector figure[data-view=inspect-revenue] path.line').count()).toBeGreaterThan(0);
    expect(await page.locator('#inspector figure[data-view=inspect-effort] path.line').count()).toBe(5);
    // The run plays on with the panel open: the history follows it.
    await page.click('#play');
    await untilTick(page, 52);
    await page.click('#play');
    await page.waitForFunction(() => document.body.dataset.state === 'paused');
    // Its table has a row for every month run, and the run went on past month 48.
    await page.waitForFunction(
      () => document.querySelectorAll('#inspector figure[data-view=inspect-capacity] tbody tr').length === Number(document.body.dataset.tick),
    );
    expect(Number(await page.evaluate(() => document.body.dataset.tick))).toBeGreaterThanOrEqual(52);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reached with the keyboard in the population view: Tab to it, an arrow key to the next SO, Enter', async () => {
    const { page, errors } = await open('?seed=3&month=12');
    await untilTick(page, 12);
    await page.locator('figure[data-view=form-substance] summary').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('figure')?.getAttribute('data-view'))).toBe('sos');
    const first = (await page.evaluate(() => document.activeElement?.getAttribute('aria-label')))!;
    expect(first).toMatch(/^SO \d+, (affiliated|independent) SO.*: skill 0\.\d\d, autonomy 0\.\d\d\. Inspect$/);
    await page.keyboard.press('ArrowRight');
    const next = (await page.evaluate(() => document.activeElement?.getAttribute('aria-label')))!;
    expect(next).not.toBe(first);
    await page.keyboard.press('Enter');
    await page.waitForSelector(panel);
    expect(await page.textContent('#inspector-title')).toBe(/^(SO \d+),/.exec(next)![1]);
    // Another tab hides the panel; Explore brings it back.
    await page.click('#tab-compare');
    expect(await page.isVisible('#inspector')).toBe(false);
    await page.click('#tab-explore');
    expect(await page.isVisible('#inspector')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('clicked in the network, and reached there with the keyboard', async () => {
    const { page, errors } = await open('?seed=3&month=24');
    await untilTick(page, 24);
    const hit = page.locator('figure[data-view=network] rect.so-hit').nth(4);
    const id = Number(/^SO (\d+),/.exec((await hit.getAttribute('aria-label'))!)![1]);
    await hit.click();
    await page.waitForSelector(`${panel} figure[data-view=inspect-contracts] svg[viewBox]`);
    expect(await page.textContent('#inspector-title')).toBe(`SO ${id}`);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#inspector', { state: 'hidden' });
    // The keyboard: the focus is back on the SO; the next one down, Enter.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('so-hit'))).toBe(true);
    await page.keyboard.press('ArrowDown');
    const next = (await page.evaluate(() => document.activeElement?.getAttribute('aria-label')))!;
    await page.keyboard.press('Enter');
    await page.waitForSelector(panel);
    expect(await page.textContent('#inspector-title')).toBe(/^(SO \d+),/.exec(next)![1]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the share link', () => {
  it('brings the selection back: the same SO with the same history, the same district', async () => {
    const { page } = await open('?seed=5&month=30');
    await untilTick(page, 30);
    await page.locator('figure[data-view=sos] path.so').nth(2).click({ force: true });
    await page.waitForSelector(`${panel} figure[data-view=inspect-capacity] path.line`);
    await page.click('#share');
    const link = new URL(page.url()).search;
    expect(link).toMatch(/inspect=so%3A\d+/);
    const mine = await figureTable(page, 'inspect-capacity');
    const contracts = await page.locator('#inspector .inspector-table').textContent();
    const colleague = await open(link);
    await colleague.page.waitForSelector(`${panel} figure[data-view=inspect-capacity] path.line`);
    expect(await colleague.page.textContent('#inspector-title')).toBe(await page.textContent('#inspector-title'));
    expect(await figureTable(colleague.page, 'inspect-capacity')).toEqual(mine);
    expect(await colleague.page.locator('#inspector .inspector-table').textContent()).toBe(contracts);
    // The selection is ringed in the views.
    expect(await colleague.page.locator('figure[data-view=sos] circle.picked-ring').count()).toBe(1);
    await colleague.page.close();
    const district = await open('?seed=5&month=30&inspect=d:6');
    await district.page.waitForSelector(`${panel} figure[data-view=inspect-money] path.line`);
    expect(await district.page.textContent('#inspector-title')).toBe('District 6');
    expect(search(district.page).get('inspect')).toBe('d:6');
    expect(await district.page.locator('figure[data-view=map] rect.picked-row').count()).toBe(1);
    await district.page.close();
    await page.close();
  });

  for (const [lang, bad, said] of [
    ['en', 'so:abc', 'inspect "so:abc" must be so:<n> (an SO\'s number, 0 to 10000000) or d:<n> (a district, 1 to 32)'],
    ['en', 'd:9', 'inspect "d:9": this run has 6 districts; not inspected'],
    ['zh', 'person:1', '检视“person:1”只能是 so:<编号>'],
  ] as const) {
    it(`with a bad inspect value (${bad}, ${lang}) says what is allowed and opens nothing`, async () => {
      const { page, errors } = await open(`?seed=2&inspect=${encodeURIComponent(bad)}${lang === 'zh' ? '&lang=zh' : ''}`);
      await page.waitForSelector('#message:not([hidden])');
      expect(await page.textContent('#message')).toContain(said);
      expect(await page.isHidden('#inspector')).toBe(true);
      await page.click('#step');
      await untilTick(page, 1);
      expect(search(page).has('inspect')).toBe(false);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('names an SO not founded yet: said in the panel, shown once it is founded', async () => {
    const { page, errors } = await open('?seed=2&month=3&inspect=so:5000');
    await page.waitForSelector(panel);
    expect(await page.textContent('#inspector .inspector-note')).toBe(
      'SO 5000 has not been founded in this run by month 3. Its history starts here if it is founded later.',
    );
    expect(search(page).get('inspect')).toBe('so:5000');
    expect(errors).toEqual([]);
    await page.close();
  });
});
