// Regenerates the generated parts of the docs: the parameter and metric tables of docs/model.md (from
// their registries) and, with --patterns, the development runs' pattern table of docs/validation.md
// (20 seeds, about 30 s). `npm run docs`.
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { paramTable } from './param-table.ts';
import { metricTable } from './metric-table.ts';

/** Replace what lies between the file's `<!-- name:start -->` and `<!-- name:end -->` markers. */
function regenerate(file: string, parts: Record<string, () => string>): void {
  let text = readFileSync(file, 'utf8');
  for (const [name, body] of Object.entries(parts)) {
    const re = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);
    if (!re.test(text)) throw new Error(`${file} has no ${name} markers`);
    text = text.replace(re, `$1${body()}$2`);
  }
  writeFileSync(file, text);
}

regenerate('docs/model.md', { params: paramTable, metrics: metricTable });
if (process.argv.includes('--patterns')) {
  regenerate('docs/validation.md', {
    patterns: () => execFileSync(process.execPath, [...process.execArgv, 'scripts/patterns.ts', '20'], { encoding: 'utf8' }),
  });
}
