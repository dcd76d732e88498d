#!/usr/bin/env node
// The `involution-lab` command: runs the CLI built by `npm install` (the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('involution-lab: the CLI is not built yet; run `npm install` (or `npm run build:cli`) in the project\n');
  process.exit(2);
}
await import(built);
