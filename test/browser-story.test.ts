// The guided story as a reader and a teacher use it: every step in English and Chinese on a phone
// (390 px) and a laptop (1280 px), each step's control used, each step's own link opening that step
// with the same run, the numbers the page shows equal to the command line's for the same scenario,
// seed and settings, the last step's link opening the explorer on the same run, and axe-core finding
// no violation of any impact. Two walks, one per language, each at one width with each step's link
// opened and the page checked again at the other: every step is seen in both languages at both
// widths without walking the story four times. Screenshots go to artifacts/screenshots/story-*.png.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parseUrl } from '../viz/url.ts';
import { STEPS, BASELINE, combinedRun, controlKey, defaultChoices, stepRun, type Choices, type Run } from '../viz/story/steps.ts';
import { axeAll, openPage, ROOT, type Preview } from './browser-setup.ts';
import { SHOTS, useExplorer } from './browser-suite.ts';

let server: Preview;
let browser: Browser;
useExplorer((s, b) => {
  server = s;
  browser = b;
});

const BIN = join(ROOT, 'bin', 'involution-lab.mjs');
const cliRuns = new Map<string, Record<string, number[]>>();
/** `involution-lab run --format json`'s series for a run (computed once per test file). */
function cli(run: Run, seed: number): Record<string, number[]> {
  const args = [
    'run',
    '--scenario',
    run.scenario,
    '--seed',
    String(seed),
    ...Object.entries(run.set).flatMap(([k, v]) => ['--set', `${k}=${v}`]),
    '--format',
    'json',
  ];
  const key = args.join(' ');
  if (!cliRuns.has(key)) cliRuns.set(key, JSON.parse(execFileSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 })).series);
  return cliRuns.get(key)!;
}

const open = (url: string, width: number, motion: 'reduce' | 'no-preference') => openPage(browser, url, width, height(width), motion);

/** Until the step's chart has played the run `run` to its end. */
const untilRun = (page: Page, run: Run) =>
  page.waitForFunction(
    (expected) => {
      const f = document.getElementById('chart');
      return f?.dataset.state === 'done' && JSON.stringify(JSON.parse(f.dataset.run!).yours) === expected;
    },
    JSON.stringify(run),
    { timeout: 60_000 },
  );

/** The runs and series the page shows, checked against the command line's, and each number of its table against its series. */
async function expectCliNumbers(page: Page): Promise<{ run: { seed: number; yours: Run; baseline: Run } }> {
  const { run, series, cells } = await page.evaluate(() => {
    const f = document.getElementById('chart')!;
    const cells = [...document.querySelectorAll<HTMLTableRowElement>('table.numbers tr[data-metric]')].map((r) => ({
      metric: r.dataset.metric!,
      yours: Number(r.querySelector<HTMLElement>('td.yours')!.dataset.value),
      baseline: Number(r.querySelector<HTMLElement>('td.baseline')!.dataset.value),
    }));
    return { run: JSON.parse(f.dataset.run!), series: JSON.parse(f.dataset.series!), cells };
  });
  expect(run.baseline).toEqual(BASELINE);
  for (const which of ['yours', 'baseline'] as const) {
    const expected = cli(run[which], run.seed);
    const metrics = Object.keys(series[which]);
    expect(metrics.length).toBeGreaterThan(0);
    for (const m of metrics) expect(series[which][m], `${which} ${m}`).toEqual(expected[m]);
    for (const c of cells) expect(c[which], `${which} ${c.metric} in the table`).toBe(expected[c.metric][expected[c.metric].length - 1]);
  }
  expect(cells[0].metric).toBe('involutionIndex');
  return { run };
}

/** Use the step's control: a slider to the value its first claim is checked at, the last prevention, Changsha on. */
async function useControl(page: Page, n: number, choices: Choices): Promise<Choices> {
  const control = STEPS[n - 1].control;
  if (!control) return choices;
  const key = controlKey(control);
  if (control.kind === 'slider') {
    const value = Number(STEPS[n - 1].checked[0].value);
    // As a keyboard user would, where the value is an end of the slider.
    if (value === control.min || value === control.max) {
      await page.focus('#control');
      await page.keyboard.press(value === control.min ? 'Home' : 'End');
    } else {
      await page.evaluate((v) => {
        const input = document.getElementById('control') as HTMLInputElement;
        input.value = v;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }, String(value));
    }
    return { ...choices, [key]: value };
  }
  if (control.kind === 'choice') {
    await page.selectOption('#control', 'full-prevention');
    return { ...choices, [key]: 'full-prevention' };
  }
  await page.check('#control');
  return { ...choices, [key]: 1 };
}

const height = (width: number) => (width < 500 ? 844 : 800);

/** The page (`width` px wide) has nothing wider than the screen and is axe clean; its screenshot taken. */
async function checkAt(page: Page, width: number, lang: string, n: number): Promise<void> {
  expect(await axeAll(page), `step ${n} at ${width} px`).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `step ${n} at ${width} px`).toBeLessThanOrEqual(width);
  await page.screenshot({ path: join(SHOTS, `story-${lang}-${width}-step${n}.png`), fullPage: true });
}

