import { runScenario } from '../sim/index.ts';
import { findScenario } from '../scenarios/index.ts';
const base = findScenario('baseline-involution')!;
for (const lambda of [0.2, 0.5, 0.8, 1]) {
  const vals: number[] = [], idx: number[] = [];
  for (let seed = 1; seed <= 20; seed++) {
    const { series } = runScenario(base, seed, { set: { pathDependence: lambda } });
    for (let d = 0; d < 6; d++) vals.push(series[`insideShare.d${d}`][119]);
    idx.push(series.involutionIndex[119]);
  }
  const m = vals.reduce((a, b) => a + b) / vals.length;
  const sd = Math.sqrt(vals.reduce((a, b) => a + (b - m) ** 2, 0) / vals.length);
  const mi = idx.reduce((a, b) => a + b) / idx.length;
  const sdi = Math.sqrt(idx.reduce((a, b) => a + (b - mi) ** 2, 0) / idx.length);
  console.log(lambda, 'district inside share mean', m.toFixed(3), 'sd', sd.toFixed(3), 'index', mi.toFixed(3), 'sd', sdi.toFixed(3));
}
