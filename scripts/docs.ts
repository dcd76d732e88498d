// Regenerates the generated parts of docs/model.md: the parameter and metric tables (from their
// registries) and, with --patterns, the pattern table (20 seeds, about 30 s). `npm run docs`.
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { paramTable } from './param-table.ts';
import { metricTable } from './metric-table.ts';

const file = 'docs/model.md';
let text = readFileSync(file, 'utf8');
const replace = (name: string, body: string) => {
  const re = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);
  if (!re.test(text)) throw new Error(`docs/model.md has no ${name} markers`);
  text = text.replace(re, `$1${body}$2`);
};
replace('params', paramTable());
replace('metrics', metricTable());
if (process.argv.includes('--patterns')) {
  const table = execFileSync(process.execPath, [...process.execArgv, 'scripts/patterns.ts', '20'], { encoding: 'utf8' });
  replace('patterns', table);
}
writeFileSync(file, text);
