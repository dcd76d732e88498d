// manifest.json of a calibration: the spec and the resolved scenario, each generation's tolerance
// and acceptance, why it stopped, the posterior summary and the predictive check, timings, machine
// and commit. Everything but `timings` and `machine` is the same whatever the workers or sessions.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ParameterSummary, PredictiveSummary } from '../../lab/abc/report.ts';
import type { Population } from '../../lab/abc/smc.ts';
import type { Target } from '../../lab/abc/targets.ts';
import { scenarioRunText, type Scenario } from '../../sim/index.ts';
import { VERSION } from '../../sim/version.ts';
import { UsageError } from '../common/errors.ts';
import { writeAtomic } from '../common/files.ts';
import { isEmptyDirectory, refuseIfInUse } from '../common/lock.ts';
import { CALIBRATION_KIND, MANIFEST } from '../runs/kind.ts';
import type { Machine } from '../runs/machine.ts';
import type { Calibration, CalibrationSpec } from './spec.ts';

export { MANIFEST } from '../runs/kind.ts';
export const KIND = CALIBRATION_KIND;

export interface GenerationRecord {
  generation: number;
  /** null for generation 0 (no tolerance: every draw from the prior is kept). */
  tolerance: number | null;
  proposals: number;
  runs: number;
  acceptance: number;
  ess: number;
}

export interface CalibrationManifest {
  kind: typeof KIND;
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
  timings: {
    startedAt: string;
    finishedAt: string | null;
    wallSeconds: number;
    /** Runs simulated, including those past a generation's N-th acceptance (they depend on the workers). */
    simulated: number;
    sessions: number;
  };
  machine: Machine | null;
}

export function manifestOf(c: Calibration, specFile: string): CalibrationManifest {
  return {
    kind: KIND,
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
    timings: { startedAt: new Date().toISOString(), finishedAt: null, wallSeconds: 0, simulated: 0, sessions: 0 },
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

export function readCalibrationManifest(dir: string): CalibrationManifest | undefined {
  try {
    const m = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as CalibrationManifest;
    return m.kind === KIND ? m : undefined;
  } catch {
    return undefined;
  }
}

export function writeCalibrationManifest(dir: string, m: CalibrationManifest): void {
  writeAtomic(join(dir, MANIFEST), JSON.stringify(m, null, 2) + '\n');
}

/** The manifest to resume from, or undefined for a fresh start; anything else is refused. */
export function checkCalibrationDir(dir: string, wanted: CalibrationManifest, resume: boolean): CalibrationManifest | undefined {
  let isDir: boolean | undefined;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = undefined;
  }
  if (isDir === false) throw new UsageError(`--out ${dir} is not a directory`);
  refuseIfInUse(dir);
  // A session killed before its first manifest was in place leaves only a lock and temporary files.
  if (isEmptyDirectory(dir)) return undefined;
  const found = readCalibrationManifest(dir);
  if (!found) throw new UsageError(`--out ${dir} is not empty and holds no calibration manifest; choose a new or empty directory`);
  const diff: string[] = [];
  if (found.model.version !== wanted.model.version) diff.push(`model version ${found.model.version} vs ${wanted.model.version}`);
  const keys = new Set([...Object.keys(found.spec), ...Object.keys(wanted.spec)]) as Set<keyof CalibrationSpec>;
  for (const k of keys) if (JSON.stringify(found.spec[k]) !== JSON.stringify(wanted.spec[k])) diff.push(`spec field ${k}`);
  if (scenarioRunText(found.scenario) !== scenarioRunText(wanted.scenario)) diff.push('scenario contents');
  if (diff.length) throw new UsageError(`--out ${dir} holds a different calibration (differs in ${diff.join(', ')}); choose a new or empty directory`);
  if (!resume) throw new UsageError(`--out ${dir} already holds this calibration (${found.status}); add --resume to finish it, or choose another directory`);
  return found;
}
