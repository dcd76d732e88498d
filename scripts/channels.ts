// Through which of its channels path dependence acts (docs/validation.md, "Path dependence, channel
// by channel"). λ = pathDependence is read in five places of sim/: the city's money let to GONGOs
// (§7.5 step 2), the chance of the inside urn (step 3), the urn's steepness γ (step 3), renewal (step 1)
// and the stickiness of the category allocation (§7.2). For each channel this script makes a copy of
// sim/ and scenarios/ in which that one read is λ = 0.2 while the parameter stays at the baseline's 0.8,
// and gives the paired change of the index at 60, 120 and 240 months against the baseline — a
// decomposition by knock-down, like the factorial of `npm run interactions`, but inside one cause.
// A last copy lowers all five reads at once; it must reproduce the run with pathDependence 0.2 bit
// for bit, which checks that the list of channels is complete. The project itself is never changed.
// Usage: npm run channels [-- count first]   (defaults: 40 development seeds from 3001; ~2 min)
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Series } from '../sim/index.ts';
import { pairedDifference } from '../lab/analysis/paired.ts';
import { wholeArg } from './args.ts';

const n = wholeArg('channels', 2, 'the number of seeds', 40, 2, 1000);
const first = wholeArg('channels', 3, 'the first seed', 3001, 1, 2 ** 31 - 1000);
const seeds = Array.from({ length: n }, (_, i) => first + i);
const LOW = 0.2;
const HORIZONS = [60, 120, 240];

interface Channel {
  name: string;
  file: string;
  /** The line that reads λ, found exactly once in `file`. */
  line: string;
  /** The read of λ in that line. */
  read: string;
}
const CHANNELS: Channel[] = [
  { name: "city money to GONGOs (§7.5 step 2)", file: 'sim/award.ts', line: 'if (p.city && rng() < s.params.pathDependence) {', read: 's.params.pathDependence' },
  { name: 'inside urn: chance (§7.5 step 3)', file: 'sim/award.ts', line: 'const inside = s.params.pathDependence *', read: 's.params.pathDependence' },
  { name: 'inside urn: steepness γ (§7.5 step 3)', file: 'sim/effective.ts', line: 'urnGamma: 1 + p.urnSteepness * p.pathDependence,', read: 'p.pathDependence' },
  { name: 'renewal (§7.5 step 1)', file: 'sim/contracts.ts', line: 'const lambda = s.params.pathDependence;', read: 's.params.pathDependence' },
  { name: 'allocation stickiness (§7.2)', file: 'sim/budget.ts', line: 'const lambda = first ? 0 : p.pathDependence;', read: 'p.pathDependence' },
];

const root = resolve(import.meta.dirname, '..');
// Every channel's line must match once, and no read of λ in sim/ may be left out of the list.
const problems: string[] = [];
for (const c of CHANNELS) {
  const found = readFileSync(join(root, c.file), 'utf8').split(c.line).length - 1;
  if (found !== 1) problems.push(`${c.name}: its line is found ${found} times in ${c.file}`);
}
const reads = readdirSync(join(root, 'sim'))
  .filter((f) => f.endsWith('.ts') && f !== 'params.ts')
  .reduce((sum, f) => sum + (readFileSync(join(root, 'sim', f), 'utf8').match(/\.pathDependence\b/g) ?? []).length, 0);
if (reads !== CHANNELS.length) problems.push(`sim/ reads pathDependence ${reads} times outside params.ts, the list has ${CHANNELS.length} channels`);
if (problems.length > 0) {
  console.error(`channels: the list no longer matches the code; update scripts/channels.ts:\n  ${problems.join('\n  ')}`);
  process.exit(2);
}

type Run = (id: string, seed: number, set: Record<string, number>) => Series;
/** A copy of sim/ and scenarios/ with the given channels' reads of λ replaced by LOW; returns its runner. */
async function copyWith(work: string, label: string, lowered: Channel[]): Promise<Run> {
  const dir = join(work, label);
  for (const d of ['sim', 'scenarios']) cpSync(join(root, d), join(dir, d), { recursive: true });
  for (const c of lowered) {
    const path = join(dir, c.file);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace(c.line, c.line.replace(c.read, `(${LOW})`)));
  }
  const sim = await import(pathToFileURL(join(dir, 'sim', 'index.ts')).href);
  const sc = await import(pathToFileURL(join(dir, 'scenarios', 'index.ts')).href);
  // The inherited years run under each run's own settings (traditionalYears 0): a read of λ lowered
  // in the code is lowered in them too, as pathDependence 0.2 then is (a city that always had it).
  return (id, seed, set) => sim.runScenario(sc.findScenario(id), seed, { ticks: 240, set: { ...set, traditionalYears: 0 } }).series;
}

const work = mkdtempSync(join(tmpdir(), 'involution-channels-'));
try {
  symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));
  const index = (run: Run, set: Record<string, number> = {}) =>
    seeds.map((seed) => run('baseline-involution', seed, set).involutionIndex);
  const plain = await copyWith(work, 'plain', []);
  const base = index(plain);
  const rows: [string, number[][]][] = [];
  for (const [i, c] of CHANNELS.entries()) rows.push([c.name, index(await copyWith(work, `channel-${i}`, [c]))]);
  const all = index(await copyWith(work, 'all', CHANNELS));
  const low = index(plain, { pathDependence: LOW });
  const same = all.every((s, i) => s.every((v, t) => Object.is(v, low[i][t])));
  if (!same) {
    console.error('channels: lowering all five reads does not reproduce pathDependence 0.2; a read of λ is missing from the list');
    process.exit(1);
  }
  rows.push([`all five (= pathDependence ${LOW}, bit for bit)`, low]);

  const fmt = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
  const cell = (series: number[][], m: number) => {
    const d = pairedDifference(base.map((s) => s[m - 1]), series.map((s) => s[m - 1]));
    return `${fmt(d.mean)} (${fmt(d.low)} to ${fmt(d.high)})`;
  };
  console.log(`Seeds ${seeds[0]}–${seeds[seeds.length - 1]}, baseline-involution: the change of the index when one read of λ is ${LOW} and the others stay at the baseline's value (mean over ${n} seeds, 95 % paired t interval).\n`);
  console.log(`| channel at λ ${LOW} | ${HORIZONS.map((h) => `index @${h}`).join(' | ')} |`);
  console.log(`|---|${HORIZONS.map(() => '---').join('|')}|`);
  for (const [name, series] of rows) console.log(`| ${name} | ${HORIZONS.map((m) => cell(series, m)).join(' | ')} |`);
  const sum = HORIZONS.map((m) => rows.slice(0, CHANNELS.length).reduce((acc, [, series]) => acc + pairedDifference(base.map((s) => s[m - 1]), series.map((s) => s[m - 1])).mean, 0));
  console.log(`| sum of the five alone | ${sum.map(fmt).join(' | ')} |`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
