// The one parameter registry: validation, CLI, docs and the browser's controls all read it.
import { z } from 'zod';

export type Group = 'causes' | 'prevention' | 'co-governance' | 'world' | 'calibration';

/** Where a model constant's value comes from: a published magnitude, fitted by `calibrate`, or assumed. */
export type Basis = 'published' | 'calibrated' | 'assumed';

export interface ParamSpec {
  readonly name: string;
  readonly group: Group;
  readonly min: number;
  readonly max: number;
  readonly default: number;
  readonly integer?: boolean;
  /** World size parameters cannot change in the middle of a run. */
  readonly structural?: boolean;
  readonly unit: string;
  readonly en: string;
  readonly zh: string;
  readonly source: string;
  /** Model constants (group `calibration`) only: where the value comes from; [min, max] is the prior range. */
  readonly basis?: Basis;
}

/** A model constant: its value, prior range, basis and meaning (group `calibration`). */
function constant<N extends string>(name: N, value: number, min: number, max: number, basis: Basis, source: string, unit: string, en: string, zh: string) {
  return { name, group: 'calibration' as const, min, max, default: value, basis, source, unit, en, zh };
}

const LW = 'Li & Wang 2017';
const LW_CAUSES =
  'the government relies on the path dependence of the traditional mode of public service supply, the rationalization of political rationality under the dual management system, and the asymmetric dependence between the government and the society are the key factors';
const LW_PREVENT =
  'There is a need to gradually clarify the applicability of the purchase, the release of resources at different levels; further change the management orientation, balance the relationship between government and [society], and strengthen the purchase of the whole process of quality supervision system construction.';
const CS = 'Changsha 2011';

