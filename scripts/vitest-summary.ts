// Runs vitest in two phases — the Node tests in parallel, then the browser tests alone — and prints
// the plain closing line CI reads: "N passed, N failed[, N skipped]". A test stopped by a failed or
// timed-out hook (its file's or suite's `beforeAll`) counts as failed, not skipped, and is named
// above the line (scripts/vitest-outcomes.ts; test/summary.test.ts). No test asserts a duration (the
// browser's timings are `npm run bench:browser`); the phases are kept for the CPU: Chromium, its
// model workers and the preview server would otherwise share the cores with the pattern tests'
// forks, slowing both and bringing the browser tests' waits nearer their timeouts.
// Arguments after the script go to both phases; `--phases=node` runs the first one only.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tally, type Outcomes } from './vitest-outcomes.ts';

const BROWSER = 'test/browser*.test.ts';
const REPORTER = join(import.meta.dirname, 'vitest-outcomes.ts');
const args = process.argv.slice(2);
const nodeOnly = args.includes('--phases=node');
const phases = [['--exclude', BROWSER], ...(nodeOnly ? [] : [['test/browser']])];
let passed = 0,
  failed = 0,
  skipped = 0,
  ok = true;
const notes: string[] = [];
for (const [i, phase] of phases.entries()) {
  const out = join(process.cwd(), `test-results-${i}.json`);
  rmSync(out, { force: true });
  const { status } = spawnSync(
    'npx',
    ['vitest', 'run', '--reporter=default', `--reporter=${REPORTER}`, ...phase, ...args.filter((a) => a !== '--phases=node')],
    {
      stdio: 'inherit',
      env: { ...process.env, VITEST_OUTCOMES: out },
    },
  );
  try {
    const t = tally(JSON.parse(readFileSync(out, 'utf8')) as Outcomes);
    passed += t.passed;
    failed += t.failed;
    skipped += t.skipped;
    notes.push(...t.notes);
    if (t.passed + t.failed + t.skipped === 0) ok = false;
  } catch {
    // No outcomes written: vitest did not get to the end of the run.
    failed += 1;
    notes.push(`phase ${i + 1} (${phase.join(' ')}): vitest wrote no outcomes`);
  }
  if (status !== 0) ok = false;
}
for (const n of notes) console.log(`failed: ${n}`);
// vitest also fails a phase for errors outside any test (an unhandled exception): say so.
const outside = !ok && failed === 0 ? ' (and errors outside the tests: see above)' : '';
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${outside}`);
process.exit(ok && failed === 0 && passed > 0 ? 0 : 1);
