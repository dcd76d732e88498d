// The validation of docs/validation.md, as a referee re-runs it: on seeds never used in
// development or calibration (9001–9020 by default; any other block of fresh seeds with
// `npm run validate -- <count> <first seed>`), default size, 360 months.
// 1. For each variant, the paired change against the baseline of the index, form and substance at 60,
//    120, 240 and 360 months, with the service citizens get beside it (needs met, quality,
//    satisfaction), as mean ± sd of the paired differences; the baseline row gives its levels.
// 2. Each criterion of the validation with its threshold, the estimate and its 95 % interval (a paired
//    t interval, or a seeded percentile bootstrap over seeds for a ratio), and a verdict: "met" when
//    the whole interval lies on the right side of the threshold, "estimate meets" when only the
//    estimate does, "short" when the estimate does not.
// 3. Lock-in year by year.
// With `--posterior <dir>/posterior.csv` (from `involution-lab calibrate calibration/model.json --out
// <dir>`), each seed runs with its own weighted draw of the calibrated constants from the posterior's
// last generation, so that every interval also carries the uncertainty calibration left (an
// unidentified constant is drawn from what is, in effect, its prior).
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { runScenario, type Series } from '../sim/index.ts';
import { PARAM_BY_NAME } from '../sim/params.ts';
import { resolveParams } from '../sim/param-check.ts';
import { findScenario } from '../scenarios/index.ts';
import { meanInterval } from '../lab/analysis/paired.ts';
import { bootstrap } from '../lab/analysis/bootstrap.ts';
import { mean, sd } from '../lab/analysis/stats.ts';
import { wholeArg } from './args.ts';
import { createRng } from '../lab/random.ts';
import { weightedPicker } from '../lab/abc/stats.ts';
import { echo, parseDecimal } from '../lab/numbers.ts';
import { MAX_LISTED } from '../lab/problems.ts';

const posteriorFile = takeFlag('--posterior');
const n = wholeArg('validate', 2, 'the number of seeds', 20, 2, 1000);
const first = wholeArg('validate', 3, 'the first seed', 9001, 1, 2 ** 31 - 1000);
const seeds = Array.from({ length: n }, (_, i) => first + i);
/** Per seed, the calibrated constants: none (the registry's values), or a draw from the posterior. */
const draws: Record<string, number>[] = posteriorFile ? posteriorDraws(posteriorFile, n) : seeds.map(() => ({}));
const HORIZONS = [60, 120, 240, 360] as const;
const CAUSES = ['pathDependence', 'politicalRationality', 'dualManagement', 'asymmetricDependence'];
const PREVENTIONS = ['clarify-applicability', 'release-resources', 'service-orientation', 'partnership', 'whole-process-supervision'];
const variants: [string, string, Record<string, number>][] = [
  ['baseline', 'baseline-involution', {}],
  ['money alone', 'money-alone', {}],
  ['full prevention', 'full-prevention', {}],
  ...CAUSES.map((c): [string, string, Record<string, number>] => [`${c} 0.2`, 'baseline-involution', { [c]: 0.2 }]),
  ['clarify applicability', 'clarify-applicability', {}],
  ['release resources', 'release-resources', {}],
  ['service orientation', 'service-orientation', {}],
  ['partnership', 'partnership', {}],
  ['whole-process supervision', 'whole-process-supervision', {}],
  ['Changsha 2011', 'changsha-2011', {}],
  ['direct registration 2012', 'direct-registration-2012', {}],
];
const runs = new Map<string, Series[]>();
const run = (label: string, id: string, set: Record<string, number>, ticks = 360) =>
  runs.set(label, seeds.map((seed, i) => runScenario(findScenario(id)!, seed, { ticks, set: { ...draws[i], ...set } }).series));
for (const [label, id, set] of variants) run(label, id, set);
run('proportional growth', 'proportional-growth', {});

