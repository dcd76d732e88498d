// Mutation check of the model's tests (docs/validation.md, "Each mechanism removed"): each
// mutant of scripts/mutant-list.ts removes one mechanism of Model 2.0 from sim/ by a textual change;
// the behavioural tests (validation, mechanisms, invariants, determinism — no snapshot or golden
// value among them) run on a copy of the project with that change, and a mutant is *killed* when at
// least one test fails, or a hook, or a test file, or the run (read from vitest's JSON report and
// exit code: scripts/mutant-verdict.ts).
// A mechanism whose removal no test notices is a mechanism the tests do not evidence.
// Usage: npm run mutants [-- index ...]   (all mutants by default; about 95 s each on 2 cores)
// Prints a markdown table and exits 1 if a mutant survives; the project itself is never changed.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MUTANTS } from './mutant-list.ts';
import { mutantFailures, type VitestJson } from './mutant-verdict.ts';

const TESTS = ['test/validation.test.ts', 'test/mechanisms.test.ts', 'test/invariants.test.ts', 'test/determinism.test.ts', 'test/index-definition.test.ts'];

function main(): void {
  const picked = process.argv.slice(2);
  const bad = picked.filter((a) => !/^\d+$/.test(a) || Number(a) >= MUTANTS.length);
  if (bad.length > 0) {
    console.error(`mutants: each argument must be a mutant index from 0 to ${MUTANTS.length - 1}, got ${bad.map((b) => JSON.stringify(b)).join(', ')}`);
    process.exit(2);
  }
  const root = resolve(import.meta.dirname, '..');
  // Every mutant must still match its code exactly once, or the list is out of date.
  const stale = MUTANTS.map((m, i) => [i, readFileSync(join(root, m.file), 'utf8').split(m.from).length - 1] as const).filter(([, n]) => n !== 1);
  if (stale.length > 0) {
    console.error(`mutants: the code of ${stale.map(([i, n]) => `#${i} (${MUTANTS[i].name}: found ${n} times)`).join('; ')} no longer matches once; update scripts/mutants.ts`);
    process.exit(2);
  }
  const work = mkdtempSync(join(tmpdir(), 'involution-mutants-'));
  try {
    cpSync(root, work, { recursive: true, filter: (src) => !/[/\\](node_modules|\.git|dist|experiments-out)$/.test(src) });
    symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));
    const indices = picked.length > 0 ? picked.map(Number) : MUTANTS.map((_, i) => i);
    console.log('| # | mechanism removed | verdict | failing tests |\n|---|---|---|---|');
    let survived = 0;
    for (const i of indices) {
      const m = MUTANTS[i];
      const path = join(work, m.file);
      const original = readFileSync(path, 'utf8');
      writeFileSync(path, original.replace(m.from, m.to));
      const report = join(work, `mutant-${i}.json`);
      // Each mutant is a model of its own: its runs are not kept (the copy shares node_modules, and with it the run cache).
      const run = spawnSync('npx', ['vitest', 'run', ...TESTS, '--reporter=json', `--outputFile=${report}`], { cwd: work, encoding: 'utf8', env: { ...process.env, INVOLUTION_LAB_RUN_CACHE: 'off' } });
      writeFileSync(path, original);
      let json: VitestJson | null = null;
      try {
        json = JSON.parse(readFileSync(report, 'utf8')) as VitestJson;
      } catch {
        // No report, or half of one: the run crashed.
      }
      // Killed when a test fails, a hook fails, a file cannot load or the run ends in error (scripts/mutant-verdict.ts).
      const failing = mutantFailures(json, run.status, work);
      if (failing.length === 0) survived++;
      const shown = failing.slice(0, 3).join('; ') + (failing.length > 3 ? `; and ${failing.length - 3} more` : '');
      console.log(`| ${i} | ${m.name} | ${failing.length > 0 ? 'killed' : '**survived**'} | ${shown} |`);
    }
    console.log(`\n${indices.length} mutants: ${indices.length - survived} killed, ${survived} survived.`);
    process.exitCode = survived > 0 ? 1 : 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
