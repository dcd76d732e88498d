// What the built CLI loads: a command imports only the packages it uses, so that a run does not pay at
// start-up for the report's charts and DOM, the experiment's Parquet tables, the directory lock or the
// classroom's server. The modules are recorded by a resolve hook (test/fixtures/record-imports.mjs)
// in the CLI's own process, as the user starts it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', 'bin', 'involution-lab.mjs');
const HOOKS = pathToFileURL(join(import.meta.dirname, 'fixtures', 'record-imports.mjs')).href;
const dir = mkdtempSync(join(tmpdir(), 'involution-imports-'));

/** Packages a run, scenarios and params never use. */
const HEAVY = [
  '@observablehq/plot',
  'linkedom',
  'hyparquet',
  'hyparquet-writer',
  'proper-lockfile',
  'better-sqlite3',
  'ws',
  'sirv',
  'qrcode',
  'intl-messageformat',
];

/** The packages (under node_modules) the CLI's process resolved for these arguments, and its exit status. */
function packagesLoaded(...args: string[]): { status: number | null; packages: Set<string> } {
  const log = join(dir, `log-${Math.random().toString(36).slice(2)}.txt`);
  const register = `import{register}from"node:module";register(${JSON.stringify(HOOKS)},{data:${JSON.stringify(log)}});`;
  const r = spawnSync('node', ['--import', `data:text/javascript,${encodeURIComponent(register)}`, BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const urls = readFileSync(log, 'utf8').trim().split('\n');
  rmSync(log);
  const packages = new Set<string>();
  for (const url of urls) {
    const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (m) packages.add(m[1]);
  }
  return { status: r.status, packages };
}

describe('the modules the built CLI loads', () => {
  it('a run loads the model and neither charts, DOM, Parquet, the lock nor the classroom', () => {
    for (const format of ['json', 'csv', 'summary']) {
      const { status, packages } = packagesLoaded('run', '--scenario', 'baseline-involution', '--seed', '1', '--ticks', '6', '--format', format);
      expect(status).toBe(0);
      // The recorder sees the model's own packages…
      expect(packages).toContain('seedrandom');
      expect(packages).toContain('zod');
      // …and none of the heavy ones.
      expect(
        HEAVY.filter((p) => packages.has(p)),
        format,
      ).toEqual([]);
    }
  });

  it('scenarios, params and --help load none of them either', () => {
    for (const args of [['scenarios'], ['params'], ['--help']]) {
      const { status, packages } = packagesLoaded(...args);
      expect(status).toBe(0);
      expect(
        HEAVY.filter((p) => packages.has(p)),
        args.join(' '),
      ).toEqual([]);
    }
  });

  it('the commands that use them still load them (the recorder would see a static import)', () => {
    const missing = join(dir, 'missing');
    const report = packagesLoaded('report', missing);
    expect(report.status).toBe(2);
    for (const p of ['@observablehq/plot', 'linkedom']) expect(report.packages).toContain(p);
    const merge = packagesLoaded('merge', missing, '--out', join(dir, 'merged'));
    expect(merge.status).toBe(2);
    for (const p of ['hyparquet', 'hyparquet-writer', 'proper-lockfile']) expect(merge.packages).toContain(p);
  });
});