const at = (label: string, metric: string, m: number) => runs.get(label)!.map((s) => s[metric][m - 1]);
/** Paired change against the baseline, one value per seed. */
const change = (label: string, metric: string, m: number) => {
  const base = at('baseline', metric, m);
  return at(label, metric, m).map((v, i) => v - base[i]);
};
const signed = (x: number, digits = 2) => `${x >= 0 ? '+' : ''}${x.toFixed(digits)}`;

if (posteriorFile) {
  const names = Object.keys(draws[0]);
  console.log(`Each seed runs with its own draw of ${names.join(', ')} from the last generation of ${posteriorFile} (by weight, draw seed 1): the intervals include what calibration left open.\n`);
}
console.log(`Seeds ${seeds[0]}–${seeds[seeds.length - 1]}; the baseline row gives levels, the others paired changes against it (mean ± sd; s.e. = sd/√${n}).\n`);
const SERVICE = ['needsMet', 'serviceQuality', 'satisfaction'];
console.log(`| run | ${HORIZONS.map((h) => `index @${h}`).join(' | ')} | form @120 | substance @120 | ${SERVICE.map((m) => `${m} @120 | ${m} @360`).join(' | ')} |`);
console.log(`|---|${HORIZONS.map(() => '---').join('|')}|---|---|${SERVICE.map(() => '---|---').join('|')}|`);
for (const [label] of variants) {
  const cell = (metric: string, m: number) => {
    const x = label === 'baseline' ? at(label, metric, m) : change(label, metric, m);
    return `${signed(mean(x))} ± ${sd(x).toFixed(2)}`;
  };
  const service = (metric: string, m: number) => {
    const x = label === 'baseline' ? at(label, metric, m) : change(label, metric, m);
    return `${label === 'baseline' ? mean(x).toFixed(3) : signed(mean(x), 3)}`;
  };
  console.log(`| ${label} | ${HORIZONS.map((h) => cell('involutionIndex', h)).join(' | ')} | ${cell('formGrowth', 120)} | ${cell('substanceGrowth', 120)} | ${SERVICE.map((m) => `${service(m, 120)} | ${service(m, 360)}`).join(' | ')} |`);
}

interface Criterion {
  name: string;
  threshold: string;
  estimate: number;
  low: number;
  high: number;
  /** True if a value meets the criterion. */
  ok: (x: number) => boolean;
}
const criteria: Criterion[] = [];
/** A paired criterion: the per-seed values of a statistic, its mean against a bound. */
function paired(name: string, values: number[], bound: number, below: boolean): void {
  const d = meanInterval(values);
  criteria.push({ name, threshold: `${below ? '≤' : '≥'} ${signed(bound)}`, estimate: d.mean, low: d.low, high: d.high, ok: (x) => (below ? x <= bound : x >= bound) });
}

