// The guided story "Why buying more services can change nothing": eight steps, each one idea, one
// run of the model's default world and one control mapped onto the model's parameters. Every
// statement a step makes about what the model does is written beside the claims that state it
// exactly (`checked`), and test/story.test.ts runs those claims over seeds 1–20: a statement the
// model stops supporting fails the test. What a step runs is `stepRun` (a bundled scenario and
// overrides), exactly what `involution-lab run --scenario … --seed … --set …` runs.
import type { MetricName } from '../../sim/index.ts';
import { findScenario, DEFAULT_SCENARIO } from '../../scenarios/index.ts';
import { BASE_VALUES, CHANGSHA, PREVENTIONS, type Claim, type Text } from './claims.ts';

/** One run of the model: a bundled scenario and overrides on top of its parameters. */
export interface Run {
  scenario: string;
  set: Record<string, number>;
}

export type Control =
  | { kind: 'slider'; param: string; min: number; max: number; step: number; percent?: boolean; name: Text; label: Text; ends: [Text, Text] }
  | { kind: 'choice'; key: 'prevention'; name: Text; label: Text }
  | { kind: 'toggle'; key: 'changsha'; name: Text; label: Text };

/** A statement of the page and the claims that hold it, for the control at `value`, against the baseline run. */
export interface Checked {
  value: number | string;
  text: Text;
  claims: Claim[];
}

export interface Step {
  id: string;
  title: Text;
  idea: Text;
  /** A source sentence from the two papers, as written (`text.en`) and in the page's other language. */
  source?: { text: Text; cite: Text };
  control?: Control;
  /** What the chart draws: the gap between form and substance of the run, or one figure against the baseline's. */
  chart: { kind: 'gap' } | { kind: 'versus'; metric: MetricName };
  /** Figures shown under the chart (the index first), beside the claims' own. */
  numbers: MetricName[];
  checked: Checked[];
}

/** The settings a reader has chosen, by control key (a parameter's name, `prevention`, `changsha`). */
export type Choices = Record<string, number | string>;

const LW: Text = { en: 'Li Jinlong & Wang Yingwei (2017), abstract', zh: 'Li Jinlong、Wang Yingwei（2017），英文摘要（中文为本页译文）' };
const CS: Text = {
  en: 'Changsha study (2011), English abstract',
  zh: '《基于合作式治理视角的政府购买公共服务机制创新研究——以长沙市政府购买居家养老服务为例》（2011），摘要',
};

/** A slider over a parameter: `name` short (the list of choices), `label` what it sets. */
const slider = (
  param: string,
  name: Text,
  label: Text,
  ends: [Text, Text],
  range: { min?: number; max: number; step: number; percent?: boolean },
): Control => ({
  kind: 'slider',
  param,
  name,
  min: range.min ?? 0,
  max: range.max,
  step: range.step,
  ...(range.percent ? { percent: true } : {}),
  label,
  ends,
});

