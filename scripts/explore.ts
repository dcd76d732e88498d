import { createSim, runSim, resolveParams } from '../sim/index.ts';
const set = JSON.parse(process.argv[2] ?? '{}');
const seeds = Number(process.argv[3] ?? 4);
const cols = (process.argv[4] ?? 'involutionIndex,formGrowth,substanceGrowth,purchaseSpending,projectsActive,paperworkLoad,functionTransfer,soDevelopment,needsMet,coverage,serviceQuality,competitiveShare,independentSOs,affiliatedSOs,soCapacity,soAutonomy,govRevenueShare,paperworkShare,satisfaction').split(',');
const acc: Record<string, number[]> = {};
const t0 = performance.now();
for (let seed = 1; seed <= seeds; seed++) {
  const sim = createSim(resolveParams(set), seed);
  const series = runSim(sim);
  for (const c of cols) { acc[c] ??= new Array(series[c].length).fill(0); series[c].forEach((v, i) => (acc[c][i] += v / seeds)); }
}
console.log('ms', (performance.now() - t0).toFixed(0));
const ticks = [0, 11, 24, 48, 72, 96, 119];
console.log('metric'.padEnd(18), ticks.map((t) => String(t).padStart(8)).join(''));
for (const c of cols) console.log(c.padEnd(18), ticks.map((t) => acc[c][t].toFixed(3).padStart(8)).join(''));
