// The model's public surface: pure TypeScript, no DOM, no Node APIs, no timers.
export { createSim, runSim, intervene, decide, decisionProblems, type Sim, type Change, type Process } from './sim.ts';
export { standings, type Decision } from './officials.ts';
export { PARAMS, PARAM_BY_NAME, DEFAULTS, isModelParam, type ParamSpec, type Params, type ParamName, type Overrides, type Group } from './params.ts';
export { ParamError, resolveParams, validateOverrides, parseParamValue, knownParams } from './param-check.ts';
export { SEED, TICKS, MIN_DECIDED_SHARE } from './limits.ts';
export { metricNames, indexScales, type Series } from './metrics.ts';
export {
  METRICS,
  DISTRICT_METRICS,
  METRIC_SPECS,
  METRIC_BY_NAME,
  metricSpec,
  type MetricSpec,
  type MetricKind,
  type MetricGroup,
  type MetricName,
} from './metric-registry.ts';
export { FORM, SUBSTANCE, FIGURES, inFigureOrder, IndexTracker, figureGrowth, growthSeries, type Figure } from './involution.ts';
export { CATEGORIES } from './constants.ts';
export { projectOf, type Project } from './contracts.ts';
export { PROVIDER_KINDS, PROVIDER, AWARD_MODES, EFFORT, EFFORT_SLOTS, DECISIONS, type ProviderKind, type State } from './state.ts';
export { stream, createStreams, STREAMS } from './rng.ts';
export { LESSON_VIEWS, parseScenario, scenarioRunText, lateWarnings, scenarioSchema, ScenarioError, type Scenario } from './scenario.ts';
export { runScenario, manifestOf, type RunResult, type Manifest } from './run.ts';
export { setSpinUpMemo, setSpinUpMemoLimits, spinUpMemoStats } from './spin-up-memo.ts';
export { unitIn, missingUnits } from './units.ts';
