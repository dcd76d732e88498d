// Mutation check of the model's tests (docs/model.md §Validation, "Each mechanism removed"): each
// mutant below removes one mechanism of Model 2.0 from sim/ by a textual change; the behavioural
// tests (validation, mechanisms, invariants, determinism — no snapshot or golden value among them) run
// on a copy of the project with that change, and a mutant is *killed* when at least one test fails.
// A mechanism whose removal no test notices is a mechanism the tests do not evidence.
// Usage: npm run mutants [-- index ...]   (all mutants by default; about 95 s each on 2 cores)
// Prints a markdown table and exits 1 if a mutant survives; the project itself is never changed.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

interface Mutant {
  name: string;
  file: string;
  from: string;
  to: string;
}

export const MUTANTS: Mutant[] = [
  { name: "urn: no increasing returns (inside chance flat in the district's history)", file: "sim/effective.ts",
    from: "  const a = pow(share, gamma);\n  return a / (a + pow(1 - share, gamma));",
    to: "  return pow(share, 0) / 2;" },
  { name: "renewal: no path dependence in renewal (score only)", file: "sim/contracts.ts",
    from: "const base = lambda + (1 - lambda) * score;",
    to: "const base = score + lambda * 0;" },
  { name: "city money: not let to GONGOs by the traditional mode", file: "sim/award.ts",
    from: "if (p.city && rng() < s.params.pathDependence) {",
    to: "if (p.city && rng() < 0) {" },
  { name: "niche: money kept inside still feeds independent SOs", file: "sim/entry.ts",
    from: "(1 - e.cityShare) * (1 - insideShare(s, d)) * e.transparency",
    to: "(1 - e.cityShare) * e.transparency" },
  { name: "density dependence: entry ignores the SOs already there", file: "sim/entry.ts",
    from: "const room = nichePlaces(s, d) - alive[d];",
    to: "const room = nichePlaces(s, d);" },
  { name: "officials: a failed trial is never undone", file: "sim/officials.ts",
    from: "if (tried >= 0 && reward < aspiration) {",
    to: "if (tried >= 0 && reward < aspiration && tried < 0) {" },
  { name: "officials: no yardstick (absolute reward)", file: "sim/officials.ts",
    from: "return n > 0 ? own - peers / n : own;",
    to: "return own + peers * 0;" },
  { name: "paperwork response: SOs meet all demand whatever their dependence", file: "sim/delivery.ts",
    from: "const response = dc + Math.max(0, demand[so] - dc) * dependence(s, so) * exploit;",
    to: "const response = dc + Math.max(0, demand[so] - dc);" },
  { name: "autonomy: not driven by dependence", file: "sim/adaptation.ts",
    from: "const target = (1 - dependence(s, so) * exploit) * ceiling;",
    to: "const target = ceiling;" },
  { name: "market: shared equally, not by skill", file: "sim/adaptation.ts",
    from: "const alt = skillSum[home] > 0 ? (pool * skill) / skillSum[home] : 0;",
    to: "let cnt = 0; for (let x = 0; x < n; x++) if (t.alive[x] && t.home[x] === home) cnt++;\n    const alt = cnt > 0 ? pool / cnt : 0;" },
  { name: "training: no effect on skill", file: "sim/adaptation.ts",
    from: "if (trainingFor[so] > 0) buildCapacity(s, so, trainingFor[so]);",
    to: "" },
  { name: "exit: no closure hazard", file: "sim/entry.ts",
    from: "if (t.alive[so] && rng() < p.closureHazard) exit(s, so);",
    to: "if (t.alive[so] && rng() < p.closureHazard * 0) exit(s, so);" },
  { name: "exit: no exit for negative reserves", file: "sim/adaptation.ts",
    from: "if (t.negativeMonths[so] >= p.exitMonths) exit(s, so);",
    to: "" },
  { name: "budget: no growth", file: "sim/budget.ts",
    from: "dist.budget[d] = DISTRICT_BUDGET * pow(1 + s.params.budgetGrowth, s.tick / 12);",
    to: "dist.budget[d] = DISTRICT_BUDGET;" },
  { name: "evaluation: outcome weight ignores measurability", file: "sim/evaluation.ts",
    from: "const outcome = (1 - piEval) * (m + (1 - m) * s.params.wholeProcessSupervision);",
    to: "const outcome = (1 - piEval) + m * 0;" },
  { name: "projects: no continuity loss from fragmentation", file: "sim/contracts.ts",
    from: "c.continuity[i] = pow(Math.min(1, p.payment / s.params.fullTeamMoney), s.params.fragmentationLoss);",
    to: "c.continuity[i] = 1;" },
  { name: "projects: no transaction cost per project", file: "sim/contracts.ts",
    from: "s.params.projectOverhead + s.params.transactionCost / p.payment",
    to: "s.params.projectOverhead" },
  { name: "payment: no price squeeze", file: "sim/supervision.ts",
    from: "const due = c.payment[i] * (1 - p.priceSqueeze * used);",
    to: "const due = c.payment[i];" },
  { name: "payment: never late", file: "sim/supervision.ts",
    from: "if (rng() < p.latePayment * used) c.arrears[i] += due;",
    to: "if (rng() < 0) c.arrears[i] += due;" },
  { name: "effort: SOs never learn from credit", file: "sim/adaptation.ts",
    from: "    if (yearEnd) learnEffort(s, so);\n",
    to: "" },
  { name: "sponsors: do not cap autonomy", file: "sim/adaptation.ts",
    from: ": t.sponsored[so] ? p.sponsoredAutonomy : 1;",
    to: ": 1;" },
  { name: "allocation: no stickiness", file: "sim/budget.ts",
    from: "const lambda = s.tick === 0 ? 0 : p.pathDependence;",
    to: "const lambda = 0;" },
  { name: "ties: no decay", file: "sim/budget.ts",
    from: "for (let so = 0; so < s.sos.n; so++) s.sos.ties[so * D + d] *= decay;",
    to: "for (let so = 0; so < s.sos.n; so++) s.sos.ties[so * D + d] *= decay ** 0;" },
  { name: "competition: control does not count in the score", file: "sim/award.ts",
    from: "const score = (1 - e.piEval) * merit + e.piEval * control + s.params.bidNoise * (2 * rng() - 1);",
    to: "const score = merit + control * 0 + s.params.bidNoise * (2 * rng() - 1);" },
  { name: "no bidder: never a new GONGO", file: "sim/award.ts",
    from: "    if (rng() < e.pi) return newAffiliate(s, p);\n    s.districts.inHouseMoney",
    to: "    s.districts.inHouseMoney" },
  { name: "release: no devolution of the city's share", file: "sim/effective.ts",
    from: "cityShare: p.cityShare * (1 - p.resourceRelease),",
    to: "cityShare: p.cityShare," },
  { name: "supervision: no termination of poor performers", file: "sim/supervision.ts",
    from: "p.terminationRate",
    to: "0 * p.terminationRate" },
  { name: "learning by doing: none", file: "sim/adaptation.ts",
    from: "t.skill[so] += p.learningRate * use * t.serviceEffort[so] * (1 - skill) - p.capacityDecay * (1 - use) * skill;",
    to: "t.skill[so] -= p.capacityDecay * (1 - use) * skill;" },
  { name: "purchase share: not pulled down by worse purchased service", file: "sim/budget.ts",
    from: "const target = dist.targetShare[d] * (1 - (1 - pi) * shortfall);",
    to: "const target = dist.targetShare[d];" },
  { name: "dual management: late registration never happens", file: "sim/entry.ts",
    from: "const late = p.lateRegistration * register;",
    to: "const late = 0;" },
];

const TESTS = ['test/validation.test.ts', 'test/mechanisms.test.ts', 'test/invariants.test.ts', 'test/determinism.test.ts'];

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
      spawnSync('npx', ['vitest', 'run', ...TESTS, '--reporter=json', `--outputFile=${report}`], { cwd: work, encoding: 'utf8' });
      writeFileSync(path, original);
      let failing: string[];
      try {
        const r = JSON.parse(readFileSync(report, 'utf8')) as { testResults: { name: string; status: string; assertionResults: { fullName: string; status: string }[] }[] };
        failing = r.testResults.flatMap((f) => {
          const tests = f.assertionResults.filter((a) => a.status === 'failed').map((a) => a.fullName);
          return tests.length === 0 && f.status === 'failed' ? [`${f.name.slice(work.length + 1)} (the file failed)`] : tests;
        });
      } catch {
        failing = ['(no report: the test run crashed)'];
      }
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
