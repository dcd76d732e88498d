// What carries a result (docs/validation.md, "What carries the index"): the exact
// decomposition of the index by figure, and the 2³ factorial of the money path (budgetGrowth and
// policyPush at 0) × the officials' decisions (their steps at 0) × the SOs' effort learning (at 0),
// each with paired 95 % t intervals over common seeds. Beside them, the service citizens get
// (needsMet, serviceQuality, satisfaction), so that no reading of the index stands alone.
// Usage: npm run decompose -- <scenario> <month> [<month> …] [--seeds N] [--first S] [--citizens N]
//   (defaults: 20 seeds from 13001, the scenario's own size)
import { meanInterval } from '../lab/analysis/paired.ts';
import { decompose, figureGrowthAt, TERMS } from '../lab/analysis/decompose.ts';
import { runScenario, TICKS, type Series } from '../sim/index.ts';
import { findScenario, SCENARIOS } from '../scenarios/index.ts';

const USAGE = 'usage: npm run decompose -- <scenario> <month> [<month> …] [--seeds N] [--first S] [--citizens N]';
const problems: string[] = [];
const positional: string[] = [];
const options: Record<string, number> = { seeds: 20, first: 13001 };
const LIMITS: Record<string, [number, number]> = { seeds: [2, 1000], first: [1, 2 ** 31 - 1001], citizens: [100, 2_000_000] };
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (!a.startsWith('--')) {
    positional.push(a);
    continue;
  }
  const name = a.slice(2);
  const raw = args[++i];
  if (!(name in LIMITS)) {
    problems.push(`unknown option ${JSON.stringify(a.slice(0, 60))}: allowed are --seeds, --first, --citizens`);
    continue;
  }
  const [lo, hi] = LIMITS[name];
  if (raw === undefined || !/^\d+$/.test(raw) || Number(raw) < lo || Number(raw) > hi)
    problems.push(`--${name} must be a whole number from ${lo} to ${hi}, got ${JSON.stringify(raw?.slice(0, 60) ?? '')}`);
  else options[name] = Number(raw);
}
const [id, ...monthArgs] = positional;
const scenario = id === undefined ? undefined : findScenario(id);
if (id === undefined) problems.push('no scenario given');
else if (!scenario) problems.push(`unknown scenario ${JSON.stringify(id.slice(0, 60))}: one of ${SCENARIOS.map((s) => s.id).join(', ')}`);
if (monthArgs.length === 0) problems.push('no month given');
const months = monthArgs.map((m) => {
  if (!/^\d+$/.test(m) || Number(m) < 12 || Number(m) > TICKS.max)
    problems.push(`a month must be a whole number from 12 to ${TICKS.max}, got ${JSON.stringify(m.slice(0, 60))}`);
  return Number(m);
});
if (problems.length > 0) {
  console.error(`decompose: ${problems.join('; ')}\n${USAGE}`);
  process.exit(2);
}
const ticks = Math.max(...months);
const seeds = Array.from({ length: options.seeds }, (_, i) => options.first + i);
const size: Record<string, number> = options.citizens ? { citizens: options.citizens } : {};

const fmt = (x: number) => (x >= 0 ? ' ' : '') + x.toFixed(3);
const cell = (xs: number[]) => {
  const r = meanInterval(xs);
  return `${fmt(r.mean)} (${r.low.toFixed(3)} to ${r.high.toFixed(3)})`;
};
const at = (s: Series, metric: string, m: number) => s[metric][m - 1];

// 1. The decomposition of the scenario's own index.
const runs = seeds.map((seed) => runScenario(scenario!, seed, { ticks, set: size }));
console.log(`${scenario!.id}: the index by figure, mean and 95 % interval over ${seeds.length} seeds (${seeds[0]}–${seeds.at(-1)})`);
for (const m of months) {
  console.log(`\nmonth ${m}`);
  const terms = runs.map((r) => decompose(figureGrowthAt(r.series, r.manifest.params, m)));
  const index = runs.map((r) => at(r.series, 'involutionIndex', m));
  const gap = Math.max(...runs.map((_, i) => Math.abs(TERMS.reduce((a, t) => a + terms[i][t], 0) - index[i])));
  console.log(`  ${'involutionIndex'.padEnd(22)} ${cell(index)}   (terms add up to it within ${gap.toExponential(1)})`);
  for (const t of TERMS) console.log(`  ${t.padEnd(22)} ${cell(terms.map((x) => x[t]))}`);
  for (const metric of ['needsMet', 'serviceQuality', 'satisfaction', 'purchaseShare', 'biddersPerTender']) {
    console.log(`  ${metric.padEnd(22)} ${cell(runs.map((r) => at(r.series, metric, m)))}`);
  }
}

// 2. The 2³ factorial: money path × officials × SO learning, each switched off by its constants.
const FACTORS = {
  money: { budgetGrowth: 0, policyPush: 0 },
  officials: { officialStep: 0, demandStep: 0, shareStep: 0 },
  learning: { effortLearning: 0 },
} as const;
const names = Object.keys(FACTORS) as (keyof typeof FACTORS)[];
const cells = new Map<string, Series[]>();
for (let mask = 0; mask < 8; mask++) {
  const set: Record<string, number> = { ...size };
  names.forEach((f, j) => {
    if (!(mask & (1 << j))) Object.assign(set, FACTORS[f]);
  });
  cells.set(
    String(mask),
    seeds.map((seed) => runScenario(scenario!, seed, { ticks, set }).series),
  );
}
console.log(
  `\nThe 2³ factorial (money path × officials × SO learning; "off" = ${names
    .map((f) =>
      Object.entries(FACTORS[f])
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
    )
    .join('; ')}):`,
);
console.log(
  'effects on the index (mean of the cells with the factor on − with it off; interactions likewise), paired over seeds, and as a share of the index with all on',
);
for (const m of months) {
  console.log(`\nmonth ${m}`);
  const y = (mask: number) => cells.get(String(mask))!.map((s) => at(s, 'involutionIndex', m));
  const all = y(7);
  const allMean = meanInterval(all).mean;
  console.log(`  ${'all on (the scenario)'.padEnd(30)} ${cell(all)}`);
  console.log(`  ${'all off'.padEnd(30)} ${cell(y(0))}`);
  const effects: [string, number][] = [
    [names[0], 1],
    [names[1], 2],
    [names[2], 4],
    [`${names[0]} × ${names[1]}`, 3],
    [`${names[0]} × ${names[2]}`, 5],
    [`${names[1]} × ${names[2]}`, 6],
    [names.join(' × '), 7],
  ];
  for (const [label, bits] of effects) {
    // Contrast: sign of the product of the factors in `bits`, over the 8 cells, divided by 4.
    const per = seeds.map((_, i) => {
      let e = 0;
      for (let mask = 0; mask < 8; mask++) {
        let sign = 1;
        for (let j = 0; j < 3; j++) if (bits & (1 << j)) sign *= mask & (1 << j) ? 1 : -1;
        e += sign * y(mask)[i];
      }
      return e / 4;
    });
    const r = meanInterval(per);
    console.log(`  ${label.padEnd(30)} ${cell(per)}   ${allMean !== 0 ? `${((100 * r.mean) / allMean).toFixed(0)} % of the index` : ''}`);
  }
  for (const metric of ['needsMet', 'serviceQuality']) {
    console.log(
      `  ${`${metric}, all on / all off`.padEnd(30)} ${meanInterval(cells.get('7')!.map((s) => at(s, metric, m))).mean.toFixed(3)} / ${meanInterval(cells.get('0')!.map((s) => at(s, metric, m))).mean.toFixed(3)}`,
    );
  }
}
