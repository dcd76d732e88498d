// Experiment spec files for the tests: a small valid spec, and a writer of spec files.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A valid spec of two short runs in a small world. */
export const GOOD_SPEC = { scenario: 'baseline-involution', ticks: 24, seeds: 2, metrics: ['involutionIndex'], set: { citizens: 1000 } };

/** Writes each content (an object as JSON, a string as is) to a new file in a fresh temporary folder. */
export function specWriter(prefix: string): (content: unknown) => string {
  const dir = mkdtempSync(join(tmpdir(), `involution-${prefix}-`));
  let n = 0;
  return (content) => {
    const file = join(dir, `${prefix}${n++}.json`);
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };
}