export const STEPS: readonly Step[] = [
  {
    id: 'buys',
    title: { en: 'A government that buys', zh: '一个购买服务的政府' },
    idea: {
      en: "Six district governments each have a service budget that grows every year, and each district's official decides how much of it to buy from social organizations (SOs) instead of the government's own units. The chart follows form — purchase money, projects, paperwork — and substance — citizens' need met, the part met by autonomous SOs, the need met at the SOs' service per yuan. The gap between the two is the involution index.",
      zh: '六个区政府各有一笔逐年增长的服务预算，每个区的官员决定拿出其中多少向社会组织购买服务，而不是交给政府自己的单位。图中跟踪形式——购买资金、项目、文牍——和实质——满足的居民需求、其中由自主社会组织满足的部分、按社会组织每元服务水平折算的需求满足。两者之间的差距就是内卷化指数。',
    },
    source: {
      text: {
        en: 'The form of government procurement of public services is increasingly refined and diversified, but it really points to the public service supply mechanism has not produced substantial change.',
        zh: '政府购买公共服务的形式日益精细化、多样化，但公共服务供给机制并未发生实质性的变化。',
      },
      cite: LW,
    },
    control: slider(
      'budgetGrowth',
      { en: 'Budget growth', zh: '预算增长' },
      { en: 'How fast the service budget grows', zh: '服务预算每年增长多少' },
      [
        { en: 'no growth', zh: '不增长' },
        { en: 'fast growth', zh: '快速增长' },
      ],
      { max: 0.06, step: 0.01, percent: true },
    ),
    chart: { kind: 'gap' },
    numbers: ['involutionIndex', 'purchaseSpending', 'needUnitsServed'],
    checked: [
      {
        value: 0.06,
        text: {
          en: 'At 6 % a year, purchase spending and the need met end higher than at 3 % on every one of the 20 seeds, and the index ends about where it was: the index reads what each yuan buys, so more money is not in itself involution.',
          zh: '每年增长 6 % 时，在全部 20 个种子上，购买支出和满足的需求最终都比 3 % 时高，指数则与原来大致相当：指数衡量的是每一元钱买到了什么，所以钱多本身并不是内卷。',
        },
        claims: [
          { metric: 'purchaseSpending', is: 'higher', on: 'every' },
          { metric: 'needUnitsServed', is: 'higher', on: 'every' },
          { metric: 'involutionIndex', is: 'same' },
        ],
      },
      {
        value: 0,
        text: {
          en: 'With a budget that does not grow (0 %), both end lower on every seed, and the index ends lower on average: with more people in need and the money flat, each yuan meets more need. Yet the index still ends above zero on every seed: the next steps look at how the money is spent.',
          zh: '预算不增长（0 %）时，两者在每个种子上都更低，指数平均而言也更低：需要服务的人更多而资金不变，每一元钱满足的需求更多。但指数在每个种子上仍高于零：接下来几步看钱是怎么花的。',
        },
        claims: [
          { metric: 'purchaseSpending', is: 'lower', on: 'every' },
          { metric: 'needUnitsServed', is: 'lower', on: 'every' },
          { metric: 'involutionIndex', is: 'lower', on: 'average' },
          { metric: 'involutionIndex', is: 'within', range: [0, Infinity] },
        ],
      },
    ],
  },
  {
    id: 'officials',
    title: { en: 'Officials who show their superiors projects', zh: '向上级展示项目的官员' },
    idea: {
      en: 'An official is judged by her superiors, who see projects and reports more easily than service. Each year she tries one small change — buy more or less, cut the money into smaller or larger projects, ask for more or less paperwork — and keeps it if her standing rose. Judged on what can be shown, she learns to cut many small showcase projects.',
      zh: '官员由上级考核，而上级看项目和报告比看服务本身容易。她每年尝试一个小调整——多买或少买、把钱切成更小或更大的项目、要求更多或更少的文牍——考核结果变好就保留。按可展示的东西受考核，她就学会切出许多小型的展示项目。',
    },
    source: {
      text: { en: 'the rationalization of political rationality under the dual management system', zh: '双重管理体制下政治理性的合理化' },
      cite: LW,
    },
    control: slider(
      'politicalRationality',
      { en: 'Political rationality', zh: '政治理性' },
      { en: 'Political rationality: how much officials are judged on what their superiors can see', zh: '政治理性：官员在多大程度上按上级看得见的东西受考核' },
      [
        { en: 'judged on service', zh: '按服务受考核' },
        { en: 'judged on what is shown', zh: '按展示受考核' },
      ],
      { max: 1, step: 0.1 },
    ),
    chart: { kind: 'versus', metric: 'projectsActive' },
    numbers: ['involutionIndex', 'projectsActive'],
    checked: [
      {
        value: 0,
        text: {
          en: 'At 0 — officials judged on service — the districts end with fewer projects than at 0.8 on every one of the 20 seeds, and the index ends lower on every seed, below zero: substance outgrows form. Political rationality also decides what evaluations reward and how contracts are awarded, so this one setting takes away more than the cutting of projects.',
          zh: '设为 0——官员按服务受考核——在全部 20 个种子上，各区最终的项目都比 0.8 时少，指数也都更低，而且低于零：实质比形式增长得更多。政治理性还决定评估奖励什么、合同怎样授予，所以这一个设置去掉的不只是项目切分。',
        },
        claims: [
          { metric: 'projectsActive', is: 'lower', on: 'every' },
          { metric: 'involutionIndex', is: 'lower', on: 'every' },
          { metric: 'involutionIndex', is: 'within', range: [-Infinity, 0] },
        ],
      },
    ],
  },
  {
    id: 'reports',
    title: { en: 'SOs that learn to write reports', zh: '学会写报告的社会组织' },
    idea: {
      en: "An SO splits its staff's time between service, paperwork and relations with the buyer. Where evaluators cannot see results, they check the reports instead, and each year SOs move some of their time toward what was rewarded — the further, the less autonomous they are. Every project an SO holds also asks for reports of its own.",
      zh: '社会组织把员工的时间分配在服务、文牍和与购买方的关系上。评估者看不到成效的地方就改查报告，社会组织每年都把一部分时间转向受到奖励的事情——越缺乏自主性，转得越多。它们承接的每个项目还各自要求报告。',
    },
    control: slider(
      'effortLearning',
      { en: 'SOs learning what is rewarded', zh: '社会组织学习受奖励的做法' },
      { en: 'How fast SOs learn what is rewarded (a year)', zh: '社会组织每年多快学会受奖励的做法' },
      [
        { en: 'never', zh: '从不' },
        { en: 'fast', zh: '很快' },
      ],
      { max: 0.8, step: 0.1 },
    ),
    chart: { kind: 'versus', metric: 'paperworkShare' },
    numbers: ['involutionIndex', 'paperworkShare'],
    checked: [
      {
        value: 0,
        text: {
          en: 'At 0 — SOs keep the split they started with — on every one of the 20 seeds they end spending less of their time on paperwork than at 0.3 and more of the need is met, and the index ends lower on average: SOs that do not learn what buyers reward keep their time for service.',
          zh: '设为 0——社会组织保持最初的时间分配——在全部 20 个种子上，它们最终花在文牍上的时间都比 0.3 时少，满足的需求更多；指数平均而言也更低：不去学购买方奖励什么的社会组织，把时间留给了服务。',
        },
        claims: [
          { metric: 'paperworkShare', is: 'lower', on: 'every' },
          { metric: 'needsMet', is: 'higher', on: 'every' },
          { metric: 'involutionIndex', is: 'lower', on: 'average' },
        ],
      },
    ],
  },
  {
    id: 'path',
    title: { en: 'Path dependence', zh: '路径依赖' },
    idea: {
      en: "Before purchase, services were run by the government's own units and the organizations attached to them. With strong path dependence the incumbent is renewed, the city's money goes to its own affiliated SOs, and a district that has let its projects inside the system keeps doing so: early chance events lock it in.",
      zh: '在购买之前，服务由政府自己的单位和挂靠的组织提供。路径依赖强时，原承接方得以续约，市级资金流向自己的挂靠型组织，一个区一旦把项目交给体制内，就会一直这样做下去：早期的偶然事件把它锁定。',
    },
    source: {
      text: {
        en: 'the government relies on the path dependence of the traditional mode of public service supply',
        zh: '政府依赖于传统公共服务供给模式的路径依赖',
      },
      cite: LW,
    },
    control: slider(
      'pathDependence',
      { en: 'Path dependence', zh: '路径依赖' },
      { en: 'Path dependence', zh: '路径依赖' },
      [
        { en: 'none', zh: '没有' },
        { en: 'strong', zh: '很强' },
      ],
      { max: 1, step: 0.1 },
    ),
    chart: { kind: 'versus', metric: 'insideShare' },
    numbers: ['involutionIndex', 'insideShare'],
    checked: [
      {
        value: 0,
        text: {
          en: 'At 0, on every one of the 20 seeds fewer contracts end with affiliated SOs than at 0.8, more are won in open competition and more of the need is met by autonomous SOs; the index ends lower on average.',
          zh: '设为 0 时，在全部 20 个种子上，最终由挂靠型组织承接的合同都比 0.8 时少，通过公开竞争获得的更多，由自主社会组织满足的需求更多；指数平均而言更低。',
        },
        claims: [
          { metric: 'insideShare', is: 'lower', on: 'every' },
          { metric: 'competitiveShare', is: 'higher', on: 'every' },
          { metric: 'transferVolume', is: 'higher', on: 'every' },
          { metric: 'involutionIndex', is: 'lower', on: 'average' },
        ],
      },
    ],
  },
  {
    id: 'dependence',
    title: { en: 'Dependence on government money', zh: '对政府资金的依赖' },
    idea: {
      en: "How much money can SOs find besides the government's — donations, fees, foundations? Where there is little, most of their revenue is the buyer's, and an SO that depends on it accepts lower prices, late payments and the paperwork asked, and loses its autonomy. Only service by autonomous SOs counts as a function really handed over.",
      zh: '社会组织在政府之外能筹到多少钱——捐赠、收费、基金会？这类资金很少时，它们的收入大多来自购买方；依赖这笔钱的组织只能接受压价、拖欠和所要求的文牍，自主性随之丧失。只有自主的社会组织提供的服务，才算真正转移出去的职能。',
    },
    source: {
      text: { en: 'the asymmetric dependence between the government and the society', zh: '政府与社会之间的非对称依赖' },
      cite: LW,
    },
    control: slider(
      'asymmetricDependence',
      { en: 'Asymmetric dependence', zh: '非对称依赖' },
      { en: "Asymmetric dependence: how little money SOs have besides the government's", zh: '非对称依赖：社会组织在政府之外的资金有多少（越高越少）' },
      [
        { en: 'money of their own', zh: '有自己的资金' },
        { en: 'government money only', zh: '只有政府资金' },
      ],
      { max: 1, step: 0.1 },
    ),
    chart: { kind: 'versus', metric: 'govRevenueShare' },
    numbers: ['involutionIndex', 'govRevenueShare'],
    checked: [
      {
        value: 0,
        text: {
          en: "At 0, on every one of the 20 seeds government money is a smaller share of the SOs' revenue than at 0.8, the SOs end more autonomous and more of the need is met by autonomous SOs; the index ends lower on average.",
          zh: '设为 0 时，在全部 20 个种子上，政府资金在社会组织收入中的比例都比 0.8 时低，社会组织最终更自主，由自主社会组织满足的需求更多；指数平均而言更低。',
        },
        claims: [
          { metric: 'govRevenueShare', is: 'lower', on: 'every' },
          { metric: 'soAutonomy', is: 'higher', on: 'every' },
          { metric: 'transferVolume', is: 'higher', on: 'every' },
          { metric: 'involutionIndex', is: 'lower', on: 'average' },
        ],
      },
    ],
  },
  {
    id: 'prevention',
    title: { en: 'What each prevention changes', zh: '每项防治措施改变了什么' },
    idea: {
      en: 'Li and Wang propose five preventions. Here each is applied at 0.9 from the first month, while the four causes stay as strong as in the baseline. Choose one and compare its index with the baseline’s (grey).',
      zh: 'Li 和 Wang 提出了五项防治措施。这里每项措施从第一个月起设为 0.9，四个成因仍与基线一样强。选一项，把它的指数与基线（灰线）比较。',
    },
    source: {
      text: {
        en: 'There is a need to gradually clarify the applicability of the purchase, the release of resources at different levels; further change the management orientation, balance the relationship between government and [society], and strengthen the purchase of the whole process of quality supervision system construction.',
        zh: '需要逐步明确购买的适用范围，分层次释放资源；进一步转变管理导向，平衡政府与社会的关系，加强购买全过程的质量监管制度建设。',
      },
      cite: LW,
    },
    control: { kind: 'choice', key: 'prevention', name: { en: 'Prevention', zh: '防治措施' }, label: { en: 'Prevention', zh: '防治措施' } },
    chart: { kind: 'versus', metric: 'involutionIndex' },
    numbers: ['involutionIndex'],
    checked: PREVENTIONS.map(({ scenario, text, claims }) => ({ value: scenario, text, claims })),
  },
  {
    id: 'changsha',
    title: { en: 'Changsha', zh: '长沙' },
    idea: {
      en: 'In 2011 Changsha bought home eldercare from SOs with three mechanisms: the government pays and society operates; performance evaluation with fund sponsoring (bonuses, paid from the purchase budget, that buy capacity); regulated management with professional teams (training for the SOs holding contracts). Its tenders were also somewhat more open.',
      zh: '2011 年，长沙向社会组织购买居家养老服务，建立了三项机制：政府买单、社会运作；绩效考评与经费资助（从购买预算中支付、用于能力建设的奖励）；规范管理与专业队伍服务（为承接合同的组织提供培训）。招标也更公开一些。',
    },
    source: {
      text: {
        en: 'Changsha government has formed a system of government paying for the bill and society operating, a system of performance evaluation and fund sponsor, and a system of management regulation and professional services, all of which have achieved some remarkable results. But there are some problems in its operation.',
        zh: '长沙市政府在购买居家养老服务过程中，建立了政府买单与社会运作机制、绩效考评与经费资助机制、规范管理与专业队伍服务机制，取得了一定的效果，但在运行中仍存在一些问题。',
      },
      cite: CS,
    },
    control: { kind: 'toggle', key: 'changsha', name: { en: 'Changsha', zh: '长沙' }, label: { en: "Changsha's mechanisms", zh: '长沙的机制' } },
    chart: { kind: 'versus', metric: 'soCapacity' },
    numbers: ['involutionIndex', 'soCapacity'],
    checked: [{ value: 1, text: CHANGSHA.text, claims: CHANGSHA.claims }],
  },
  {
    id: 'sandbox',
    title: { en: 'Your world — then the full sandbox', zh: '你的世界——然后是完整的沙盘' },
    idea: {
      en: 'All the settings you chose in steps 1–7, together in one run. This combination was not checked over many seeds: open it in the explorer to play it month by month, intervene in it, compare it over many seeds and run experiments.',
      zh: '你在第 1–7 步选择的所有设置，合在一次运行里。这个组合没有在许多种子上检验过：在探索器中打开它，可以逐月播放、进行干预、在许多种子上比较，并做实验。',
    },
    chart: { kind: 'versus', metric: 'involutionIndex' },
    numbers: ['involutionIndex', 'needsMet', 'paperworkShare', 'govRevenueShare'],
    checked: [],
  },
];

