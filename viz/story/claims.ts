// What the story says about the model, as claims a test can run (test/story.test.ts, seeds 1–20):
// the run with a step's setting against the baseline run of the same seed, at the last month.
// `every`: on every seed; `average`: the paired mean, its 95 % t interval clear of zero; `same`: the
// paired mean within ±0.1 and its interval holding zero; `within`: every seed's value in the range.
// The prevention and Changsha steps' statements live here, beside the figures' labels.
import { resolveParams, type MetricName } from '../../sim/index.ts';
import { mean, sd, tQuantile } from '../../lab/analysis/stats.ts';
import { findScenario, DEFAULT_SCENARIO } from '../../scenarios/index.ts';

export interface Text {
  en: string;
  zh: string;
}

export type Claim =
  | { metric: MetricName; is: 'lower' | 'higher'; on: 'every' | 'average' }
  | { metric: MetricName; is: 'same' }
  | { metric: MetricName; is: 'within'; range: [number, number] };

/** The seeds every claim is checked on, and how far apart two runs may end and still read "the same". */
export const CLAIM_SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
export const SAME_WITHIN = 0.1;

/**
 * Whether a claim holds, from the claim's metric at the last month of each seed's two runs: `mine`
 * with the step's setting, `base` the baseline, paired by seed. Returns what was measured, for a message.
 */
export function holds(claim: Claim, mine: number[], base: number[]): { ok: boolean; measured: string } {
  const diffs = mine.map((x, i) => x - base[i]);
  const m = mean(diffs);
  const half = tQuantile(0.975, diffs.length - 1) * (sd(diffs) / Math.sqrt(diffs.length));
  const interval = `paired mean ${m.toFixed(4)} (${(m - half).toFixed(4)} to ${(m + half).toFixed(4)})`;
  if (claim.is === 'within') {
    const [lo, hi] = claim.range;
    return { ok: mine.every((x) => x >= lo && x <= hi), measured: `values ${Math.min(...mine).toFixed(4)} to ${Math.max(...mine).toFixed(4)}` };
  }
  if (claim.is === 'same') return { ok: Math.abs(m) < SAME_WITHIN && m - half <= 0 && m + half >= 0, measured: interval };
  const sign = claim.is === 'lower' ? -1 : 1;
  if (claim.on === 'every')
    return { ok: diffs.every((d) => d * sign > 0), measured: `${diffs.filter((d) => d * sign > 0).length} of ${diffs.length} seeds; ${interval}` };
  return { ok: (sign < 0 ? m + half : -(m - half)) < 0, measured: interval };
}

/** The baseline's parameters: where each slider starts. */
export const BASE_VALUES: Readonly<Record<string, number>> = resolveParams(findScenario(DEFAULT_SCENARIO)!.params, {});

/** How a figure is written: a share in per cent, a level in [0, 1], a count, an amount, a signed growth. */
export type Format = 'percent' | 'level' | 'count' | 'amount' | 'signed';

/** The figures a step shows, in the story's words (the registry's labels are for researchers), and how each is written. */
export const FIGURES: Partial<Record<MetricName, { label: Text; format: Format }>> = {
  involutionIndex: { label: { en: 'Involution index', zh: '内卷化指数' }, format: 'signed' },
  formGrowth: { label: { en: 'Form growth', zh: '形式增长' }, format: 'signed' },
  substanceGrowth: { label: { en: 'Substance growth', zh: '实质增长' }, format: 'signed' },
  purchaseSpending: { label: { en: 'Purchase spending (money a month)', zh: '购买支出（每月资金）' }, format: 'amount' },
  needUnitsServed: { label: { en: 'Need met (need-units a month)', zh: '满足的需求（每月需求单位）' }, format: 'amount' },
  projectsActive: { label: { en: 'Projects', zh: '项目数' }, format: 'count' },
  paperworkShare: { label: { en: "SOs' time on paperwork", zh: '社会组织花在文牍上的时间' }, format: 'percent' },
  needsMet: { label: { en: "Share of citizens' need met", zh: '居民需求的满足率' }, format: 'percent' },
  insideShare: { label: { en: 'Contracts held inside the system', zh: '体制内承接的合同' }, format: 'percent' },
  competitiveShare: { label: { en: 'Contracts won in open competition', zh: '公开竞争授予的合同' }, format: 'percent' },
  transferVolume: { label: { en: 'Need met by autonomous SOs (need-units a month)', zh: '自主社会组织满足的需求（每月需求单位）' }, format: 'amount' },
  govRevenueShare: { label: { en: "Government share of SOs' revenue", zh: '政府资金占社会组织收入的比例' }, format: 'percent' },
  soAutonomy: { label: { en: 'SO autonomy (0–1)', zh: '社会组织自主性（0–1）' }, format: 'level' },
  soCapability: {
    label: { en: "Need met at independent SOs' service per yuan (need-units a month)", zh: '按独立社会组织每元服务水平折算的需求满足（每月需求单位）' },
    format: 'amount',
  },
  serviceQuality: { label: { en: 'Service quality (0–1)', zh: '服务质量（0–1）' }, format: 'level' },
  soCapacity: { label: { en: 'SO skill (0–1)', zh: '社会组织的专业能力（0–1）' }, format: 'level' },
  independentSOs: { label: { en: 'Independent SOs', zh: '独立社会组织' }, format: 'count' },
};

