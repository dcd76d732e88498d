// The bundled scenarios. Files are data: teaching text, source, overrides, schedule; each is checked
// against the scenario schema by test/scenarios.test.ts, and read here without building it.
import { bundledScenario, type Scenario } from '../sim/scenario.ts';
import baselineInvolution from './baseline-involution.json';
import moneyAlone from './money-alone.json';
import clarifyApplicability from './clarify-applicability.json';
import releaseResources from './release-resources.json';
import serviceOrientation from './service-orientation.json';
import partnership from './partnership.json';
import wholeProcessSupervision from './whole-process-supervision.json';
import fullPrevention from './full-prevention.json';
import changsha_2011 from './changsha-2011.json';
import directRegistration_2012 from './direct-registration-2012.json';
import reformAtYear3 from './reform-at-year-3.json';
import proportionalGrowth from './proportional-growth.json';

/** In teaching order: the baseline first (the default), then its variants. */
export const SCENARIOS: readonly Scenario[] = [
  baselineInvolution,
  moneyAlone,
  clarifyApplicability,
  releaseResources,
  serviceOrientation,
  partnership,
  wholeProcessSupervision,
  fullPrevention,
  changsha_2011,
  directRegistration_2012,
  reformAtYear3,
  proportionalGrowth,
].map(bundledScenario);

export const DEFAULT_SCENARIO = 'baseline-involution';

export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}