describe('the guided story', () => {
  // English walked on a laptop, playing the runs month by month as a reader sees them; Chinese on a
  // phone, as for reduced motion. Each step's link opens at the other width.
  for (const [lang, width, other] of [
    ['en', 1280, 390],
    ['zh', 390, 1280],
  ] as const) {
    it(`walks its eight steps (${lang}, ${width} px, each step also at ${other} px): each control used, each link opens its step, numbers equal the CLI's, axe clean`, async () => {
      const motion = lang === 'en' ? 'no-preference' : 'reduce';
      const { page, errors } = await open(`${server.base}story.html${lang === 'en' ? '' : '?lang=zh'}`, width, motion);
      let choices = defaultChoices();
      for (let n = 1; n <= STEPS.length; n++) {
        const step = STEPS[n - 1];
        await untilRun(page, stepRun(step, choices));
        expect(await page.getAttribute('body', 'data-step')).toBe(step.id);
        expect(await page.textContent('#step-title')).toBe(step.title[lang]);
        expect(await page.getAttribute('html', 'lang')).toBe(lang === 'en' ? 'en' : 'zh-CN');
        expect(await page.getAttribute(`#step-nav a[data-nav="${n}"]`, 'aria-current')).toBe('step');
        await expectCliNumbers(page);

        choices = await useControl(page, n, choices);
        const run = stepRun(step, choices);
        await untilRun(page, run);
        await expectCliNumbers(page);
        if (step.control) expect(new URL(page.url()).searchParams.get(controlKey(step.control))).toBe(String(choices[controlKey(step.control)]));
        await checkAt(page, width, lang, n);

        // The step's own link, as a teacher assigns it: the same step, setting and run in a fresh
        // page at the other width, its numbers the command line's, nothing wider than the screen,
        // axe clean.
        const link = await page.getAttribute('#step-link', 'href');
        expect(new URL(link!, page.url()).search).toBe(new URL(page.url()).search);
        const assigned = await open(new URL(link!, page.url()).href, other, 'reduce');
        await untilRun(assigned.page, run);
        expect(await assigned.page.textContent('#step-title')).toBe(step.title[lang]);
        expect(await assigned.page.getAttribute(`#step-nav a[data-nav="${n}"]`, 'aria-current')).toBe('step');
        await expectCliNumbers(assigned.page);
        await checkAt(assigned.page, other, lang, n);
        expect(assigned.errors).toEqual([]);
        await assigned.page.close();

        if (n < STEPS.length) await page.click('a[rel=next]');
      }

      // The last step: your world in the explorer, as its share link opens it.
      const world = combinedRun(choices);
      const href = (await page.getAttribute('#open-world', 'href'))!;
      const { state, problems } = parseUrl(new URL(href, page.url()).search);
      expect(problems).toEqual([]);
      expect(state).toMatchObject({ scenario: world.scenario, seed: 1, set: world.set, lang });
      await page.click('#open-world');
      await page.waitForSelector('body[data-tick]', { state: 'attached' });
      expect(await page.inputValue('#scenario')).toBe(world.scenario);
      expect(await page.isHidden('#message')).toBe(true);
      // Back to the story, and Previous goes back a step.
      await page.goBack();
      await untilRun(page, stepRun(STEPS[STEPS.length - 1], choices));
      await page.click('a[rel=prev]');
      await untilRun(page, stepRun(STEPS[STEPS.length - 2], choices));
      expect(await page.getAttribute('body', 'data-step')).toBe(STEPS[STEPS.length - 2].id);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it("is linked from the explorer's header in the explorer's language, and reports what it cannot read from a link", async () => {
    for (const lang of ['en', 'zh'] as const) {
      const { page, errors } = await open(`${server.base}${lang === 'en' ? '' : '?lang=zh'}`, 1280, 'reduce');
      await page.waitForSelector('body[data-tick]', { state: 'attached' });
      // Its long name on a laptop, its short one on a phone or a tablet.
      expect(await page.textContent('#story-link .long')).toBe(lang === 'en' ? 'Guided story' : '故事导览');
      expect(await page.isVisible('#story-link .long')).toBe(true);
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.textContent('#story-link .short')).toBe(lang === 'en' ? 'Story' : '故事');
      expect(await page.isVisible('#story-link .short')).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.click('#story-link');
      await untilRun(page, stepRun(STEPS[0], defaultChoices()));
      expect(await page.textContent('#story-title')).toBe(lang === 'en' ? 'Why buying more services can change nothing' : '为什么买得越多，改变越少');
      expect(errors).toEqual([]);
      await page.close();
    }
    const { page } = await open(`${server.base}story.html?step=4&pathDependence=2&seed=3`, 390, 'reduce');
    await untilRun(page, stepRun(STEPS[3], defaultChoices()));
    expect(await page.textContent('#problems')).toContain('pathDependence=2');
    expect(JSON.parse((await page.getAttribute('#chart', 'data-run'))!).seed).toBe(3);
    expect(await axeAll(page)).toEqual([]);
    await page.close();
  });
});
