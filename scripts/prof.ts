import { createSim, resolveParams } from '../sim/index.ts';
const t0 = performance.now();
for (let seed = 1; seed <= 20; seed++) { const sim = createSim(resolveParams({}), seed); while (sim.state.tick < 120) sim.tick(); }
console.log('20 runs ms', (performance.now() - t0).toFixed(0));
