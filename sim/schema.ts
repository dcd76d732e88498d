// The one door to the schema library: every schema of the project (parameters, scenarios, specs,
// the classroom's messages) is built from this `z`. Its schemas run without compiling code at run
// time (`jitless`): a page checks a spec or a file once, and compiling the check cost more than
// running it (in Node, building the scenario schema and a first parse take 12–30 ms against 35–45,
// and 1 200 more parses no longer); and a host whose Content Security Policy forbids `eval` (a
// school's website) runs them as well.
import { config, z } from 'zod';

config({ jitless: true });

export { z };

/**
 * A schema built when first asked for, then kept: a module that defines one does not build it when it
 * loads (a page that checks no file or spec at start never does).
 */
export function lazySchema<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}
