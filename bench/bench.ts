// Throughput of the model: citizen-ticks per second and memory at several sizes, 120 ticks each,
// one core. Each size runs in its own child process so that peak memory is its own.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createSim, resolveParams } from '../sim/index.ts';

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

const arg = process.argv[2];
if (arg) one(Number(arg));
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
}
