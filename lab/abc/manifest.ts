// manifest.json of a calibration: the spec and the resolved scenario, each generation's tolerance
// and acceptance, why it stopped, the posterior summary and the predictive check, timings, machine
// and commit. Everything but `timings`, `machine` and the model's commit is the same whatever ran it
// (the CLI on any number of workers and sessions, or the browser's Diagnose tab): both fill it here.
import { VERSION } from '../../sim/version.ts';
import type { Scenario } from '../../sim/index.ts';
import { predictiveCheck, summarise, type ParameterSummary, type PredictiveSummary } from './report.ts';
import type { Population, SmcResult } from './smc.ts';
import type { Calibration, CalibrationSpec } from './spec.ts';
import type { Target } from './targets.ts';
import type { Simulated } from './files.ts';

export const CALIBRATION_KIND = 'involution-lab calibration';

export interface GenerationRecord {
  generation: number;
  /** null for generation 0 (no tolerance: every draw from the prior is kept). */
  tolerance: number | null;
  proposals: number;
  runs: number;
  acceptance: number;
  ess: number;
}

export interface CalibrationTimings {
  startedAt: string;
  finishedAt: string | null;
  wallSeconds: number;
  /** Runs simulated, including those past a generation's N-th acceptance (they depend on the workers). */
  simulated: number;
  sessions: number;
}

export interface CalibrationManifest {
  kind: typeof CALIBRATION_KIND;
  status: 'running' | 'complete' | 'interrupted' | 'incomplete';
  model: { name: 'involution-lab'; version: string; commit: string | null; dirty: boolean | null };
  specFile: string;
  spec: CalibrationSpec;
  scenario: Scenario;
  ticks: number;
  targets: Target[];
  generations: GenerationRecord[];
  /** The stopping rule that ended the calibration. */
  stopped: string | null;
  /** Runs the result depends on: proposals up to each generation's N-th acceptance, and the predictive runs. */
  runs: { calibration: number; predictive: number };
  posterior: ParameterSummary[];
  predictive: PredictiveSummary[];
  timings: CalibrationTimings;
  /** Where it ran: the CLI's machine and Node, or the browser's. */
  machine: object | null;
}

/** A calibration's manifest before its first generation; `startedAt` is an ISO time (lab/ has no clock). */
export function manifestOf(c: Calibration, specFile: string, startedAt: string): CalibrationManifest {
  return {
    kind: CALIBRATION_KIND,
    status: 'running',
    model: { name: 'involution-lab', version: VERSION, commit: null, dirty: null },
    specFile,
    spec: c.spec,
    scenario: c.scenario,
    ticks: c.ticks,
    targets: c.targets,
    generations: [],
    stopped: null,
    runs: { calibration: 0, predictive: 0 },
    posterior: [],
    predictive: [],
    timings: { startedAt, finishedAt: null, wallSeconds: 0, simulated: 0, sessions: 0 },
    machine: null,
  };
}

export function generationRecord(p: Population, replicates: number): GenerationRecord {
  return {
    generation: p.generation,
    tolerance: Number.isFinite(p.epsilon) ? p.epsilon : null,
    proposals: p.proposals,
    runs: p.proposals * replicates,
    acceptance: p.acceptance,
    ess: p.ess,
  };
}

/** A complete calibration's results in its manifest: the posterior, the predictive check and the runs they rest on. */
export function completeManifest(
  m: CalibrationManifest,
  c: Calibration,
  populations: readonly Population[],
  result: SmcResult,
  draws: readonly Simulated[],
): void {
  m.predictive = predictiveCheck(
    draws.flatMap((e) => e.values),
    c.targets,
  );
  m.posterior = summarise(populations[populations.length - 1], c.prior);
  m.runs = {
    calibration: m.generations.reduce((s, g) => s + g.runs, 0) + result.exhausted * c.settings.replicates,
    predictive: draws.length * c.spec.predictive.seeds,
  };
}

/** The text of manifest.json. */
export const manifestJson = (m: CalibrationManifest): string => JSON.stringify(m, null, 2) + '\n';
