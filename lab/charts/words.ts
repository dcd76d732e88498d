// The words of the experiment's report and its charts: every title, introduction, axis label,
// legend, note and table heading, as ICU MessageFormat messages in English, written here once.
// The CLI's report speaks them as they are (ENGLISH); the explorer passes its page's language
// instead (viz/experiment/words.ts), from its catalogs, where `npm run i18n` copies these messages
// as the English ones (viz/i18n/messages/en.json) and zh.json holds their Chinese;
// test/i18n.test.ts checks that en.json says exactly what this file says.
import { IntlMessageFormat } from 'intl-messageformat';
import { metricSpec, PARAM_BY_NAME } from '../../sim/index.ts';

export const REPORT_MESSAGES = {
  // lab/charts
  'report.chart.whiskers': 'whiskers: 95 % confidence interval',
  'report.chart.muStar': 'μ* (mean |EE|)',
  'report.chart.sigma': 'σ (sd of EE)',
  'report.chart.s1': 'S1 (first order)',
  'report.chart.st': 'ST (total)',
  'report.chart.meanPaired': 'mean paired difference',
  'report.chart.seed': 'a seed',
  'report.chart.quartiles': 'quartiles and median',
  'report.chart.meanInterval': 'mean, 95 % interval',
  'report.chart.binnedMean': 'binned mean, 95 % interval',
  'report.chart.designPoint': 'a design point (mean over seeds)',
  'report.chart.state': 'a state of the world',
  'report.chart.medianP90': 'median to 90th percentile',
  'report.chart.mean': 'mean',
  'report.chart.maximum': 'maximum',
  'report.chart.regretTip': '{label}: mean {mean}, median {median}, 90th percentile {p90}, maximum {max}',
  'report.chart.distributionTip': '{label}: mean {mean} [{low}, {high}], median {median}',
  'report.chart.colour': 'colour: {label}:',
  'report.chart.density': "density (share of the box's runs that are of interest)",
  'report.chart.coverage': 'coverage (share of all runs of interest inside the box)',
  'report.chart.restricted': '{n} restricted',
  'report.chart.step': 'step {n}',
  'report.chart.dot': 'step {step}: coverage {coverage}, density {density}, {restricted} restricted',
  'report.chart.box': 'the box',
  'report.chart.range': "the parameter's range",
  'report.chart.position': "position in the parameter's range (p: quasi-p-value of the restriction)",
  'report.chart.limitTip': '{parameter}: {limits} (range {low} – {high})',
  'report.chart.ofInterest': 'of interest ({n})',
  'report.chart.others': 'others ({n})',
  // Joining words
  'report.join.semicolon': '{a}; {b}',
  'report.join.comma': '{a}, {b}',
  'report.join.and': '{a} and {b}',
  'report.join.sentences': '{a} {b}',
  // The sections (lab/report/experiment.ts)
  'report.month': 'month (tick)',
  'report.differenceIn': 'difference in {metric}',
  'report.overTime.title': 'Over time',
  'report.overTime.intro': 'Each line is the mean over seeds; the band holds 90 % of the seeds (5th to 95th percentile).',
  'report.overTime.final': 'The runs recorded their final month only (record: "final"); record \'{"every": k}\' months for charts over time.',
  'report.overTime.chart': '{metric}: mean and 90 % band across {across}',
  'report.overTime.note': 'line: mean over seeds; band: 5th to 95th percentile across seeds',
  'report.paired.title': 'Differences from {baseline} over time',
  'report.paired.intro':
    "Each run minus its twin in {baseline}: the same design point and the same seed, so the citizens' needs are the same (common random numbers). Line: mean; band: 90 % of the pairs.",
  'report.paired.chart': '{metric}: difference from {baseline}, paired on common seeds (mean and 90 % band across {across})',
  'report.paired.note': 'line: mean of the paired differences; band: 5th to 95th percentile of the pairs',
  'report.design.title.grid': 'The outcome across the grid',
  'report.design.title.replications': 'The spread over seeds',
  'report.design.title.lhs': 'The outcome against each sampled parameter',
  'report.design.title.other': 'What the runs say',
  'report.design.intro.grid':
    "Final-month values at each point of the grid: the mean over seeds with its 95 % interval (Student's t over the seeds), a line per scenario, a panel per value of a second parameter; over time when the runs recorded months (record: '{\"every\": k}').",
  'report.design.intro.replications':
    "Final-month values of each scenario over its seeds: every seed, the quartiles and median, and the mean with its 95 % interval (Student's t over the seeds).",
  'report.design.intro.lhs':
    "Each design point's final-month value (its mean over seeds) against each parameter, smoothed by binned means: the parameter's range cut in equal bins (at most 10, at least five points a bin on average), the mean of the design points in each bin with a 95 % interval (Student's t over those points). Binned means rather than LOESS: each number is a plain average of the points in its bin. The parameter whose binned means move most comes first.",
  'report.design.intro': '{intro} {from}.',
  'report.design.readFrom': 'Read from {from}',
  'report.design.computed': 'Computed for this report for the first metrics (analyze --method {method} --outcome <metric> chooses one)',
  'report.sensitivity.title': 'Sensitivity and comparisons',
  'report.sensitivity.intro':
    "Final-month values: Morris and Sobol' analyses use the mean over seeds at each design point, paired comparisons the difference seed by seed; {from}.",
  'report.sensitivity.from': 'from {from}',
  'report.sensitivity.computed': 'computed for this report (run analyze to choose method, outcome and baseline)',
  'report.heatmaps.title': 'Two-parameter grid',
  'report.heatmaps.intro': 'Mean final-month value over seeds in each cell of the grid.',
  'report.discovery.title': 'Scenario discovery',
  'report.discovery.intro':
    "Which ranges of the varied parameters lead to the runs of interest? PRIM (Friedman & Fisher 1999, as in the EMA Workbench and sdtoolkit) peels the parameter space 5 % of its runs at a time, keeping the slice whose removal raises the share of runs of interest most, then pastes back slices that do not lower it. The trade-off curve is each box on the way: coverage (the share of all runs of interest inside it) against density (the share of its runs that are of interest). Each restriction's quasi-p-value is a one-sided binomial test of the box against the same box without that restriction: a large one means the restriction does not matter. Further boxes come from covering: the first box's runs are removed and PRIM runs again. A classification tree (CART, Gini splits, depth 3) is shown for comparison. Read from {from}.",
  'report.robust.title': 'Robustness of the policies',
  'report.robust.intro':
    'The scenarios are the policies; each design point with each seed is a state of the world, and every policy runs in the same states (the same constants, the same seed). Satisficing share: the share of states where the outcome meets the threshold, with a Wilson 95 % interval. Regret: in each state, how much worse the policy does than the best policy in that state; its mean, 90th percentile and maximum (minimax regret) are robustness metrics that can rank the policies differently (McPhail et al. 2018). Vulnerable states: PRIM boxes (Friedman & Fisher 1999) of the constants where the chosen policy fails the threshold. {from}.',
  'report.robust.readFrom': 'Read from {from}',
  'report.robust.computed': 'Computed for this report (run robust to choose the outcome, threshold, direction and policy)',
  'report.from.analyses': 'the analyses given',
  'report.from.discovery': 'the discovery given',
  'report.from.robustness': 'the robustness given',
  'report.from.page': 'the analyses on the page',
  // The report page (lab/report/experiment.ts, page.ts)
  'report.page.title': 'Experiment {spec}',
  'report.page.meta':
    '{scenarios}; {points} design points ({design}); {seeds} seeds; {runs} runs. involution-lab {version}{commit, select, none {} other {, commit {commit}{dirty, select, yes { (with uncommitted changes)} other {}}}}.',
  'report.page.manifest': 'Manifest',
  'report.page.rerun': 'Re-run with: {command} (the spec is below, as "spec").',
  'report.page.more': '… {n} more in {file}',
  // Fans over time (lab/report/fans.ts)
  'report.fans.pointLabel': '{scenario}: {point}',
  'report.fans.allPoints': '{scenario} (all {points} points)',
  'report.fans.pooled': "With {combinations} scenario × design point combinations, each fan pools one scenario's {points} design points and all seeds.",
  'report.fans.capped': 'Showing the first {shown} of {scenarios} scenarios.',
  'report.fans.seeds': '{seeds} seeds',
  'report.fans.pointsSeeds': '{points} design points × {seeds} seeds',
  'report.fans.sampled': 'Where a month has more values than the report keeps, its band is computed from a seeded uniform sample of them (the means from all).',
  // Analyses (lab/report/analyses.ts)
  'report.paired.barTitle': '{outcome} (final month): {scenario} − {baseline}, paired on common seeds',
  'report.paired.scenario': 'scenario',
  'report.firstRows': 'first {shown} of {rows} rows',
  'report.of.scenario': '{outcome} (final month), {scenario}',
  'report.of.effect': 'the effect on {outcome} (final month) of {scenario} − {baseline}',
  'report.largest': 'the {shown} largest of {parameters} parameters',
  'report.morris.title': 'Morris elementary effects of {of}',
  'report.morris.axis': "effect on {metric} over each parameter's range",
  'report.sobol.title': "Sobol' indices of {of}",
  'report.sobol.axis': 'share of output variance',
  // Heatmaps (lab/report/heatmaps.ts)
  'report.heatmap.title': '{metric}, final month, mean over {seeds} seeds{several, select, yes { ({scenario})} other {}}',
  // A design's own result (lab/report/designs.ts)
  'report.grid.note': 'dots: mean over {seeds} seeds; whiskers: 95 % t interval',
  'report.grid.title': '{outcome} (final month) against {parameter}{several, select, yes {, by scenario} other {}}',
  'report.grid.panels': 'a panel for each value of {parameter}',
  'report.grid.middle': 'other parameters at their middle values: {fixed}',
  'report.grid.timeTitle': '{outcome} over time{several, select, yes { ({scenario})} other {}}, a line for each value of {parameter}',
  'report.grid.timeNote': 'line: mean over {seeds} seeds; band: 95 % t interval',
  'report.replications.title': '{outcome} (final month) over {seeds} seeds, by scenario',
  'report.replications.subtitle': 'each dot a seed; box: quartiles, with the median; diamond: the mean with its 95 % t interval',
  'report.lhs.title': '{outcome} (final month) against {parameter}',
  'report.lhs.subtitle':
    "binned means: {parameter}'s range cut in {bins} equal bins, the mean of the design points in each with a 95 % t interval; spread of the means {spread}",
  // Scenario discovery (lab/report/designs.ts)
  'report.box.limitsTitle': 'Box {box}{several, select, yes { of {scenario}} other {}}, step {step}: {condition}',
  'report.box.limitsSubtitle':
    'coverage {coverage}, density {density}, {runs} runs ({percent} % of all){restricted, select, yes {} other {; no parameter restricted}}',
  'report.box.scatterTitle': 'The runs in {y} and {x}, box {box} at step {step}',
  'report.box.scatterSubtitle':
    'red: {condition}{more, select, yes {; runs outside the box on other parameters are shown too} other {}}{spread, select, yes {; the {seeds} seeds of a design point are spread slightly around it} other {}}',
  'report.discovery.empty': '{scenario}: {all, select, none {no} other {every}} run of its {n} has {condition}; nothing to tell apart.',
  'report.discovery.tradeoffTitle': 'PRIM box {box}{several, select, yes { of {scenario}} other {}}: the peeling trajectory of {condition}',
  'report.discovery.tradeoffSubtitle':
    'each dot a box on the trajectory, from the whole space (coverage 1) to the smallest; ringed: step {step}, where coverage × density is largest (after the whole space)',
  'report.discovery.p': '{limits} (p = {p})',
  'report.discovery.none': 'none',
  'report.discovery.everywhere': 'everywhere',
  'report.col.scenario': 'scenario',
  'report.col.box': 'box',
  'report.col.step': 'step',
  'report.col.coverage': 'coverage',
  'report.col.density': 'density',
  'report.col.runs': 'runs',
  'report.col.restrictions': 'restrictions (quasi-p-value)',
  'report.col.leaf': 'leaf',
  'report.col.leafRule': 'tree leaf where runs of interest are the majority',
  // Robustness (lab/report/robustness.ts)
  'report.robust.satisficingTitle': 'Satisficing share: states of the world with {outcome} {cmp} {threshold}',
  'report.robust.satisficingSubtitle': '{states} states (design point × seed), the same for every policy; whiskers: Wilson 95 % interval',
  'report.robust.satisficingAxis': 'share of the states of the world',
  'report.robust.regretTitle': 'Regret in {outcome}: each policy against the best policy in the same state',
  'report.robust.regretHigher': "the best policy's outcome minus the policy's",
  'report.robust.regretLower': "the policy's outcome minus the best policy's",
  'report.robust.regretAxis': 'regret in {metric}',
  'report.robust.col.policy': 'policy',
  'report.robust.col.share': 'satisficing share [95 %]',
  'report.robust.col.mean': 'mean outcome',
  'report.robust.col.median': 'median [5 %, 95 %]',
  'report.robust.col.regretMean': 'mean regret',
  'report.robust.col.regretP90': '90th-percentile regret',
  'report.robust.col.regretMax': 'maximum regret',
  'report.robust.col.rankedBy': 'ranked by',
  'report.robust.col.order': 'best first',
  'report.robust.col.states': 'states',
  'report.robust.rank.satisficingShare': 'satisficing share',
  'report.robust.rank.meanRegret': 'mean regret',
  'report.robust.rank.p90Regret': '90th-percentile regret',
  'report.robust.rank.maxRegret': 'maximum regret (minimax)',
  'report.robust.rank.meanOutcome': 'mean outcome',
  'report.robust.rank.medianOutcome': 'median outcome',
  'report.robust.metric.satisficingShare': 'satisficingShare',
  'report.robust.metric.meanRegret': 'meanRegret',
  'report.robust.metric.p90Regret': 'p90Regret',
  'report.robust.metric.maxRegret': 'maxRegret',
  'report.robust.metric.meanOutcome': 'meanOutcome',
  'report.robust.metric.medianOutcome': 'medianOutcome',
  'report.robust.disagree': 'The metrics disagree on the best policy ({firsts}): each answers a different question (McPhail et al. 2018).',
  'report.robust.agree':
    'Every metric puts {policies} first{tied, select, yes { (some tied)} other {}}{same, select, yes {} other {; the orders after it differ}}.',
  'report.robust.vulnerable': 'Vulnerable states of {policy} ({condition}): {hits} of {states} states.',
  'report.robust.nothing': '{condition} in {all, select, none {no} other {every}} state ({states}): nothing to tell apart.',
  // An axis's label with its unit (a page in another language than English: the registry's unit in that language)
  'report.axisUnit': '{label} ({unit})',
  // A calibration's charts (lab/charts/calibration.ts)
  'report.calibration.generation': 'generation {generation}',
  'report.calibration.finalGeneration': 'generation {generation} (final)',
  'report.calibration.prior': 'prior',
  'report.calibration.density': 'density',
  'report.calibration.marginalTitle': '{parameter}: posterior by generation',
  'report.calibration.marginalSubtitle': 'weighted density in each generation; the dashed line is the uniform prior',
  'report.calibration.pairTitle': '{y} against {x}',
  'report.calibration.pairSubtitle': 'final generation; weighted correlation r = {r}; dots sized by weight',
  'report.calibration.predictiveRuns': '{n} predictive runs',
  'report.calibration.observedValue': 'observed (line ± 1 sd)',
  'report.calibration.observedRange': 'observed (range)',
  'report.calibration.runs': 'runs',
  // A calibration's report (lab/report/calibration.ts)
  'report.calibration.namedTarget': '{name} ({metric})',
  'report.calibration.predictiveTitle': '{metric}, {months}: observed against posterior predictive',
  'report.calibration.atMonth': 'month {tick}',
  'report.calibration.overMonths': 'mean over months {from}–{tick}',
  'report.calibration.predictiveSubtitle': "observed {observed}; {inside, select, yes {inside} other {outside}} the predictions' 90 % interval",
  'report.calibration.value': '{value} ± {sd}',
  'report.calibration.range': '[{low}, {high}]',
  'report.calibration.posterior.title': 'Posterior',
  'report.calibration.posterior.intro':
    'Generation {generation}, effective sample size {ess}. Contraction is 1 − posterior variance / prior variance: near 1 the targets pin the parameter down; near 0 they say nothing about it.',
  'report.calibration.generations.title': 'Generations',
  'report.calibration.generations.intro':
    "Each generation keeps the first particles (in a fixed order) within its tolerance, a quantile of the previous generation's distances; the distance is the root mean square of each target's standardised difference.",
  'report.calibration.marginals.title': 'Marginals by generation',
  'report.calibration.marginals.intro':
    'Weighted kernel density of each parameter; the dashed line is the uniform prior. A parameter the data identify narrows; one they do not stays as flat as its prior.',
  'report.calibration.pairs.title': 'Which parameters trade off',
  'report.calibration.pairs.intro':
    'Final population: contours of the weighted density, dots sized by weight. A ridge along a diagonal means the targets fix a combination of the two parameters, not each one.',
  'report.calibration.predictive.title': 'Observed against posterior predictive',
  'report.calibration.predictive.intro':
    'Runs drawn from the posterior on fresh seeds: if the model and its calibrated parameters can produce the city, the observation sits among them.',
  'report.calibration.col.parameter': 'parameter',
  'report.calibration.col.prior': 'prior',
  'report.calibration.col.mean': 'mean',
  'report.calibration.col.sd': 'sd',
  'report.calibration.col.q05': '5 %',
  'report.calibration.col.q95': '95 %',
  'report.calibration.col.contraction': 'contraction',
  'report.calibration.col.verdict': 'verdict',
  'report.calibration.col.generation': 'generation',
  'report.calibration.col.tolerance': 'tolerance',
  'report.calibration.col.proposals': 'proposals',
  'report.calibration.col.acceptance': 'acceptance',
  'report.calibration.col.ess': 'ESS',
  'report.calibration.col.target': 'target',
  'report.calibration.col.month': 'month',
  'report.calibration.col.observed': 'observed',
  'report.calibration.col.median': 'predicted median',
  'report.calibration.col.interval': '90 % interval',
  'report.calibration.col.position': 'observation at',
  'report.calibration.percent': '{percent} %',
  'report.calibration.priorTolerance': '∞ (prior)',
  'report.calibration.verdict.identified': 'identified',
  'report.calibration.verdict.partly': 'partly identified',
  'report.calibration.verdict.not': 'not identified',
  'report.calibration.below': '{percent} % of runs below',
  'report.calibration.inside': '{percent} % of runs inside',
  'report.calibration.consistent': 'consistent',
  'report.calibration.tail': 'in the tail',
  'report.calibration.stop.generations': 'reached the maximum of {generations} generations',
  'report.calibration.stop.tolerance': 'tolerance {tolerance} reached the minimum {minimum}',
  'report.calibration.stop.exact': 'every particle matches the targets exactly (distance 0)',
  'report.calibration.stop.acceptance':
    'generation {generation} accepted {accepted} of {cap} proposals ({rate}), below the minimum acceptance rate {minimum}; the posterior is generation {previous}',
  'report.calibration.page.title': 'Calibration {spec}',
  'report.calibration.page.meta':
    'ABC-SMC calibration of {scenario}, {ticks} months: {parameters} parameters from {targets} targets; {generations} generations of {particles} particles, {runs} runs, then {predictive} predictive runs. Stopped: {stopped}. involution-lab {version}{commit, select, none {} other {, commit {commit}{dirty, select, yes { (with uncommitted changes)} other {}}}}.',
} as const;

