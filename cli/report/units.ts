// Units of the model's metrics (docs/model.md §7.10) and parameters (the registry), for axis labels.
import { PARAM_BY_NAME } from '../../sim/index.ts';

const SHARE = 'share, 0–1';
const UNITS: Record<string, string> = {
  involutionIndex: 'log ratio: form growth − substance growth',
  formGrowth: 'log ratio vs first year',
  substanceGrowth: 'log ratio vs first year',
  elasticity: 'substance growth / form growth',
  purchaseSpending: 'money units a month',
  projectsActive: 'contracts',
  paperworkLoad: 'money units a month of SO staff time on paperwork',
  purchaseShare: SHARE,
  paperworkShare: SHARE,
  purchaseModes: 'award modes in use',
  competitiveShare: SHARE,
  insideShare: SHARE,
  functionTransfer: SHARE,
  soDevelopment: 'capacity × autonomy per initial SO',
  independentSOs: 'organizations',
  affiliatedSOs: 'organizations',
  unregisteredSOs: 'organizations',
  soCapacity: SHARE,
  soAutonomy: SHARE,
  govRevenueShare: SHARE,
  revenueDiversity: '1 − Herfindahl index',
  needsMet: SHARE,
  coverage: SHARE,
  serviceQuality: SHARE,
  satisfaction: SHARE,
  moneyPaid: 'money units a month',
  moneyReceived: 'money units a month',
  needUnitsServed: 'need-units a month, at standard cost',
  transferVolume: 'need-units a month, at standard cost',
  soCapability: 'Σ skill × autonomy',
  projectGranularity: '0 standard contracts – 1 showcase projects',
  paperworkDemand: 'share of an SO team\'s effort',
  budget: 'money units a month',
  soGrowthRate: 'relative growth a year',
  soExitRate: 'share a year',
  govRevenueShareSpread: 'p90 − p10 of a share',
  biddersPerTender: 'eligible bidders',
};

/** "needsMet (share, 0–1)"; a district metric "needsMet.d2" takes its city metric's unit. */
export function metricLabel(name: string): string {
  const unit = UNITS[name.split('.')[0]];
  return unit ? `${name} (${unit})` : name;
}

export function paramLabel(name: string): string {
  const unit = PARAM_BY_NAME.get(name)?.unit;
  return unit ? `${name} (${unit})` : name;
}
