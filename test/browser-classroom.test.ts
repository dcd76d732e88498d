// The classroom: what the page explains in half a minute (the card, monitors with their reference,
// hover values, the documentation), a lesson that does not give its answer away and judges it on
// many seeds, its printed handout, and the projector's presentation mode — at 1280 × 720 and
// 1024 × 768, from the Explore and the Lesson tab — in English and in Chinese. The model's numbers
// are read from the page and its exports, or computed here by the model itself, never written into
// the tests.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, downloaded, openExplorer, openSized, stepTo, tick, untilPaused, untilTick, type Preview } from './browser-setup.ts';
import { SHOTS, useExplorer } from './browser-suite.ts';
import { runScenario } from '../sim/index.ts';
import { findScenario } from '../scenarios/index.ts';
import { answerOf, finalOf, lessonSeeds, signed, type Prediction } from '../viz/lessons.ts';

let server: Preview | undefined;
let browser: Browser;

useExplorer((s, b) => {
  server = s;
  browser = b;
});

const open = (search = '') => openExplorer(browser, server!.base, search);
const TEXT = {
  en: { card: 'how much faster the form of purchasing has grown than its substance', zero: '0 = form and substance grew alike', better: 'lower is better', scale: 'e^0.7 ≈ 2', month: (m: number) => `Month ${m}`, since: 'since year 1' },
  zh: { card: '政府购买的“形式”比它的“实质”多增长了多少', zero: '0 = 形式与实质同步增长', better: '越低越好', scale: 'e^0.7 ≈ 2', month: (m: number) => `第 ${m} 个月`, since: '第一年' },
};
const INDEX: Prediction = { metric: 'involutionIndex', against: 'zero', within: 0.2 };
/** A signed number as the page writes it, read back (the page's minus is U+2212). */
const num = (text: string) => Number(text.replace('−', '-'));

/** The value the page's tables and read-outs show for a number (lab/charts/style.ts's fmt): three significant digits under 100. */
const shown = (v: number) => (Number.isInteger(v) ? String(v) : Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) < 1e-3 ? v.toExponential(2).replace(/\.?0+e/, 'e') : String(Number(v.toPrecision(3))));

/**
 * Hover a time chart at a month (counted from 1, as the clock counts them); the read-out's lines. The
 * explorer's charts run from 0 to the last month, Compare's fans from month 1.
 */
async function hover(page: Page, view: string, month: number, months: number, first = view.startsWith('compare') ? 1 : 0): Promise<string[]> {
  const zone = page.locator(`figure[data-view=${view}] rect.hover-zone`);
  const box = (await zone.boundingBox())!;
  await page.mouse.move(box.x + (box.width * (month - first)) / Math.max(1, months - first), box.y + box.height / 2);
  await page.waitForSelector(`figure[data-view=${view}] g.hover:not([display=none]) g.box`);
  return page.locator(`figure[data-view=${view}] g.hover g.box text`).allTextContents();
}

