// How the four causes act together (docs/validation.md): a 2⁴ factorial design (each cause at
// its baseline value 0.8 or at 0.2, the rest of the baseline unchanged; Montgomery 2017, ch. 6;
// Lorscheid, Heine & Meyer 2012 for simulation models) on common seeds. For each cause it prints the
// change of the index when that cause alone falls to 0.2, then the same change with each other cause
// already at 0.2, and with all three others at 0.2 — paired on seeds, with 95 % t intervals. A cause
// whose effect grows when another falls is its complement: both hold substance back, and removing one
// alone frees little.
// Usage: npm run interactions [-- count first ticks]   (defaults: 30 seeds from 9201, 120 months)
import { runScenario } from '../sim/index.ts';
import { findScenario } from '../scenarios/index.ts';
import { pairedDifference } from '../lab/analysis/paired.ts';
import { mean } from '../lab/analysis/stats.ts';
import { wholeArg } from './args.ts';

const n = wholeArg('interactions', 2, 'the number of seeds', 30, 2, 1000);
const first = wholeArg('interactions', 3, 'the first seed', 9201, 1, 2 ** 31 - 1000);
const ticks = wholeArg('interactions', 4, 'the months', 120, 13, 600);
const seeds = Array.from({ length: n }, (_, i) => first + i);
const CAUSES = ['pathDependence', 'politicalRationality', 'dualManagement', 'asymmetricDependence'] as const;
const LOW = 0.2;

/** The index at the end, one value per seed, for the cell where the causes in `mask` (bit j = CAUSES[j]) are at 0.2. */
const cells = new Map<number, number[]>();
for (let mask = 0; mask < 1 << CAUSES.length; mask++) {
  const set: Record<string, number> = {};
  CAUSES.forEach((c, j) => { if (mask & (1 << j)) set[c] = LOW; });
  cells.set(mask, seeds.map((seed) => {
    const s = runScenario(findScenario('baseline-involution')!, seed, { ticks, set }).series.involutionIndex;
    return s[s.length - 1];
  }));
}

const fmt = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(2)}`;
const effect = (j: number, others: number) => {
  const d = pairedDifference(cells.get(others)!, cells.get(others | (1 << j))!);
  return `${fmt(d.mean)} (${fmt(d.low)} to ${fmt(d.high)})`;
};
console.log(`Seeds ${seeds[0]}–${seeds[seeds.length - 1]}, month ${ticks}: the change of the index when the cause of the row falls from 0.8 to ${LOW}, with the others as the column says (mean over ${n} seeds, 95 % paired t interval).\n`);
console.log(`| cause falls to ${LOW} | others at 0.8 | ${CAUSES.map((c) => `with ${c} at ${LOW}`).join(' | ')} | all others at ${LOW} |`);
console.log(`|---|---|${CAUSES.map(() => '---').join('|')}|---|`);
const all = (1 << CAUSES.length) - 1;
CAUSES.forEach((c, j) => {
  const cols = CAUSES.map((_, k) => (k === j ? '—' : effect(j, 1 << k)));
  console.log(`| ${c} | ${effect(j, 0)} | ${cols.join(' | ')} | ${effect(j, all & ~(1 << j))} |`);
});
const base = cells.get(0)!, none = cells.get(all)!;
console.log(`\nIndex with all four at 0.8: ${fmt(mean(base))}; with all four at ${LOW}: ${fmt(mean(none))}.`);