export const PARAMS = [
  // causes
  { name: 'pathDependence', group: 'causes', min: 0, max: 1, default: 0.8, unit: 'share',
    en: 'Reliance on the traditional supply mode: incumbents renewed, allocations sticky, awards lock in.',
    zh: '对传统供给模式的路径依赖：续约惯性、预算分配黏性、授标自我强化。',
    source: `${LW}: ${LW_CAUSES}` },
  { name: 'politicalRationality', group: 'causes', min: 0, max: 1, default: 0.8, unit: 'share',
    en: 'Buyers seek visible, controllable results: showcase projects, paperwork, awards by ties.',
    zh: '政治理性：追求可见、可控的政绩，项目碎片化、重文牍、按关系授标。',
    source: `${LW}: ${LW_CAUSES}` },
  { name: 'dualManagement', group: 'causes', min: 0, max: 1, default: 0.8, unit: 'share',
    en: 'Dual management: a new SO needs a sponsoring agency before it may register.',
    zh: '双重管理体制：社会组织须先找到业务主管单位才能登记。',
    source: `${LW}: ${LW_CAUSES}` },
  { name: 'asymmetricDependence', group: 'causes', min: 0, max: 1, default: 0.8, unit: 'share',
    en: 'SOs have few resources besides government money, so they must please the buyer.',
    zh: '非对称依赖：社会组织缺少政府以外的资源，只能迎合购买方。',
    source: `${LW}: ${LW_CAUSES}` },
  // prevention
  { name: 'applicabilityClarity', group: 'prevention', min: 0, max: 1, default: 0, unit: 'share',
    en: 'Buy what suits purchase (measurable services); money follows need, not visibility.',
    zh: '明确购买的适用范围：购买适合购买的服务，资金跟随需求而非显示度。',
    source: `${LW}: ${LW_PREVENT}` },
  { name: 'resourceRelease', group: 'prevention', min: 0, max: 1, default: 0, unit: 'share',
    en: 'Release resources at every level: open tenders to all SOs, no bonus for affiliated SOs, budgets devolved.',
    zh: '分层释放资源：招标向所有社会组织开放，取消挂靠优势，预算下放到区。',
    source: `${LW}: ${LW_PREVENT}` },
  { name: 'serviceOrientation', group: 'prevention', min: 0, max: 1, default: 0, unit: 'share',
    en: 'Management oriented to service results instead of political display.',
    zh: '转变管理导向：以服务成效而非政绩展示为导向。',
    source: `${LW}: ${LW_PREVENT}` },
  { name: 'partnership', group: 'prevention', min: 0, max: 1, default: 0, unit: 'share',
    en: 'Equal cooperation: fair prices, payments on time, dependence not exploited (SOs keep their autonomy).',
    zh: '平衡政社关系：平等合作，按时足额付款，不利用依赖关系（社会组织保持自主性）。',
    source: `${LW}: ${LW_PREVENT}` },
  { name: 'wholeProcessSupervision', group: 'prevention', min: 0, max: 1, default: 0, unit: 'share',
    en: 'Quality supervision over the whole process: open tenders, outcome-based evaluation, citizen feedback.',
    zh: '全过程质量监管：公开招标、以成效为本的评估、引入服务对象反馈。',
    source: `${LW}: ${LW_PREVENT}` },
  // co-governance (Changsha)
  { name: 'performanceFunding', group: 'co-governance', min: 0, max: 1, default: 0, unit: 'share',
    en: 'Performance evaluation with fund sponsoring: a bonus by score, earmarked for capacity.',
    zh: '绩效考评与经费资助机制：按评分给予奖励，专用于能力建设。',
    source: `${CS}: 建立了政府买单与社会运作机制、绩效考评与经费资助机制、规范管理与专业队伍服务机制` },
  { name: 'professionalTraining', group: 'co-governance', min: 0, max: 1, default: 0, unit: 'share',
    en: 'Regulated management with professional teams: training that builds SO capacity.',
    zh: '规范管理与专业队伍服务机制：专业培训提升社会组织能力。',
    source: `${CS}: 建立了政府买单与社会运作机制、绩效考评与经费资助机制、规范管理与专业队伍服务机制` },
  { name: 'altRevenueSupport', group: 'co-governance', min: 0, max: 1, default: 0, unit: 'share',
    en: "Support for SOs' own ability to obtain resources (donations, fees, foundations).",
    zh: '增强社会组织获取资源的能力（捐赠、收费、基金会）。',
    source: `${CS}: 增强社会组织获取资源的能力` },
  { name: 'baseTransparency', group: 'co-governance', min: 0, max: 1, default: 0.2, unit: 'probability',
    en: 'Chance that a tender is open and competitive rather than directed.',
    zh: '透明机制：招标公开竞争而非定向委托的概率。',
    source: `${CS}: 构筑购买公共服务的透明机制和合理的监督机制` },
  // world
  { name: 'citizens', group: 'world', min: 100, max: 2_000_000, default: 20_000, integer: true, structural: true,
    unit: 'people', en: 'Number of citizens simulated.', zh: '模拟的居民人数。', source: 'Model design (MODEL.md §2)' },
  { name: 'districts', group: 'world', min: 1, max: 32, default: 6, integer: true, structural: true,
    unit: 'districts', en: 'District governments that buy services.', zh: '购买服务的区级政府数。',
    source: 'Model design (MODEL.md §2)' },
  { name: 'communitiesPerDistrict', group: 'world', min: 1, max: 64, default: 8, integer: true, structural: true,
    unit: 'communities', en: 'Communities in each district.', zh: '每个区的社区数。', source: 'Model design (MODEL.md §2)' },
  { name: 'initialSOs', group: 'world', min: 2, max: 2000, default: 40, integer: true, structural: true,
    unit: 'organizations', en: 'Social organizations at the start, dealt round the districts (see initialAffiliated).', zh: '初始社会组织数，依次分配到各区（见 initialAffiliated）。',
    source: 'Model design (MODEL.md §2)' },
  { name: 'ticks', group: 'world', min: 1, max: 2400, default: 120, integer: true, structural: true,
    unit: 'months', en: 'Length of the run.', zh: '模拟时长。', source: 'Model design (MODEL.md §5)' },
  { name: 'policyPush', group: 'world', min: 0, max: 1, default: 0.15, unit: 'weight',
    en: "Central push: the weight the upper level's evaluation of district officials gives to the share of the service budget they purchase.", zh: '中央政策推动：上级考核区级官员时对其服务预算中购买比例所赋的权重。',
    source: 'State Council General Office, Guiding Opinions on Government Purchase of Services from Social Forces (国办发〔2013〕96号): purchase made a task of local governments, assessed by the level above; the weight is assumed (docs/model.md §7.3)' },
  { name: 'needGrowth', group: 'world', min: 0, max: 0.05, default: 0, unit: 'share per year',
    en: 'Yearly relative growth of need in every category (0 in every scenario but the proportional-growth check).', zh: '各类需求每年的相对增长（除等比例增长检验外均为 0）。',
    source: 'Model design (docs/model.md §7.11): lets need grow with the budget in the definition check' },
  { name: 'ageingRate', group: 'world', min: 0, max: 0.2, default: 0.03, unit: 'share per year',
    en: 'Yearly relative growth of eldercare need (population ageing).', zh: '人口老龄化：养老需求每年的相对增长。',
    source: 'Changsha 2011 (eldercare case); model design' },
  { name: 'exitMonths', group: 'world', min: 1, max: 36, default: 6, integer: true, unit: 'months',
    en: 'Months an SO survives with negative reserves before it closes.', zh: '社会组织储备为负后维持的月数，之后退出。',
    source: 'Model design (MODEL.md §4.6)' },
  { name: 'seed', group: 'world', min: 0, max: 4_294_967_295, default: 1, integer: true, structural: true,
    unit: '', en: 'Random seed: same seed, same run, to the bit.', zh: '随机种子：种子相同，运行结果逐位相同。', source: 'Model design (MODEL.md §5, §6: common random numbers)' },
  { name: 'budgetGrowth', group: 'world', min: 0, max: 0.15, default: 0.03, unit: 'relative growth per year',
    en: 'Real yearly growth of local service budgets: purchase can expand service, not only replace in-house supply.',
    zh: '地方公共服务预算每年的实际增长率：购买可以扩大服务，而不只是替代政府自办。',
    source: 'Published magnitude: local spending on social security and employment grew about 10 %/yr nominally in 2012–2017 (Ministry of Finance final accounts); deflated by urban wage growth of about 7 %/yr (services are labour), about 3 %/yr real — the deflator is an assumption (docs/model.md)' },
  // calibration: the model's constants, with their prior ranges (docs/model.md §Constants)
  constant('budgetCoverage', 0.1, 0.05, 0.2, 'assumed', 'Model design', 'share',
    "At the SO unit cost, the first year's service budget would serve this share of citizens a month.", '按社会组织单位成本，首年服务预算每月可服务的居民比例。'),
  constant('govCostFactor', 1.25, 1, 1.6, 'assumed', 'Model design (Savas 2000: contracting is usually cheaper)', 'ratio',
    'In-house supply costs this many times contracted supply per citizen served.', '政府自办供给的单位成本是购买供给的倍数。'),
  constant('initialPurchaseShare', 0.1, 0.02, 0.3, 'assumed', 'Model design', 'share',
    'Share of the service budget spent on purchase in the first year.', '首年服务预算中用于购买的比例。'),
  constant('resolutionBase', 0.04, 0.01, 0.1, 'assumed', 'Model design', 'probability per month',
    'Monthly chance that a need resolves without service.', '无服务时需求每月自行化解的概率。'),
  constant('resolutionQuality', 0.06, 0, 0.15, 'assumed', 'Model design', 'probability per month',
    'Added monthly chance of resolution at full quality of service.', '获得满质量服务时需求每月额外化解的概率。'),
  constant('resolutionRef', 0.05, 0.02, 0.12, 'assumed', 'Model design: onset hazards keep prevalence steady at this resolution rate', 'probability per month',
    'Resolution rate at which onset keeps prevalence steady: the run starts near its steady state.', '使患病率保持稳定的化解率：模拟从近似稳态开始。'),
  constant('needMin', 0.2, 0, 0.5, 'assumed', 'Model design', 'need level',
    'Smallest level of a new need (levels are uniform up to 1).', '新需求的最低程度（程度在其与 1 之间均匀分布）。'),
  constant('satisfactionRate', 0.3, 0.05, 0.8, 'assumed', 'Model design', 'weight',
    "Weight of the latest month's service in a citizen's satisfaction.", '居民满意度中最近一个月服务的权重。'),
  constant('fullTeamMoney', 2, 1, 4, 'assumed', 'Model design', 'money per month',
    'Monthly money of a standard contract: what keeps one full SO team busy.', '标准合同的月度金额：足以让一个完整的社会组织团队满负荷工作。'),
  constant('showcaseRatio', 0.125, 0.03, 0.5, 'assumed', 'Model design', 'share',
    'The smallest project a buyer cuts, as a share of a standard contract.', '购买方切分出的最小项目相对标准合同的比例。'),
  constant('transactionCost', 0.02, 0.005, 0.1, 'assumed', 'Brown & Potoski 2003 (transaction costs of contracting); value assumed', 'money per month',
    'Money each project costs its SO a month in applications, audits and reports, whatever its size.', '每个项目每月在申报、审计和报告上耗费社会组织的资金，与项目大小无关。'),
  constant('fragmentationLoss', 0.15, 0, 0.5, 'assumed', 'Li & Wang 2017 (projects refined, service not changed); elasticity assumed', 'elasticity',
    'Quality lost by a project smaller than a standard contract: quality × (size / standard)^loss (no continuity, no case management).', '小于标准合同的项目的质量损失：质量 × (规模/标准)^损失（缺乏连续性与个案管理）。'),
  constant('projectOverhead', 0.05, 0, 0.15, 'assumed', 'Model design', 'share',
    'Share of project money spent on managing it.', '项目资金中用于项目管理的比例。'),
  constant('overheadCap', 0.9, 0.5, 0.99, 'assumed', 'Model design', 'share',
    "Most of a project's money that overhead and transaction costs can take.", '项目资金中管理费用与交易成本最多占用的比例。'),
  constant('projectReporting', 0.02, 0, 0.05, 'assumed', 'Model design', 'share of effort',
    'Effort each project held takes in reports of its own.', '每个在手项目各自的报告所占用的精力。'),
  constant('complianceCap', 0.85, 0.5, 1, 'assumed', 'Model design', 'share of effort',
    'Most of its effort an SO can spend on paperwork.', '社会组织用于文牍的精力上限。'),
  constant('officialStep', 0.1, 0, 0.3, 'assumed', 'Cyert & March 1963 (search by trial, kept when it pays); step assumed', 'granularity',
    "Step of a district official's yearly trial in project granularity (0 standard contracts, 1 showcase projects).", '区级官员每年尝试调整项目颗粒度的步长（0 为标准合同，1 为展示性小项目）。'),
  constant('shareStep', 0.2, 0, 0.5, 'assumed', 'Cyert & March 1963; step assumed', 'log ratio',
    "Step of a district official's yearly trial in the share of the service budget purchased, as a proportion of it: the share is multiplied by exp(±step).", '区级官员每年尝试调整服务预算中购买比例的步长（按比例）：购买比例乘以 exp(±步长)。'),
  constant('demandStep', 0.05, 0, 0.15, 'assumed', 'Cyert & March 1963; step assumed', 'share of effort',
    "Step of a district official's yearly trial in the paperwork demanded per project.", '区级官员每年尝试调整每个项目文牍要求的步长。'),
  constant('stepJitterMin', 0.5, 0, 1, 'assumed', 'Model design', 'ratio',
    "Smallest multiple of its step an official's trial takes: the step is scaled by a uniform draw between it and it + 1.", '官员一次尝试所取步长的最小倍数：步长乘以该值与该值加 1 之间的均匀随机数。'),
  constant('aspirationRate', 0.5, 0.05, 1, 'assumed', 'Cyert & March 1963 (aspirations adapt to experience); rate assumed', 'share of gap per year',
    "Share of the gap to each year's reward by which an official's aspiration moves.", '官员的期望水平每年向当年回报缩小差距的比例。'),
  constant('initialGrain', 0.25, 0, 1, 'assumed', 'Model design: every scenario starts from the same buyers', 'granularity',
    'Project granularity every district starts from.', '各区起始的项目颗粒度。'),
  constant('initialDemand', 0.15, 0, 0.6, 'assumed', 'Model design: every scenario starts from the same buyers', 'share of effort',
    'Paperwork demanded per project at the start (share of an SO team\'s effort).', '起始时每个项目要求的文牍（占社会组织团队精力的比例）。'),
  constant('maxDemand', 0.6, 0.3, 0.85, 'assumed', 'Model design', 'share of effort',
    'Most paperwork a buyer can demand per project.', '购买方对每个项目所能要求的最大文牍量。'),
  constant('reportVisibility', 1, 0, 3, 'assumed', 'Li & Wang 2017 (form refined: reports, inspections); weight assumed', 'weight',
    "Upward visibility of a unit of an SO's reporting effort, against a project's own showcase value.", '社会组织一单位报告精力的向上可见度（相对项目本身的展示价值）。'),
  constant('cityShare', 0.5, 0.2, 0.8, 'assumed', 'Li & Wang 2017 (release of resources at different levels); value assumed', 'share',
    'Share of purchase money the city keeps and lets to its own affiliated SOs while no resources are released.', '未释放资源时由市级保留、交给其挂靠社会组织的购买资金比例。'),
  constant('tieGain', 0.3, 0.1, 0.6, 'assumed', 'Model design', 'share', 'Gain of tie strength with every contract won.', '每赢得一份合同关系强度的增长。'),
  constant('tieDecay', 0.8, 0.5, 0.95, 'assumed', 'Model design', 'factor per year', 'Yearly persistence of ties without a new contract.', '无新合同时关系强度的年保持率。'),
  constant('tieThreshold', 0.05, 0.01, 0.3, 'assumed', 'Model design', 'tie strength',
    'Tie to a district that admits an SO from elsewhere to its tenders.', '使外区社会组织可参与本区招标的关系强度。'),
  constant('urnSteepness', 4, 1, 8, 'assumed', 'Arthur 1989 (increasing returns, non-linear Pólya urn); value assumed', 'exponent per λ',
    "Steepness of the award urn's S-curve: γ = 1 + urnSteepness·λ.", '授标瓮模型 S 曲线的陡度：γ = 1 + 陡度·λ。'),
  constant('affiliationBonus', 0.5, 0, 1, 'assumed', 'Model design', 'score', 'Score advantage of an affiliated SO in a tender.', '挂靠型社会组织在招标中的评分优势。'),
  constant('bidNoise', 0.15, 0, 0.4, 'assumed', 'Model design', 'score', 'Noise in how a buyer scores a bid.', '购买方评标的随机误差。'),
  constant('meritObservedWeight', 0.5, 0, 1, 'assumed', 'Model design', 'weight',
    "Weight of monitored quality, against reputation, in the merit a buyer sees in a bid.", '购买方评标所见实绩中监测质量（相对声誉）的权重。'),
  constant('switchingCostWeight', 0.5, 0, 1, 'assumed', 'Brown & Potoski 2003 (asset specificity makes a switch of provider costly); weight assumed', 'weight',
    "Weight of a category's asset specificity in the switching cost that raises the chance of renewal.", '服务类别的资产专用性在提高续约概率的转换成本中的权重。'),
  constant('observationNoise', 0.3, 0, 0.6, 'assumed', 'Brown & Potoski 2003 (measurability); value assumed', 'quality',
    'Noise in monitored quality at measurability 0.', '可测量性为 0 时监测质量的误差。'),
  constant('observedQualityRate', 0.2, 0.05, 0.6, 'assumed', 'Model design', 'weight',
    "Weight of the latest month's monitored quality in the quality buyers see of an SO.", '购买方所见社会组织质量中最近一个月监测质量的权重。'),
  constant('poorScore', 0.35, 0.1, 0.6, 'assumed', 'Model design', 'score', 'Score below which whole-process supervision refuses simple renewal.', '全过程监管下不予直接续约的评分线。'),
  constant('reputationRate', 0.3, 0.05, 0.8, 'assumed', 'Model design', 'weight',
    "Weight of the latest evaluation's score in an SO's reputation.", '社会组织声誉中最近一次评估得分的权重。'),
  constant('terminationRate', 0.15, 0, 0.5, 'assumed', 'Model design', 'probability per month',
    'Monthly chance that full supervision ends a failing contract early.', '完全监管下每月提前终止不合格合同的概率。'),
  constant('terminationThreshold', 0.7, 0.3, 1, 'assumed', 'Model design', 'share of in-house quality',
    "Mean monitored quality, as a share of in-house quality, below which supervision may end a contract early.", '平均监测质量低于政府自办质量的该比例时，监管可提前终止合同。'),
  constant('terminationMonths', 3, 1, 12, 'assumed', 'Model design', 'months',
    'Months of monitoring before supervision may end a contract early (a fraction counts as the next whole month).', '监管可提前终止合同前所需的监测月数（小数按下一个整月计）。'),
  constant('latePayment', 0.25, 0, 0.6, 'assumed', 'Li & Wang 2017 (asymmetric dependence); value assumed', 'probability per month',
    'Chance a month\'s payment is late to a fully dependent SO, without partnership.', '无伙伴关系时对完全依赖的社会组织某月延迟付款的概率。'),
  constant('priceSqueeze', 0.1, 0, 0.3, 'assumed', 'Li & Wang 2017 (asymmetric dependence); value assumed', 'share',
    'Share of a contract\'s price a buyer withholds from a fully dependent SO, without partnership.', '无伙伴关系时购买方从完全依赖的社会组织压低的合同价格比例。'),
  constant('learningRate', 0.025, 0, 0.08, 'assumed', 'Model design (learning by doing)', 'per month', 'Skill learned in a month of full service work.', '满负荷服务一个月学到的能力。'),
  constant('capacityDecay', 0.012, 0, 0.04, 'assumed', 'Model design', 'per month', 'Skill lost in an idle month.', '闲置一个月流失的能力。'),
  constant('adequacyRate', 0.3, 0.05, 0.8, 'assumed', 'Model design', 'weight',
    "Weight of the latest month's paid share of the money due in an SO's funding adequacy, which scales its quality.", '社会组织资金充足度（按比例影响质量）中最近一个月实付占应付比例的权重。'),
  constant('capacityGain', 2, 0.5, 5, 'assumed', 'Model design', 'share of gap',
    "Skill gained (share of the gap to full skill) from a year's standard-contract money spent on capacity: training or earmarked bonuses.", '把相当于一年标准合同的资金用于能力建设（培训或专项奖励）所提升的能力（占差距的比例）。'),
  constant('trainingBudget', 0.02, 0.005, 0.05, 'assumed', 'Changsha 2011 (professional teams); value assumed', 'share of budget',
    'Share of the service budget spent on training contracted SOs at professionalTraining = 1.', '专业培训为 1 时用于培训承接项目的社会组织的预算比例。'),
  constant('autonomyRate', 0.05, 0.01, 0.2, 'assumed', 'Model design', 'per month', 'Monthly speed at which autonomy follows dependence.', '自主性随依赖程度调整的月速度。'),
  constant('affiliatedAutonomy', 0.4, 0.1, 0.8, 'assumed', 'Model design', 'share', 'Ceiling of an affiliated SO\'s autonomy.', '挂靠型社会组织自主性的上限。'),
  constant('effortLearning', 0.3, 0, 0.8, 'assumed', 'Model design (reinforcement)', 'per year', 'Yearly speed at which an SO moves its effort toward what was rewarded.', '社会组织每年把精力移向受奖励方向的速度。'),
  constant('missionWeight', 0.5, 0, 1, 'assumed', 'Model design', 'weight', "Weight of an SO's own mission against what it is rewarded for.", '社会组织自身使命相对外部奖励的权重。'),
  constant('minServiceEffort', 0.15, 0, 0.4, 'assumed', 'Model design', 'share of effort', 'Least effort an SO keeps for service.', '社会组织至少保留给服务的精力。'),
  constant('fullService', 0.7, 0.4, 1, 'assumed', 'Model design', 'share of effort', 'Service effort at which an SO delivers its full skill.', '社会组织发挥全部能力所需的服务精力。'),
  constant('managementFee', 0.1, 0, 0.2, 'assumed', 'Model design', 'share', 'Share of contract money an SO keeps as a management fee.', '社会组织留作管理费的合同资金比例。'),
  constant('fixedCostBase', 0.01, 0, 0.05, 'assumed', 'Model design', 'money per month', "An SO's core monthly cost.", '社会组织每月的核心固定成本。'),
  constant('fixedCostCapacity', 0.08, 0, 0.2, 'assumed', 'Model design', 'money per month', 'Monthly staff cost of a fully skilled SO.', '能力满格的社会组织每月的人员成本。'),
  constant('foundingReserves', 6, 1, 24, 'assumed', 'Model design', 'months of fixed cost',
    'Reserves a new SO starts with, in months of its fixed cost (at least one, so it cannot close in the month it is founded).', '新社会组织起始储备，以其固定成本的月数计（至少一个月，使其不会在成立当月关闭）。'),
  constant('foundingReputation', 0.5, 0, 1, 'assumed', 'Model design', 'score',
    'Reputation of a new SO before any evaluation.', '新社会组织在任何评估之前的声誉。'),
  constant('foundingObservedQuality', 0.5, 0, 1, 'assumed', 'Model design', 'quality',
    'Quality buyers assume of a new SO before they have monitored it.', '购买方在监测之前对新社会组织质量的假定。'),
  constant('concentrationWeight', 0.5, 0, 1, 'assumed', 'Pfeffer & Salancik 1978 (dependence grows with the concentration of resources); weight assumed', 'weight',
    "Weight of funder concentration in resource dependence: government share × (1 − weight + weight·HHI).", '资源依赖中资金来源集中度的权重：政府资金比例 × (1 − 权重 + 权重·HHI)。'),
  constant('idleStaff', 0.25, 0, 1, 'assumed', 'Model design', 'share', 'Share of staff an idle SO keeps.', '闲置社会组织保留的人员比例。'),
  constant('teamGrowth', 4, 1, 10, 'assumed', 'Model design', 'standard contracts per skill',
    'Contract money an SO can hold: (1 + teamGrowth·skill) standard contracts.', '社会组织可承接的合同资金：(1 + 系数·能力) 份标准合同。'),
  constant('skillProductivity', 0.5, 0, 1, 'assumed', 'Model design', 'ratio',
    'Citizens served per unit of money, at skill 1 against skill 0: productivity = 1 − gain/2 + gain·skill (1 at skill 0.5).', '能力为 1 与能力为 0 时每单位资金服务居民数之差：生产率 = 1 − 增益/2 + 增益·能力（能力 0.5 时为 1）。'),
  constant('performanceBonus', 0.15, 0, 0.4, 'assumed', 'Changsha 2011 (evaluation with fund sponsoring); value assumed', 'share',
    'Bonus, at full score and performanceFunding = 1, as a share of the money of a contract run to its term.', '满分且绩效资助为 1 时，奖励占按期完成合同金额的比例。'),
  constant('altMarket', 0.27, 0.02, 1, 'calibrated', 'calibrate (docs/model.md §Calibration): SOs on contracts get 60–90 % of revenue from government', 'share of budget',
    "Non-government money for SOs (donations, fees, foundations) a month in a district, as a share of its first year's service budget, where SOs do not depend asymmetrically on government.", '社会组织可获得的非政府资金（捐赠、收费、基金会）每月规模，按区服务预算的比例计（无非对称依赖时）。'),
  constant('altMarketGrowth', 0.08, 0, 0.15, 'published', 'China Charity Donation Reports: donations about 82 bn yuan in 2012 and about 150 bn in 2017, some 13 %/yr nominal, about 8 %/yr real (approximate)', 'relative growth per year',
    'Real yearly growth of the non-government money market (donations, fees, foundations).', '非政府资金市场（捐赠、收费、基金会）每年的实际增长率。'),
  constant('entryRate', 1.5, 0.05, 3, 'calibrated', 'calibrate (docs/model.md §Calibration): registered SOs grew 6–14 %/yr in 2012–2017', 'per place per year',
    "Candidate SOs a year per unfilled place in the district's niche (density dependence: Hannan & Freeman 1989).", '区内生态位每个空缺位置每年出现的候选社会组织数（密度依赖）。'),
  constant('nicheMoney', 1.5, 0.3, 3, 'calibrated', 'calibrate (docs/model.md §Calibration): fewer than two alternative providers a tender (Girth et al. 2012)', 'money per month',
    "Monthly money (open contracts and non-government funds) that sustains one SO: sets a district's carrying capacity.", '维持一个社会组织所需的月度资金（公开合同与非政府资金）：决定区内的承载量。'),
  constant('closureHazard', 0.002, 0, 0.01, 'published', 'Ministry of Civil Affairs figures: 762 000 registered SOs at the end of 2017, 816 000 at the end of 2018 (China Philanthropy Times, 16 July 2019), with about 70 000–80 000 new registrations a year before 2020 (China Social Organisation Network, reported by China Development Brief, January 2021), so about 16 000–26 000 deregistrations, 2.1–3.4 % of the stock a year; 0.2 % a month is 2.4 % a year', 'probability per month',
    'Monthly chance that an SO closes for reasons outside the model, whatever its finances.', '社会组织因模型之外的原因（创办人离开、主管单位撤回等）每月关闭的概率，与财务无关。'),
  constant('entrantSkillMin', 0.2, 0, 0.5, 'assumed', 'Model design', 'skill',
    'Least founding skill of an entrant SO (skill is uniform up to entrantSkillMax).', '新进入社会组织的最低初始能力（能力在其与 entrantSkillMax 之间均匀分布）。'),
  constant('entrantSkillMax', 0.5, 0.2, 1, 'assumed', 'Model design', 'skill',
    'Greatest founding skill of an entrant SO.', '新进入社会组织的最高初始能力。'),
  constant('entrantAutonomyMin', 0.5, 0, 0.9, 'assumed', 'Model design', 'share',
    'Least founding autonomy of an entrant SO (uniform up to entrantAutonomyMax).', '新进入社会组织的最低初始自主性（在其与 entrantAutonomyMax 之间均匀分布）。'),
  constant('entrantAutonomyMax', 0.9, 0.5, 1, 'assumed', 'Model design', 'share',
    'Greatest founding autonomy of an entrant SO.', '新进入社会组织的最高初始自主性。'),
  constant('sponsorChance', 0.3, 0, 1, 'assumed', 'Li & Wang 2017 (dual management); value assumed', 'probability',
    'Chance a new SO finds a sponsoring agency when it needs one.', '需要时新社会组织找到业务主管单位的概率。'),
  constant('sponsoredAutonomy', 0.6, 0.2, 1, 'assumed', 'Li & Wang 2017 (dual management: the sponsor supervises); value assumed', 'share',
    "Ceiling of the autonomy of an SO registered through a sponsoring agency.", '经业务主管单位登记的社会组织自主性的上限。'),
  constant('transferAutonomy', 0.5, 0.2, 0.8, 'assumed', 'Model design: MODEL.md counts function transfer above autonomy 0.5; a ramp replaces the threshold (docs/model.md §Departures 14)', 'share',
    'Autonomy at which an independent SO carries half its service as function transfer (the middle of a linear ramp).', '独立社会组织的服务有一半计为职能转移时的自主性（线性过渡的中点）。'),
  constant('transferRamp', 0.3, 0.05, 0.5, 'assumed', 'Model design', 'share',
    'Half-width of the ramp: below transferAutonomy − ramp no service counts as function transfer, above transferAutonomy + ramp all of it.', '过渡区间的半宽：自主性低于 transferAutonomy − 半宽时不计职能转移，高于 transferAutonomy + 半宽时全部计入。'),
  constant('lateRegistration', 0.05, 0, 0.2, 'assumed', 'Model design', 'probability per month',
    'Monthly chance an unregistered SO registers later, at full registration chance.', '未登记社会组织在登记机会充分时每月补登记的概率。'),
  constant('initialAffiliated', 0.4, 0.1, 0.7, 'assumed', 'Model design', 'share',
    'Share of the first SOs that are affiliated, as the same number in every district: round(share × ⌊initialSOs / districts⌋) (2 of the 6 or 7 at the defaults).', '初始社会组织中挂靠型的比例，各区数量相同：round(比例 × ⌊初始数/区数⌋)（默认每区 6 或 7 个中的 2 个）。'),
  constant('initialSkillMin', 0.3, 0, 0.6, 'assumed', 'Model design', 'skill',
    'Least skill of the first SOs (skill is uniform up to initialSkillMax).', '初始社会组织的最低能力（能力在其与 initialSkillMax 之间均匀分布）。'),
  constant('initialSkillMax', 0.6, 0.3, 1, 'assumed', 'Model design', 'skill',
    'Greatest skill of the first SOs.', '初始社会组织的最高能力。'),
  constant('initialAffiliatedAutonomyMin', 0.05, 0, 0.3, 'assumed', 'Model design', 'share',
    'Least autonomy of the first affiliated SOs (uniform up to initialAffiliatedAutonomyMax).', '初始挂靠型社会组织的最低自主性（在其与 initialAffiliatedAutonomyMax 之间均匀分布）。'),
  constant('initialAffiliatedAutonomyMax', 0.25, 0.05, 0.6, 'assumed', 'Model design', 'share',
    'Greatest autonomy of the first affiliated SOs.', '初始挂靠型社会组织的最高自主性。'),
  constant('initialIndependentAutonomyMin', 0.4, 0, 0.8, 'assumed', 'Model design', 'share',
    'Least autonomy of the first independent SOs (uniform up to initialIndependentAutonomyMax).', '初始独立社会组织的最低自主性（在其与 initialIndependentAutonomyMax 之间均匀分布）。'),
  constant('initialIndependentAutonomyMax', 0.8, 0.4, 1, 'assumed', 'Model design', 'share',
    'Greatest autonomy of the first independent SOs.', '初始独立社会组织的最高自主性。'),
  constant('initialAffiliatedTie', 0.6, 0, 1, 'assumed', 'Model design', 'tie strength',
    'Tie of each first affiliated SO to its home district.', '初始挂靠型社会组织与本区的关系强度。'),
  constant('initialIndependentTie', 0.2, 0, 1, 'assumed', 'Model design', 'tie strength',
    'Tie of each first independent SO to its home district.', '初始独立社会组织与本区的关系强度。'),
  constant('newAffiliateSkillMin', 0.2, 0, 0.5, 'assumed', 'Model design', 'skill',
    'Least founding skill of an SO a department sets up when nobody bids (skill is uniform up to newAffiliateSkillMax).', '无人投标时部门自设社会组织的最低初始能力（能力在其与 newAffiliateSkillMax 之间均匀分布）。'),
  constant('newAffiliateSkillMax', 0.45, 0.2, 1, 'assumed', 'Model design', 'skill',
    'Greatest founding skill of an SO a department sets up when nobody bids.', '无人投标时部门自设社会组织的最高初始能力。'),
  constant('newAffiliateAutonomyMin', 0.05, 0, 0.3, 'assumed', 'Model design', 'share',
    'Least founding autonomy of an SO a department sets up (uniform up to newAffiliateAutonomyMax).', '部门自设社会组织的最低初始自主性（在其与 newAffiliateAutonomyMax 之间均匀分布）。'),
  constant('newAffiliateAutonomyMax', 0.2, 0.05, 0.6, 'assumed', 'Model design', 'share',
    'Greatest founding autonomy of an SO a department sets up.', '部门自设社会组织的最高初始自主性。'),
  constant('newAffiliateTie', 0.5, 0, 1, 'assumed', 'Model design', 'tie strength',
    'Tie of an SO a department sets up to its district.', '部门自设社会组织与本区的初始关系强度。'),
  constant('indexEpsilon', 0.05, 0.01, 0.2, 'assumed', 'Model design (MODEL.md §6)', 'share of scale',
    "Smoothing of the index's log growth, as a share of each figure's scale: its first-year level, never under a tenth of its natural scale.", '内卷指数对数增长的平滑量，占各指标尺度的比例：尺度为其第一年水平，但不低于自然尺度的十分之一。'),
] as const satisfies readonly ParamSpec[];

