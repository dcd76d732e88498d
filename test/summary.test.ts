// The closing line CI reads (scripts/vitest-summary.ts): a test stopped by a failed or timed-out
// hook is failed, not skipped, and the run exits non-zero. Counted on fabricated outcomes, then
// end to end on a small throwaway project (never by breaking this suite).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tally, type Outcomes } from '../scripts/vitest-outcomes.ts';

const test = (name: string, state: string, mode = 'run', note?: string) => ({
  type: 'test' as const,
  name,
  state,
  mode,
  ...(note === undefined ? {} : { note }),
});

describe('tally', () => {
  it('counts the tests of a file whose beforeAll failed, and of a suite whose beforeAll timed out, as failed, naming them', () => {
    const outcomes: Outcomes = {
      unhandled: [],
      modules: [
        // As vitest reports a file-level beforeAll that threw: the file has the error, its tests are "skipped" in mode run.
        {
          type: 'module',
          name: 'test/validation.test.ts',
          errors: ['set-up broke'],
          children: [{ type: 'suite', name: 'pattern 1', errors: [], children: [test('a', 'skipped'), test('b', 'skipped')] }, test('c', 'skipped')],
        },
        // A suite's beforeAll that timed out: the suite has the error; the file's other tests ran.
        {
          type: 'module',
          name: 'test/slow.test.ts',
          errors: [],
          children: [
            { type: 'suite', name: 'slow', errors: ['Hook timed out in 100ms.\nIf this is a long-running hook, …'], children: [test('d', 'skipped')] },
            test('e', 'passed'),
            test('on purpose', 'skipped', 'skip'),
          ],
        },
      ],
    };
    const t = tally(outcomes);
    expect({ passed: t.passed, failed: t.failed, skipped: t.skipped }).toEqual({ passed: 1, failed: 4, skipped: 1 });
    expect(t.notes).toContain('test/validation.test.ts > pattern 1 > a: did not run (a hook failed: set-up broke)');
    expect(t.notes).toContain('test/slow.test.ts > slow > d: did not run (a hook failed: Hook timed out in 100ms.)');
  });

  it('keeps deliberate skips (it.skip, it.todo, ctx.skip with a reason) skipped, and counts a failed test once', () => {
    const t = tally({
      unhandled: [],
      modules: [
        {
          type: 'module',
          name: 'f',
          errors: [],
          children: [
            test('skip', 'skipped', 'skip'),
            test('todo', 'skipped', 'todo'),
            test('no tmpfs', 'skipped', 'run', 'mounting a tmpfs is not permitted here'),
            test('x', 'failed'),
            test('y', 'passed'),
          ],
        },
      ],
    });
    expect(t).toEqual({ passed: 1, failed: 1, skipped: 3, notes: [] });
  });

  it('counts a file that could not be loaded, an afterAll that failed after its tests passed, and a test that never started, as one failure each', () => {
    const t = tally({
      unhandled: [],
      modules: [
        { type: 'module', name: 'broken.test.ts', errors: ["Cannot find module './gone.ts'"], children: [] },
        {
          type: 'module',
          name: 'after.test.ts',
          errors: [],
          children: [{ type: 'suite', name: 's', errors: ['cleanup failed'], children: [test('p', 'passed')] }],
        },
        { type: 'module', name: 'stopped.test.ts', errors: [], children: [test('q', 'pending')] },
      ],
    });
    expect({ passed: t.passed, failed: t.failed, skipped: t.skipped }).toEqual({ passed: 1, failed: 3, skipped: 0 });
    expect(t.notes).toEqual([
      "broken.test.ts: a hook failed: Cannot find module './gone.ts'",
      'after.test.ts > s: a hook failed: cleanup failed',
      'stopped.test.ts > q: did not run (never started)',
    ]);
  });
});

describe('npm run test:unit on a throwaway project', () => {
  const dir = mkdtempSync(join(tmpdir(), 'involution-summary-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'test'));
  symlinkSync(join(import.meta.dirname, '..', 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), '{"type": "module"}\n');
  const files: Record<string, string> = {
    'setup-fails.test.ts': "beforeAll(() => { throw new Error('set-up broke'); });\nit('one', () => expect(1).toBe(1));\nit('two', () => expect(1).toBe(1));\n",
    'setup-slow.test.ts':
      "describe('slow', () => {\n  beforeAll(() => new Promise((r) => setTimeout(r, 2000)), 50);\n  it('three', () => expect(1).toBe(1));\n});\nit('passes', () => expect(1).toBe(1));\nit.skip('skipped on purpose', () => {});\n",
    'browser-ok.test.ts': "it('browser phase passes', () => expect(1).toBe(1));\n",
  };
  for (const [name, body] of Object.entries(files))
    writeFileSync(join(dir, 'test', name), `import { beforeAll, describe, expect, it } from 'vitest';\n${body}`);
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
  const summary = join(import.meta.dirname, '..', 'scripts', 'vitest-summary.ts');

  it('prints the hook failures as failed tests in its closing line and exits 1', () => {
    const r = spawnSync('npx', ['tsx', summary], { cwd: dir, encoding: 'utf8', env: { ...env, NO_COLOR: '1' } });
    const lines = r.stdout.trim().split('\n');
    expect(lines.at(-1)).toBe('2 passed, 3 failed, 1 skipped');
    expect(r.stdout).toContain('failed: test/setup-fails.test.ts > one: did not run (a hook failed: set-up broke)');
    expect(r.stdout).toContain('failed: test/setup-slow.test.ts > slow > three: did not run (a hook failed: Hook timed out in 50ms.)');
    expect(r.status).toBe(1);
  }, 120_000);

  it('exits 0 with "N passed, 0 failed" once the hooks succeed', () => {
    writeFileSync(
      join(dir, 'test', 'setup-fails.test.ts'),
      "import { beforeAll, expect, it } from 'vitest';\nbeforeAll(() => {});\nit('one', () => expect(1).toBe(1));\n",
    );
    writeFileSync(join(dir, 'test', 'setup-slow.test.ts'), "import { expect, it } from 'vitest';\nit('passes', () => expect(1).toBe(1));\n");
    const r = spawnSync('npx', ['tsx', summary], { cwd: dir, encoding: 'utf8', env: { ...env, NO_COLOR: '1' } });
    expect(r.stdout.trim().split('\n').at(-1)).toBe('3 passed, 0 failed');
    expect(r.status).toBe(0);
  }, 120_000);
});
