// The explorer on a phone: Lighthouse's performance score (mobile preset: a mid-range phone, slow 4G,
// the CPU slowed 4 times, all simulated) of every tab and page of the built app under `vite
// preview`, with the figures it weighs: first and largest contentful paint, total blocking time,
// layout shift, speed index. Each page is measured `--runs` times (default 3) and the median run of
// each is printed (Lighthouse's figures vary with what else the machine does: the load average is
// printed). Target: 90 or more on every tab.
//
// Lighthouse is not a dependency of the project: the first run fetches it with npx (version 12, the
// last that runs on Node 20; it needs network access once). It drives /usr/bin/chromium, as the
// browser tests do. `npm run bench:lighthouse [-- --runs N]` builds the app first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startPreview } from '../test/browser-setup.ts';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  console.error(`bench:lighthouse drives Chromium at ${CHROMIUM}, which is not there: install it (apt-get install chromium) and run again.`);
  process.exit(2);
}

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 15) {
  console.error(`--runs must be a whole number from 1 to 15, got ${JSON.stringify(values.runs)}`);
  process.exit(2);
}

const PAGES: [name: string, path: string][] = [
  ['Explore', './'],
  ['Compare', './?tab=compare'],
  ['Lesson', './?tab=lesson'],
  ['Experiment', './?tab=experiment'],
  ['Diagnose', './?tab=diagnose'],
  ['Explore (zh)', './?lang=zh'],
  ['Guided story', './story.html'],
  ['How it works', './how.html'],
];

interface Result {
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  si: number;
}

const dir = mkdtempSync(join(os.tmpdir(), 'lighthouse-'));
const { base, stop } = await startPreview();

function measure(url: string, i: number): Result {
  const out = join(dir, `${i}.json`);
  const r = spawnSync(
    'npx',
    [
      '--yes',
      'lighthouse@12',
      url,
      '--only-categories=performance',
      '--output=json',
      `--output-path=${out}`,
      '--quiet',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
    ],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`lighthouse failed on ${url} (exit ${r.status}): ${r.stderr.slice(-600)}`);
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const a = (id: string) => report.audits[id].numericValue as number;
  return {
    score: Math.round(report.categories.performance.score * 100),
    fcp: a('first-contentful-paint'),
    lcp: a('largest-contentful-paint'),
    tbt: a('total-blocking-time'),
    cls: a('cumulative-layout-shift'),
    si: a('speed-index'),
  };
}

try {
  console.log(
    `Lighthouse performance, mobile preset (simulated), median of ${runs} run(s) a page; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
  console.log('| page | score | first paint | largest paint | blocking time | layout shift | speed index |');
  console.log('|---|---|---|---|---|---|---|');
  let n = 0;
  for (const [name, path] of PAGES) {
    const results = Array.from({ length: runs }, () => measure(new URL(path, base).href, n++));
    const median = results.sort((x, y) => x.score - y.score)[Math.floor(runs / 2)];
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `| ${name} | ${median.score} | ${s(median.fcp)} | ${s(median.lcp)} | ${Math.round(median.tbt)} ms | ${median.cls.toFixed(3)} | ${s(median.si)} |`,
    );
  }
  console.log(
    `\nTarget: 90 or more on every page. Load average now ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}.`,
  );
} finally {
  stop();
  rmSync(dir, { recursive: true, force: true });
}