describe('understandable in 30 seconds', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`explains the index, labels the zero line, shows monitors and hover values, and links the documentation (${lang})`, async () => {
      const { page, errors } = await open(`?lang=${lang}&seed=2`);
      const card = await page.textContent('#card');
      expect(card).toContain(TEXT[lang].card);
      expect(card).toContain(TEXT[lang].better);
      // The scale in words: what an index of +0.7 means for growth.
      expect(card).toContain(TEXT[lang].scale);
      expect(await page.textContent('figure[data-view=index] text.zero-label')).toBe(TEXT[lang].zero);
      const docs = await page.request.get(new URL((await page.getAttribute('#docs-link', 'href'))!, page.url()).href);
      expect(docs.status()).toBe(200);
      await stepTo(page, 14);
      const run = JSON.parse((await downloaded(page, () => page.click('#export-json'))).text);
      const last = (m: string) => run.series[m][run.series[m].length - 1];
      const index = last('involutionIndex');
      expect(await page.textContent('#mon-involutionIndex')).toBe(signed(index, 2));
      expect(await page.textContent('#mon-purchaseSpending')).toBe(last('purchaseSpending').toFixed(0));
      expect(await page.textContent('#mon-needsMet')).toBe(`${(last('needsMet') * 100).toFixed(1)} %`);
      expect(await page.textContent('#mon-independentSOs')).toBe(String(last('independentSOs')));
      // Each monitor against the first year (the mean of months 0–11, as the index reads growth).
      const firstYear = (m: string) => run.series[m].slice(0, 12).reduce((a: number, b: number) => a + b, 0) / 12;
      const refs = await page.locator('#monitors .monitor-ref').allTextContents();
      expect(refs.every((r) => r.includes(TEXT[lang].since)), refs.join(' | ')).toBe(true);
      expect(refs[0]).toContain(`×${Math.exp(last('formGrowth')).toFixed(1)}`);
      expect(refs[0]).toContain(`×${Math.exp(last('substanceGrowth')).toFixed(1)}`);
      expect(refs[1]).toContain(`${(last('purchaseSpending') / firstYear('purchaseSpending')).toFixed(1)}`);
      expect(refs[2]).toContain(signed((last('needsMet') - firstYear('needsMet')) * 100, 1));
      expect(refs[3]).toContain(signed(last('independentSOs') - firstYear('independentSOs'), 0));
      // Hover values on both time charts of the explorer.
      const lines = await hover(page, 'index', 9, 120);
      expect(lines[0]).toBe(TEXT[lang].month(9));
      // Month 9 is the run's ninth month: its row 8 (rows count from 0).
      expect(lines[1]).toMatch(new RegExp(`: ${shown(run.series.involutionIndex[8]).replace(/[.]/g, '\\.')}$`));
      const six = await hover(page, 'form-substance', 5, 120);
      expect(six).toHaveLength(7);
      expect(six[0]).toBe(TEXT[lang].month(5));
      await page.mouse.move(0, 0);
      await page.waitForSelector('figure[data-view=index] g.hover[display=none]', { state: 'attached' });
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('shows hover values on the compare charts too', async () => {
    const { page } = await open();
    await page.click('#tab-compare');
    await page.fill('#compare-seeds', '2');
    await page.click('#compare-run');
    await page.waitForFunction(() => /^4 of 4 runs finished$/.test(document.getElementById('compare-progress')!.textContent ?? ''), null, { timeout: 60_000 });
    expect((await hover(page, 'compare', 60, 120))[0]).toBe('Month 60');
    expect((await hover(page, 'compare-difference', 30, 120))[0]).toBe('Month 30');
    await page.close();
  });
});

/** Go through a lesson up to its verdict, predicting `answers` (one for each of its predictions). */
async function runLesson(page: Page, answers: string[], run: string): Promise<void> {
  for (const [i, a] of answers.entries()) await page.check(`input[name=prediction-${i}][value=${a}]`);
  await page.click(`#lesson button[data-key=next]`);
  expect(await page.textContent('#lesson button[data-key=run]')).toBe(run);
  await page.click('#lesson button[data-key=run]');
  await page.waitForSelector('#lesson-why', { timeout: 60_000 });
  await page.waitForSelector('#lesson .verdicts .feedback', { timeout: 60_000 });
}

/** What the model does over the lesson's seeds, computed here: the mean final index, as the page writes it. */
function meanIndex(id: string, set: Record<string, number>): string {
  const finals = lessonSeeds().map((seed) => finalOf(runScenario(findScenario(id)!, seed, { set }).series.involutionIndex));
  return signed(finals.reduce((a, b) => a + b, 0) / finals.length, 2);
}

