import { spawnSync } from 'node:child_process';
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

describe('npm run validate', () => {
  it('refuses a seed count or first seed that is not a whole number in range, naming it, with exit 2 and nothing printed to stdout', () => {
    for (const [args, named] of [[['x'], 'the number of seeds'], [['1'], 'the number of seeds'], [['20', '-5'], 'the first seed'], [['20', '1.5'], 'the first seed']] as const) {
      const r = spawnSync('npx', ['tsx', 'scripts/validate.ts', ...args], { encoding: 'utf8' });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(named);
      expect(r.stderr).toContain(JSON.stringify(args[args.length - 1]));
      expect(r.stdout).toBe('');
    }
  });
});

describe('npm run channels', () => {
  it('refuses a bad seed count, naming it, with exit 2 and nothing printed to stdout', () => {
    const r = spawnSync('npx', ['tsx', 'scripts/channels.ts', '1.5'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('the number of seeds');
    expect(r.stderr).toContain('"1.5"');
    expect(r.stdout).toBe('');
  });

  it('lists every read of path dependence in sim/: lowering all its channels reproduces pathDependence 0.2 bit for bit', () => {
    const r = spawnSync('npx', ['tsx', 'scripts/channels.ts', '2', '1'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('| all five (= pathDependence 0.2, bit for bit) |');
  }, 120_000);
});
