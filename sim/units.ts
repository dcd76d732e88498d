// The registries' units (sim/params.ts, sim/metric-registry.ts) in the other languages: the registry
// says each unit once, in English; a chart's axis in Chinese takes its Chinese here, by the English
// text. A unit missing here stays English (test/metric-registry.test.ts lists every registry unit
// Chinese lacks: a new unit is added here with its parameter or metric).

const ZH: Readonly<Record<string, string>> = {
  share: '比例',
  probability: '概率',
  people: '人',
  districts: '个区',
  communities: '个社区',
  organizations: '个组织',
  months: '月',
  years: '年',
  switch: '开关',
  weight: '权重',
  'share per year': '每年的比例',
  'relative growth per year': '每年的相对增长',
  ratio: '比率',
  'probability per month': '每月的概率',
  'need level': '需求水平',
  'money per month': '每月资金',
  'money per unit of government money': '每单位政府资金带入的资金',
  elasticity: '弹性',
  'share of effort': '占精力的比例',
  granularity: '粒度',
  'log ratio': '对数比',
  'share of gap per year': '每年缩小差距的比例',
  'factor per year': '每年的倍数',
  'tie strength': '关系强度',
  'exponent per λ': '每单位 λ 的指数',
  score: '评分',
  quality: '质量',
  'share of in-house quality': '相对自办质量的比例',
  'per month': '每月',
  'share of gap': '差距的比例',
  'share of budget': '占预算的比例',
  'per year': '每年',
  'months of fixed cost': '固定成本的月数',
  'standard contracts per skill': '每单位能力的标准合同数',
  'per place per year': '每个空缺位置每年',
  skill: '能力',
  'share of scale': '占规模的比例',
  month: '月份',
  'log ratio: form growth − substance growth': '对数比：形式增长 − 实质增长',
  'log ratio vs first year': '相对首年的对数比',
  'substance growth / form growth': '实质增长 / 形式增长',
  'money units a month': '每月资金单位',
  contracts: '份合同',
  'money units a month of SO staff time on paperwork': '社会组织人员每月用于文牍的资金单位',
  'share, 0–1': '比例，0–1',
  'award modes in use': '在用的授标方式数',
  'skill × autonomy per initial SO': '每个初始社会组织的能力 × 自主性',
  'relative growth a year': '每年的相对增长',
  'share a year': '每年的比例',
  'p90 − p10 of a share': '比例的 p90 − p10',
  '1 − Herfindahl index': '1 − 赫芬达尔指数',
  'eligible bidders': '合格投标者数',
  'need-units a month, at standard cost': '每月需求单位（按标准成本）',
  '0 standard contracts – 1 showcase projects': '0 为标准合同，1 为示范项目',
  "share of an SO team's effort": '社会组织团队精力的比例',
  'sd of a share': '比例的标准差',
};

const UNITS: Readonly<Record<string, Readonly<Record<string, string>>>> = { zh: ZH };

/** A registry unit in a language (its code, as the page's catalogs name it): English where that language has none. */
export const unitIn = (unit: string, lang: string): string => (lang === 'en' ? unit : (UNITS[lang]?.[unit] ?? unit));

/** The units a language has no word for, among `units`. */
export const missingUnits = (units: Iterable<string>, lang: string): string[] => [...new Set(units)].filter((u) => u !== '' && UNITS[lang]?.[u] === undefined);
