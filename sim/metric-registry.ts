// The one metric registry: what each recorded column is. Recording (its column order), the report's
// axis units, the explorer's labels, the docs table and the invariants' range checks all read it.
// The values themselves are computed by `record` (sim/metrics.ts), whose row is typed by these names.

/**
 * What kind of number a metric is, and so what the invariants check: a `share` lies in [0, 1]; a
 * `count` is a whole number ≥ 0; an `amount` is ≥ 0; a `growth` (log growth, index, rate of change)
 * may have either sign; `month` is the clock.
 */
export type MetricKind = 'month' | 'share' | 'count' | 'amount' | 'growth';

/** Where a metric stands in the model's account (docs/model.md §7.10–7.11). */
export type MetricGroup = 'clock' | 'index' | 'form' | 'substance' | 'anchor' | 'money';

export interface MetricSpec {
  readonly name: string;
  readonly group: MetricGroup;
  readonly kind: MetricKind;
  /** The unit in English, as axis labels show it: "needsMet (share, 0–1)". */
  readonly unit: string;
  /** A short label for the explorer, in each language. */
  readonly label: { readonly en: string; readonly zh: string };
  /** What it measures (docs, English). */
  readonly about: string;
}

const SHARE = 'share, 0–1';
const MONEY = 'money units a month';
const NEED_UNITS = 'need-units a month, at standard cost';
const SOS = 'organizations';
const LOG = 'log ratio vs first year';

