// The output directory: new or empty to start; holding this very experiment (and shard) to resume.
// Anything else is refused before a byte is written.
import { statSync } from 'node:fs';
import { UsageError } from '../common/errors.ts';
import { isEmptyDirectory, refuseIfInUse } from '../common/lock.ts';
import { differences, readManifest, type Manifest } from './manifest.ts';

/** The manifest to resume from, or undefined for a fresh start. */
export function checkOutDir(dir: string, wanted: Manifest, resume: boolean): Manifest | undefined {
  if (statSafe(dir)?.isDirectory() === false) throw new UsageError(`--out ${dir} is not a directory: give a new or empty directory`);
  refuseIfInUse(dir);
  if (isEmptyDirectory(dir)) return undefined;
  const found = readManifest(dir);
  if (!found) throw new UsageError(`--out ${dir} is not empty and holds no experiment manifest; choose a new or empty directory`);
  const diff = differences(found, wanted);
  if (diff.length) throw new UsageError(`--out ${dir} holds a different experiment (differs in ${diff.join(', ')}); choose a new or empty directory`);
  if (!resume) {
    throw new UsageError(`--out ${dir} already holds this experiment (${found.status}); add --resume to finish it, or choose another directory`);
  }
  return found;
}

function statSafe(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
