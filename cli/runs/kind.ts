// What a results directory holds, read from its manifest.json: shared by experiment and calibration
// commands (a status or analysis of one kind of directory names the other kind when it meets it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CALIBRATION_KIND } from '../../lab/abc/manifest.ts';

export { CALIBRATION_KIND };
export const MANIFEST = 'manifest.json';

/** The status of the calibration `dir` holds, or undefined when it holds none (or no readable manifest). */
export function calibrationStatus(dir: string): string | undefined {
  try {
    const m = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as { kind?: unknown; status?: unknown };
    return m.kind === CALIBRATION_KIND ? String(m.status) : undefined;
  } catch {
    return undefined;
  }
}
