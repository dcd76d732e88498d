// The bridge from a calibration to the model: the target metrics of one run with parameters theta.
import { runScenario, type Scenario } from '../../sim/index.ts';

export interface ModelSetup {
  scenario: Scenario;
  /** Fixed overrides (ticks included). */
  set: Record<string, number>;
  /** Parameter names, in the order of theta. */
  names: string[];
  targets: { metric: string; tick: number; from?: number }[];
}

/** The target values of one run of the scenario with parameters theta, on one seed. */
export function simulateTargets(d: ModelSetup, theta: readonly number[], seed: number): number[] {
  const set = { ...d.set };
  d.names.forEach((n, i) => (set[n] = theta[i]));
  const { series } = runScenario(d.scenario, seed, { set });
  return d.targets.map((t) => {
    const x = series[t.metric];
    if (t.from === undefined) return x[t.tick];
    let sum = 0;
    for (let m = t.from; m <= t.tick; m++) sum += x[m];
    return sum / (t.tick - t.from + 1);
  });
}