describe('lessons that teach', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`withholds the explanation until written and asked for, plays the run in the lesson with its markers and band, judges on 20 runs, answers a wrong prediction, and puts the speed back (${lang})`, async () => {
      const { page } = await open(`?lang=${lang}&scenario=reform-at-year-3&ticks=60`);
      const teaching = (await page.textContent('#teaching'))!;
      await page.evaluate(() => { (document.getElementById('speed') as HTMLInputElement).value = '7'; });
      await page.click('#tab-lesson');
      expect(await page.textContent('#teaching')).not.toBe(teaching);
      await page.check('input[name=prediction-0][value=rise]');
      await page.click('#lesson button[data-key=next]');
      // Switching to Explore mid-lesson does not give the answer away either.
      await page.click('#tab-explore');
      expect(await page.textContent('#teaching')).not.toBe(teaching);
      await page.click('#tab-lesson');
      // The run plays inside the lesson: its charts change as the months go by, the scheduled reform marked.
      expect(await page.locator('#lesson figure[data-view=lesson-form-substance] g.marker[data-kind=schedule]').count()).toBe(1);
      await page.click('#lesson button[data-key=run]');
      await untilTick(page, 3);
      expect(await page.getAttribute('body', 'data-state')).toBe('playing');
      const early = await page.getAttribute('#lesson figure[data-view=lesson-form-substance] path.line', 'd');
      await untilTick(page, 20);
      expect(await page.getAttribute('#lesson figure[data-view=lesson-form-substance] path.line', 'd')).not.toBe(early);
      await page.waitForSelector('#lesson-why', { timeout: 60_000 });
      expect(await page.inputValue('#speed')).toBe('7');
      // The prediction's chart: the student's run, the band of the 20 runs and the baseline's, the reform marked.
      const chart = '#lesson figure[data-view=lesson-prediction-0]';
      expect(await page.locator(`${chart} g.marker`).count()).toBe(1);
      await page.waitForSelector('#lesson .verdicts .feedback', { timeout: 60_000 });
      expect(await page.locator(`${chart} path.band`).count()).toBe(2);
      // The verdict is the mean of seeds 1–20 that the model itself gives (the pool's runs are the command line's).
      const verdict = (await page.textContent('#lesson .verdicts'))!;
      const mean = meanIndex('reform-at-year-3', { ticks: 60 });
      expect(verdict).toContain(mean);
      const actual = answerOf(INDEX, num(mean));
      expect(await page.getAttribute('#lesson .feedback', 'class')).toContain(actual === 'rise' ? 'right' : 'wrong');
      // Again, predicting what the model did not do: the lesson answers the wrong prediction.
      await page.click('#lesson button[data-key=restart]');
      const wrong = actual === 'fall' ? 'flat' : 'fall';
      await runLesson(page, [wrong], lang === 'en' ? 'Run it and watch' : '运行并观察');
      expect(await page.getAttribute('#lesson .feedback', 'class')).toContain('wrong');
      expect(await page.textContent('#lesson .feedback')).toMatch(lang === 'en' ? /You predicted: (above|between|below)/ : /你的预测是：/);
      // The explanation: asked for only after writing one's own.
      expect(await page.isDisabled('#lesson button[data-key=show]')).toBe(true);
      expect(await page.locator('#lesson-explanation').count()).toBe(0);
      expect(await page.textContent('#teaching')).not.toBe(teaching);
      await page.fill('#lesson-why', lang === 'en' ? 'Too short' : '太短');
      expect(await page.isDisabled('#lesson button[data-key=show]')).toBe(true);
      await page.fill('#lesson-why', lang === 'en' ? 'The reform came late and form had already grown.' : '改革来得晚，形式早已膨胀，社会组织也已习惯了文牍和关系。');
      await page.click('#lesson button[data-key=show]');
      expect(await page.textContent('#lesson-explanation')).toContain(teaching);
      expect(await page.textContent('#teaching')).toBe(teaching);
      await page.screenshot({ path: join(SHOTS, `lesson-explained-${lang}-1400.png`), fullPage: true });
      await page.close();
    });
  }

  it('gives every seed the same verdict, and places each student’s run among the 20 (Changsha: coverage, quality and SO capacity)', async () => {
    const verdicts: string[][] = [];
    for (const seed of [3, 77]) {
      const { page, errors } = await open(`?scenario=changsha-2011&seed=${seed}&ticks=36`);
      await page.click('#tab-lesson');
      // Changsha asks about coverage and quality: the answers say so, each with its threshold.
      expect(await page.locator('#lesson fieldset legend').allTextContents()).toEqual([
        'Coverage at the end of the run, against the baseline on the same seeds',
        'Service quality at the end of the run, against the baseline on the same seeds',
        'SO capacity at the end of the run, against the baseline on the same seeds',
      ]);
      expect(await page.textContent('#lesson fieldset:first-of-type')).toContain('about the same as in the baseline (within 1 percentage point)');
      await runLesson(page, ['flat', 'rise', 'fall'], 'Run it and watch');
      const boxes = page.locator('#lesson .verdicts .feedback');
      expect(await boxes.count()).toBe(3);
      const lines = await boxes.locator('p').allTextContents();
      verdicts.push(lines.filter((l) => !l.startsWith('Your run')));
      expect(lines.filter((l) => l.startsWith(`Your run (seed ${seed})`))).toHaveLength(3);
      // What the lesson shows: the charts of its predictions with the baseline's band, the map, its monitors.
      expect(await page.locator('#lesson figure[data-view=lesson-map] svg').count()).toBe(1);
      expect(await page.locator('#lesson figure[data-view=lesson-prediction-0] path.band').count()).toBe(2);
      expect(await page.locator('#lesson .lesson-monitors .monitor').count()).toBe(4);
      expect(errors).toEqual([]);
      await page.close();
    }
    expect(verdicts[1]).toEqual(verdicts[0]);
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`teaches the lesson a scenario file brings, and says so when it brings none (${lang})`, async () => {
      const { page, errors } = await open(`?lang=${lang}&seed=2`);
      const dir = mkdtempSync(join(tmpdir(), 'involution-lesson-'));
      const file = (name: string, extra: object) => {
        const path = join(dir, `${name}.json`);
        writeFileSync(path, JSON.stringify({
          id: name, title: { en: 'My city', zh: '我的城市' }, teaching: { en: 'Partnership from the start.', zh: '从一开始就实行伙伴关系。' },
          source: 'a class exercise', params: { partnership: 0.9, ticks: 24 }, schedule: [], ...extra,
        }));
        return path;
      };
      await page.click('#tab-lesson');
      await page.setInputFiles('#load-file', file('no-lesson', {}));
      await page.waitForFunction(() => (document.getElementById('scenario') as HTMLSelectElement).value === 'file:no-lesson');
      expect(await page.textContent('#lesson')).toContain(lang === 'en' ? 'This scenario has no lesson.' : '此情景没有配套课堂。');
      expect(await page.locator('#lesson input[type=radio]').count()).toBe(0);
      // Nothing to withhold: the scenario's explanation is on the page.
      expect(await page.textContent('#teaching')).toBe(lang === 'en' ? 'Partnership from the start.' : '从一开始就实行伙伴关系。');
      // No lesson, no handout to print.
      expect(await page.locator('#lesson button[data-key=print]').count()).toBe(0);
      expect(await page.textContent('#handout')).toBe('');
      await page.setInputFiles('#load-file', file('own-lesson', {
        lesson: { question: { en: 'Will partnership alone end involution?', zh: '仅靠伙伴关系能结束内卷吗？' }, lookFor: { en: 'Watch SO autonomy.', zh: '观察社会组织自主性。' } },
      }));
      await page.waitForFunction(() => (document.getElementById('scenario') as HTMLSelectElement).value === 'file:own-lesson');
      expect(await page.textContent('#lesson .question')).toBe(lang === 'en' ? 'Will partnership alone end involution?' : '仅靠伙伴关系能结束内卷吗？');
      // A lesson file that says nothing more asks where the index ends, against zero.
      expect(await page.textContent('#lesson legend')).toBe(lang === 'en' ? 'Involution index at the end of the run' : '运行结束时的内卷化指数');
      expect(errors).toEqual([]);
      await page.close();
    });

    it(`prints a one-page handout: question, chart, lines to write on (${lang})`, async () => {
      const { page } = await open(`?lang=${lang}&scenario=reform-at-year-3`);
      await page.click('#tab-lesson');
      await page.evaluate(() => { window.print = () => {}; });
      await page.click('#lesson button[data-key=print]');
      await page.emulateMedia({ media: 'print' });
      expect(await page.isVisible('#handout')).toBe(true);
      expect(await page.isVisible('.app')).toBe(false);
      const handout = (await page.textContent('#handout'))!;
      expect(handout).toContain(lang === 'en' ? 'Three years as in the baseline, then all five preventions at once' : '先按基线运行三年，再同时实施五项防治措施');
      expect(handout).toContain(lang === 'en' ? '☐ between −0.2 and +0.2' : '☐ 在 −0.2 与 +0.2 之间');
      expect(handout).toContain(lang === 'en' ? 'Sketch your prediction here' : '在此画出你的预测');
      // The blank axis fits the runs it is for (the index goes from about −0.5 to +1.5 in ten years), not ±0.1.
      const ticks = (await page.locator('#handout g.y-axis .tick text').allTextContents()).map(num);
      expect(Math.min(...ticks)).toBeLessThanOrEqual(-0.5);
      expect(Math.max(...ticks)).toBeGreaterThanOrEqual(1.5);
      expect(await page.locator('#handout figure svg g.marker').count()).toBe(1);
      expect(await page.locator('#handout .write-lines div').count()).toBe(6);
      await page.screenshot({ path: join(SHOTS, `handout-${lang}.png`), fullPage: true });
      const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
      expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
      await page.close();
    });
  }
});

