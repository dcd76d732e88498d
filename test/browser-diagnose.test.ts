// The Diagnose tab against the command line: a calibration spec loaded through its file input and run
// by ABC-SMC on the page's pool of workers gives the files `involution-lab calibrate` writes for it —
// posterior.csv and predictive.csv byte for byte, manifest.json byte for byte but for its timings,
// machine and the model's commit — and `involution-lab report`'s page; a reload mid-run resumes from
// the simulations stored in IndexedDB to the same bytes, and so does Resume after Cancel; a bad spec
// lists the CLI's problems and stores nothing; the Chinese page has no English word left in the tab,
// its charts or its report. Screenshots at three sizes in both languages.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { METRICS, PARAMS } from '../sim/index.ts';
import { axeViolations, downloaded, type Preview } from './browser-setup.ts';
import { SHOTS, useExplorer } from './browser-suite.ts';

let server: Preview | undefined;
let browser: Browser;
useExplorer((s, b) => {
  server = s;
  browser = b;
});

const BIN = join(import.meta.dirname, '..', 'bin', 'involution-lab.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'involution-browser-diagnose-'));
/** The CLI run in the spec's folder, the spec named by its file name: the manifest's specFile is the browser's. */
const cli = (...args: string[]) => spawnSync('node', [BIN, ...args], { encoding: 'utf8', cwd: tmp });
/** The same, not waited for: the reference calibration runs while the browser starts and runs its own. */
const cliLater = (...args: string[]) =>
  new Promise<{ status: number | null; stderr: string }>((resolve) => {
    const child = spawn('node', [BIN, ...args], { cwd: tmp, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.once('exit', (status) => resolve({ status, stderr }));
  });

/** Small enough to take seconds: two causes from two indicators, 500 citizens, a year and a half. */
const SPEC = {
  description: 'test: two causes from two indicators',
  scenario: 'baseline-involution',
  ticks: 18,
  set: { citizens: 500 },
  priors: { politicalRationality: [0, 1], asymmetricDependence: [0, 1] },
  targets: { paperworkShare: { value: 0.3, sd: 0.03 }, govRevenueShare: { range: [0.65, 0.75] } },
  particles: 20,
  generations: 4,
  seed: 11,
  predictive: { draws: 10, seeds: 2 },
};
const FILE = 'city.json';
const ref = join(tmp, 'ref');
writeFileSync(join(tmp, FILE), JSON.stringify(SPEC, null, 2));
/** `involution-lab calibrate` and `report` on the spec: started at once, awaited where the tests compare. */
const reference = (async () => {
  const r = await cliLater('calibrate', FILE, '--out', 'ref', '--workers', '2');
  if (r.status !== 0) throw new Error(`calibrate failed: ${r.stderr}`);
  const report = await cliLater('report', 'ref');
  if (report.status !== 0) throw new Error(`report failed: ${report.stderr}`);
})();
// Said where it is awaited, not as an unhandled rejection.
reference.catch(() => {});
/** The form's target rows, each as [its name, its metric]. */
const targetRows = (page: Page) =>
  page.locator('#diag-targets .diag-target').evaluateAll((els) => els.map((e) => [(e as HTMLElement).dataset.target, (e as HTMLElement).dataset.metric]));

const read = async (file: string) => {
  await reference;
  return readFileSync(join(ref, file), 'utf8');
};

const json = (name: string, value: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value, null, 2)),
});

async function openTab(lang: 'en' | 'zh', width = 1280, height = 900): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server!.base}?tab=diagnose&lang=${lang}`);
  await page.waitForSelector('#diag-count');
  return { page, errors };
}

const phase = (page: Page, p: string) => page.waitForSelector(`#diagnose[data-phase=${p}]`, { state: 'attached', timeout: 60_000 });
const data = (page: Page, key: string) => page.evaluate((k) => document.getElementById('diagnose')!.dataset[k], key);

/** Load the spec through the file input; until it is checked and counted. */
async function load(page: Page, spec: object = SPEC, name = FILE): Promise<void> {
  await page.setInputFiles('#diag-spec-file', [json(name, spec)]);
  await page.waitForFunction(
    (p) =>
      document.getElementById('diag-count')?.textContent?.match(/^(2 parameters|由 2 个指标)/) &&
      (document.getElementById('diag-particles') as HTMLInputElement).value === String(p),
    SPEC.particles,
  );
}