// Each cause at 0.2 lowers the index: the whole interval below 0 ("met").
for (const c of CAUSES) for (const m of HORIZONS) paired(`${c} 0.2: index change @${m}`, change(`${c} 0.2`, 'involutionIndex', m), 0, true);
// Money alone deepens involution, and reads no more substance where it meets less need.
for (const m of HORIZONS) paired(`money alone: index change @${m}`, change('money alone', 'involutionIndex', m), 0, false);
for (const m of HORIZONS) {
  const lessMet = change('money alone', 'needsMet', m);
  if (mean(lessMet) < 0) paired(`money alone meets less need @${m}: substance change`, change('money alone', 'substanceGrowth', m), 0, true);
}
for (const m of HORIZONS) {
  const drop = change('full prevention', 'involutionIndex', m).map((x) => -x);
  const gain = change('full prevention', 'substanceGrowth', m);
  paired(`full prevention: substance gain − half the index drop @${m}`, gain.map((g, i) => g - drop[i] / 2), 0, false);
}
for (const m of [120, 240]) paired(`full prevention: index @${m}`, at('full prevention', 'involutionIndex', m), 0, true);
/** A scenario's row in the first table. */
const label = (id: string) => variants.find(([, v, set]) => v === id && Object.keys(set).length === 0)![0];
// Release resources is held to more below (at least 0.1), which implies this.
for (const p of PREVENTIONS.filter((x) => x !== 'release-resources')) for (const m of HORIZONS) paired(`${label(p)}: index change @${m}`, change(label(p), 'involutionIndex', m), 0, true);
for (const m of HORIZONS) paired(`release resources: index change @${m}`, change('release resources', 'involutionIndex', m), -0.1, true);
const growth37to72 = (l: string) => runs.get(l)!.map((s) => mean(s.soGrowthRate.slice(36, 72)));
paired('direct registration 2012: SO growth, months 37–72, change', growth37to72('direct registration 2012').map((g, i) => g - growth37to72('baseline')[i]), 0, false);
for (const metric of ['coverage', 'serviceQuality', 'satisfaction', 'needsMet']) paired(`Changsha 2011: ${metric} change @120`, change('Changsha 2011', metric, 120), 0, false);
paired('Changsha 2011: government share @120 (0.6–0.9), lower bound', at('Changsha 2011', 'govRevenueShare', 120), 0.6, false);
paired('Changsha 2011: government share @120 (0.6–0.9), upper bound', at('Changsha 2011', 'govRevenueShare', 120), 0.9, true);
paired('proportional growth: spending @120 / first year', runs.get('proportional growth')!.map((s) => s.purchaseSpending[119] / mean(s.purchaseSpending.slice(0, 12))), 1.3, false);
for (const m of [24, ...HORIZONS]) {
  paired(`proportional growth: index @${m}, from above`, at('proportional growth', 'involutionIndex', m), 0.1, true);
  paired(`proportional growth: index @${m}, from below`, at('proportional growth', 'involutionIndex', m), -0.1, false);
}

/**
 * Lock-in: how far the districts' inside shares (district-let projects) differ beyond what their few
 * contracts show by chance (the metric insideShareSpread), one value per seed.
 */
const spread = (l: string, m: number) => at(l, 'insideShareSpread', m);
/** The plain sd over districts of the realized inside shares, chance included, one value per seed. */
const rawSpread = (l: string, m: number) =>
  runs.get(l)!.map((s) => sd(Object.keys(s).filter((k) => k.startsWith('insideShare.d')).map((k) => s[k][m - 1])));
/** A ratio of two means over seeds, with a percentile bootstrap over seeds (paired: the same resample for both). */
function ratio(name: string, top: number[], bottom: number[], bound: number, below: boolean): void {
  const stat = (idx: ArrayLike<number>) => {
    let a = 0, b = 0;
    for (let i = 0; i < idx.length; i++) { a += top[idx[i]]; b += bottom[idx[i]]; }
    return a / b;
  };
  const [ci] = bootstrap(n, (sample) => [stat(sample)], { resamples: 2000, seed: 1 });
  const est = stat(Array.from({ length: n }, (_, i) => i));
  criteria.push({ name, threshold: `${below ? '≤' : '≥'} ${bound}`, estimate: est, low: ci.low, high: ci.high, ok: (x) => (below ? x <= bound : x >= bound) });
}
ratio('lock-in: spread @12 / spread @120 (baseline)', spread('baseline', 12), spread('baseline', 120), 0.6, true);
for (const m of HORIZONS) ratio(`lock-in: spread at λ 0.8 / at λ 0.2 @${m}`, spread('baseline', m), spread('pathDependence 0.2', m), 2, false);

console.log(`\n| criterion | threshold | estimate | 95 % interval | verdict |\n|---|---|---|---|---|`);
const verdicts = { met: 0, 'estimate meets': 0, short: 0 };
for (const c of criteria) {
  const verdict = c.ok(c.low) && c.ok(c.high) ? 'met' : c.ok(c.estimate) ? 'estimate meets' : 'short';
  verdicts[verdict]++;
  console.log(`| ${c.name} | ${c.threshold} | ${signed(c.estimate, 3)} | ${signed(c.low, 3)} to ${signed(c.high, 3)} | ${verdict === 'short' ? '**short**' : verdict} |`);
}
console.log(`\n${criteria.length} criteria: ${verdicts.met} met, ${verdicts['estimate meets']} met by the estimate only, ${verdicts.short} short.`);

