// The classroom: what the page explains in half a minute (the card, monitors, hover values, the
// documentation), a lesson that does not give its answer away, its printed handout, and the
// projector's presentation mode — in English and in Chinese. The model's numbers are read from the
// page and its exports, never written into the tests.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { downloaded, openExplorer, stepTo, tick, untilPaused, untilTick, type Preview } from './browser-setup.ts';
import { SHOTS, useExplorer } from './browser-suite.ts';
import { answerOf } from '../viz/lessons.ts';

let server: Preview | undefined;
let browser: Browser;

useExplorer((s, b) => {
  server = s;
  browser = b;
});

const open = (search = '') => openExplorer(browser, server!.base, search);
const TEXT = {
  en: { card: 'how much faster the form of purchasing has grown than its substance', zero: '0 = form and substance grew alike', better: 'lower is better', month: (m: number) => `Month ${m}` },
  zh: { card: '政府购买的“形式”比它的“实质”多增长了多少', zero: '0 = 形式与实质同步增长', better: '越低越好', month: (m: number) => `第 ${m} 个月` },
};

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
      expect(await page.textContent('figure[data-view=index] text.zero-label')).toBe(TEXT[lang].zero);
      const docs = await page.request.get(new URL((await page.getAttribute('#docs-link', 'href'))!, page.url()).href);
      expect(docs.status()).toBe(200);
      await stepTo(page, 14);
      const run = JSON.parse((await downloaded(page, () => page.click('#export-json'))).text);
      const last = (m: string) => run.series[m][run.series[m].length - 1];
      const index = last('involutionIndex');
      expect(await page.textContent('#mon-involutionIndex')).toBe(`${index > 0 ? '+' : index < 0 ? '−' : ''}${Math.abs(index).toFixed(2)}`);
      expect(await page.textContent('#mon-purchaseSpending')).toBe(last('purchaseSpending').toFixed(0));
      expect(await page.textContent('#mon-needsMet')).toBe(`${(last('needsMet') * 100).toFixed(1)} %`);
      expect(await page.textContent('#mon-independentSOs')).toBe(String(last('independentSOs')));
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

/** Go through a lesson up to the outcome, predicting `answer`. */
async function runLesson(page: Page, answer: string, run: string): Promise<void> {
  await page.check(`input[name=prediction][value=${answer}]`);
  await page.click(`#lesson button[data-key=next]`);
  expect(await page.textContent('#lesson button[data-key=run]')).toBe(run);
  await page.click('#lesson button[data-key=run]');
  await page.waitForSelector('#lesson-why', { timeout: 60_000 });
}

describe('lessons that teach', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`withholds the explanation until written and asked for, plays the run in the lesson with its markers, answers a wrong prediction, and puts the speed back (${lang})`, async () => {
      const { page } = await open(`?lang=${lang}&scenario=reform-at-year-3&ticks=60`);
      const teaching = (await page.textContent('#teaching'))!;
      await page.evaluate(() => { (document.getElementById('speed') as HTMLInputElement).value = '7'; });
      await page.click('#tab-lesson');
      expect(await page.textContent('#teaching')).not.toBe(teaching);
      await page.check('input[name=prediction][value=rise]');
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
      expect(await page.locator('#lesson figure[data-view=lesson-index] g.marker').count()).toBe(1);
      // The outcome, read from the page; the feedback follows from it.
      const saw = (await page.textContent('#lesson'))!.match(/(-?\d+\.\d\d)/)!;
      const actual = answerOf(Number(saw[1]));
      const first = await page.getAttribute('#lesson .feedback', 'class');
      expect(first).toContain(actual === 'rise' ? 'right' : 'wrong');
      // Again, predicting what the model did not do: the lesson answers the wrong prediction.
      await page.click('#lesson button[data-key=restart]');
      const wrong = actual === 'fall' ? 'flat' : 'fall';
      await runLesson(page, wrong, lang === 'en' ? 'Run it and watch' : '运行并观察');
      expect(await page.getAttribute('#lesson .feedback', 'class')).toContain('wrong');
      expect(await page.textContent('#lesson .feedback')).toMatch(lang === 'en' ? /Not what the model did: you predicted/ : /模型的结果与你的预测不同/);
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
      expect(await page.locator('#lesson input[name=prediction]').count()).toBe(0);
      // Nothing to withhold: the scenario's explanation is on the page.
      expect(await page.textContent('#teaching')).toBe(lang === 'en' ? 'Partnership from the start.' : '从一开始就实行伙伴关系。');
      // No lesson, no handout to print.
      expect(await page.locator('#lesson button[data-key=print]').count()).toBe(0);
      expect(await page.textContent('#handout')).toBe('');
      await page.setInputFiles('#load-file', file('own-lesson', {
        lesson: { question: { en: 'Will partnership alone end involution?', zh: '仅靠伙伴关系能结束内卷吗？' }, lookFor: { en: 'Watch SO autonomy.', zh: '观察社会组织自主性。' } },
      }));
      await page.waitForFunction(() => (document.getElementById('scenario') as HTMLSelectElement).value === 'file:own-lesson');
      expect(await page.textContent('#lesson legend')).toBe(lang === 'en' ? 'Will partnership alone end involution?' : '仅靠伙伴关系能结束内卷吗？');
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
      expect(handout).toContain(lang === 'en' ? 'Three years of involution, then all five preventions.' : '先内卷三年，再实施五项防治措施。');
      expect(handout).toContain(lang === 'en' ? 'Sketch your prediction here' : '在此画出你的预测');
      expect(await page.locator('#handout figure svg g.marker').count()).toBe(1);
      expect(await page.locator('#handout .write-lines div').count()).toBe(6);
      await page.screenshot({ path: join(SHOTS, `handout-${lang}.png`), fullPage: true });
      const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
      expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
      await page.close();
    });
  }
});

describe('presentation mode', () => {
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
