// One short lesson per scenario: a question to predict, the answer the model gives, and what to
// look for. The explanation shown at the end is the scenario's own teaching text.
type Text = { en: string; zh: string };
export type Answer = 'rise' | 'flat' | 'fall';

export interface Lesson {
  question: Text;
  lookFor: Text;
}

export const LESSONS: Record<string, Lesson> = {
  'baseline-involution': {
    question: { en: 'Purchasing grows every year. Over 10 years, what happens to the involution index?', zh: '购买规模每年增长。十年间，内卷化指数会怎样变化？' },
    lookFor: { en: 'Compare the red (form) and blue (substance) lines in "Form against substance".', zh: '比较“形式与实质”图中红色（形式）和蓝色（实质）的线。' },
  },
  'money-alone': {
    question: { en: 'The central push more than doubles. Will the extra money reduce involution?', zh: '中央推动力度加倍。额外的资金会减轻内卷化吗？' },
    lookFor: { en: 'Watch the number of projects and the needs met.', zh: '观察项目数量与需求满足。' },
  },
  'clarify-applicability': {
    question: { en: 'Money now follows need and suitability. Is that enough to end involution?', zh: '资金现在跟随需求和适用性。这足以消除内卷化吗？' },
    lookFor: { en: 'Look at who wins contracts in the network view.', zh: '在合同网络图中看看谁赢得了合同。' },
  },
  'release-resources': {
    question: { en: 'Tenders open to every SO and affiliated SOs lose their edge. What happens to the index?', zh: '招标向所有社会组织开放，挂靠组织失去优势。指数会怎样？' },
    lookFor: { en: 'Count the affiliated (squares) and independent (circles) SOs.', zh: '数一数挂靠型（方形）和独立（圆形）社会组织。' },
  },
  'service-orientation': {
    question: { en: 'Buyers look at service results, not display. What happens to the index?', zh: '购买方看重服务成效而非展示。指数会怎样？' },
    lookFor: { en: 'Watch the projects and paperwork lines.', zh: '观察项目数与文牍负担的线。' },
  },
  partnership: {
    question: { en: 'Payments on time, less paperwork, dependence not exploited. What happens to the index?', zh: '按时付款、减少文牍、不利用依赖关系。指数会怎样？' },
    lookFor: { en: 'Look at SO autonomy in the population view.', zh: '在社会组织分布图中观察自主性。' },
  },
  'whole-process-supervision': {
    question: { en: 'Open tenders and evaluation by observed quality. Is supervision alone enough?', zh: '公开招标并依据观察到的质量评估。仅靠监管就够了吗？' },
    lookFor: { en: 'Competitive awards rise: do the winners change?', zh: '竞争性授标增多：中标者变了吗？' },
  },
  'full-prevention': {
    question: { en: 'All five preventions at once, causes unchanged. Where does the index end?', zh: '五项防治措施同时实施，成因不变。指数最终在哪里？' },
    lookFor: { en: 'Compare the substance lines with the baseline run.', zh: '把实质的线与基线情景比较。' },
  },
  'changsha-2011': {
    question: { en: "Changsha's co-governance mechanisms: will coverage and quality improve, and will involution end?", zh: '长沙的合作治理机制：覆盖面和质量会改善吗？内卷化会结束吗？' },
    lookFor: { en: 'Look at needs met in the map and SOs’ revenue (size of the dots).', zh: '观察地图中的需求满足和社会组织收入（点的大小）。' },
  },
  'direct-registration-2012': {
    question: { en: 'From month 24 SOs may register without a sponsor. Does the index fall?', zh: '从第 24 个月起，社会组织无需业务主管单位即可登记。指数会下降吗？' },
    lookFor: { en: 'Find the marked change on the time axes and count the SOs after it.', zh: '在时间轴上找到标记的变化，并数一数之后的社会组织。' },
  },
  'proportional-growth': {
    question: { en: 'Purchase money grows by half in ten years, and so does the service it buys. What does the involution index do?', zh: '十年间购买资金增长一半，所购买的服务也同样增长。内卷化指数会怎样？' },
    lookFor: { en: 'Compare the growth of each form line with the substance lines in "Form against substance".', zh: '在“形式与实质”图中比较每条形式线与实质线的增长。' },
  },
  'reform-at-year-3': {
    question: { en: 'Three years of involution, then all five preventions. Where does the index end?', zh: '先内卷三年，再实施五项防治措施。指数最终在哪里？' },
    lookFor: { en: 'How many months after the marked reform does the index turn?', zh: '在标记的改革之后几个月，指数开始转向？' },
  },
};

/** The answer a final index shows: above 0.25 rises, below −0.05 falls, else about flat. */
export function answerOf(index: number): Answer {
  return index > 0.25 ? 'rise' : index < -0.05 ? 'fall' : 'flat';
}
