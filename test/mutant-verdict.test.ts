// npm run mutants decides "killed" from vitest's JSON report (scripts/mutant-verdict.ts). The
// fixtures are reports vitest 4 wrote (`vitest run --reporter=json`, paths shortened to /project):
// mixed.json from five files — an assertion that fails, a `beforeAll` that throws (its tests
// reported "skipped", the hook's error dropped), an `afterAll` that throws, a file that throws as it
// loads, and a file that passes with a test skipped on purpose; unhandled.json from a file whose
// test passes but leaves a rejection behind (every file "passed", `success` true, exit code 1).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mutantFailures, type VitestJson } from '../scripts/mutant-verdict.ts';

const fixture = (name: string): VitestJson => JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'vitest-json', name), 'utf8'));
const only = (r: VitestJson, file: string): VitestJson => ({ ...r, testResults: r.testResults.filter((f) => f.name.endsWith(`/${file}`)) });

describe('a mutant is killed', () => {
  const mixed = fixture('mixed.json');

  it('by a failing test, named', () => {
    expect(mutantFailures(only(mixed, 'fail.test.ts'), 1, '/project')).toEqual(['an assertion fails']);
  });

  it('by a beforeAll that throws, though vitest reports its tests as skipped', () => {
    const r = only(mixed, 'hooks.test.ts');
    expect(r.testResults[0].assertionResults.map((a) => a.status)).toEqual(['skipped', 'skipped', 'passed', 'skipped']);
    expect(mutantFailures(r, 1, '/project')).toEqual(['test/hooks.test.ts (a hook failed; vitest reports the tests it stopped as skipped)']);
  });

  it('by an afterAll that throws after its tests passed', () => {
    expect(mutantFailures(only(mixed, 'after.test.ts'), 1, '/project')).toEqual([
      'test/after.test.ts (a hook failed; vitest reports the tests it stopped as skipped)',
    ]);
  });

  it('by a file that cannot load, with its error', () => {
    expect(mutantFailures(only(mixed, 'broken.test.ts'), 1, '/project')).toEqual(['test/broken.test.ts (could not run: cannot load this file)']);
  });

  it('by an error outside the tests: every file passed, only the exit code says so', () => {
    const r = fixture('unhandled.json');
    expect(r.success).toBe(true);
    expect(r.testResults.every((f) => f.status === 'passed')).toBe(true);
    expect(mutantFailures(r, 1, '/project')).toEqual(['(vitest exited 1 with no failing test: an error outside the tests)']);
  });

  it('by a run that wrote no report', () => {
    expect(mutantFailures(null, null, '/project')).toEqual(['(no report: the test run crashed, exit null)']);
  });

  it('by every failure of a run at once, each listed', () => {
    expect(mutantFailures(mixed, 1, '/project')).toHaveLength(4);
  });
});

describe('a mutant survives', () => {
  it('when every test passes or was skipped on purpose and vitest exits 0', () => {
    const r = only(fixture('unhandled.json'), 'pass.test.ts');
    expect(r.testResults[0].assertionResults.map((a) => a.status)).toEqual(['passed', 'skipped']);
    expect(mutantFailures(r, 0, '/project')).toEqual([]);
  });
});
