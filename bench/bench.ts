// Throughput of the model: citizen-ticks per second and memory at several sizes, 120 ticks each,
// one core. Each size runs in its own child process so that peak memory is its own.
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import { createSim, resolveParams, setSpinUpMemo, spinUpMemoStats } from '../sim/index.ts';

// The model's own speed and memory: every run grows its inherited years (no month-0 memo, which
// would also hold a copy of the world); memoGain measures the memo.
setSpinUpMemo(false);

const TICKS = 120;
const SIZES = [20_000, 200_000, 1_000_000];

function citizenBytes(sim: ReturnType<typeof createSim>): number {
  const c = sim.state.citizens;
  return (c.needCat.byteLength + c.need.byteLength + c.quality.byteLength + c.satisfaction.byteLength) / c.n;
}

/** A bare typed-array loop of the same shape (one draw and a few array reads and writes a citizen). */
function bareLoop(n: number): number {
  const a = new Int8Array(n), b = new Float32Array(n), q = new Float32Array(n);
  let x = 123456789;
  const t0 = performance.now();
  for (let t = 0; t < TICKS; t++) {
    for (let i = 0; i < n; i++) {
      x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
      const u = (x >>> 0) / 4294967296;
      if (a[i] >= 0) { if (u < 0.05) a[i] = -1; else q[i] += 0.3 * (b[i] - q[i]); }
      else if (u < 0.02) { a[i] = 1; b[i] = u; }
    }
  }
  return (n * TICKS) / ((performance.now() - t0) / 1000);
}

