// Each cause at 0.2 against the baseline at both ends of the calibrated constants' 90 % posterior
// intervals (docs/calibration.md's posterior table; the "posterior ends" column of docs/validation.md §Domain of validity):
// the paired change of the index at 60, 120, 240 and 360 months with its 95 % t interval, and how many
// intervals lie below 0. Issue 19's criterion for the causes, at the calibration's uncertainty.
// Usage: npm run causes-at-ends [-- count first]   (defaults: 20 seeds from 181001; about 4 min on 2 cores)
import { runScenario } from '../sim/index.ts';
import { findScenario } from '../scenarios/index.ts';
import { pairedDifference } from '../lab/analysis/paired.ts';
import { wholeArg } from './args.ts';

const n = wholeArg('causes-at-ends', 2, 'the number of seeds', 20, 2, 1000);
const first = wholeArg('causes-at-ends', 3, 'the first seed', 181001, 1, 2 ** 31 - 1000);
/** The 90 % posterior intervals of docs/calibration.md §The calibration of the model. */
const ENDS: Record<string, [number, number]> = {
  nicheMoney: [0.49, 1.22],
  entryRate: [0.27, 2.91],
  crowdIn: [0.08, 0.91],
  sponsorChance: [0.19, 0.92],
  lateRegistration: [0.014, 0.19],
};
const CAUSES = ['pathDependence', 'politicalRationality', 'dualManagement', 'asymmetricDependence'];
const HORIZONS = [60, 120, 240, 360];
const baseline = findScenario('baseline-involution')!;
const seeds = Array.from({ length: n }, (_, i) => first + i);
const index = (set: Record<string, number>) => seeds.map((seed) => runScenario(baseline, seed, { ticks: 360, set }).series.involutionIndex);

console.log(`Each cause at 0.2 minus the baseline, index at ${HORIZONS.join(' / ')} months, seeds ${first}–${first + n - 1} (* the 95 % interval reaches 0)\n`);
let below = 0,
  cells = 0;
for (const [name, ends] of Object.entries(ENDS)) {
  for (const value of ends) {
    const base = index({ [name]: value });
    for (const cause of CAUSES) {
      const runs = index({ [name]: value, [cause]: 0.2 });
      const shown = HORIZONS.map((h) => {
        const d = pairedDifference(
          base.map((s) => s[h - 1]),
          runs.map((s) => s[h - 1]),
        );
        cells++;
        if (d.high < 0) below++;
        return `${d.mean.toFixed(3)}${d.high < 0 ? '' : '*'}`;
      });
      console.log(`${name} ${value}, ${cause}: ${shown.join(' / ')}`);
    }
  }
}
console.log(`\n${below} of ${cells} intervals below 0`);
