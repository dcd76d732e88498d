// One entry for the experiment pipeline of the lab core, the same for the command line and the
// browser: a spec (parsed JSON) resolved into an experiment, its runs, their rows and tables
// (summary.csv and runs.csv as `involution-lab experiment` writes them), the analyses
// `involution-lab analyze` makes, and the summaries (fans) the report and the browser's Compare
// draw. It is a convenience, not a boundary: cli/, viz/ and the tests import lab/'s modules directly
// (most imports do), and nothing requires going through this file; what ESLint enforces is that lab/
// imports neither cli/ nor viz/. The charts (lab/charts/, on Observable Plot) and the report page
// built from them are lab/report/index.ts's, apart, so that a page loads Plot only when it draws. No
// Node, no file read, no DOM global: a chart is built in the document its caller passes.
export { resolveExperiment, bundledScenario, type Experiment, type Format, type ResolveOptions, type ScenarioResolver } from './spec/resolve.ts';
export { SpecError, Problem, problemList } from './problems.ts';
export type { Spec, DesignSpec } from './spec/schema.ts';
export type { Design } from './design/design.ts';
export { plannedRun, plannedRuns, runTask, runsOf, decodeRun, taskOf, type PlannedRun, type RunTask, type RunCoordinates, type Shard } from './plan.ts';
export { ExperimentResults } from './results.ts';
export { recordedRows, type RunText } from './rows.ts';
export { csvText, toCsv } from './csv.ts';
export {
  analyze,
  analysisCsv,
  morris,
  sobol,
  paired,
  AnalysisError,
  METHODS,
  designMethod,
  type AnalyzeOptions,
  type Method,
  type Result,
} from './analysis/methods.ts';
export { gridResult, lhsResult, replicationsResult, type RunsTable } from './analysis/designs.ts';
export { discover, discoveryResult, discoveryProblem, parseWhere, type Discovery, type Where } from './analysis/discover.ts';
export { outcomesOf, type Columns, type Outcomes, type RunSource } from './analysis/outcomes.ts';
export type { BootstrapOptions, Interval } from './analysis/bootstrap.ts';
export { Fans, fanOf, twinDifferences, type Fan } from './summaries.ts';