export type WordKey = keyof typeof REPORT_MESSAGES;
export type WordVars = Record<string, string | number>;

/** The words a report and its charts speak: messages, and the names of metrics, parameters and scenarios. */
export interface Words {
  /** The language's BCP 47 tag (the report page's <html lang>). */
  lang: string;
  /** A message with its arguments (numbers are written as given, never regrouped). */
  say(key: WordKey, vars?: WordVars): string;
  /** A metric as a title names it. */
  metric(name: string): string;
  /** A metric as an axis names it, with its unit. */
  metricAxis(name: string): string;
  /** A parameter as a title names it. */
  param(name: string): string;
  /** A parameter as an axis names it, with its unit. */
  paramAxis(name: string): string;
  /** A scenario (a bundled scenario's title, or its id). */
  scenario(id: string): string;
}

/** Arguments as text: a number is written as the report writes it, not grouped by a locale. */
export const asText = (vars: WordVars = {}): Record<string, string> => Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, String(v)]));

const formats = new Map<string, IntlMessageFormat>();

/** A message of this file in English. */
export function english(key: WordKey, vars?: WordVars): string {
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new IntlMessageFormat(REPORT_MESSAGES[key], 'en', undefined, { ignoreTag: true })));
  return String(f.format(asText(vars)));
}

/** "needsMet (share, 0–1)"; a district metric "needsMet.d2" takes its city metric's unit. */
export function metricUnitLabel(name: string): string {
  const unit = metricSpec(name)?.unit;
  return unit ? `${name} (${unit})` : name;
}

export function paramUnitLabel(name: string): string {
  const unit = PARAM_BY_NAME.get(name)?.unit;
  return unit ? `${name} (${unit})` : name;
}

/** The report's own words: English, names as identifiers, units from the registries. */
export const ENGLISH: Words = {
  lang: 'en',
  say: english,
  metric: (name) => name,
  metricAxis: metricUnitLabel,
  param: (name) => name,
  paramAxis: paramUnitLabel,
  scenario: (id) => id,
};

/** Items joined by a joining message, left to right ("a; b; c"). */
export const joined = (w: Words, key: 'report.join.semicolon' | 'report.join.comma' | 'report.join.and' | 'report.join.sentences', items: string[]): string =>
  items.length ? items.reduce((a, b) => w.say(key, { a, b })) : '';
