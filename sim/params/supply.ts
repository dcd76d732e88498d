// Model constants: the service budget's scale and in-house supply. budgetCoverage: sim/sim.ts and
// the index's natural scales (sim/metrics.ts); govCostFactor: sim/delivery.ts, sim/supervision.ts;
// initialPurchaseShare: sim/state.ts, sim/officials.ts.
import type { ParamSpec } from '../params.ts';

export const SUPPLY = [
  {
    name: 'budgetCoverage',
    group: 'calibration',
    min: 0.05,
    max: 0.2,
    default: 0.1,
    basis: 'assumed',
    source: 'Model design',
    unit: 'share',
    en: "At the SO unit cost, the first year's service budget would serve this share of citizens a month.",
    zh: '按社会组织单位成本，首年服务预算每月可服务的居民比例。',
  },
  {
    name: 'govCostFactor',
    group: 'calibration',
    min: 1,
    max: 1.6,
    default: 1.25,
    basis: 'assumed',
    source: 'Model design (Savas 2000: contracting is usually cheaper)',
    unit: 'ratio',
    en: 'In-house supply costs this many times contracted supply per citizen served.',
    zh: '政府自办供给的单位成本是购买供给的倍数。',
  },
  {
    name: 'initialPurchaseShare',
    group: 'calibration',
    min: 0.02,
    max: 0.3,
    default: 0.1,
    basis: 'assumed',
    source: 'Model design',
    unit: 'share',
    en: 'Share of the service budget spent on purchase in the first year.',
    zh: '首年服务预算中用于购买的比例。',
  },
] as const satisfies readonly ParamSpec[];
