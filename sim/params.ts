// The one parameter registry: validation, CLI, docs and the browser's controls all read it.
import { z } from 'zod';

export type Group = 'causes' | 'prevention' | 'co-governance' | 'world';

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
    en: 'Equal cooperation: fair prices, payments on time, less paperwork, dependence not exploited.',
    zh: '平衡政社关系：平等合作，按时足额付款，减少文牍，不利用依赖关系。',
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
    unit: 'organizations', en: 'Social organizations at the start (40 % affiliated).', zh: '初始社会组织数（40% 为挂靠型）。',
    source: 'Model design (MODEL.md §2)' },
  { name: 'ticks', group: 'world', min: 1, max: 2400, default: 120, integer: true, structural: true,
    unit: 'months', en: 'Length of the run.', zh: '模拟时长。', source: 'Model design (MODEL.md §5)' },
  { name: 'policyPush', group: 'world', min: 0, max: 1, default: 0.15, unit: 'relative growth per year',
    en: 'Central push: yearly relative growth of the target purchase share.', zh: '中央政策推动：目标购买比例每年的相对增长率。',
    source: 'Model design (MODEL.md §4.1): the exogenous driver of form' },
  { name: 'ageingRate', group: 'world', min: 0, max: 0.2, default: 0.03, unit: 'share per year',
    en: 'Yearly relative growth of eldercare need (population ageing).', zh: '人口老龄化：养老需求每年的相对增长。',
    source: 'Changsha 2011 (eldercare case); model design' },
  { name: 'exitMonths', group: 'world', min: 1, max: 36, default: 6, integer: true, unit: 'months',
    en: 'Months an SO survives with negative reserves before it closes.', zh: '社会组织储备为负后维持的月数，之后退出。',
    source: 'Model design (MODEL.md §4.6)' },
  { name: 'seed', group: 'world', min: 0, max: 4_294_967_295, default: 1, integer: true, structural: true,
    unit: '', en: 'Random seed: same seed, same run, to the bit.', zh: '随机种子：种子相同，运行结果逐位相同。', source: 'Model design (MODEL.md §5, §6: common random numbers)' },
] as const satisfies readonly ParamSpec[];

export type ParamName = (typeof PARAMS)[number]['name'];
/** Model parameters; the seed travels beside them, not inside. */
export type Params = Record<Exclude<ParamName, 'seed'>, number>;

export const PARAM_BY_NAME: ReadonlyMap<string, ParamSpec> = new Map(PARAMS.map((p) => [p.name, p]));

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
    return `unknown ${where} "${issue.keys.join('", "')}"; known: ${PARAMS.map((p) => p.name).join(', ')}`;
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
  if (!spec) throw new ParamError(`unknown parameter "${name}"; known: ${PARAMS.map((p) => p.name).join(', ')}`);
  const value = text.trim() === '' ? NaN : Number(text);
  if (!Number.isFinite(value)) throw new ParamError(`parameter ${name} = ${JSON.stringify(text)} is not a number: must be ${allowed(spec)}`);
  validateOverrides({ [name]: value });
  return value;
}
