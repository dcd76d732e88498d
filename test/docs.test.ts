// docs/model.md holds what the registries generate (npm run docs) and the ODD structure. The
// analysis scripts' own behaviour is test/scripts.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { METRICS, PARAMS } from '../sim/index.ts';
import { paramTable } from '../scripts/param-table.ts';
import { metricTable } from '../scripts/metric-table.ts';

describe('docs/model.md', () => {
  const doc = readFileSync('docs/model.md', 'utf8');

  it('holds the parameter table generated from the registry (npm run docs)', () => {
    expect(doc).toContain(paramTable());
    for (const p of PARAMS) expect(doc).toContain(`\`${p.name}\``);
  });

  it('holds the metric table generated from the metric registry (npm run docs)', () => {
    expect(doc).toContain(`<!-- metrics:start -->\n${metricTable()}<!-- metrics:end -->`);
    for (const m of METRICS) expect(doc).toContain(`| \`${m}\` |`);
  });

  it('has the seven ODD elements and a pattern table', () => {
    for (const h of ['## 1. Purpose and patterns', '## 2. Entities, state variables and scales', '## 3. Process overview and scheduling',
      '## 4. Design concepts', '## 5. Initialization', '## 6. Input data', '## 7. Submodels']) expect(doc).toContain(h);
    expect(doc).toMatch(/<!-- patterns:start -->\n\| run \| involutionIndex/);
  });
});
