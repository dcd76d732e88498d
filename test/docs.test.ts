// docs/model.md holds what the registries generate (npm run docs) and the ODD structure, and only
// that; docs/validation.md holds the development runs' pattern table. The analysis scripts' own
// behaviour is test/scripts.test.ts.
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

  it('is the ODD: its seven elements in order, then the parameters, constants and references, and nothing else', () => {
    const headings = doc.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(['## 1. Purpose and patterns', '## 2. Entities, state variables and scales', '## 3. Process overview and scheduling',
      '## 4. Design concepts', '## 5. Initialization', '## 6. Input data', '## 7. Submodels', '## Parameters', '## Constants', '## References']);
  });

  it('points to the pages that hold the rest, and each holds its part', () => {
    for (const page of ['calibration.md#the-calibration-of-the-model', 'validation.md', 'model-changes.md']) expect(doc).toContain(`](${page})`);
    expect(readFileSync('docs/calibration.md', 'utf8')).toContain('## The calibration of the model (Model 2.1)\n<a id="the-calibration-of-the-model"></a>');
    const validation = readFileSync('docs/validation.md', 'utf8');
    for (const h of ['## Patterns: development runs', '## Domain of validity', '## Known limits']) expect(validation).toContain(`\n${h}\n`);
    expect(validation).toMatch(/<!-- patterns:start -->\n\| run \| involutionIndex/);
    const changes = readFileSync('docs/model-changes.md', 'utf8');
    for (const h of ['## What changed in 2.1 and why', '## What changed in 2.0 and why', '## Departures']) expect(changes).toContain(`\n${h}\n`);
  });
});