// How lock-in unfolds: the spread of district inside shares year by year, at high and low path
// dependence (means over seeds), beyond chance and as the plain sd of the realized shares, and the
// years in which each ratio of the means is at least 2.
const years = Array.from({ length: 20 }, (_, i) => 12 * (i + 1));
const shown = years.filter((_, j) => j % 2 === 1);
const notes: string[] = [];
console.log(`\nLock-in year by year (sd over districts of the inside share, means over seeds):\n\n| month | ${shown.join(' | ')} |\n|---|${shown.map(() => '---').join('|')}|`);
for (const [what, measure] of [['beyond chance', spread], ['plain sd', rawSpread]] as const) {
  const course = years.map((m) => [mean(measure('baseline', m)), mean(measure('pathDependence 0.2', m))]);
  const cells = (f: (c: number[]) => string) => course.filter((_, j) => j % 2 === 1).map(f).join(' | ');
  console.log(`| λ 0.8, ${what} | ${cells((c) => c[0].toFixed(3))} |`);
  console.log(`| λ 0.2, ${what} | ${cells((c) => c[1].toFixed(3))} |`);
  console.log(`| ratio, ${what} | ${cells((c) => (c[0] / c[1]).toFixed(2))} |`);
  const at2 = course.map((c) => c[0] > 0 && c[0] >= 2 * c[1]);
  const from = years.find((_, j) => at2.slice(j).every(Boolean));
  notes.push(`Ratio of the spreads ${what}: at least 2 in ${at2.filter(Boolean).length} of the ${years.length} years, and in every year from month ${from ?? '(never)'} on.`);
}
console.log(`\n${notes.join('\n')}`);

// What lock-in does to the city: within each seed's baseline, the districts locked further inside
// (inside share above the seed's median) against the others, paired by seed; then the city's
// outcomes at high against low path dependence (paired on seeds).
const OUTCOMES = ['functionTransfer', 'needsMet', 'satisfaction', 'involutionIndex'];
console.log(`\nWhat lock-in does to the city. Districts further inside (inside share above the seed's median) minus the others, baseline, mean over seeds (95 % t interval):\n`);
console.log(`| month | ${OUTCOMES.join(' | ')} |\n|---|${OUTCOMES.map(() => '---').join('|')}|`);
const districts = Array.from({ length: Object.keys(runs.get('baseline')![0]).filter((k) => k.startsWith('insideShare.d')).length }, (_, d) => d);
for (const m of HORIZONS) {
  // Per seed, the districts by inside share at month m: the lower half, and the upper half.
  const halves = runs.get('baseline')!.map((s) => {
    const byShare = [...districts].sort((a, b) => s[`insideShare.d${a}`][m - 1] - s[`insideShare.d${b}`][m - 1]);
    const half = Math.floor(byShare.length / 2);
    return [byShare.slice(0, half), byShare.slice(byShare.length - half)];
  });
  const cells = OUTCOMES.map((metric) => {
    const gaps = runs.get('baseline')!.map((s, i) => {
      const value = (d: number) => s[`${metric}.d${d}`][m - 1];
      return mean(halves[i][1].map(value)) - mean(halves[i][0].map(value));
    });
    const d = meanInterval(gaps);
    return `${signed(d.mean, 3)} (${signed(d.low, 3)} to ${signed(d.high, 3)})`;
  });
  console.log(`| ${m} | ${cells.join(' | ')} |`);
}
const CITY = ['insideShare', 'functionTransfer', 'transferVolume', 'soDevelopment', 'independentSOs', 'needsMet', 'satisfaction'];
console.log(`\nThe city at path dependence 0.8 (baseline) minus 0.2, paired on seeds (95 % t interval; transferVolume as log ratio):\n`);
console.log(`| month | ${CITY.join(' | ')} |\n|---|${CITY.map(() => '---').join('|')}|`);
for (const m of HORIZONS) {
  const cells = CITY.map((metric) => {
    const hi = at('baseline', metric, m), lo = at('pathDependence 0.2', metric, m);
    const d = meanInterval(hi.map((v, i) => (metric === 'transferVolume' ? Math.log(v / lo[i]) : v - lo[i])));
    return `${signed(d.mean, 3)} (${signed(d.low, 3)} to ${signed(d.high, 3)})`;
  });
  console.log(`| ${m} | ${cells.join(' | ')} |`);
}
console.log(`| level at λ 0.8, @120 | ${CITY.map((metric) => mean(at('baseline', metric, 120)).toPrecision(3)).join(' | ')} |`);

