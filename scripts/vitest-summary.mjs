// Runs vitest in two phases — the Node tests in parallel, then the browser tests alone, so that
// their timing checks (no main-thread task over 50 ms) do not compete with the pattern tests for
// the CPU — and prints the plain closing line CI reads: "N passed, N failed[, N skipped]".
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const BROWSER = 'test/browser*.test.ts';
const phases = [
  ['--exclude', BROWSER],
  ['test/browser'],
];
let passed = 0, failed = 0, skipped = 0, ok = true;
for (const [i, args] of phases.entries()) {
  const out = `test-results-${i}.json`;
  rmSync(out, { force: true });
  const { status } = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${out}`, ...args, ...process.argv.slice(2)], { stdio: 'inherit' });
  try {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    if (r.numTotalTests === 0) ok = false;
  } catch {
    failed += 1;
  }
  if (status !== 0) ok = false;
}
// vitest also fails a phase for errors outside any test (an unhandled exception): say so.
const outside = !ok && failed === 0 ? ' (and errors outside the tests: see above)' : '';
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${outside}`);
process.exit(ok && failed === 0 && passed > 0 ? 0 : 1);
