// Units of the model's metrics and parameters, for axis labels: both from their registries
// (sim/metric-registry.ts, sim/params.ts), as the report's English words write them.
export { metricUnitLabel as metricLabel, paramUnitLabel as paramLabel } from '../charts/words.ts';
