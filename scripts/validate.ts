// Prints the validation table of docs/model.md §Validation: on seeds 9001–9020 (never used in
// development or calibration), for each variant the paired change against the baseline of the
// index, form and substance at 60, 120 and 240 months (mean ± sd of the paired differences).
// Usage: npm run validate [-- seeds]
import { runScenario, type Series } from '../sim/index.ts';
import { findScenario } from '../scenarios/index.ts';

const n = Number(process.argv[2] ?? 20);
const seeds = Array.from({ length: n }, (_, i) => 9001 + i);
const HORIZONS = [60, 120, 240];
const variants: [string, string, Record<string, number>][] = [
  ['baseline', 'baseline-involution', {}],
  ['money alone', 'money-alone', {}],
  ['full prevention', 'full-prevention', {}],
  ['pathDependence 0.2', 'baseline-involution', { pathDependence: 0.2 }],
  ['politicalRationality 0.2', 'baseline-involution', { politicalRationality: 0.2 }],
  ['dualManagement 0.2', 'baseline-involution', { dualManagement: 0.2 }],
  ['asymmetricDependence 0.2', 'baseline-involution', { asymmetricDependence: 0.2 }],
  ['clarify applicability', 'clarify-applicability', {}],
  ['release resources', 'release-resources', {}],
  ['service orientation', 'service-orientation', {}],
  ['partnership', 'partnership', {}],
  ['whole-process supervision', 'whole-process-supervision', {}],
  ['Changsha 2011', 'changsha-2011', {}],
  ['direct registration 2012', 'direct-registration-2012', {}],
];
const run = (id: string, set: Record<string, number>): Series[] => seeds.map((seed) => runScenario(findScenario(id)!, seed, { ticks: 240, set }).series);
const stats = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const s = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1));
  return `${m >= 0 ? '+' : ''}${m.toFixed(2)} ± ${s.toFixed(2)}`;
};
const base = run('baseline-involution', {});
console.log(`Seeds ${seeds[0]}–${seeds[seeds.length - 1]}; the baseline row gives levels, the others paired changes against it.\n`);
console.log(`| run | ${HORIZONS.map((h) => `index @${h}`).join(' | ')} | form @120 | substance @120 |`);
console.log(`|---|${HORIZONS.map(() => '---').join('|')}|---|---|`);
for (const [label, id, set] of variants) {
  const r = id === 'baseline-involution' && Object.keys(set).length === 0 ? base : run(id, set);
  const paired = (metric: string, m: number) =>
    label === 'baseline' ? stats(r.map((s) => s[metric][m - 1])) : stats(r.map((s, i) => s[metric][m - 1] - base[i][metric][m - 1]));
  console.log(`| ${label} | ${HORIZONS.map((h) => paired('involutionIndex', h)).join(' | ')} | ${paired('formGrowth', 120)} | ${paired('substanceGrowth', 120)} |`);
}