/** Where an element is on the screen, and whether all of it is. */
const onScreen = (page: Page, selector: string, w: number, h: number) => page.evaluate(({ selector, w, h }) => {
  const r = document.querySelector(selector)!.getBoundingClientRect();
  return { selector, visible: r.width > 0 && r.height > 0, inside: r.top >= 0 && r.left >= 0 && r.bottom <= h + 0.5 && r.right <= w + 0.5, bottom: Math.round(r.bottom) };
}, { selector, w, h });

describe('handouts', () => {
  it('print every bundled lesson on one A4 page, in English and in Chinese', async () => {
    const { SCENARIOS } = await import('../scenarios/index.ts');
    for (const lang of ['en', 'zh'] as const) {
      const { page } = await open(`?lang=${lang}`);
      await page.click('#tab-lesson');
      await page.evaluate(() => { window.print = () => {}; });
      const pages: Record<string, number> = {};
      for (const s of SCENARIOS) {
        await page.selectOption('#scenario', s.id);
        await page.waitForFunction((id) => document.querySelector('#lesson h2')?.textContent?.length && (document.getElementById('scenario') as HTMLSelectElement).value === id, s.id);
        await page.click('#lesson button[data-key=print]');
        const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
        pages[s.id] = pdf.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
      }
      expect(Object.entries(pages).filter(([, n]) => n !== 1), lang).toEqual([]);
      await page.close();
    }
  });
});