export type ParamName = (typeof PARAMS)[number]['name'];
/** Model parameters; the seed travels beside them, not inside. */
export type Params = Record<Exclude<ParamName, 'seed'>, number>;

export const PARAM_BY_NAME: ReadonlyMap<string, ParamSpec> = new Map(PARAMS.map((p) => [p.name, p]));

/** Edit distance, for "did you mean" (names are short). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length];
}

/**
 * What to say after an unknown parameter name: the closest known names, then the policy and world
 * parameters by name and the model constants by number (`involution-lab params` lists them all).
 */
export function knownParams(name: string): string {
  const near = PARAMS.map((p) => [p.name, distance(name.slice(0, 60), p.name)] as const)
    .filter(([, d]) => d <= 3)
    .sort((a, b) => a[1] - b[1])
    .slice(0, 3)
    .map(([n]) => n);
  const main = PARAMS.filter((p) => p.group !== 'calibration').map((p) => p.name);
  const constants = PARAMS.length - main.length;
  return `${near.length ? `did you mean ${near.join(' or ')}? ` : ''}known: ${main.join(', ')}, and ${constants} model constants (involution-lab params lists them)`;
}

const allowed = (p: ParamSpec) => `${p.integer ? 'an integer' : 'a number'} in [${p.min}, ${p.max}]`;

