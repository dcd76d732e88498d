// The research loop in the browser against the command line: a spec loaded through the Experiment
// tab's file input and run on the page's pool of workers gives the summary.csv `involution-lab
// experiment` writes for it, byte for byte, for a grid (with a scenario file), a Morris, a Sobol' and
// a Latin hypercube design; its analyses are `analyze`'s, its scenario discovery `discover`'s, its policies' robustness `robust`'s; its exported spec run by the CLI gives the same bytes again;
// Compare's spec and CSV (the sidebar's settings and interventions included) are the CLI's too; a
// reload mid-experiment resumes with only the missing runs; a bad spec lists the CLI's problems.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, downloaded, type Preview } from './browser-setup.ts';
import { useExplorer } from './browser-suite.ts';

let server: Preview | undefined;
let browser: Browser;
useExplorer((s, b) => {
  server = s;
  browser = b;
});

const BIN = join(import.meta.dirname, '..', 'bin', 'involution-lab.mjs');
const cli = (...args: string[]) => spawnSync('node', [BIN, ...args], { encoding: 'utf8' });
const tmp = mkdtempSync(join(tmpdir(), 'involution-browser-experiment-'));

/** A scenario file the grid spec names by a path relative to itself. */
const CUSTOM = {
  id: 'custom-partnership', title: { en: 'Custom', zh: '自定义' }, teaching: { en: 'A test scenario.', zh: '测试情景。' }, source: 'test',
  params: { partnership: 0.6, serviceOrientation: 0.4 }, schedule: [{ tick: 6, set: { resourceRelease: 0.5 } }],
};
const small = { set: { citizens: 1000 }, metrics: ['involutionIndex', 'needsMet'] };
const SPECS = {
  grid: { ...small, description: 'browser grid', scenarios: ['baseline-involution', 'files/custom.json'], ticks: 18, seeds: 2, record: { every: 6 }, vary: { pathDependence: [0.3, 0.9] } },
  morris: { ...small, scenario: 'baseline-involution', ticks: 12, seeds: 2, design: { type: 'morris', samples: 3, levels: 4, ranges: { pathDependence: [0, 1], districts: [2, 6] } } },
  sobol: { ...small, scenario: 'baseline-involution', ticks: 12, seeds: 1, design: { type: 'sobol', samples: 4, ranges: { pathDependence: [0, 1], politicalRationality: [0, 1] } } },
  lhs: { ...small, scenario: 'baseline-involution', ticks: 60, seeds: 2, design: { type: 'lhs', samples: 30, ranges: { pathDependence: [0, 1], politicalRationality: [0, 1] } } },
  robust: { ...small, scenarios: ['baseline-involution', 'full-prevention'], ticks: 12, seeds: 2, design: { type: 'lhs', samples: 8, ranges: { fragmentationLoss: [0, 0.5], reportVisibility: [0, 3] } } },
  // Long enough that a reload after its first runs comes well before its end.
  long: { ...small, set: { citizens: 2000 }, scenario: 'baseline-involution', ticks: 36, seeds: 150 },
};
type Name = keyof typeof SPECS;
const RUNS: Record<Name, number> = { grid: 8, morris: 18, sobol: 16, lhs: 60, robust: 32, long: 150 };

/** The spec file and the CLI's output directory of each spec. */
const files = {} as Record<Name, { spec: string; out: string }>;

/** Run the CLI on a spec file; its summary.csv. */
function cliSummary(spec: string, out: string): string {
  const r = cli('experiment', spec, '--out', out, '--workers', '2');
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(join(out, 'summary.csv'), 'utf8');
}

beforeAll(() => {
  mkdirSync(join(tmp, 'files'));
  writeFileSync(join(tmp, 'files', 'custom.json'), JSON.stringify(CUSTOM));
  for (const name of Object.keys(SPECS) as Name[]) {
    files[name] = { spec: join(tmp, `${name}.json`), out: join(tmp, name) };
    writeFileSync(files[name].spec, JSON.stringify(SPECS[name]));
    cliSummary(files[name].spec, files[name].out);
  }
});

const json = (name: string, value: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value)) });

async function openTab(search = ''): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server!.base}?tab=experiment${search}`);
  await page.waitForSelector('#exp-count');
  return { page, errors };
}

const phase = (page: Page, p: string) => page.waitForSelector(`#experiment[data-phase=${p}]`, { state: 'attached', timeout: 60_000 });
const data = (page: Page, key: string) => page.evaluate((k) => Number(document.getElementById('experiment')!.dataset[k]), key);