/** Until the charts are drawn under the results. */
async function charts(page: Page): Promise<void> {
  await page.waitForSelector('#diag-charts svg.chart');
  await page.waitForFunction(() => !document.getElementById('diag-charts')!.hasAttribute('aria-busy'));
}

/** Until the run is in generation 1 or later (generation 0 closed and stored), or already done. */
const pastFirstGeneration = (page: Page) =>
  page.waitForFunction(
    () => {
      const d = document.getElementById('diagnose')!.dataset;
      return (d.stage === 'generation' && Number(d.generation) >= 1) || d.stage === 'predictive' || d.phase === 'done';
    },
    null,
    { timeout: 60_000, polling: 5 },
  );

async function expectCsvs(page: Page): Promise<void> {
  for (const [id, file] of [
    ['#diag-export-posterior', 'posterior.csv'],
    ['#diag-export-predictive', 'predictive.csv'],
  ]) {
    const d = await downloaded(page, () => page.click(id));
    expect(d.name).toBe(file);
    expect(d.text, file).toBe(await read(file));
  }
}

/**
 * The report's words and numbers — every title, note, legend, tick label and table cell — but its
 * manifest (timings, machine) and the commit the CLI knows and the page does not. (The charts' markup
 * is not compared: a browser's DOM and linkedom's order attributes differ, and Plot offsets some
 * marks by half a pixel for a screen.)
 */
const comparable = (html: string) =>
  html
    .replace(/<pre>[\s\S]*<\/pre>/, '')
    .replace(/, commit [0-9a-f]{12}( \(with uncommitted changes\))?/, '')
    .replace(/<[^>]*>/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
/** Its charts, by their accessible names (attributes in any order). */
const chartNames = (html: string) =>
  [...html.matchAll(/<svg\b[^>]*>/g)].filter((m) => /class="chart"/.test(m[0])).map((m) => /aria-label="([^"]*)"/.exec(m[0])?.[1].replace(/&#39;/g, "'"));

/** Latin words a Chinese page may show: the spec's and the command line's own names (code, as typed), file names, authors, statistics' letters, parameters' and metrics' identifiers. */
const NAMES = new Set([
  ...['ABC', 'SMC', 'involution', 'lab', 'calibrate', 'report', 'posterior', 'predictive', 'manifest', 'model', 'json', 'csv', 'html'],
  ...['Girth', 'Filippi', 'Beaumont', 'r', 'p', 'N'],
  ...PARAMS.map((p) => p.name),
  ...METRICS,
]);
const english = (text: string): string[] =>
  [...text.replace(/\d+(\.\d+)?(e[-+]?\d+)?/g, ' ').matchAll(/[A-Za-z][A-Za-z0-9']*/g)].map((m) => m[0]).filter((w) => !NAMES.has(w));
const CJK = /[\u2e80-\u9fff\uff00-\uffef]/;

/** Every text of the tab a reader sees or hears: elements' text, options, placeholders, labels, the charts' texts and names. */
const tabText = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const root = document.getElementById('diagnose')!;
    const out: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n.textContent ?? '');
    for (const e of root.querySelectorAll('[placeholder], [aria-label]')) out.push(e.getAttribute('placeholder') ?? '', e.getAttribute('aria-label') ?? '');
    return out.filter((t) => t.trim());
  });

async function shoot(page: Page, name: string, sizes: [number, number][]): Promise<void> {
  for (const [w, h] of sizes) {
    await page.setViewportSize({ width: w, height: h });
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, `diagnose-${name}-${w}x${h}.png`) });
    await page.evaluate(() => document.getElementById('diag-results')!.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(SHOTS, `diagnose-${name}-results-${w}x${h}.png`) });
    await page.evaluate(() => document.querySelector('#diag-charts section:last-of-type')!.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(SHOTS, `diagnose-${name}-charts-${w}x${h}.png`) });
  }
}