/** The scenario every step compares with, and its parameters: the explorer's default. */
export const BASELINE: Run = { scenario: DEFAULT_SCENARIO, set: {} };

/** The control's value at the baseline: a parameter's value there, no prevention, Changsha off. */
export function baselineValue(control: Control): number | string {
  if (control.kind === 'slider') return BASE_VALUES[control.param];
  return control.kind === 'choice' ? 'none' : 0;
}

/** Every control's key and its value at the baseline. */
export function defaultChoices(): Choices {
  return Object.fromEntries(STEPS.flatMap((s) => (s.control ? [[controlKey(s.control), baselineValue(s.control)]] : [])));
}

export const controlKey = (control: Control): string => (control.kind === 'slider' ? control.param : control.key);

/** The scenario and overrides a step runs for the reader's choices; the last step runs them all together. */
export function stepRun(step: Step, choices: Choices): Run {
  if (!step.control) return combinedRun(choices);
  const value = choices[controlKey(step.control)] ?? baselineValue(step.control);
  return runOf(step.control, value);
}

function runOf(control: Control, value: number | string): Run {
  if (control.kind === 'slider') return value === baselineValue(control) ? BASELINE : { scenario: BASELINE.scenario, set: { [control.param]: Number(value) } };
  if (control.kind === 'choice') return value === 'none' ? BASELINE : { scenario: String(value), set: {} };
  return value === 1 ? { scenario: 'changsha-2011', set: {} } : BASELINE;
}

/**
 * All choices in one run: Changsha's scenario if it is on, else the chosen prevention's, else the
 * baseline; the other choices as overrides (their parameters do not overlap, see test/story.test.ts).
 */
export function combinedRun(choices: Choices): Run {
  const runs = STEPS.flatMap((s) => (s.control ? [runOf(s.control, choices[controlKey(s.control)] ?? baselineValue(s.control))] : []));
  const scenarios = runs.map((r) => r.scenario).filter((id) => id !== BASELINE.scenario);
  const base = scenarios.includes('changsha-2011') ? 'changsha-2011' : (scenarios[0] ?? BASELINE.scenario);
  const set: Record<string, number> = {};
  for (const r of runs) {
    if (r.scenario !== base) Object.assign(set, findScenario(r.scenario)!.params);
    Object.assign(set, r.set);
  }
  return { scenario: base, set };
}