function fieldSchema(p: ParamSpec) {
  const base = p.integer ? z.number().int() : z.number();
  return base.min(p.min).max(p.max).describe(p.en);
}

const shape = Object.fromEntries(PARAMS.map((p) => [p.name, fieldSchema(p)]));
/** Partial parameter sets (overrides): unknown names are refused. */
export const overridesSchema = z.strictObject(shape).partial();

export type Overrides = Partial<Record<ParamName, number>>;

export class ParamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParamError';
  }
}

/** One clear line naming the parameter, the value and what is allowed. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown, where = 'parameter'): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown ${where} "${issue.keys.join('", "')}"; ${knownParams(String(issue.keys[0]))}`;
  }
  const name = String(issue.path[0] ?? '');
  const spec = PARAM_BY_NAME.get(name);
  const value = input && typeof input === 'object' ? (input as Record<string, unknown>)[name] : input;
  const allowedText = spec ? allowed(spec) : issue.message;
  return `${where} ${name} = ${JSON.stringify(value)} is not allowed: must be ${allowedText}`;
}

export function validateOverrides(input: unknown, where = 'parameter'): Overrides {
  const result = overridesSchema.safeParse(input);
  if (!result.success) throw new ParamError(describeIssue(result.error.issues[0], input, where));
  return result.data as Overrides;
}

export const DEFAULTS: Params = Object.fromEntries(
  PARAMS.filter((p) => p.name !== 'seed').map((p) => [p.name, p.default]),
) as Params;

/** Defaults, then each layer of overrides in turn; every layer is validated. */
export function resolveParams(...layers: unknown[]): Params {
  const out: Record<string, number> = { ...DEFAULTS };
  for (const layer of layers) {
    const o = validateOverrides(layer);
    for (const [k, v] of Object.entries(o)) if (k !== 'seed' && v !== undefined) out[k] = v;
  }
  return out as Params;
}

/** Parse a textual value (CLI, URL) for a named parameter. */
export function parseParamValue(name: string, text: string): number {
  const spec = PARAM_BY_NAME.get(name);
  if (!spec) throw new ParamError(`unknown parameter "${name}"; ${knownParams(name)}`);
  const value = text.trim() === '' ? NaN : Number(text);
  if (!Number.isFinite(value)) throw new ParamError(`parameter ${name} = ${JSON.stringify(text)} is not a number: must be ${allowed(spec)}`);
  validateOverrides({ [name]: value });
  return value;
}