/** City-level metrics, in column order. */
export const METRIC_SPECS = [
  { name: 'tick', group: 'clock', kind: 'month', unit: 'month', label: { en: 'month', zh: '月份' }, about: 'The month recorded (0: the start).' },
  { name: 'involutionIndex', group: 'index', kind: 'growth', unit: 'log ratio: form growth − substance growth', label: { en: 'involution index', zh: '内卷化指数' },
    about: '*I* = ΔF − ΔS (§7.11): how much faster form grew than substance since the first year.' },
  { name: 'formGrowth', group: 'index', kind: 'growth', unit: LOG, label: { en: 'form growth', zh: '形式增长' },
    about: 'ΔF: mean log growth of `purchaseSpending`, `projectsActive` and `paperworkLoad` (§7.11).' },
  { name: 'substanceGrowth', group: 'index', kind: 'growth', unit: LOG, label: { en: 'substance growth', zh: '实质增长' },
    about: 'ΔS: mean log growth of `needUnitsServed`, `transferVolume` and `soCapability` (§7.11).' },
  { name: 'elasticity', group: 'index', kind: 'growth', unit: 'substance growth / form growth', label: { en: 'elasticity', zh: '弹性' },
    about: 'ΔS/ΔF (0 while form has not grown).' },
  { name: 'purchaseSpending', group: 'form', kind: 'amount', unit: MONEY, label: { en: 'purchase spending', zh: '购买支出' },
    about: 'Monthly money of active contracts, and the purchase money set aside for performance bonuses.' },
  { name: 'projectsActive', group: 'form', kind: 'count', unit: 'contracts', label: { en: 'active projects', zh: '在办项目' },
    about: 'Active contracts.' },
  { name: 'paperworkLoad', group: 'form', kind: 'amount', unit: 'money units a month of SO staff time on paperwork', label: { en: 'paperwork', zh: '文牍负担' },
    about: 'Σ payment × the SO\'s compliance effort: SO staff time on paperwork, in money.' },
  { name: 'purchaseShare', group: 'form', kind: 'share', unit: SHARE, label: { en: 'purchase share of budget', zh: '购买占预算比例' },
    about: 'Purchase money over the service budget.' },
  { name: 'paperworkShare', group: 'form', kind: 'share', unit: SHARE, label: { en: 'paperwork share of effort', zh: '文牍占精力比例' },
    about: 'Mean compliance effort of SOs holding contracts.' },
  { name: 'purchaseModes', group: 'form', kind: 'count', unit: 'award modes in use', label: { en: 'award modes in use', zh: '在用的授标方式' },
    about: 'Award modes among active contracts.' },
  { name: 'competitiveShare', group: 'substance', kind: 'share', unit: SHARE, label: { en: 'competitive share', zh: '竞争性授标比例' },
    about: 'Share of active contracts awarded by competitive tender.' },
  { name: 'insideShare', group: 'substance', kind: 'share', unit: SHARE, label: { en: 'share inside the system', zh: '体制内承接比例' },
    about: 'Share of active contracts held by affiliated SOs (per district: of the projects the district itself let, where its own path dependence shows).' },
  { name: 'functionTransfer', group: 'substance', kind: 'share', unit: SHARE, label: { en: 'function transfer', zh: '职能转移' },
    about: 'The sum of `transferVolume` without the cost weights, over Σ *n* of the needy.' },
  { name: 'soDevelopment', group: 'substance', kind: 'amount', unit: 'skill × autonomy per initial SO', label: { en: 'SO development', zh: '社会组织发展' },
    about: 'Σ skill × autonomy over registered independent SOs, over `initialSOs`.' },
  { name: 'independentSOs', group: 'substance', kind: 'count', unit: SOS, label: { en: 'independent SOs', zh: '独立社会组织' },
    about: 'Registered independent SOs.' },
  { name: 'affiliatedSOs', group: 'substance', kind: 'count', unit: SOS, label: { en: 'affiliated SOs', zh: '挂靠型社会组织' },
    about: 'Registered affiliated SOs (GONGOs).' },
  { name: 'unregisteredSOs', group: 'substance', kind: 'count', unit: SOS, label: { en: 'unregistered SOs', zh: '未登记社会组织' },
    about: 'SOs alive without registration.' },
  { name: 'soGrowthRate', group: 'anchor', kind: 'growth', unit: 'relative growth a year', label: { en: 'SO growth rate', zh: '社会组织增长率' },
    about: 'Registered SOs, GONGOs included, now / 12 months before − 1 (over the months so far before month 12).' },
  { name: 'soExitRate', group: 'anchor', kind: 'share', unit: 'share a year', label: { en: 'SO exit rate', zh: '社会组织退出率' },
    about: 'Closures in 12 months / (SOs alive 12 months before + founded since).' },
  { name: 'soCapacity', group: 'substance', kind: 'share', unit: SHARE, label: { en: 'SO capacity', zh: '社会组织能力水平' },
    about: 'Mean skill of registered SOs.' },
  { name: 'soAutonomy', group: 'substance', kind: 'share', unit: SHARE, label: { en: 'SO autonomy', zh: '社会组织自主性' },
    about: 'Mean autonomy of registered SOs.' },
  { name: 'govRevenueShare', group: 'anchor', kind: 'share', unit: SHARE, label: { en: 'government share of SO revenue', zh: '政府资金占社会组织收入比例' },
    about: 'Government share of registered SOs\' revenue.' },
  { name: 'govRevenueShareSpread', group: 'anchor', kind: 'share', unit: 'p90 − p10 of a share', label: { en: 'spread of the government share', zh: '政府资金占比的离散度' },
    about: 'p90 − p10 of the government share of revenue over SOs holding contracts.' },
  { name: 'revenueDiversity', group: 'substance', kind: 'share', unit: '1 − Herfindahl index', label: { en: 'revenue diversity', zh: '收入多样性' },
    about: 'Mean 1 − Herfindahl index over funders, of registered independent SOs.' },
  { name: 'biddersPerTender', group: 'anchor', kind: 'amount', unit: 'eligible bidders', label: { en: 'bidders per tender', zh: '每次招标的投标者' },
    about: 'Eligible bidders per competitive tender, last 12 months.' },
  { name: 'needsMet', group: 'substance', kind: 'share', unit: SHARE, label: { en: 'needs met', zh: '需求满足' },
    about: '1 − Σ *n*(1 − *q*) / Σ *n*.' },
  { name: 'coverage', group: 'substance', kind: 'share', unit: SHARE, label: { en: 'coverage', zh: '覆盖率' },
    about: 'Share of the needy served.' },
  { name: 'serviceQuality', group: 'substance', kind: 'share', unit: SHARE, label: { en: 'service quality', zh: '服务质量' },
    about: 'Mean quality of service received by those served.' },
  { name: 'satisfaction', group: 'substance', kind: 'share', unit: SHARE, label: { en: 'satisfaction', zh: '满意度' },
    about: 'Mean satisfaction of the needy.' },
  { name: 'moneyPaid', group: 'money', kind: 'amount', unit: MONEY, label: { en: 'money paid', zh: '已付资金' },
    about: 'Money paid by the districts this month (its own ledger).' },
  { name: 'moneyReceived', group: 'money', kind: 'amount', unit: MONEY, label: { en: 'money received', zh: '已收资金' },
    about: 'Money received by SOs from government this month (its own ledger).' },
  { name: 'needUnitsServed', group: 'substance', kind: 'amount', unit: NEED_UNITS, label: { en: 'needs met', zh: '满足的需求' },
    about: 'Σ *n q* × cost weight over the needy served, by contracts and in-house supply alike: the service citizens get.' },
  { name: 'transferVolume', group: 'substance', kind: 'amount', unit: NEED_UNITS, label: { en: 'service by autonomous SOs', zh: '自主社会组织承担的服务' },
    about: 'The same over citizens served by independent SOs, each weighted by min(1, max(0, (*a* − `transferAutonomy` + `transferRamp`)/(2 `transferRamp`))): (*a* − 0.2)/0.6 at the defaults.' },
  { name: 'soCapability', group: 'substance', kind: 'amount', unit: NEED_UNITS, label: { en: 'SO capability', zh: '社会组织能力' },
    about: 'Σ over districts of `needUnitsServed` × the professional level of the district\'s registered independent SOs: (1 − `projectOverhead`) × productivity × quality, the standard need-units a unit of money meets in their hands, averaged over them by the money each is staffed for (held, or the idle core); 0 where there are none. The need met, at the level of service per money the independent sector has reached.' },
  { name: 'projectGranularity', group: 'form', kind: 'share', unit: '0 standard contracts – 1 showcase projects', label: { en: 'project granularity', zh: '项目颗粒度' },
    about: 'Officials\' mean *g*.' },
  { name: 'paperworkDemand', group: 'form', kind: 'share', unit: 'share of an SO team\'s effort', label: { en: 'paperwork demanded', zh: '文牍要求' },
    about: 'Officials\' mean *m*.' },
  { name: 'budget', group: 'form', kind: 'amount', unit: MONEY, label: { en: 'service budget', zh: '服务预算' },
    about: 'The districts\' service budgets.' },
  { name: 'insideShareSpread', group: 'substance', kind: 'amount', unit: 'sd of a share', label: { en: 'lock-in: spread of district inside shares', zh: '锁定：各区体制内承接比例的离散度' },
    about: 'sd over districts of `insideShare` (district-let projects) beyond chance: √max(0, *s*² − mean *p̂*(1 − *p̂*)/(*n* − 1)), over districts with *n* ≥ 2 such projects.' },
  { name: 'failedTenderShare', group: 'anchor', kind: 'share', unit: SHARE, label: { en: 'failed tenders (under three bidders)', zh: '流标比例（投标者不足三家）' },
    about: 'Share of competitive tenders in the last 12 months with fewer than three eligible bidders, which fail under the procurement rules: the buyer then lets the project by negotiation, in the model to the bidder most tied to it.' },
  { name: 'connectedMoneyShare', group: 'anchor', kind: 'share', unit: SHARE, label: { en: 'contract money to connected SOs', zh: '流向关联组织的合同资金比例' },
    about: 'Share of active contract money held by government-connected SOs: affiliated SOs (set up by a department) and SOs registered under a sponsoring agency (dual management).' },
] as const satisfies readonly MetricSpec[];

export type MetricName = (typeof METRIC_SPECS)[number]['name'];

/** City-level metric names, in column order. */
export const METRICS: readonly MetricName[] = METRIC_SPECS.map((m) => m.name);

/** Per-district metrics, recorded as `<name>.d<district>`, in their own column order. */
export const DISTRICT_METRICS = [
  'involutionIndex', 'purchaseShare', 'projectsActive', 'competitiveShare', 'insideShare', 'functionTransfer', 'needsMet', 'satisfaction',
  'projectGranularity', 'paperworkDemand',
] as const satisfies readonly MetricName[];

export type DistrictMetricName = (typeof DISTRICT_METRICS)[number];

export const METRIC_BY_NAME: ReadonlyMap<string, MetricSpec> = new Map(METRIC_SPECS.map((m) => [m.name, m]));

/** The registry entry of a recorded column: `needsMet.d2` is `needsMet`'s. */
export function metricSpec(column: string): MetricSpec | undefined {
  return METRIC_BY_NAME.get(column.split('.')[0]);
}
