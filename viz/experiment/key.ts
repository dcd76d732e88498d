// An experiment's key in the browser's store: a hash of what decides its runs' results — the spec as
// resolved (defaults filled in, fields in the schema's order; the description and the output format
// left out, they change no number), what its scenarios ask of the model (id, overrides, schedule
// with any interventions; not their texts) and the model's version. The same experiment gets the
// same key after a reload, so its stored runs are found again; a changed model version starts afresh.
import type { Experiment } from '../../lab/index.ts';
import { scenarioRunText } from '../../sim/scenario.ts';
import { VERSION } from '../../sim/version.ts';

/** The canonical text of an experiment: equal for equal experiments. */
export function canonical(e: Experiment): string {
  const spec = { ...e.spec, description: undefined, format: undefined };
  return JSON.stringify({ version: VERSION, spec, scenarios: e.scenarios.map(scenarioRunText) });
}

/**
 * 106 bits of two cyrb53 hashes (a multiply–xorshift string hash): a key, not a signature. Written
 * here because crypto.subtle exists only on https and localhost, and a school's server may be neither.
 */
export function hashText(text: string): string {
  const half = (seed: number): string => {
    let h1 = 0xdeadbeef ^ seed;
    let h2 = 0x41c6ce57 ^ seed;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
  };
  return half(1) + half(2);
}

export const experimentKey = (e: Experiment): string => hashText(canonical(e));
