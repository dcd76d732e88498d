// The story page's own words around the steps (in English and Chinese, like the scenarios' texts: a
// language without them shows the English). `{name}` is filled by `fill`.
import { pick } from '../i18n/index.ts';
import type { Text } from './claims.ts';

export const UI = {
  title: { en: 'Why buying more services can change nothing', zh: '为什么买得越多，改变越少' },
  kicker: { en: 'A guided story in eight steps', zh: '八步读懂购买服务的内卷化' },
  home: { en: 'Involution Lab', zh: '内卷实验室' },
  language: { en: 'Language', zh: '语言' },
  steps: { en: 'Steps', zh: '步骤' },
  baselineIs: { en: 'baseline: {value}', zh: '基线：{value}' },
  stepN: { en: 'Step {n}', zh: '第 {n} 步' },
  stepOf: { en: 'Step {n} of {total}', zh: '第 {n} 步，共 {total} 步' },
  pager: { en: 'Previous and next step', zh: '上一步与下一步' },
  previous: { en: 'Previous', zh: '上一步' },
  next: { en: 'Next', zh: '下一步' },
  source: { en: 'Source', zh: '出处' },
  yours: { en: 'Your setting', zh: '你的设置' },
  baseline: { en: 'Baseline', zh: '基线' },
  form: { en: 'Form growth', zh: '形式增长' },
  substance: { en: 'Substance growth', zh: '实质增长' },
  gap: { en: 'log growth against the first year', zh: '相对第一年的对数增长' },
  month: { en: 'month', zh: '月份' },
  playAgain: { en: 'Play again', zh: '重新播放' },
  running: { en: 'The model is running…', zh: '模型正在运行……' },
  playing: { en: 'Month {month}', zh: '第 {month} 个月' },
  lost: { en: 'The model stopped. Change the setting again, or reload the page.', zh: '模型停止了。请再改一次设置，或重新加载页面。' },
  on: { en: 'On', zh: '开' },
  off: { en: 'Off', zh: '关' },
  none: { en: 'None (the baseline)', zh: '无（基线）' },
  atEnd: { en: 'At the end of year 10 (month {month}), seed {seed}', zh: '第 10 年末（第 {month} 个月），种子 {seed}' },
  figure: { en: 'Figure', zh: '指标' },
  factorForm: {
    en: 'In your run form grew {x} times as much as substance since the first year (e to the power of the index).',
    zh: '在你的运行中，形式自第一年以来的增长倍数是实质的 {x} 倍（e 的指数次方）。',
  },
  factorSubstance: {
    en: 'In your run substance grew {x} times as much as form since the first year (e to the power of minus the index).',
    zh: '在你的运行中，实质自第一年以来的增长倍数是形式的 {x} 倍（e 的负指数次方）。',
  },
  checked: { en: 'Checked over 20 seeds (1–20)', zh: '在 20 个种子（1–20）上检验过' },
  uncheckedNote: {
    en: 'Only the statements here were checked; one run (one seed) can differ on the averages.',
    zh: '只有这里的结论经过检验；单次运行（一个种子）在“平均而言”的结论上可能不同。',
  },
  chartVersus: {
    en: '{figure} each month of two runs of the same world (seed {seed}): your setting (blue, solid) and the baseline (grey, dashed) — all four causes at 0.8, no prevention.',
    zh: '同一个世界（种子 {seed}）两次运行中每个月的{figure}：你的设置（蓝色实线）和基线（灰色虚线）——四个成因都是 0.8，没有防治措施。',
  },
  chartGap: {
    en: 'Form growth (blue) and substance growth (green) each month of one run (seed {seed}), each as log growth against its first-year mean. The shaded gap between them is the involution index.',
    zh: '一次运行（种子 {seed}）中每个月的形式增长（蓝色）和实质增长（绿色），都是相对第一年均值的对数增长。两者之间的阴影差距就是内卷化指数。',
  },
  summaryVersus: { en: '{figure}: your setting ends at {yours}, the baseline at {baseline}.', zh: '{figure}：你的设置最终为 {yours}，基线为 {baseline}。' },
  summaryGap: {
    en: 'Form growth ends at {form}, substance growth at {substance}: involution index {index}.',
    zh: '形式增长最终为 {form}，实质增长为 {substance}：内卷化指数 {index}。',
  },
  announce: {
    en: 'Your run: involution index {yours} at month {month}; baseline {baseline}.',
    zh: '你的运行：第 {month} 个月内卷化指数 {yours}；基线 {baseline}。',
  },
  aboutTitle: { en: 'What these numbers are, and the same run elsewhere', zh: '这些数字是什么，以及在别处得到同样的运行' },
  aboutWorld: {
    en: "Each run is the model's default world — 20 000 citizens in 6 districts, 10 years — with seed {seed}: the same seed gives the same run, to the last digit, here, in the explorer and on the command line.",
    zh: '每次运行都是模型的默认世界——6 个区、20 000 名居民、10 年——种子为 {seed}：同一个种子在这里、在探索器里和在命令行上给出完全相同的运行。',
  },
  aboutIndex: {
    en: 'The involution index is the log growth of form (purchase spending, projects, paperwork) minus the log growth of substance (need met, need met by autonomous SOs, need met at independent SOs’ service per yuan), each against its mean in the first year. 0: form and substance grew alike. +0.69: form grew twice as much as substance (e^0.69 = 2). Below 0: substance outgrew form.',
    zh: '内卷化指数 = 形式（购买支出、项目、文牍）的对数增长 − 实质（满足的需求、自主社会组织满足的需求、按独立社会组织每元服务水平折算的需求满足）的对数增长，各自相对第一年的均值。0：形式与实质增长相同。+0.69：形式的增长是实质的两倍（e^0.69 = 2）。低于 0：实质比形式增长得更多。',
  },
  cli: { en: 'The same run on the command line:', zh: '命令行上的同一次运行：' },
  openRun: { en: 'Open this run in the explorer', zh: '在探索器中打开这次运行' },
  stepLink: { en: 'Link to this step (with your settings)', zh: '本步骤的链接（含你的设置）' },
  openWorld: { en: 'Open the explorer with your world', zh: '在探索器中打开你的世界' },
  yourChoices: { en: 'Your choices', zh: '你的选择' },
  noChoices: { en: 'You kept every setting of the baseline: your world is the baseline.', zh: '你保留了基线的所有设置：你的世界就是基线。' },
  linkProblems: { en: 'Part of this link could not be read and was left out: {list}.', zh: '链接中有部分内容无法读取，已忽略：{list}。' },
} satisfies Record<string, Text>;

export type UiKey = keyof typeof UI;

/** A text of the page in the current language, `{name}`s filled. */
export function ui(key: UiKey, vars: Record<string, string | number> = {}): string {
  return fill(pick(UI[key]), vars);
}

export function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