/** Load a spec (and scenario files) through the file input; until it is checked and counted. */
async function load(page: Page, name: Name, runs: number): Promise<void> {
  await page.setInputFiles('#exp-spec-file', [json(`${name}.json`, SPECS[name])]);
  await page.waitForFunction((n) => document.getElementById('experiment')!.dataset.total === String(n), runs);
}

/** The charts of a report page (or of the tab), by their accessible names, in order. */
const unescape = (text: string) => text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const chartNames = (html: string) => [...html.matchAll(/<svg\b[^>]*>/g)].map((m) => /class="chart"/.test(m[0]) ? /aria-label="([^"]*)"/.exec(m[0])?.[1] : undefined).filter((x) => x !== undefined).map(unescape);
/** The section titles of a report page. */
const sectionTitles = (html: string) => [...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);

/**
 * The tab draws the report's charts under its tables, and Export report gives the report page: the
 * same sections and charts as `involution-lab report` on the CLI's run of the spec, once `analyze`
 * has made the analysis the page shows.
 */
async function expectReport(page: Page, name: Name, ...analyses: string[][]): Promise<void> {
  await page.waitForSelector('#exp-charts:not([hidden]) svg.chart');
  expect(await page.getAttribute('#exp-charts', 'aria-busy')).toBeNull();
  const report = await downloaded(page, () => page.click('#exp-export-report'));
  expect(report.text).toMatch(/^<!doctype html>/);
  const out = files[name].out;
  for (const analyze of analyses) expect(cli('analyze', out, ...analyze).status).toBe(0);
  expect(cli('report', out).status).toBe(0);
  const reference = readFileSync(join(out, 'report.html'), 'utf8');
  expect(sectionTitles(report.text)).toEqual([...sectionTitles(reference)]);
  expect(chartNames(report.text)).toEqual(chartNames(reference));
  expect(chartNames(report.text).length).toBeGreaterThan(0);
  const onPage = await page.evaluate(() => [...document.querySelectorAll('#exp-charts svg.chart')].map((s) => s.getAttribute('aria-label')));
  expect(onPage).toEqual(chartNames(report.text));
}

