// Where the built worker is. Vite does not rewrite worker URLs in SSR builds, so every layout is
// tried explicitly: beside the bundle (this module inlined in dist/cli.mjs, or in a chunk of it,
// dist/chunks/*.mjs, since the commands are imported on demand) and, from the sources (tests,
// benchmarks), in dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../common/errors.ts';

export function workerUrl(name: 'experiment-worker' | 'calibrate-worker' = 'experiment-worker'): URL {
  const candidates = [
    new URL(`./${name}.mjs`, import.meta.url),
    new URL(`../${name}.mjs`, import.meta.url),
    new URL(`../../dist/${name}.mjs`, import.meta.url),
  ];
  const found = candidates.find((u) => existsSync(fileURLToPath(u)));
  if (!found) throw new UsageError(`the ${name} is not built yet; run \`npm run build:cli\` in the project`);
  return found;
}
