// Runs vitest in two phases — the Node tests in parallel, then the browser tests alone — and prints
// the plain closing line CI reads: "N passed, N failed[, N skipped]". No test asserts a duration
// (the browser's timings are `npm run bench:browser`); the phases are kept for the CPU: Chromium,
// its model workers and the preview server would otherwise share the cores with the pattern tests'
// forks, slowing both and bringing the browser tests' waits nearer their timeouts.
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