describe('the Experiment tab and the command line', () => {
  it('grid with a scenario file: the spec names the missing file, then runs to the CLI\'s summary.csv; its exported spec gives it again', async () => {
    const { page, errors } = await openTab();
    await page.setInputFiles('#exp-spec-file', [json('grid.json', SPECS.grid)]);
    await page.waitForSelector('#exp-problems');
    expect(await page.textContent('#exp-problems')).toContain('the scenario file custom.json is not loaded');
    expect(await page.isDisabled('#exp-run')).toBe(true);
    await page.setInputFiles('#exp-scenario-files', [json('custom.json', CUSTOM)]);
    await page.waitForFunction(() => document.getElementById('exp-count')?.textContent?.startsWith('8 runs: 2 scenarios × 2 design points × 2 seeds'));
    // The form shows the spec: its scenarios, seeds and grid.
    expect(await page.isChecked('#exp-scenarios input[value="files/custom.json"]')).toBe(true);
    expect(await page.inputValue('#exp-vary-values-0')).toBe('0.3, 0.9');
    await page.click('#exp-run');
    await phase(page, 'done');
    expect(await data(page, 'ran')).toBe(RUNS.grid);
    const csv = await downloaded(page, () => page.click('#exp-export-csv'));
    expect(csv.text).toBe(readFileSync(join(files.grid.out, 'summary.csv'), 'utf8'));
    // Two scenarios, no sampled design: the paired differences.
    expect(await page.locator('.analysis[data-method=paired] tbody tr').count()).toBe(2);
    // The exported spec, beside the scenario file it names, run by the CLI.
    const spec = await downloaded(page, () => page.click('#exp-export-spec'));
    writeFileSync(join(tmp, 'grid-exported.json'), spec.text);
    expect(cliSummary(join(tmp, 'grid-exported.json'), join(tmp, 'grid-exported'))).toBe(csv.text);
    // The grid's own result on the page: a row a design point and scenario (final month), analyze's numbers.
    const grid = page.locator('.analysis[data-method=grid]');
    expect(await grid.locator('tbody tr').count()).toBe(4);
    const gridCsv = await downloaded(page, () => grid.locator('button').click());
    expect(gridCsv.text).toBe(cli('analyze', files.grid.out, '--method', 'grid', '--outcome', 'involutionIndex', '--out', '-').stdout);
    // The report's charts under the tables, and its page: what `involution-lab report` draws after
    // `analyze` made the same paired analysis and grid result.
    await expectReport(page, 'grid', ['--method', 'paired', '--outcome', 'involutionIndex', '--baseline', 'baseline-involution'], ['--method', 'grid', '--outcome', 'involutionIndex']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("lhs: binned means as analyze writes them, and scenario discovery as discover prints it, a step picked on the trade-off curve", async () => {
    const { page, errors } = await openTab();
    await load(page, 'lhs', RUNS.lhs);
    await page.click('#exp-run');
    await phase(page, 'done');
    const table = page.locator('.analysis[data-method=lhs]');
    // 30 points: 6 bins of each of the 2 parameters.
    expect(await table.locator('tbody tr').count()).toBe(12);
    const lhs = await downloaded(page, () => table.locator('button').click());
    expect(lhs.text).toBe(cli('analyze', files.lhs.out, '--method', 'lhs', '--outcome', 'involutionIndex', '--out', '-').stdout);
    await expectReport(page, 'lhs', ['--method', 'lhs', '--outcome', 'involutionIndex']);
    // A condition that is not one is refused in words, and nothing is drawn.
    await page.fill('#exp-where', 'above 0.5');
    await page.click('#exp-discover');
    expect(await page.textContent('#exp-discover-problem')).toBe('“above 0.5” is not a condition: write > x, >= x, < x, <= x, or a range a..b with a below b.');
    expect(await page.locator('#exp-discovery-results svg').count()).toBe(0);
    // The first condition offered splits the runs at their median.
    const summary = readFileSync(join(files.lhs.out, 'summary.csv'), 'utf8').trim().split('\n').slice(1).map((l) => Number(l.split(',')[5])).sort((a, b) => a - b);
    const where = `> ${Number(summary[30].toPrecision(3))}`;
    await page.fill('#exp-where', where);
    await page.click('#exp-discover');
    await page.waitForSelector('#exp-discovery-results .tradeoff svg.chart');
    expect(await page.isHidden('#exp-discover-problem')).toBe(true);
    const discovery = await downloaded(page, () => page.click('#exp-export-discovery'));
    const printed = cli('discover', files.lhs.out, '--outcome', 'involutionIndex', '--where', where, '--out', '-');
    expect(printed.status, printed.stderr).toBe(0);
    expect(discovery.text).toBe(printed.stdout);
    // Clicking a dot of the trade-off curve shows that step's box.
    const select = page.locator('#exp-discovery-results select').first();
    const chosen = await select.inputValue();
    const steps = await page.locator('#exp-discovery-results .tradeoff circle[data-step]').evaluateAll((cs) => cs.map((c) => c.getAttribute('data-step')));
    const other = steps.find((x) => x !== chosen && x !== '0')!;
    await page.locator(`#exp-discovery-results .tradeoff circle[data-step="${other}"]`).first().click({ force: true });
    expect(await select.inputValue()).toBe(other);
    expect(await page.textContent('#exp-discovery-results .caption')).toMatch(new RegExp(`^Box 1 at step ${other}: coverage`));
    expect(await page.locator(`#exp-discovery-results .tradeoff svg[aria-label]`).getAttribute('aria-label')).toMatch(/^PRIM box 1: the peeling trajectory of involutionIndex >/);
    expect(await axeViolations(page)).toEqual([]);
    // The exported report holds the discovery as `report` draws it from discover's file.
    const report = await downloaded(page, () => page.click('#exp-export-report'));
    expect(sectionTitles(report.text)).toContain('Scenario discovery');
    expect(cli('discover', files.lhs.out, '--outcome', 'involutionIndex', '--where', where).status).toBe(0);
    expect(cli('report', files.lhs.out).status).toBe(0);
    const reference = readFileSync(join(files.lhs.out, 'report.html'), 'utf8');
    expect(chartNames(report.text)).toEqual(chartNames(reference));
    expect(chartNames(report.text).filter((c) => c.startsWith('PRIM box'))).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('robust: the policies\' robustness as robust prints it, for the threshold, direction and policy chosen, and in the exported report', async () => {
    const { page, errors } = await openTab();
    await load(page, 'robust', RUNS.robust);
    await page.click('#exp-run');
    await phase(page, 'done');
    // A threshold that is not a number is refused in words, and nothing is drawn.
    await page.fill('#exp-robust-threshold', 'low');
    await page.click('#exp-robust');
    expect(await page.textContent('#exp-robust-problem')).toBe('“low” is not a threshold: write a number, such as 0 or -0.5.');
    expect(await page.locator('#exp-robustness-results table').count()).toBe(0);
    // The defaults (involutionIndex ≤ 0, the most robust policy): the CSV robust writes.
    await page.fill('#exp-robust-threshold', '0');
    await page.click('#exp-robust');
    await page.waitForSelector('#exp-robust-table');
    expect(await page.isHidden('#exp-robust-problem')).toBe(true);
    expect(await page.locator('#exp-robust-table tbody tr').count()).toBe(2);
    expect(await page.textContent('#exp-robust-caption')).toBe('16 states of the world (design point × seed); satisficing: involutionIndex ≤ 0');
    const plain = await downloaded(page, () => page.click('#exp-robust-export'));
    const printed = cli('robust', files.robust.out, '--outcome', 'involutionIndex', '--out', '-');
    expect(printed.status, printed.stderr).toBe(0);
    expect(plain.text).toBe(printed.stdout);
    // Another threshold, higher is better, the baseline's vulnerable states.
    await page.fill('#exp-robust-threshold', '0.1');
    await page.check('#exp-robust-higher');
    await page.selectOption('#exp-robust-policy', 'baseline-involution');
    await page.click('#exp-robust');
    await page.waitForSelector('#exp-robust-table');
    expect(await page.textContent('#exp-robust-vulnerable')).toMatch(/^Vulnerable states of .+ \(involutionIndex < 0\.1\): \d+ of 16$/);
    const chosen = await downloaded(page, () => page.click('#exp-robust-export'));
    expect(chosen.name).toBe('robustness-involutionIndex.csv');
    const asked = ['--outcome', 'involutionIndex', '--threshold', '0.1', '--higher-is-better', '--policy', 'baseline-involution'];
    expect(chosen.text).toBe(cli('robust', files.robust.out, ...asked, '--out', '-').stdout);
    expect(await page.locator('#exp-robustness table').count()).toBeGreaterThanOrEqual(2);
    expect(await axeViolations(page)).toEqual([]);
    // The exported report holds the robustness as `report` draws it from robust's file.
    const report = await downloaded(page, () => page.click('#exp-export-report'));
    expect(sectionTitles(report.text)).toContain('Robustness of the policies');
    expect(report.text).toContain('Satisficing share: states of the world with involutionIndex ≥ 0.1');
    expect(cli('robust', files.robust.out, ...asked).status).toBe(0);
    // The page's report draws the Latin hypercube's binned means of its outcome only: so does `report` once analyze made them.
    expect(cli('analyze', files.robust.out, '--method', 'lhs', '--outcome', 'involutionIndex').status).toBe(0);
    expect(cli('report', files.robust.out).status).toBe(0);
    const reference = readFileSync(join(files.robust.out, 'report.html'), 'utf8');
    expect(chartNames(report.text)).toEqual(chartNames(reference));
    expect(chartNames(report.text).filter((c) => /^(Satisficing share|Regret in)/.test(c))).toEqual([
      'Satisficing share: states of the world with involutionIndex ≥ 0.1',
      'Regret in involutionIndex: each policy against the best policy in the same state',
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const name of ['morris', 'sobol'] as const) {
    it(`${name}: the CLI's summary.csv, analyze's numbers, and the exported spec gives the same bytes`, async () => {
      const { page, errors } = await openTab();
      await load(page, name, RUNS[name]);
      await page.click('#exp-run');
      await phase(page, 'done');
      const csv = await downloaded(page, () => page.click('#exp-export-csv'));
      expect(csv.text).toBe(readFileSync(join(files[name].out, 'summary.csv'), 'utf8'));
      // The table on the page is analyze's, interval and all.
      const table = page.locator(`.analysis[data-method=${name}]`);
      expect(await table.locator('tbody tr').count()).toBe(2);
      expect(await table.locator('thead').textContent()).toContain('95 % interval');
      const analysis = await downloaded(page, () => table.locator('button').click());
      const r = cli('analyze', files[name].out, '--method', name, '--outcome', 'involutionIndex', '--out', '-');
      expect(analysis.text).toBe(r.stdout);
      expect(await axeViolations(page)).toEqual([]);
      await expectReport(page, name, ['--method', name, '--outcome', 'involutionIndex']);
      const spec = await downloaded(page, () => page.click('#exp-export-spec'));
      writeFileSync(join(tmp, `${name}-exported.json`), spec.text);
      expect(cliSummary(join(tmp, `${name}-exported.json`), join(tmp, `${name}-exported`))).toBe(csv.text);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('a reload mid-experiment, then a Cancel: Resume runs only the missing runs and ends with the CLI\'s summary.csv', async () => {
    const { page } = await openTab();
    await load(page, 'long', RUNS.long);
    await page.click('#exp-run');
    await page.waitForFunction(() => Number(document.getElementById('experiment')!.dataset.done) >= 10, null, { timeout: 60_000 });
    await page.reload();
    await page.waitForSelector('#exp-resume');
    const kept = Number((await page.textContent('.exp-banner'))!.match(/(\d+) of 150 runs done/)![1]);
    expect(kept).toBeGreaterThanOrEqual(10);
    expect(kept).toBeLessThan(RUNS.long);
    await page.click('#exp-resume');
    // Cancelled in turn: the runs under way finish, and all are kept.
    await page.waitForFunction((k) => Number(document.getElementById('experiment')!.dataset.done) >= k + 10, kept, { timeout: 60_000 });
    await page.click('#exp-cancel');
    await phase(page, 'idle');
    const stopped = await data(page, 'stored');
    expect(stopped).toBeGreaterThanOrEqual(kept + 10);
    expect(stopped).toBeLessThan(RUNS.long);
    expect(await page.textContent('#exp-run')).toBe(`Resume (${stopped} of 150 done)`);
    expect(await page.textContent('#exp-progress')).toBe(`Stopped: ${stopped} of 150 runs are kept in this browser; Resume runs the rest.`);
    await page.click('#exp-run');
    await phase(page, 'done');
    // Only the missing runs were run; the finished ones were read back.
    expect(await data(page, 'ran')).toBe(RUNS.long - stopped);
    const csv = await downloaded(page, () => page.click('#exp-export-csv'));
    expect(csv.text).toBe(readFileSync(join(files.long.out, 'summary.csv'), 'utf8'));
    // Opened again later, the experiment is complete: its results show without running.
    await page.reload();
    await page.waitForSelector('.exp-saved li');
    await page.click('.exp-saved li button:text("Open")');
    await phase(page, 'done');
    expect(await page.textContent('#exp-results h2')).toBe('Results of 150 runs');
    await page.close();
  });

  it('a bad spec: the problems the CLI prints, each naming the field, the value and what is allowed', async () => {
    const bad = { scenario: 'nowhere', seeds: 2, metrics: ['involutionIndex', 'nothing'], set: { citizens: 1, seed: 3 } };
    const file = join(tmp, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const r = cli('experiment', file, '--out', join(tmp, 'bad'));
    expect(r.status).toBe(2);
    const { page, errors } = await openTab('&lang=zh');
    await page.setInputFiles('#exp-spec-file', [json('bad.json', bad)]);
    await page.waitForSelector('#exp-problems');
    const lines = await page.locator('#exp-problems li').allTextContents();
    expect(r.stderr).toBe(`involution-lab: spec ${file} has 4 problems:\n${lines.map((p) => `  ${p}\n`).join('')}`);
    expect(await page.textContent('.problems-title')).toBe('该设定有 4 个问题：');
    expect(await page.isDisabled('#exp-run')).toBe(true);
    // Not JSON at all: said, and the form keeps what it had.
    await page.setInputFiles('#exp-spec-file', [{ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"seeds": ') }]);
    await page.waitForSelector('#exp-file-problems:not([hidden])');
    expect(await page.textContent('#exp-file-problems')).toContain('broken.json');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('when this browser refuses to keep runs (its storage full)', () => {
  /** The page with IndexedDB accepting `n` runs, then refusing every further one as a full quota does. */
  async function openRefusing(n: number): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await page.addInitScript((accepted) => {
      let left = accepted;
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
        if (this.name === 'runs' && left-- <= 0) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    }, n);
    await page.goto(`${server!.base}?tab=experiment`);
    await page.waitForSelector('#exp-count');
    return page;
  }
  const status = (page: Page) => page.textContent('#exp-progress');

  it('says so at once while running, and a Cancel and a reload show what was kept, not what was run', async () => {
    const page = await openRefusing(9);
    await load(page, 'long', RUNS.long);
    await page.click('#exp-run');
    await page.waitForFunction(() => /refused to keep results/.test(document.getElementById('exp-progress')!.textContent ?? ''), null, { timeout: 60_000 });
    // Said while the experiment still runs, not at its end.
    expect(await page.getAttribute('#experiment', 'data-phase')).toBe('running');
    expect(await status(page)).toMatch(/this browser refused to keep results \(QuotaExceededError\): only 9 runs are kept, a reload loses the others/);
    await page.click('#exp-cancel');
    await phase(page, 'idle');
    const done = await data(page, 'done');
    expect(done).toBeGreaterThan(9);
    expect(await status(page)).toBe(`Stopped: ${done} of 150 runs done in this page. This browser refused to keep them all (QuotaExceededError): it keeps 9 of the ${done}, and a reload loses the other ${done - 9}. Export the files now.`);
    expect(await page.textContent('#exp-run')).toBe('Resume (9 of 150 done)');
    await page.reload();
    await page.waitForSelector('#exp-resume');
    expect(await page.textContent('.exp-banner')).toMatch(/\b9 of 150 runs done/);
    await page.close();
  });

  it('an experiment that ends does not say "All 18 runs done." when 9 were kept; a reload finds 9', async () => {
    const page = await openRefusing(9);
    await load(page, 'morris', RUNS.morris);
    await page.click('#exp-run');
    await phase(page, 'done');
    const said = await status(page);
    expect(said).toBe('All 18 runs done in this page. This browser refused to keep them all (QuotaExceededError): it keeps 9 of the 18, and a reload loses the other 9. Export the files now.');
    expect(said).not.toMatch(/All 18 runs done\./);
    // The results are on the page to export while it is open.
    const csv = await downloaded(page, () => page.click('#exp-export-csv'));
    expect(csv.text).toBe(readFileSync(join(files.morris.out, 'summary.csv'), 'utf8'));
    await page.reload();
    await page.waitForSelector('#exp-resume');
    expect(await page.textContent('.exp-banner')).toMatch(/\b9 of 18 runs done/);
    await page.close();
  });
});

describe('Compare and the command line', () => {
  it("runs the sidebar's settings and interventions, says so, keeps its settings in the link, and exports the CLI's spec and summary.csv", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await page.goto(`${server!.base}?citizens=1000&ticks=18&pathDependence=0.4&iv=6:partnership=0.9&tab=compare&cmp=baseline-involution,money-alone&cmpSeeds=3&cmpMetric=needsMet&cmpBase=money-alone`);
    await page.waitForSelector('body[data-tick]', { state: 'attached' });
    expect(await page.isVisible('#panel-compare')).toBe(true);
    expect(await page.textContent('#compare-settings')).toBe('Runs with your settings from the sidebar: Citizens 1000, Months 18, Path dependence 0.4; Month 6: Partnership 0.9.');
    expect(await page.inputValue('#compare-seeds')).toBe('3');
    expect(await page.inputValue('#compare-metric')).toBe('needsMet');
    expect(await page.inputValue('#compare-baseline')).toBe('money-alone');
    await page.click('#compare-run');
    await page.waitForFunction(() => /^6 of 6 runs finished$/.test(document.getElementById('compare-progress')!.textContent ?? ''), null, { timeout: 60_000 });
    const spec = await downloaded(page, () => page.click('#compare-export-spec'));
    const csv = await downloaded(page, () => page.click('#compare-export-csv'));
    expect(JSON.parse(spec.text)).toMatchObject({ scenarios: ['baseline-involution', 'money-alone'], ticks: 18, seeds: [1, 2, 3], metrics: ['needsMet'], set: { citizens: 1000, pathDependence: 0.4 }, interventions: [{ tick: 6, set: { partnership: 0.9 } }] });
    writeFileSync(join(tmp, 'compare.json'), spec.text);
    expect(cliSummary(join(tmp, 'compare.json'), join(tmp, 'compare'))).toBe(csv.text);
    expect(csv.text.trim().split('\n')).toHaveLength(7);
    // The link restores the comparison's settings.
    const colleague = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await colleague.goto(`${server!.base}${new URL(page.url()).search}`);
    await colleague.waitForSelector('body[data-tick]', { state: 'attached' });
    expect(await colleague.isVisible('#panel-compare')).toBe(true);
    expect(await colleague.inputValue('#compare-seeds')).toBe('3');
    expect(await colleague.inputValue('#compare-baseline')).toBe('money-alone');
    expect(await colleague.locator('#compare-scenarios input:checked').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['baseline-involution', 'money-alone']);
    await colleague.close();
    await page.close();
  });
});