/** The choices of the prevention step: none (the baseline), each of the five, all five; what each changes. */
export const PREVENTIONS: readonly { scenario: string; text: Text; claims: Claim[] }[] = [
  {
    scenario: 'none',
    text: {
      en: 'The baseline: all four causes strong, no prevention. Choose a prevention to see what it changes.',
      zh: '基线：四个成因都很强，没有防治措施。选择一项措施，看它改变了什么。',
    },
    claims: [],
  },
  {
    scenario: 'clarify-applicability',
    text: {
      en: "Money follows need instead of visibility. On every one of the 20 seeds more of the need is met and service quality is higher than in the baseline, and the index ends lower on average, though by little: the causes — the officials' incentives, the awards, the dependence — are untouched.",
      zh: '资金跟随需求而非显示度。在全部 20 个种子上，满足的需求都比基线多、服务质量更高，指数平均而言也更低，但降得不多：成因——官员的激励、授标方式、依赖关系——都没有触及。',
    },
    claims: [
      { metric: 'needsMet', is: 'higher', on: 'every' },
      { metric: 'serviceQuality', is: 'higher', on: 'every' },
      { metric: 'involutionIndex', is: 'lower', on: 'average' },
    ],
  },
  {
    scenario: 'release-resources',
    text: {
      en: 'Tenders open to every SO, and the city stops keeping money for its own affiliates. On every one of the 20 seeds fewer contracts end inside the system and more independent SOs work; but the newcomers serve no better per yuan than the SOs already there, and after ten years the index ends about where the baseline’s does. More SOs is not more capability.',
      zh: '招标向所有社会组织开放，市级不再为自己的挂靠型组织留钱。在全部 20 个种子上，体制内承接的合同都更少，工作着的独立社会组织更多；但新组织每一元钱的服务并不比原有的组织好，十年后指数与基线大致相当。组织更多不等于能力更强。',
    },
    claims: [
      { metric: 'insideShare', is: 'lower', on: 'every' },
      { metric: 'independentSOs', is: 'higher', on: 'every' },
      { metric: 'involutionIndex', is: 'same' },
    ],
  },
  {
    scenario: 'service-orientation',
    text: {
      en: 'Officials are judged on service results. On every one of the 20 seeds they let fewer projects, SOs spend less of their time on paperwork, and the index ends lower — below zero: substance outgrows form.',
      zh: '官员按服务成效受考核。在全部 20 个种子上，他们签订的项目都更少，社会组织花在文牍上的时间更少，指数更低——而且低于零：实质比形式增长得更多。',
    },
    claims: [
      { metric: 'projectsActive', is: 'lower', on: 'every' },
      { metric: 'paperworkShare', is: 'lower', on: 'every' },
      { metric: 'involutionIndex', is: 'lower', on: 'every' },
      { metric: 'involutionIndex', is: 'within', range: [-Infinity, 0] },
    ],
  },
  {
    scenario: 'partnership',
    text: {
      en: 'Fair prices, payments on time, dependence not exploited. On every one of the 20 seeds the SOs end more autonomous and more of the need is met by autonomous SOs; the index ends lower on average.',
      zh: '价格公道、按时付款、不利用依赖关系。在全部 20 个种子上，社会组织最终都更自主，由自主社会组织满足的需求更多；指数平均而言更低。',
    },
    claims: [
      { metric: 'soAutonomy', is: 'higher', on: 'every' },
      { metric: 'transferVolume', is: 'higher', on: 'every' },
      { metric: 'involutionIndex', is: 'lower', on: 'average' },
    ],
  },
  {
    scenario: 'whole-process-supervision',
    text: {
      en: "Outcomes are seen, with citizens' feedback, and poor performers are stopped. On every one of the 20 seeds SOs spend less of their time on paperwork and service quality is higher; the index ends lower on average.",
      zh: '成效看得见（包括服务对象的反馈），表现差的合同会被终止。在全部 20 个种子上，社会组织花在文牍上的时间都更少，服务质量更高；指数平均而言更低。',
    },
    claims: [
      { metric: 'paperworkShare', is: 'lower', on: 'every' },
      { metric: 'serviceQuality', is: 'higher', on: 'every' },
      { metric: 'involutionIndex', is: 'lower', on: 'average' },
    ],
  },
  {
    scenario: 'full-prevention',
    text: {
      en: 'All five together: on every one of the 20 seeds the index ends lower than in the baseline, and below zero — substance outgrows form.',
      zh: '五项措施同时实施：在全部 20 个种子上，指数最终都比基线低，而且低于零——实质比形式增长得更快。',
    },
    claims: [
      { metric: 'involutionIndex', is: 'lower', on: 'every' },
      { metric: 'involutionIndex', is: 'within', range: [-Infinity, 0] },
    ],
  },
];

/** Changsha's mechanisms on, against the baseline. */
export const CHANGSHA: { text: Text; claims: Claim[] } = {
  text: {
    en: 'With them, on every one of the 20 seeds the SOs end more skilled than without; on average service quality is higher, more of the need is met and the index ends lower. But on every seed the SOs still get 60–70 % of their revenue from government, about as much as without them: the problem the paper leaves open.',
    zh: '有了这些机制，在全部 20 个种子上，社会组织最终都比没有时更专业；平均而言，服务质量更高，满足的需求更多，指数更低。但在每个种子上，社会组织仍有 60–70 % 的收入来自政府，和没有这些机制时差不多：这正是论文留下的问题。',
  },
  claims: [
    { metric: 'soCapacity', is: 'higher', on: 'every' },
    { metric: 'serviceQuality', is: 'higher', on: 'average' },
    { metric: 'needsMet', is: 'higher', on: 'average' },
    { metric: 'govRevenueShare', is: 'within', range: [0.6, 0.7] },
    { metric: 'govRevenueShare', is: 'same' },
    { metric: 'involutionIndex', is: 'lower', on: 'average' },
  ],
};
