// A key given twice in one object of a JSON file is refused (JSON.parse keeps the last one
// silently), naming the key and where it is: in the command line (cli/common/json.ts, tested in
// test/experiment-safety.test.ts), in the page's scenario files and links (viz/scenario-file.ts)
// and its experiment files (viz/experiment/files.ts), all through lab/spec/shape.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { duplicateKeyList, duplicateKeys } from '../lab/spec/shape.ts';
import { setLang } from '../viz/i18n/index.ts';
import { decodeScenario, FileProblem, readScenarioFile } from '../viz/scenario-file.ts';
import { readChosen } from '../viz/experiment/files.ts';
import { scenario } from './helpers.ts';

const ROOT = join(import.meta.dirname, '..');

describe('duplicate keys in a JSON text', () => {
  it('finds each key given twice with its path, through objects and lists', () => {
    const text = `{"a": 1, "set": {"x": 1, "y": 2, "x": 3}, "list": [{"k": 1}, {"k": 2, "k": 3}], "a": 4}`;
    expect(duplicateKeyList(text)).toEqual([
      { key: 'x', path: 'set.x' },
      { key: 'k', path: 'list[1].k' },
      { key: 'a', path: 'a' },
    ]);
    expect(duplicateKeys(text)[0]).toBe('key "x" is given twice (at set.x); give it once');
  });

  it('does not count the same key in two objects, a key-like string value, or braces and quotes inside strings', () => {
    const text = `{"one": {"id": 1}, "two": {"id": 2}, "note": "\\"id\\": {,}", "id": "id", "list": ["id", "id"], "q\\"k": 1, "q\\"k2": 2}`;
    expect(JSON.parse(text)).toBeTruthy();
    expect(duplicateKeyList(text)).toEqual([]);
  });

  it('names a key with an escape as JSON reads it', () => {
    expect(duplicateKeyList(`{"a\\u0062": 1, "ab": 2}`)).toEqual([{ key: 'ab', path: 'ab' }]);
  });

  it('stops at `max`', () => {
    const text = `{${Array.from({ length: 30 }, () => '"k": 1').join(', ')}}`;
    expect(duplicateKeyList(text, 5)).toHaveLength(5);
    expect(duplicateKeyList(text)).toHaveLength(10);
  });

  it('no file the page or the command line loads from the repository gives a key twice', () => {
    const dirs = ['scenarios', 'docs/examples', 'calibration'];
    const files = dirs.flatMap((d) =>
      readdirSync(join(ROOT, d))
        .filter((f) => f.endsWith('.json'))
        .map((f) => join(d, f)),
    );
    expect(files.length).toBeGreaterThan(15);
    for (const f of files) expect(duplicateKeys(readFileSync(join(ROOT, f), 'utf8')), f).toEqual([]);
  });
});

describe('the page refuses a file that gives a key twice', () => {
  afterEach(() => setLang('en'));
  const good = JSON.stringify({ ...scenario('baseline-involution'), params: { partnership: 0.9 } });
  // The same file with `source` and `params.partnership` given twice.
  const twice = good.replace('{', '{"source":"a",').replace('"params":{"partnership":0.9}', '"params":{"partnership":0.9,"partnership":0.1}');

  it('a scenario file: every key named with where it is, in English and Chinese', () => {
    expect(twice).not.toBe(good);
    const problem = (): string => {
      try {
        readScenarioFile('twice.json', twice);
      } catch (err) {
        expect(err).toBeInstanceOf(FileProblem);
        return (err as Error).message;
      }
      throw new Error('the file was accepted');
    };
    expect(problem()).toBe(
      'Could not load twice.json: keys are given twice in one object ("source" at source and "partnership" at params.partnership), and JSON would keep only the last. Give each key once. Nothing was changed.',
    );
    setLang('zh');
    expect(problem()).toBe(
      '无法载入 twice.json：同一对象中有 2 个键出现了两次（“source”位于 source和“partnership”位于 params.partnership），JSON 只会保留后一个。每个键请只写一次。页面未作任何改动。',
    );
    // Without the second copies the same file loads.
    expect(readScenarioFile('good.json', good).params).toEqual({ partnership: 0.9 });
  });

  it('a scenario in a shared link', () => {
    const link = Buffer.from(twice).toString('base64url');
    expect(() => decodeScenario(link)).toThrow(/"partnership" at params\.partnership/);
  });

  it('an experiment spec among the files chosen, listed with the other files’ problems', async () => {
    const scenarios = new Map<string, unknown>();
    const chosen = await readChosen(
      [new File([`{"scenarios": ["baseline-involution"], "seeds": 3, "seeds": 4}`], 'spec.json'), new File([twice], 'mine.json')],
      true,
      scenarios,
    );
    expect(chosen.spec).toBeUndefined();
    expect(scenarios.size).toBe(0);
    expect(chosen.problems).toHaveLength(2);
    expect(chosen.problems[0]).toMatch(/^Could not load spec\.json: a key is given twice in one object \("seeds" at seeds\)/);
    expect(chosen.problems[1]).toMatch(/^Could not load mine\.json: .*"partnership" at params\.partnership/);
  });
});
