// manifest.json of a calibration in its directory (its shape and content: lab/abc/manifest.ts): read,
// written through a temporary file, and checked before a session starts or resumes.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CALIBRATION_KIND, manifestJson, type CalibrationManifest } from '../../lab/abc/manifest.ts';
import { scenarioRunText } from '../../sim/index.ts';
import type { CalibrationSpec } from '../../lab/abc/spec.ts';
import { UsageError } from '../common/errors.ts';
import { writeAtomic } from '../common/files.ts';
import { isEmptyDirectory, refuseIfInUse } from '../common/lock.ts';
import { MANIFEST } from '../runs/kind.ts';

export { MANIFEST } from '../runs/kind.ts';
export { generationRecord, manifestOf, type CalibrationManifest, type GenerationRecord } from '../../lab/abc/manifest.ts';
export const KIND = CALIBRATION_KIND;

export function readCalibrationManifest(dir: string): CalibrationManifest | undefined {
  try {
    const m = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as CalibrationManifest;
    return m.kind === KIND ? m : undefined;
  } catch {
    return undefined;
  }
}

export function writeCalibrationManifest(dir: string, m: CalibrationManifest): void {
  writeAtomic(join(dir, MANIFEST), manifestJson(m));
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
