// The pattern tests' run cache (test/run-cache.ts) gives back exactly what the model computes, and
// forgets it when the model's code or a scenario changes.
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScenario, type Series } from '../sim/index.ts';
import { scenario } from './helpers.ts';
import { cachedSeries, decode, encode, modelFingerprint, prune } from './run-cache.ts';

describe('run cache', () => {
  it('stores series exactly: every value, NaN, −0 and ±Infinity included, and each metric under its name', () => {
    const runs: Series[] = [
      { a: [0.1 + 0.2, NaN, -0, Infinity, -Infinity, 1e-300], b: [] },
      { a: [Math.PI], 'c.d0': [1, 2, 3] },
    ];
    const back = decode(encode(runs));
    expect(back).toEqual(runs);
    expect(Object.is(back[0].a[2], -0)).toBe(true);
    expect(back.map((s) => Object.keys(s))).toEqual([
      ['a', 'b'],
      ['a', 'c.d0'],
    ]);
  });

  it("gives back the model's runs, bit for bit, computed or read from the cache", () => {
    const options = { ticks: 12, set: { citizens: 2000, pathDependence: 0.3 } };
    const fresh = [3, 4].map((seed) => runScenario(scenario('money-alone'), seed, options).series);
    expect(cachedSeries('money-alone', [3, 4], options)).toEqual(fresh);
    expect(cachedSeries('money-alone', [3, 4], options)).toEqual(fresh); // the second time from the file
  });

  it('keeps the runs of the current model and of the two last written before it, and removes older ones', () => {
    const root = mkdtempSync(join(tmpdir(), 'involution-cache-prune-'));
    try {
      const names = ['a', 'b', 'c', 'd', 'e'];
      names.forEach((name, i) => {
        mkdirSync(join(root, name));
        writeFileSync(join(root, name, 'x.bin.gz'), '');
        utimesSync(join(root, name), 1000 + i, 1000 + i); // e newest
      });
      prune(join(root, 'a'), root);
      expect(readdirSync(root).sort()).toEqual(['a', 'd', 'e']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  describe('its key', () => {
    const root = mkdtempSync(join(tmpdir(), 'involution-cache-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    const repo = join(import.meta.dirname, '..');
    for (const dir of ['sim', 'scenarios']) cpSync(join(repo, dir), join(root, dir), { recursive: true });
    mkdirSync(join(root, 'test'));
    for (const f of ['run-cache.ts', 'helpers.ts']) cpSync(join(repo, 'test', f), join(root, 'test', f));
    for (const pkg of ['seedrandom', 'zod']) {
      mkdirSync(join(root, 'node_modules', pkg), { recursive: true });
      cpSync(join(repo, 'node_modules', pkg, 'package.json'), join(root, 'node_modules', pkg, 'package.json'));
    }

    it("is the same for the same sources, and changes with any file under sim/, any scenario and the model's packages", () => {
      const original = modelFingerprint(root);
      expect(modelFingerprint(root)).toBe(original);
      expect(original).toBe(modelFingerprint(repo));
      const seen = new Set([original]);
      const changed = (what: string) => {
        const f = modelFingerprint(root);
        expect(seen.has(f), what).toBe(false);
        seen.add(f);
      };
      appendFileSync(join(root, 'sim', 'needs.ts'), '\n');
      changed('a process file');
      mkdirSync(join(root, 'sim', 'new'));
      writeFileSync(join(root, 'sim', 'new', 'process.ts'), 'export {};\n');
      changed('a new file in a folder of sim/');
      appendFileSync(join(root, 'scenarios', 'money-alone.json'), ' ');
      changed('a scenario');
      writeFileSync(join(root, 'node_modules', 'seedrandom', 'package.json'), '{"version": "0.0.0"}');
      changed("the random generator's version");
    });
  });
});
