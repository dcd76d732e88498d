// The assumptions that fix the sign of an effect (docs/validation.md §Known limits), each made neutral in
// a copy of sim/ (the project itself is never changed), to show what remains of the effect it
// carries. For each: the baseline index as built and with the link neutral, and the effect the
// assumption directs (a cause or prevention against the baseline), as built and neutral, at 60, 120
// and 240 months, paired over seeds (95 % t intervals).
// Usage: npm run assumptions [-- count first]   (defaults: 10 seeds from 22001; about 6 min on 2 cores)
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Series } from '../sim/index.ts';
import { meanInterval } from '../lab/analysis/paired.ts';
import { wholeArg } from './args.ts';

const n = wholeArg('assumptions', 2, 'the number of seeds', 10, 2, 1000);
const first = wholeArg('assumptions', 3, 'the first seed', 22001, 1, 2 ** 31 - 1000);
const seeds = Array.from({ length: n }, (_, i) => first + i);
const HORIZONS = [60, 120, 240];

interface Assumption {
  name: string;
  /** The link made neutral: a line of sim/ replaced in the copy (found exactly once), or parameters set. */
  file?: string;
  from?: string;
  to?: string;
  set?: Record<string, number>;
  /** The effects it directs: each a label, a scenario and overrides against the baseline. */
  effects: [string, string, Record<string, number>][];
}
const ASSUMPTIONS: Assumption[] = [
  {
    name: 'A1 asymmetric dependence scales the non-government market (neutral: the market at its baseline size whatever the cause)',
    file: 'sim/effective.ts',
    from: 'const altAccess = 1 - p.asymmetricDependence * (1 - p.altRevenueSupport);',
    to: 'const altAccess = 1 - 0.8 * (1 - p.altRevenueSupport);',
    effects: [['asymmetricDependence 0.2', 'baseline-involution', { asymmetricDependence: 0.2 }]],
  },
  {
    name: 'A2 partnership sets the autonomy target (neutral: autonomy follows dependence whether or not it is exploited)',
    file: 'sim/adaptation.ts',
    from: 'const target = (1 - dependence(s, so) * exploit) * ceiling;',
    to: 'const target = (1 - dependence(s, so)) * ceiling;',
    effects: [['partnership', 'partnership', {}]],
  },
  {
    name: 'A3 the evaluation weighs outcomes by a closed form of π and measurability (neutral: a fixed weight of one half)',
    file: 'sim/evaluation.ts',
    from: 'const outcome = (1 - piEval) * (m + (1 - m) * s.params.wholeProcessSupervision);',
    to: 'const outcome = 0.5 + 0 * piEval * m;',
    effects: [['politicalRationality 0.2', 'baseline-involution', { politicalRationality: 0.2 }]],
  },
  {
    name: 'A4 officials are rewarded per project shown upward (neutral: shown by its money, in standard contracts)',
    file: 'sim/supervision.ts',
    from: 'shown[d * K + k]++;',
    to: 'shown[d * K + k] += c.payment[i] / p.fullTeamMoney;',
    effects: [['politicalRationality 0.2', 'baseline-involution', { politicalRationality: 0.2 }]],
  },
  {
    name: 'A5 each project an SO holds adds fixed paperwork (neutral: projectReporting 0)',
    set: { projectReporting: 0 },
    effects: [['politicalRationality 0.2', 'baseline-involution', { politicalRationality: 0.2 }]],
  },
  {
    name: "A6 a sponsor caps its SO's autonomy (neutral: sponsoredAutonomy 1)",
    set: { sponsoredAutonomy: 1 },
    effects: [['dualManagement 0.2', 'baseline-involution', { dualManagement: 0.2 }]],
  },
  {
    name: 'A7 autonomy sets how far an SO keeps to its mission when it learns its effort (neutral: every SO weighs its mission at missionWeight)',
    file: 'sim/adaptation.ts',
    from: 'const w = p.missionWeight * s.sos.autonomy[so];',
    to: 'const w = p.missionWeight;',
    effects: [
      ['dualManagement 0.2', 'baseline-involution', { dualManagement: 0.2 }],
      ['partnership', 'partnership', {}],
      ['asymmetricDependence 0.2', 'baseline-involution', { asymmetricDependence: 0.2 }],
    ],
  },
];

const root = resolve(import.meta.dirname, '..');
const problems = ASSUMPTIONS.filter((a) => a.file && readFileSync(join(root, a.file), 'utf8').split(a.from!).length - 1 !== 1).map(
  (a) => `${a.name}: its line is not found exactly once in ${a.file}`,
);
if (problems.length > 0) {
  console.error(`assumptions: the list no longer matches the code; update scripts/assumptions.ts:\n  ${problems.join('\n  ')}`);
  process.exit(2);
}

type Run = (id: string, seed: number, set: Record<string, number>) => Series;
async function copyWith(work: string, label: string, a: Assumption | null): Promise<Run> {
  const dir = join(work, label);
  for (const d of ['sim', 'scenarios']) cpSync(join(root, d), join(dir, d), { recursive: true });
  if (a?.file) {
    const path = join(dir, a.file);
    writeFileSync(path, readFileSync(path, 'utf8').replace(a.from!, a.to!));
  }
  const sim = await import(pathToFileURL(join(dir, 'sim', 'index.ts')).href);
  const sc = await import(pathToFileURL(join(dir, 'scenarios', 'index.ts')).href);
  return (id, seed, set) => sim.runScenario(sc.findScenario(id), seed, { ticks: 240, set }).series;
}

const fmt = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
const cell = (xs: number[]) => {
  const r = meanInterval(xs);
  return `${fmt(r.mean)} (${fmt(r.low)} to ${fmt(r.high)})`;
};
const work = mkdtempSync(join(tmpdir(), 'involution-assumptions-'));
try {
  symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));
  const built = await copyWith(work, 'built', null);
  const index = (run: Run, id: string, set: Record<string, number>) => seeds.map((seed) => run(id, seed, set).involutionIndex);
  const base = index(built, 'baseline-involution', {});
  console.log(`Seeds ${seeds[0]}–${seeds.at(-1)}: each assumption as built and made neutral (mean over ${n} seeds, 95 % paired t interval).\n`);
  console.log(`| assumption | reading | ${HORIZONS.map((h) => `@${h}`).join(' | ')} |\n|---|---|${HORIZONS.map(() => '---').join('|')}|`);
  for (const [i, a] of ASSUMPTIONS.entries()) {
    const neutral = a.file ? await copyWith(work, `a${i}`, a) : built;
    const extra = a.set ?? {};
    const nBase = index(neutral, 'baseline-involution', extra);
    const row = (reading: string, f: (m: number) => number[]) => console.log(`| ${a.name} | ${reading} | ${HORIZONS.map((m) => cell(f(m))).join(' | ')} |`);
    row('baseline index, neutral − built', (m) => nBase.map((s, j) => s[m - 1] - base[j][m - 1]));
    for (const [label, id, set] of a.effects) {
      const builtEffect = index(built, id, set);
      const nEffect = index(neutral, id, { ...extra, ...set });
      row(`${label}: effect as built`, (m) => builtEffect.map((s, j) => s[m - 1] - base[j][m - 1]));
      row(`${label}: effect with the link neutral`, (m) => nEffect.map((s, j) => s[m - 1] - nBase[j][m - 1]));
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
