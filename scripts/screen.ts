// Global sensitivity over the model's constants (docs/validation.md §Sensitivity; ten Broeke et al. 2016):
// a Morris screening of every constant of the registry over its prior range, for the baseline's
// index and for the effect of each cause set to 0.2 and of the prevention package, paired on common
// seeds at each design point. It runs `involution-lab experiment` (parallel, resumable) and
// `analyze --method morris [--baseline]`, then prints the tables of docs/validation.md §Sensitivity: the constants each
// result depends on most, against the noise floor of the seeds, and how often each pattern holds over
// the design's points.
// Usage: npm run screen [-- --out DIR (default experiments-out/screen) --samples R --seeds N --ticks T]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PARAMS } from '../sim/params.ts';
import { loadManifest, readColumns, readTable, withDesign } from '../cli/experiment/results.ts';
import { pointValues } from '../lab/analysis/methods.ts';
import { outcomesOf } from '../lab/analysis/outcomes.ts';
import { mean, variance } from '../lab/analysis/stats.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'experiments-out/screen' },
    samples: { type: 'string', default: '10' },
    seeds: { type: 'string', default: '8' },
    ticks: { type: 'string', default: '120' },
  },
});
const out = resolve(values.out!);
const samples = Number(values.samples), seedCount = Number(values.seeds), ticks = Number(values.ticks);
const BIN = join(import.meta.dirname, '..', 'bin', 'involution-lab.mjs');
const BASE = 'baseline-involution';
const LEVELS = 4;

/** The four causes at 0.2, as scenario files beside the spec. */
const CAUSES: [string, string, string, string][] = [
  ['pathDependence', 'low-path-dependence', 'Path dependence 0.2', '路径依赖 0.2'],
  ['politicalRationality', 'low-political-rationality', 'Political rationality 0.2', '政治理性 0.2'],
  ['dualManagement', 'low-dual-management', 'Dual management 0.2', '双重管理 0.2'],
  ['asymmetricDependence', 'low-asymmetric-dependence', 'Asymmetric dependence 0.2', '非对称依赖 0.2'],
];
const constants = PARAMS.filter((p) => p.group === 'calibration');
mkdirSync(out, { recursive: true });
for (const [param, id, en, zh] of CAUSES) {
  writeFileSync(join(out, `${id}.json`), JSON.stringify({
    id,
    title: { en: `Baseline, ${en.toLowerCase()}`, zh: `基线，${zh}` },
    teaching: { en: `The baseline with ${en.toLowerCase()}: one cause weakened, all else as in the baseline.`, zh: `基线中${zh}：只减弱一个成因，其余与基线相同。` },
    source: 'Li Jinlong & Wang Yingwei (2017)',
    params: { [param]: 0.2 },
    schedule: [],
  }, null, 2) + '\n');
}
const spec = {
  description: `Morris screening of the ${constants.length} model constants over their prior ranges (docs/validation.md §Sensitivity)`,
  scenarios: [BASE, ...CAUSES.map(([, id]) => `${id}.json`), 'full-prevention'],
  ticks,
  seeds: Array.from({ length: seedCount }, (_, i) => 7001 + i),
  metrics: ['involutionIndex', 'formGrowth', 'substanceGrowth'],
  design: { type: 'morris', samples, levels: LEVELS, seed: 1, ranges: Object.fromEntries(constants.map((p) => [p.name, [p.min, p.max]])) },
};
writeFileSync(join(out, 'spec.json'), JSON.stringify(spec, null, 2) + '\n');
const runs = join(out, 'runs');
const cli = (...args: string[]) => {
  const r = spawnSync('node', [BIN, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
cli('experiment', join(out, 'spec.json'), '--out', runs, ...(existsSync(join(runs, 'manifest.json')) ? ['--resume'] : []));
cli('analyze', runs, '--method', 'morris', '--outcome', 'involutionIndex');
cli('analyze', runs, '--method', 'morris', '--outcome', 'involutionIndex', '--baseline', BASE);

const manifest = loadManifest(runs);
const m = withDesign(runs, manifest);
const summary = await readColumns(runs, manifest, 'summary', ['run', 'involutionIndex'], m.runs.total);
const outcomes = outcomesOf(m, summary, 'involutionIndex');
// The values the Morris analyses above read (lab's own), per design point and seed.
const levels = new Map(pointValues(m, outcomes, undefined).map((v) => [v.id, v]));
const base = levels.get(BASE)!;
const effects = pointValues(m, outcomes, BASE);
/**
 * The noise floor of μ*: the μ* that seed noise alone would give, E|N(0, σ)| = σ√(2/π), σ being the
 * sd of an elementary effect made of two point means, each of `seedCount` seeds: √(2 s²/n) / Δ.
 */
const floor = (replicates: number[][]) => {
  const s2 = mean(replicates.map((reps) => variance(reps)));
  const delta = LEVELS / (2 * (LEVELS - 1));
  return (Math.sqrt((2 * s2) / seedCount) / delta) * Math.sqrt(2 / Math.PI);
};
const fmt = (x: number) => (x >= 0 ? '+' : '') + x.toFixed(2);
const basis = new Map<string, string | undefined>(constants.map((p) => [p.name, p.basis]));
/** The n parameters with the largest μ* of one scenario in an analysis CSV `analyze` wrote. */
const top = (file: string, scenario: string, noise: number, n = 8) => {
  const t = readTable(runs, file);
  const cell = (r: string[], name: string) => r[t.columns.indexOf(name)];
  return t.rows
    .filter((r) => cell(r, 'scenario') === scenario)
    .sort((a, z) => Number(cell(z, 'muStar')) - Number(cell(a, 'muStar')))
    .slice(0, n)
    .map((r) => `\`${cell(r, 'parameter')}\` ${Number(cell(r, 'muStar')).toFixed(2)}${Number(cell(r, 'muStar')) > 2 * noise ? '' : '°'} (${fmt(Number(cell(r, 'mu')))}, ${basis.get(cell(r, 'parameter'))})`)
    .join('; ');
};
const share = (xs: number[], ok: (x: number) => boolean) => `${Math.round((100 * xs.filter(ok).length) / xs.length)} %`;

console.log(`${constants.length} constants over their prior ranges, Morris (${samples} trajectories, ${LEVELS} levels, ${m.design.points.length} points), ${ticks} months, seeds ${spec.seeds.join(', ')} at each point (${m.runs.total} runs).\n`);
console.log('| result | mean over the points | share of points where it holds | constants with the largest μ* (μ), by basis; ° = below twice the noise floor | noise floor of μ* |');
console.log('|---|---|---|---|---|');
const baseNoise = floor(base.replicates);
console.log(`| baseline index | ${fmt(mean(base.y))} | > 0.3: ${share(base.y, (x) => x > 0.3)} | ${top('analysis-morris-involutionIndex.csv', BASE, baseNoise)} | ${baseNoise.toFixed(2)} |`);
for (const e of effects) {
  const noise = floor(e.replicates);
  const holds = e.id === 'full-prevention' ? `index ≤ 0: ${share(levels.get(e.id)!.y, (x) => x <= 0)}` : `< 0: ${share(e.y, (x) => x < 0)}; ≤ −0.1: ${share(e.y, (x) => x <= -0.1)}`;
  console.log(`| ${e.id} − baseline | ${fmt(mean(e.y))} | ${holds} | ${top(`analysis-morris-involutionIndex-vs-${BASE}.csv`, e.id, noise)} | ${noise.toFixed(2)} |`);
}