function one(citizens: number): void {
  // Warm the JIT on a small world first, as a long batch of runs would be.
  const warm = createSim(resolveParams({ citizens: 5000 }), 2);
  for (let t = 0; t < 60; t++) warm.tick();
  let peak = process.memoryUsage().rss;
  let seconds = Infinity;
  let sim = createSim(resolveParams({ citizens }), 1);
  // Best of three runs (seeds 1-3): the figure a long batch sees.
  for (let rep = 1; rep <= 3; rep++) {
    sim = createSim(resolveParams({ citizens }), rep);
    const t0 = performance.now();
    for (let t = 0; t < TICKS; t++) {
      sim.tick();
      if (t % 10 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    }
    seconds = Math.min(seconds, (performance.now() - t0) / 1000);
  }
  console.log(JSON.stringify({ citizens, seconds, rate: (citizens * TICKS) / seconds, peakMB: peak / 2 ** 20, bytesPerCitizen: citizenBytes(sim), bare: bareLoop(citizens) }));
}

/**
 * One month of the per-citizen work of needs and delivery, bare: the same Alea generator, one draw, the
 * need update, a provider picked from a short list of slots, satisfaction and the month's sums — in
 * typed arrays with no model around it. The model's month is compared with this.
 */
function bareMonth(n: number, arrays: { cat: Int8Array; need: Float32Array; q: Float32Array; sat: Float32Array; sums: Float64Array }, rng: () => number): void {
  const { cat, need, q, sat, sums } = arrays;
  const slots = new Float64Array(8).fill(n), quality = new Float64Array([0.6, 0.5, 0.45, 0.4, 0.35, 0.3, 0.2, 0.1]);
  let unmet = 0, sum = 0, served = 0;
  for (let i = 0; i < n; i++) {
    const u = rng();
    if (cat[i] >= 0) {
      if (u < 0.04 + 0.06 * q[i]) { cat[i] = -1; q[i] = 0; }
    } else if (u < 0.01) {
      cat[i] = (u * 400) & 3;
      need[i] = 0.2 + 0.8 * u * 100;
    }
    const k = cat[i];
    if (k < 0) continue;
    let p = k * 2;
    while (p < 8 && slots[p] < 1) p++;
    const got = p < 8 ? quality[p] : 0;
    if (p < 8) { slots[p]--; served++; }
    q[i] = got;
    sat[i] = sat[i] < 0 ? got : sat[i] + 0.3 * (got - sat[i]);
    sum += need[i];
    unmet += need[i] * (1 - got);
  }
  sums[0] += unmet;
  sums[1] += sum;
  sums[2] += served;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Milliseconds of each month of a run, by tick. */
function monthTimes(citizens: number, ticks: number, districts = 6, set: Record<string, number> = {}): number[] {
  const sim = createSim(resolveParams({ citizens, ticks, districts, ...set }), 1);
  const out: number[] = [];
  for (let t = 0; t < ticks; t++) {
    const t0 = performance.now();
    sim.tick();
    out.push(performance.now() - t0);
  }
  return out;
}

/** The ratios the model is held to, each measured alternately in this one process. */
function ratios(): void {
  const n = 1_000_000;
  // 1. A model month at 1 M citizens against the bare loop, alternating, after 24 months of warm-up.
  const sim = createSim(resolveParams({ citizens: n, ticks: 240 }), 1);
  for (let t = 0; t < 24; t++) sim.tick();
  const arrays = { cat: Int8Array.from(sim.state.citizens.needCat), need: Float32Array.from(sim.state.citizens.need), q: new Float32Array(n), sat: new Float32Array(n).fill(-1), sums: new Float64Array(3) };
  const rng = seedrandom.alea('bare') as () => number;
  const model: number[] = [], bare: number[] = [];
  for (let rep = 0; rep < 15; rep++) {
    let t0 = performance.now();
    sim.tick();
    model.push(performance.now() - t0);
    t0 = performance.now();
    bareMonth(n, arrays, rng);
    bare.push(performance.now() - t0);
  }
  console.log(`month at 1 000 000 citizens: model ${median(model).toFixed(1)} ms, bare loop ${median(bare).toFixed(1)} ms: ratio ${(median(model) / median(bare)).toFixed(2)} (target ≤ 0.5, half the bare loop; medians of 15, alternated)`);
  // 2. Linear in months: the months 1 801–1 920 cost what months 1–120 cost (20 000 citizens), in a
  // world that does not grow (no budget, market, need or purchase growth, officials' choices fixed: a
  // growing world, with more SOs and more projects, costs more).
  const long = monthTimes(20_000, 1920, 6, { budgetGrowth: 0, altMarketGrowth: 0, ageingRate: 0, policyPush: 0, officialStep: 0, demandStep: 0 });
  const early = median(long.slice(12, 120)), late = median(long.slice(1800));
  console.log(`month cost at 20 000 citizens, no growth: months 13–120 ${early.toFixed(2)} ms, months 1 801–1 920 ${late.toFixed(2)} ms: ratio ${(late / early).toFixed(2)} (linear in months: ≈ 1)`);
  // 3. Linear in districts: a city of 24 districts and 960 000 citizens against one of 6 districts and
  // 240 000 (the same districts, four times as many), per citizen-month, alternated; and 24 districts
  // against 6 at the same 240 000 citizens (what each district's own officials, rounds and recorded
  // series cost). Awards scan only the SOs of the project's field (an index by field) and read the
  // urn's share from running counts, so no award scans every SO or every contract.
  const six: number[] = [], many: number[] = [], city: number[] = [];
  for (let rep = 0; rep < 3; rep++) {
    six.push(median(monthTimes(240_000, 60, 6).slice(12)));
    many.push(median(monthTimes(240_000, 60, 24).slice(12)));
    city.push(median(monthTimes(960_000, 60, 24).slice(12)) / 4);
  }
  console.log(`month cost per 240 000 citizens: 6 districts ${median(six).toFixed(2)} ms, 24 districts at 4× the citizens ${median(city).toFixed(2)} ms: ratio ${(median(city) / median(six)).toFixed(2)} (linear in districts: ≈ 1)`);
  console.log(`month cost at 240 000 citizens: 6 districts ${median(six).toFixed(2)} ms, 24 districts ${median(many).toFixed(2)} ms: ratio ${(median(many) / median(six)).toFixed(2)} (each district's officials, rounds and 10 recorded series)`);
}

/**
 * What the month-0 memo (sim/spin-up-memo.ts) saves: a 120-month run at 20 000 citizens without the
 * memo (its inherited years timed apart), one that keeps its month 0 in an empty memo, and one that
 * starts from the kept world; medians of 7, the three alternated, after warm-up.
 */
function memoGain(): void {
  const params = resolveParams({ citizens: 20_000, ticks: TICKS });
  const run = (seed: number): [number, number] => {
    const t0 = performance.now();
    const sim = createSim(params, seed);
    const made = performance.now() - t0;
    while (sim.state.tick < TICKS) sim.tick();
    return [made, performance.now() - t0];
  };
  for (let seed = 100; seed < 103; seed++) run(seed);
  const off: [number, number][] = [], miss: [number, number][] = [], hit: [number, number][] = [];
  let entry = 0;
  for (let rep = 1; rep <= 7; rep++) {
    setSpinUpMemo(false);
    off.push(run(rep));
    setSpinUpMemo(true);
    miss.push(run(rep));
    entry = spinUpMemoStats().bytes;
    hit.push(run(rep));
  }
  setSpinUpMemo(false);
  const ms = (xs: [number, number][], i: 0 | 1) => median(xs.map((x) => x[i]));
  console.log(
    `a 120-month run at 20 000 citizens: ${ms(off, 1).toFixed(0)} ms without the month-0 memo, of which the inherited years ${ms(off, 0).toFixed(0)} ms (${((100 * ms(off, 0)) / ms(off, 1)).toFixed(0)} %); ` +
      `${ms(miss, 1).toFixed(0)} ms keeping its month 0 (a copy of ${(entry / 2 ** 10).toFixed(0)} kB), ${ms(hit, 1).toFixed(0)} ms starting from the kept world (createSim ${ms(hit, 0).toFixed(1)} ms)`,
  );
}

const arg = process.argv[2];
if (arg === 'ratios') ratios();
else if (arg === 'memo') memoGain();
else if (arg === 'cli') cliAtScale();
else if (arg) one(Number(arg));
else {
  console.log(`Involution Lab benchmark: ${TICKS} ticks, default scenario, one core, best of 3 seeds (node ${process.version})`);
  console.log('citizens     seconds   M citizen-ticks/s   bare loop M/s   ms/tick   state B/citizen   peak RSS MB');
  let base = 0;
  for (const n of SIZES) {
    const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), String(n)], { encoding: 'utf8' });
    const r = JSON.parse(out.trim().split('\n').pop()!);
    if (!base) base = r.seconds / n;
    console.log(
      `${String(n).padStart(9)} ${r.seconds.toFixed(3).padStart(10)} ${(r.rate / 1e6).toFixed(1).padStart(19)} ${(r.bare / 1e6).toFixed(1).padStart(15)} ${((r.seconds * 1000) / TICKS).toFixed(2).padStart(9)} ${r.bytesPerCitizen.toFixed(1).padStart(17)} ${r.peakMB.toFixed(0).padStart(13)}`,
    );
  }
  console.log('Linear cost shows as a constant M citizen-ticks/s across sizes.');
  console.log('');
  execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), 'ratios'], { stdio: 'inherit' });
  execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), 'memo'], { stdio: 'inherit' });
  console.log('');
  cliAtScale();
}

