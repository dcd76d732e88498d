// The how-tos of CONTRIBUTING.md, each held by a test that fails when a step is forgotten. (Metrics:
// test/metric-registry.test.ts; languages: test/i18n.test.ts; parameters: test/registry.test.ts and
// the panel's messages here.)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSim, METRICS, PARAMS, resolveParams, type ParamSpec } from '../sim/index.ts';
import { STREAMS } from '../sim/rng.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { MUTANTS } from '../scripts/mutant-list.ts';

const root = join(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('adding a process', () => {
  const processes = createSim(resolveParams({ citizens: 200 }), 1).processes.map((p) => p.name);

  it('has a file of its own, sim/<name>.ts, that exports it', () => {
    for (const name of processes) {
      const source = read(`sim/${name}.ts`);
      expect(source, name).toMatch(new RegExp(`export function (${name}|record)\\(`));
    }
  });

  it('is in docs/model.md §3 at its place in the schedule, with its file', () => {
    const section = read('docs/model.md').split('## 3. Process overview and scheduling')[1].split('\n## ')[0];
    const documented = [...section.matchAll(/\(\d\)\s+\*\*([a-z]+)\*\*\s*\n?\s*\(`sim\/([a-z]+)\.ts`/g)].map((m) => [m[1], m[2]]);
    expect(documented.map(([name]) => name)).toEqual(processes);
    for (const [name, file] of documented) expect(file).toBe(name);
  });

  it('draws only from a stream of its own: every stream of sim/rng.ts is used by the model', () => {
    const sources = readdirSync(join(root, 'sim')).filter((f) => f.endsWith('.ts') && f !== 'rng.ts').map((f) => read(`sim/${f}`)).join('\n');
    for (const name of STREAMS) expect(sources, name).toMatch(new RegExp(`rng\\.${name}\\b|'${name}'`));
  });
  it("is covered by the mutation check: every mutant of scripts/mutant-list.ts still matches its code exactly once", () => {
    for (const m of MUTANTS) expect(read(m.file).split(m.from).length - 1, m.name).toBe(1);
    for (const m of MUTANTS) expect(m.to, m.name).not.toMatch(/\d\.\d/);
  });
});

describe('adding a parameter', () => {
  it("labels every parameter outside the model constants in English and Chinese, in the registry (the panel, Compare and the Experiment tab name it so)", async () => {
    const { panelParams } = await import('../viz/controls.ts');
    expect(panelParams().length).toBeGreaterThan(10);
    for (const p of PARAMS.filter((q) => q.group !== 'calibration') as readonly ParamSpec[]) {
      expect(p.label?.en.trim(), `${p.name}: label.en`).toBeTruthy();
      expect(p.label?.zh.trim(), `${p.name}: label.zh`).toBeTruthy();
    }
    for (const file of readdirSync(join(root, 'viz', 'i18n', 'messages')).filter((f) => f.endsWith('.json'))) {
      const catalog = JSON.parse(read(`viz/i18n/messages/${file}`)) as Record<string, string>;
      // Labels are the registry's, as metrics' are: no catalog holds a copy.
      expect(Object.keys(catalog).filter((k) => k.startsWith('param.')), file).toEqual([]);
      // Each shown parameter's unit is named too (the panel writes "meaning (unit)").
      for (const p of panelParams()) if (p.unit) expect(catalog[`unit.${p.unit}`], `${file}: unit.${p.unit} (${p.name})`).toBeTruthy();
    }
  });
});

describe('adding a metric', () => {
  it("keeps Compare's own list of outcomes (viz/compare-config.ts) to recorded metrics", async () => {
    const { COMPARE_METRICS } = await import('../viz/compare-config.ts');
    for (const m of COMPARE_METRICS) expect(METRICS, m).toContain(m);
  });
});

describe('adding a scenario', () => {
  const files = readdirSync(join(root, 'scenarios')).filter((f) => f.endsWith('.json')).sort();

  it('is listed in scenarios/index.ts: every file of scenarios/ is bundled, and nothing else', () => {
    expect(SCENARIOS.map((s) => `${s.id}.json`).sort()).toEqual(files);
  });

  it('is named by its id', () => {
    for (const f of files) expect((JSON.parse(read(`scenarios/${f}`)) as { id: string }).id).toBe(f.replace(/\.json$/, ''));
  });
});

describe('adding a view', () => {
  const en = JSON.parse(read('viz/i18n/messages/en.json')) as Record<string, string>;
  const viz = readdirSync(join(root, 'viz'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => read(join('viz', f))).join('\n');

  it('is listed in viz/views/list.ts with a title message in en.json (the browser tests draw and screenshot every listed view)', async () => {
    const { EXPLORE_VIEWS } = await import('../viz/views/list.ts');
    for (const v of EXPLORE_VIEWS) expect(en[v.title], v.name).toBeTruthy();
  });

  it('is a module of viz/views/ that the page imports: no view is left unused', () => {
    for (const file of readdirSync(join(root, 'viz', 'views')).filter((f) => f.endsWith('.ts'))) {
      expect(viz, file).toMatch(new RegExp(`(/views/|'\\./)${file.replace('.', '\\.')}'`));
    }
  });
});
