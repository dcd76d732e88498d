// Units of the model's metrics and parameters, for axis labels: both from their registries
// (sim/metric-registry.ts, sim/params.ts).
import { metricSpec, PARAM_BY_NAME } from '../../sim/index.ts';

/** "needsMet (share, 0–1)"; a district metric "needsMet.d2" takes its city metric's unit. */
export function metricLabel(name: string): string {
  const unit = metricSpec(name)?.unit;
  return unit ? `${name} (${unit})` : name;
}

export function paramLabel(name: string): string {
  const unit = PARAM_BY_NAME.get(name)?.unit;
  return unit ? `${name} (${unit})` : name;
}