/** Removes `flag` and the value after it from the arguments; returns the value, or undefined if absent. */
function takeFlag(flag: string): string | undefined {
  const at = process.argv.indexOf(flag);
  if (at < 0) return undefined;
  const times = process.argv.filter((a) => a === flag).length;
  if (times > 1) {
    console.error(`validate: ${flag} is given ${times} times; give it once`);
    process.exit(2);
  }
  const value = process.argv[at + 1];
  if (value === undefined || value.startsWith('--')) {
    console.error(`validate: ${flag} needs a file (a calibration's posterior.csv), got nothing`);
    process.exit(2);
  }
  process.argv.splice(at, 2);
  return value;
}

/**
 * `count` draws, by weight, from the last generation of a calibration's posterior.csv (written by
 * `involution-lab calibrate`): each a set of the calibrated constants (the columns after `distance`
 * that are registry parameters; the rest are the targets' simulated values).
 */
function posteriorDraws(file: string, count: number): Record<string, number>[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`validate: --posterior ${JSON.stringify(file)} cannot be read (${(e as Error).message})`);
    process.exit(2);
  }
  const rows = csvParse(text);
  const names = rows.columns.slice(rows.columns.indexOf('distance') + 1).filter((c) => PARAM_BY_NAME.has(c));
  const problems: string[] = [];
  for (const c of ['generation', 'weight', 'distance']) if (!rows.columns.includes(c)) problems.push(`no column "${c}"`);
  if (names.length === 0) problems.push('no column after "distance" names a parameter');
  if (rows.length === 0) problems.push('no particles');
  // Every cell used is read in strict decimal syntax: an empty or short cell, or 0x1, is a problem, never 0 or 1.
  const cell = (r: (typeof rows)[number], line: number, column: string): number | undefined => {
    const v = parseDecimal(r[column] ?? '');
    if (v === undefined) problems.push(`line ${line}, column ${column}: ${echo(r[column] ?? '')} is not a number${r[column] ? '' : ' (empty or missing)'}`);
    return v;
  };
  const generations = rows.map((r, i) => cell(r, i + 2, 'generation'));
  const last = Math.max(...generations.filter((g) => g !== undefined));
  const at = rows.map((_, i) => i).filter((i) => generations[i] === last);
  const weights = at.map((i) => cell(rows[i], i + 2, 'weight') ?? NaN);
  if (weights.some((w) => !(w >= 0)) || !(weights.reduce((a, b) => a + b, 0) > 0)) problems.push('the weights are not non-negative numbers with a positive sum');
  const values = at.map((i) => names.map((c) => cell(rows[i], i + 2, c)));
  at.forEach((i, k) => {
    if (values[k].some((v) => v === undefined)) return;
    try {
      resolveParams(Object.fromEntries(names.map((c, j) => [c, values[k][j]!])));
    } catch (e) {
      problems.push(`line ${i + 2} (particle ${(rows[i].particle ?? '').slice(0, 20)}): ${(e as Error).message}`);
    }
  });
  if (problems.length > 0) {
    const more = problems.length > MAX_LISTED ? `\n  … and ${problems.length - MAX_LISTED} more` : '';
    console.error(`validate: --posterior ${JSON.stringify(file)} is not a calibration's posterior.csv:\n  ${problems.slice(0, MAX_LISTED).join('\n  ')}${more}`);
    process.exit(2);
  }
  const pick = weightedPicker(weights);
  const rng = createRng(1);
  return Array.from({ length: count }, () => {
    const k = pick(rng());
    return Object.fromEntries(names.map((c, j) => [c, values[k][j]!]));
  });
}
