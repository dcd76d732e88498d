// Runs every scenario and the one-cause-weaker variants over seeds and prints the final (month 120)
// means and standard deviations as Markdown: the table of docs/validation.md §Patterns.
import { runScenario } from '../sim/index.ts';
import { SCENARIOS, findScenario } from '../scenarios/index.ts';

const seeds = Number(process.argv[2] ?? 20);
const COLS = ['involutionIndex', 'formGrowth', 'substanceGrowth', 'purchaseSpending', 'projectsActive', 'paperworkLoad', 'needUnitsServed',
  'transferVolume', 'soCapability', 'projectGranularity', 'insideShare', 'competitiveShare', 'coverage', 'serviceQuality', 'satisfaction', 'soAutonomy',
  'govRevenueShare', 'biddersPerTender', 'independentSOs', 'affiliatedSOs'];
const base = findScenario('baseline-involution')!;
const variants = [
  ...SCENARIOS.map((s) => ({ label: s.id, scenario: s, set: {} })),
  ...['pathDependence', 'politicalRationality', 'dualManagement', 'asymmetricDependence'].map((c) => ({ label: `baseline, ${c} 0.2`, scenario: base, set: { [c]: 0.2 } })),
];
const fmt = (x: number) => (Math.abs(x) >= 10 ? x.toFixed(0) : x.toFixed(2));
console.log(`| run | ${COLS.join(' | ')} |`);
console.log(`|---|${COLS.map(() => '---').join('|')}|`);
for (const v of variants) {
  const finals: Record<string, number[]> = {};
  for (let seed = 1; seed <= seeds; seed++) {
    const { series } = runScenario(v.scenario, seed, { set: v.set });
    for (const c of COLS) (finals[c] ??= []).push(series[c][series[c].length - 1]);
  }
  const cell = (xs: number[]) => {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1));
    return `${fmt(m)} ± ${fmt(sd)}`;
  };
  console.log(`| ${v.label} | ${COLS.map((c) => cell(finals[c])).join(' | ')} |`);
}

// Decomposition (docs/model.md §7.11): the contribution of each cause is the drop of the final index when
// that cause alone is switched off (set to 0), paired on the same seeds.
const finalIndex = (set: Record<string, number>) =>
  Array.from({ length: seeds }, (_, i) => {
    const s = runScenario(base, i + 1, { set }).series.involutionIndex;
    return s[s.length - 1];
  });
const baseIndex = finalIndex({});
console.log('\n| cause switched off (= 0) | final index | contribution (baseline − off) | paired sd |');
console.log('|---|---|---|---|');
for (const c of ['pathDependence', 'politicalRationality', 'dualManagement', 'asymmetricDependence']) {
  const off = finalIndex({ [c]: 0 });
  const d = baseIndex.map((b, i) => b - off[i]);
  const m = d.reduce((a, b) => a + b, 0) / d.length;
  const s = Math.sqrt(d.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, d.length - 1));
  const mo = off.reduce((a, b) => a + b, 0) / off.length;
  console.log(`| ${c} | ${fmt(mo)} | ${fmt(m)} | ${fmt(s)} |`);
}
