// What each test did, for the closing line CI reads (scripts/vitest-summary.ts). vitest's JSON
// report marks a test whose `beforeAll` failed or timed out as "skipped", like a test skipped on
// purpose, and drops the hook's error; this reporter keeps both (each test's mode and state, each
// file's and suite's errors), and `tally` counts a test that should have run but was stopped by a
// failed hook as failed.
import { writeFileSync } from 'node:fs';
import type { Reporter, TestCase, TestModule, TestSuite } from 'vitest/node';

export type Outcome =
  | { type: 'module' | 'suite'; name: string; errors: string[]; children: Outcome[] }
  | { type: 'test'; name: string; mode: string; state: string; note?: string };
export interface Outcomes {
  modules: Outcome[];
  /** Errors outside any test (an unhandled rejection, a worker that died). */
  unhandled: string[];
}
export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  /** One line per failure not reported by a test itself: a test stopped by a failed hook, a hook that failed after its tests, a file that could not be loaded. */
  notes: string[];
}

/** Counts the outcomes: a test that was to run and did not, because a hook of its file or suite failed, is failed. */
export function tally(o: Outcomes): Tally {
  const t: Tally = { passed: 0, failed: 0, skipped: 0, notes: [] };
  const walk = (node: Outcome, path: string[], blockedBy: string | undefined): number => {
    if (node.type === 'test') {
      const name = [...path, node.name].join(' > ');
      if (node.state === 'passed') t.passed++;
      else if (node.state === 'failed') t.failed++;
      else if (node.mode === 'skip' || node.mode === 'todo' || node.note !== undefined) t.skipped++;
      else if (blockedBy !== undefined || node.state === 'pending') {
        t.failed++;
        t.notes.push(`${name}: did not run (${blockedBy ?? 'never started'})`);
        return 1;
      } else t.skipped++;
      return 0;
    }
    const own = node.errors.length ? `a hook failed: ${node.errors[0].split('\n')[0]}` : undefined;
    let blocked = 0;
    for (const c of node.children) blocked += walk(c, node.type === 'module' ? [node.name] : [...path, node.name], blockedBy ?? own);
    // A hook that failed without stopping a test (an afterAll; a file that could not be loaded, with no test in it) is one failure.
    if (own !== undefined && blocked === 0 && blockedBy === undefined) {
      t.failed++;
      t.notes.push(`${[...path, node.name].join(' > ')}: ${own}`);
    }
    return blocked;
  };
  for (const m of o.modules) walk(m, [], undefined);
  return t;
}

const outcome = (x: TestModule | TestSuite | TestCase, root: string): Outcome => {
  if (x.type === 'test') {
    const r = x.result();
    return { type: 'test', name: x.name, mode: x.options.mode, state: r.state, ...(r.state === 'skipped' && r.note !== undefined ? { note: r.note } : {}) };
  }
  const name = x.type === 'module' ? x.moduleId.replace(`${root}/`, '') : x.name;
  return { type: x.type, name, errors: x.errors().map((e) => e.message ?? String(e)), children: [...x.children].map((c) => outcome(c, root)) };
};

/** Writes the outcomes to the file named by VITEST_OUTCOMES. */
export default class OutcomesReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<{ message?: string }>): void {
    const file = process.env.VITEST_OUTCOMES;
    if (!file) return;
    const report: Outcomes = { modules: modules.map((m) => outcome(m, process.cwd())), unhandled: unhandled.map((e) => e.message ?? String(e)) };
    writeFileSync(file, JSON.stringify(report));
  }
}