describe('presentation mode', () => {
  // One page per language, resized from one projector to the other: the run need not play twice.
  for (const lang of ['en', 'zh'] as const) {
    it(`fits a projector at 1280 × 720 and 1024 × 768 (${lang}): the scenario's title, the monitors and both main charts on one screen, without scrolling`, async () => {
      const { page, errors } = await openSized(browser, server!.base, 1280, 720, `?lang=${lang}&scenario=reform-at-year-3`);
      await page.click('#present');
      await page.keyboard.press(' ');
      await untilTick(page, 48);
      await page.keyboard.press(' ');
      await untilPaused(page);
      expect(await page.textContent('#present-title')).toBe(lang === 'en' ? 'Reform at year 3' : '第三年实施改革');
      for (const [w, h] of [[1280, 720], [1024, 768]] as const) {
        await page.setViewportSize({ width: w, height: h });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        for (const selector of ['#present-title', '#clock', '#monitors', 'figure[data-view=index] svg', 'figure[data-view=form-substance] svg']) {
          expect(await onScreen(page, selector, w, h), `${w} × ${h}`).toEqual(expect.objectContaining({ selector, visible: true, inside: true }));
        }
        expect(await page.evaluate(() => document.documentElement.scrollHeight), `${w} × ${h}`).toBeLessThanOrEqual(h);
        await page.screenshot({ path: join(SHOTS, `present-${lang}-${w}x${h}.png`) });
        expect(await axeViolations(page), `${w} × ${h}`).toEqual([]);
      }
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('projects the lesson from the Lesson tab: its question, the run with its band, the verdict, the reveal', async () => {
    const { page, errors } = await openSized(browser, server!.base, 1280, 720, '?scenario=full-prevention');
    await page.click('#tab-lesson');
    await page.click('#present');
    expect(await page.isVisible('#panel-lesson')).toBe(true);
    expect(await page.isVisible('#panel-explore')).toBe(false);
    expect(await page.textContent('#present-title')).toBe('All five preventions together');
    expect((await onScreen(page, '#lesson .question', 1280, 720)).inside).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'present-lesson-predict-1280x720.png') });
    await page.check('input[name=prediction-0][value=fall]');
    await page.check('input[name=prediction-1][value=rise]');
    await page.click('#lesson button[data-key=next]');
    await page.click('#lesson button[data-key=run]');
    await untilTick(page, 30);
    // While it plays, the run and its band are on the screen, side by side.
    for (const selector of ['#lesson figure[data-view=lesson-prediction-0] svg', '#lesson figure[data-view=lesson-prediction-1] svg']) {
      expect(await onScreen(page, selector, 1280, 720)).toEqual(expect.objectContaining({ selector, visible: true, inside: true }));
    }
    await page.screenshot({ path: join(SHOTS, 'present-lesson-run-1280x720.png') });
    await page.waitForSelector('#lesson .verdicts .feedback', { timeout: 60_000 });
    expect(await page.locator('#lesson .verdicts .feedback.right').count()).toBe(2);
    expect(await page.locator('#lesson figure[data-view=lesson-prediction-0] path.band').count()).toBe(2);
    await page.fill('#lesson-why', 'Officials judged on service let larger contracts.');
    await page.click('#lesson button[data-key=show]');
    expect(await page.isVisible('#lesson-explanation')).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'present-lesson-explained-1280x720.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`goes full screen with large type and the settings hidden; space plays, R resets, the arrows step (${lang})`, async () => {
      const { page } = await open(`?lang=${lang}&ticks=2400`);
      const small = await page.evaluate(() => parseFloat(getComputedStyle(document.getElementById('clock')!).fontSize));
      await page.click('#present');
      expect(await page.getAttribute('body', 'class')).toContain('presenting');
      expect(await page.isVisible('#drawer')).toBe(false);
      expect(await page.isVisible('#card')).toBe(false);
      expect(await page.isVisible('figure[data-view=index]')).toBe(true);
      expect(await page.evaluate(() => parseFloat(getComputedStyle(document.getElementById('clock')!).fontSize))).toBeGreaterThan(small * 1.5);
      expect(await page.textContent('.keys')).toContain(lang === 'en' ? 'Space play or pause' : '空格 运行或暂停');
      // Charts are drawn larger: fewer chart units per screen pixel.
      const scale = await page.evaluate(() => {
        const svg = document.querySelector('figure[data-view=index] svg') as SVGSVGElement;
        return svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      });
      expect(scale).toBeGreaterThan(1.4);
      await page.keyboard.press('ArrowRight');
      await untilTick(page, 1);
      await page.keyboard.press('ArrowRight');
      await untilTick(page, 2);
      await page.keyboard.press('ArrowLeft');
      await page.waitForFunction(() => document.body.dataset.tick === '1');
      await page.keyboard.press(' ');
      await untilTick(page, 6);
      await page.keyboard.press(' ');
      await untilPaused(page);
      const month = await tick(page);
      expect(month).toBeGreaterThanOrEqual(6);
      await page.screenshot({ path: join(SHOTS, `present-${lang}-1400.png`) });
      await page.keyboard.press('r');
      await page.waitForFunction(() => document.body.dataset.tick === '0');
      await page.keyboard.press('Escape');
      expect(await page.getAttribute('body', 'class')).not.toContain('presenting');
      expect(await page.isVisible('#card')).toBe(true);
      await page.close();
    });
  }
});
