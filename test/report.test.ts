// `involution-lab report`: one self-contained HTML file whose charts render in headless Chromium
// with no console error, and whose text is escaped.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esc } from '../lab/charts/markup.ts';
import { pairedDifferences } from '../cli/report/fans.ts';
import { readManifest } from '../cli/experiment/manifest.ts';
import { column, readTable, withDesign } from '../cli/experiment/results.ts';

const BIN = join(import.meta.dirname, '..', 'bin', 'involution-lab.mjs');
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const cli = (...args: string[]) => spawnSync('node', [BIN, ...args], { encoding: 'utf8' });
const tmp = mkdtempSync(join(tmpdir(), 'involution-report-'));
const TITLE = 'Grid <script>alert("x")</script> & "quotes"';

function experiment(name: string, spec: object): string {
  const file = join(tmp, `${name}.json`);
  writeFileSync(file, JSON.stringify(spec));
  const r = cli('experiment', file, '--out', join(tmp, name));
  expect(r.status, r.stderr).toBe(0);
  return join(tmp, name);
}

interface Rendered {
  svgs: number;
  errors: string[];
  h1: string;
  scripts: number;
  titles: string[];
}

let browser: Browser;
let grid = '', morris = '';
beforeAll(async () => {
  const base = { ticks: 24, seeds: 4, record: { every: 6 }, set: { citizens: 1000 } };
  grid = experiment('grid', {
    ...base,
    description: TITLE,
    scenarios: ['baseline-involution', 'full-prevention'],
    metrics: ['involutionIndex', 'needsMet'],
    vary: { pathDependence: [0.2, 0.8], baseTransparency: [0.2, 0.5, 0.8] },
  });
  morris = experiment('morris', {
    ...base,
    scenario: 'baseline-involution',
    metrics: ['involutionIndex', 'soDevelopment', 'needsMet'],
    design: { type: 'morris', samples: 4, ranges: { pathDependence: [0, 1], partnership: [0, 1], initialSOs: [20, 60] } },
  });
  expect(cli('analyze', grid, '--method', 'paired', '--outcome', 'needsMet', '--baseline', 'baseline-involution').status).toBe(0);
  for (const dir of [grid, morris]) expect(cli('report', dir).status).toBe(0);
  expect(existsSync(CHROMIUM), `${CHROMIUM} is missing (apt-get install -y chromium)`).toBe(true);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});
afterAll(async () => browser?.close());

async function render(dir: string, shot: string): Promise<Rendered> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  await page.goto(`file://${join(dir, 'report.html')}`, { waitUntil: 'load' });
  await page.screenshot({ path: join(tmp, shot), fullPage: true });
  const rendered = {
    svgs: await page.locator('svg.chart').count(),
    errors,
    h1: await page.locator('h1').innerText(),
    scripts: await page.locator('script').count(),
    titles: await page.locator('svg.chart > text.title').allTextContents(),
  };
  // Every chart has drawn marks, not only axes.
  const marks = await page.locator('svg.chart').evaluateAll((svgs) => svgs.map((s) => s.querySelectorAll('path, rect').length));
  expect(marks.every((n) => n > 2)).toBe(true);
  await page.close();
  return rendered;
}

describe('involution-lab report', () => {
  it('renders fan charts, the paired comparison and the heatmaps of a two-parameter grid', async () => {
    const r = await render(grid, 'grid.png');
    expect(r.errors).toEqual([]);
    // 2 fan charts and 2 paired fans (metrics) + 1 paired chart (from the analyze CSV) + 2 metrics × 2 scenarios heatmaps,
    // and the grid's own result, computed for the report: 2 metrics × (against each of the 2 parameters + 2 scenarios over time),
    // and the two scenarios' robustness over the grid's states (satisficing share and regret).
    expect(r.svgs).toBe(19);
    expect(r.titles.join(' ')).toMatch(/Satisficing share: states of the world with involutionIndex ≤ 0/);
    expect(r.titles.join(' ')).toMatch(/Regret in involutionIndex: each policy against the best policy in the same state/);
    expect(r.titles.join(' ')).toMatch(/needsMet \(final month\) against baseTransparency, by scenario/);
    expect(r.titles.join(' ')).toMatch(/involutionIndex over time \(full-prevention\), a line for each value of pathDependence/);
    expect(r.titles.join(' ')).toMatch(/needsMet: difference from baseline-involution, paired on common seeds \(mean and 90 % band across 6 design points × 4 seeds\)/);
    expect(r.titles.join(' ')).toMatch(/involutionIndex: mean and 90 % band across 6 design points × 4 seeds/);
    expect(r.titles.join(' ')).toMatch(/needsMet \(final month\): full-prevention − baseline-involution, paired/);
    expect(r.titles.join(' ')).toMatch(/needsMet, final month, mean over 4 seeds \(full-prevention\)/);
    // The description is shown as text, never run.
    expect(r.h1).toBe(TITLE);
    expect(r.scripts).toBe(0);
  });

  it('computes the Morris charts itself when analyze was not run', async () => {
    const r = await render(morris, 'morris.png');
    expect(r.errors).toEqual([]);
    // 3 fan charts (one fan each: 4 trajectories × 4 points > 8) + Morris bars for each of the 3 metrics.
    expect(r.svgs).toBe(6);
    expect(r.titles.filter((t) => t.startsWith('Morris elementary effects'))).toHaveLength(3);
    expect(readFileSync(join(morris, 'report.html'), 'utf8')).toMatch(/computed for this report/);
  });

  it('is self-contained: no external script, style sheet, image or font', () => {
    for (const dir of [grid, morris]) {
      const html = readFileSync(join(dir, 'report.html'), 'utf8');
      expect(html).not.toMatch(/<script|<link rel="stylesheet"|<img|@import|url\(|src=/i);
      expect(html).not.toMatch(/href="(?!data:)/);
      expect(html).toContain('&quot;kind&quot;: &quot;involution-lab experiment&quot;');
    }
  });

  it('pairs each run with its twin in the baseline: the paired fan ends at the mean paired difference of analyze', async () => {
    const m = readManifest(grid)!;
    const fans = (await pairedDifferences(grid, m, withDesign(grid, m), 'baseline-involution'))!;
    expect(fans.charts.map((f) => f.metric)).toEqual(['involutionIndex', 'needsMet']);
    const fan = fans.charts[1].series[0];
    expect(fan.label).toBe('full-prevention − baseline-involution');
    expect(fan.x).toEqual([0, 6, 12, 18, 23]);
    // Both enter month 0 from the same inherited years; month 0 is already the reform's first month,
    // so they differ by a little (−0.0008 in the need met), not by nothing.
    expect(fan.mean[0]).not.toBe(0);
    expect(Math.abs(fan.mean[0])).toBeLessThan(0.005);
    // At the end: the mean over the 6 points of analyze's per-point paired differences (another code path).
    const analysis = readTable(grid, 'analysis-paired-needsMet.csv');
    const perPoint = column(analysis, 'meanDiff');
    expect(perPoint).toHaveLength(6);
    expect(fan.mean.at(-1)!).toBeCloseTo(perPoint.reduce((a, b) => a + b, 0) / perPoint.length, 12);
    expect(fan.low.at(-1)!).toBeLessThanOrEqual(fan.mean.at(-1)!);
    expect(fan.high.at(-1)!).toBeGreaterThanOrEqual(fan.mean.at(-1)!);
  });

  it('escapes text for HTML', () => {
    expect(esc(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