describe('the Diagnose tab and involution-lab calibrate', () => {
  it("runs a spec to the CLI's files and report; it opens on the model's own calibration with its published values and sources", async () => {
    const { page, errors } = await openTab('en');
    // The model's own calibration, its targets' published values and their sources.
    expect(await targetRows(page)).toEqual([
      ['growth2012to2013', 'soGrowthRate'],
      ['growth2014to2015', 'soGrowthRate'],
      ['failedTenderShare', 'failedTenderShare'],
    ]);
    expect(await page.inputValue('#diag-target-low-0')).toBe('0.0735');
    expect(await page.textContent('#diag-source-0')).toBe(
      'Published: [0.0735, 0.1035]. Registered SOs grew 8.1 and 9.6 % a year in 2012 and 2013, before the registration reform (Ministry of Civil Affairs statistical bulletins).',
    );
    expect(await page.textContent('#diag-source-1')).toContain('10.8 and 9.2 %');
    expect(await page.textContent('#diag-source-2')).toContain('Nanjing');
    expect(await page.textContent('#diag-count')).toBe(
      '5 parameters from 3 indicators; 200 particles × at most 6 generations: at least 3720 runs, about 6720 at 50 % acceptance, at most 150720.',
    );
    expect(await axeViolations(page), 'the form').toEqual([]);
    await load(page);
    await page.click('#diag-run');
    await phase(page, 'done');
    await charts(page);
    await expectCsvs(page);
    // The manifest: the CLI's to the byte, once the timings, machine and commit are the CLI's.
    const manifest = await downloaded(page, () => page.click('#diag-export-manifest'));
    const mine = JSON.parse(manifest.text),
      theirs = JSON.parse(await read('manifest.json'));
    expect(mine.status).toBe('complete');
    expect(mine.timings.sessions).toBe(1);
    expect(mine.model.commit).toBeNull();
    expect(JSON.stringify({ ...mine, timings: theirs.timings, machine: theirs.machine, model: theirs.model }, null, 2) + '\n').toBe(
      await read('manifest.json'),
    );
    // The report's page: `involution-lab report`'s, and its charts on the page.
    const report = await downloaded(page, () => page.click('#diag-export-report'));
    const cliReport = await read('report.html');
    expect(comparable(report.text)).toEqual(comparable(cliReport));
    const onPage = await page.evaluate(() => [...document.querySelectorAll('#diag-charts svg.chart')].map((s) => s.getAttribute('aria-label')));
    expect(onPage).toEqual(chartNames(cliReport));
    expect(onPage).toHaveLength(2 + 1 + 2);
    expect(await page.textContent('#diag-summary')).toBe(
      '4 generations, ' + theirs.runs.calibration + ' runs, then 20 predictive runs. Stopped: reached the maximum of 4 generations.',
    );
    // The spec exported: what the CLI ran.
    const spec = await downloaded(page, () => page.click('#diag-export-spec'));
    expect(spec.name).toBe(FILE);
    expect(JSON.parse(spec.text)).toEqual(SPEC);
    expect(await axeViolations(page), 'the results').toEqual([]);
    await shoot(page, 'en', [
      [1280, 720],
      [1440, 900],
      [390, 844],
    ]);
    // Opened again, the calibration kept in this browser shows its results without a simulation, and its manifest unchanged.
    await page.reload();
    await page.waitForSelector('#diag-saved li');
    await page.click('#diag-saved li button:text("Open")');
    await phase(page, 'done');
    expect(await data(page, 'ran')).toBe('0');
    expect((await downloaded(page, () => page.click('#diag-export-manifest'))).text).toBe(manifest.text);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a reload mid-run resumes from what this browser kept, to the same bytes', async () => {
    const { page, errors } = await openTab('en');
    await load(page);
    await page.click('#diag-run');
    await pastFirstGeneration(page);
    await page.reload();
    await page.waitForSelector('#diag-resume');
    const kept = Number(/(\d+) simulations? kept/.exec((await page.textContent('.exp-banner'))!)![1]);
    expect(kept).toBeGreaterThanOrEqual(SPEC.particles);
    await page.click('#diag-resume');
    await phase(page, 'done');
    // Only what was missing was simulated.
    const ran = Number(await data(page, 'ran'));
    // The simulations the result rests on: a run a proposal (one replicate), and a simulation a predictive draw.
    const needed = JSON.parse(await read('manifest.json')).runs.calibration + SPEC.predictive.draws;
    expect(ran + kept).toBeGreaterThanOrEqual(needed);
    expect(ran).toBeLessThan(needed);
    await expectCsvs(page);
    expect(JSON.parse((await downloaded(page, () => page.click('#diag-export-manifest'))).text).timings.sessions).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Cancel stops at once, says what is kept, and Resume ends with the same bytes', async () => {
    const { page, errors } = await openTab('en');
    await load(page);
    await page.click('#diag-run');
    await pastFirstGeneration(page);
    await page.click('#diag-cancel');
    await phase(page, 'idle');
    const stored = Number(await data(page, 'stored'));
    expect(stored).toBeGreaterThanOrEqual(SPEC.particles);
    expect(await page.textContent('#diag-progress')).toBe(`Stopped: ${stored} simulations are kept in this browser; Resume goes on from them.`);
    expect(await page.textContent('#diag-run')).toBe(`Resume (${stored} simulations kept)`);
    expect(await page.isHidden('#diag-results')).toBe(true);
    await page.click('#diag-run');
    await phase(page, 'done');
    await expectCsvs(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('one indicator over two windows: the form adds it again, each with its name; the spec exported and loaded again keeps them', async () => {
    const { page, errors } = await openTab('en');
    const type = async (id: string, value: string) => {
      await page.fill(id, value);
      await page.dispatchEvent(id, 'change');
    };
    const problems = () => page.locator('#diag-problems li').allTextContents();
    // The model's own calibration observes failedTenderShare once; it is offered again, for another window.
    expect(await page.textContent('#diag-add-metric option[value="failedTenderShare"]')).toMatch(/\(failedTenderShare\): once more, over another window$/);
    await page.selectOption('#diag-add-metric', 'failedTenderShare');
    await page.click('#diag-add-target');
    expect(await page.locator('#diag-targets .diag-target').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.target))).toEqual([
      'growth2012to2013',
      'growth2014to2015',
      'failedTenderShare',
      'failedTenderShare-2',
    ]);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('diag-target-name-3');
    await type('#diag-target-name-2', 'failed2015to2016');
    await type('#diag-target-tick-2', '59');
    // A name another indicator holds is refused where it is typed; the draft keeps both.
    await type('#diag-target-name-3', 'failed2015to2016');
    expect(await page.isVisible('#diag-target-name-taken-3')).toBe(true);
    expect(await page.textContent('#diag-target-name-taken-3')).toContain('Another indicator is already called failed2015to2016');
    await type('#diag-target-name-3', 'failed2016to2017');
    expect(await page.isVisible('#diag-target-name-taken-3')).toBe(false);
    // The same window twice is the check's problem, named as the CLI names it.
    await type('#diag-target-from-3', '36');
    await type('#diag-target-tick-3', '59');
    await page.waitForSelector('#diag-problems');
    expect(await problems()).toEqual([
      'field targets.failed2016to2017 is not allowed: it duplicates targets.failed2015to2016 (the same metric "failedTenderShare" over the same months 36–59); give it another window or remove one',
    ]);
    await type('#diag-target-from-3', '48');
    await type('#diag-target-tick-3', '71');
    await page.waitForFunction(() => document.getElementById('diag-count')?.textContent?.startsWith('5 parameters from 4 indicators'));
    const spec = JSON.parse((await downloaded(page, () => page.click('#diag-export-spec-draft'))).text);
    expect(spec.targets).toEqual({
      growth2012to2013: { metric: 'soGrowthRate', range: [0.0735, 0.1035], from: 11, tick: 23 },
      growth2014to2015: { metric: 'soGrowthRate', range: [0.085, 0.115], from: 35, tick: 47 },
      failed2015to2016: { metric: 'failedTenderShare', range: [0.25, 0.5], tick: 59, from: 36 },
      failed2016to2017: { metric: 'failedTenderShare', range: [0.25, 0.5], tick: 71, from: 48 },
    });
    // Loaded back (as a file would be), each target is shown under its name, with its metric.
    await page.setInputFiles('#diag-spec-file', [json('windows.json', { ...spec, particles: 30 })]);
    await page.waitForFunction(() => (document.getElementById('diag-particles') as HTMLInputElement).value === '30');
    expect(await targetRows(page)).toEqual([
      ['growth2012to2013', 'soGrowthRate'],
      ['growth2014to2015', 'soGrowthRate'],
      ['failed2015to2016', 'failedTenderShare'],
      ['failed2016to2017', 'failedTenderShare'],
    ]);
    expect(await page.inputValue('#diag-target-name-3')).toBe('failed2016to2017');
    expect(await page.inputValue('#diag-target-name-0')).toBe('growth2012to2013');
    expect(await page.textContent('#diag-count')).toMatch(/^5 parameters from 4 indicators/);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a bad spec: the CLI's problems, each naming the field, the value and what is allowed; nothing stored", async () => {
    const bad = {
      scenario: 'no-such-scenario',
      priors: { pathDependence: [0.5, 0.2], citizens: [100, 200], madeUp: [0, 1] },
      targets: { noSuchMetric: { value: 1, sd: 0.1 }, purchaseShare: { range: [0.4, 0.3] } },
      particles: 5,
      kernel: 'gaussian',
    };
    writeFileSync(join(tmp, 'bad.json'), JSON.stringify(bad));
    const r = cli('calibrate', 'bad.json', '--out', 'never');
    expect(r.status).toBe(2);
    const { page, errors } = await openTab('zh');
    await page.setInputFiles('#diag-spec-file', [json('bad.json', bad)]);
    await page.waitForSelector('#diag-problems');
    const lines = await page.locator('#diag-problems li').allTextContents();
    expect(lines).toHaveLength(8);
    expect(r.stderr).toBe(`involution-lab: calibration spec bad.json has 8 problems:\n${lines.map((p) => `  ${p}\n`).join('')}`);
    expect(await page.textContent('#diag-check .problems-title')).toBe('该设定有 8 个问题：');
    expect(await page.isDisabled('#diag-run')).toBe(true);
    // A value typed in the form is named as typed.
    await page.fill('#diag-particles', 'many');
    await page.dispatchEvent('#diag-particles', 'change');
    await page.waitForFunction(() =>
      document.getElementById('diag-problems')?.textContent?.includes('field particles = "many" is not allowed: must be an integer in [10, 100000]'),
    );
    // A key given twice is refused, as the CLI and every file the page loads refuse it, and the form keeps what it had.
    await page.setInputFiles('#diag-spec-file', [json('twice.json', '{"particles": 20, "particles": 30}')]);
    await page.waitForSelector('#diag-file-problems:not([hidden])');
    expect(await page.textContent('#diag-file-problems')).toBe(
      '无法载入 twice.json：同一对象中有 1 个键出现了两次（“particles”位于 particles），JSON 只会保留后一个。每个键请只写一次。页面未作任何改动。',
    );
    // Nothing was stored.
    const count = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const req = indexedDB.open('involution-lab-diagnose');
          req.onsuccess = () => {
            const c = req.result.transaction('calibrations').objectStore('calibrations').count();
            c.onsuccess = () => resolve(c.result);
          };
          req.onerror = () => reject(req.error);
        }),
    );
    expect(count).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in Chinese: no English word in the tab, its charts or its report, the axes with their units; on a phone nothing wider than the screen', async () => {
    const { page, errors } = await openTab('zh', 390, 844);
    // Before a run: the form, the published values and their sources.
    expect((await tabText(page)).filter((t) => english(t).length).map((t) => `${english(t).join(' ')} ← ${t}`)).toEqual([]);
    await load(page, { ...SPEC, description: '测试：由两个指标推断两个原因' }, '城市.json');
    await page.click('#diag-run');
    await phase(page, 'done');
    await charts(page);
    const texts = await tabText(page);
    expect(texts.filter((t) => CJK.test(t)).length).toBeGreaterThan(50);
    expect(texts.filter((t) => english(t).length).map((t) => `${english(t).join(' ')} ← ${t}`)).toEqual([]);
    // The axes carry their units in Chinese.
    expect(texts.filter((t) => t.includes('（比例，0–1）')).length).toBeGreaterThanOrEqual(2);
    expect(texts.filter((t) => t.includes('（比例）')).length).toBeGreaterThanOrEqual(2);
    const overflow = await page.evaluate(
      () =>
        [...document.querySelectorAll('#diagnose svg.chart, #diagnose .table-wrap, #diagnose input, #diagnose select')].filter(
          (e) => e.getBoundingClientRect().right > window.innerWidth + 1,
        ).length,
    );
    expect(overflow).toBe(0);
    const report = await downloaded(page, () => page.click('#diag-export-report'));
    expect(report.text).toContain('<html lang="zh-CN">');
    const body = report.text
      .slice(report.text.indexOf('<body>'), report.text.lastIndexOf('<section><h2>'))
      .replace(/<p class="meta">[^<]*<\/p>/, '')
      .replace(/<[^>]+aria-label="([^"]*)"[^>]*>/g, ' $1 ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&#39;/g, "'")
      .replace(/&[a-z]+;/g, ' ');
    expect(english(body)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'zh', [
      [390, 844],
      [1280, 720],
      [1440, 900],
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