/**
 * The built command line at 1 000 000 citizens for the full 120 months (a unit test until 0.2; too
 * long for the test loop): it must finish, record the size and every month, and the baseline's index
 * must be positive at month 120. Exits non-zero, saying what failed, if not.
 */
function cliAtScale(): void {
  const bin = fileURLToPath(new URL('../bin/involution-lab.mjs', import.meta.url));
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, 'run', '--scenario', 'baseline-involution', '--set', 'citizens=1000000', '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - t0) / 1000;
  const fail = (what: string) => {
    console.error(`the command line at 1 000 000 citizens: ${what}`);
    process.exit(1);
  };
  if (r.status !== 0) fail(`exit ${r.status}: ${r.stderr.trim()}`);
  const { manifest, series } = JSON.parse(r.stdout);
  if (manifest.params.citizens !== 1_000_000) fail(`the manifest records ${manifest.params.citizens} citizens`);
  if (series.tick.length !== 120) fail(`${series.tick.length} months recorded, not 120`);
  if (!(series.involutionIndex[119] > 0)) fail(`the baseline's index at month 120 is ${series.involutionIndex[119]}, not positive`);
  console.log(`the command line at 1 000 000 citizens, 120 months: ${seconds.toFixed(1)} s, index at month 120 ${series.involutionIndex[119].toFixed(2)} (checked: finishes, 120 months, index > 0)`);
}
