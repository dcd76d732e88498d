// The layers' own structure: no module of sim/, lab/, cli/ or viz/ imports itself back through
// others. Operations every process may call (sim/money.ts, sim/contracts.ts) sit below the processes;
// a cycle would mean a process's file could not be read, tested or replaced alone.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? files(path) : f.endsWith('.ts') && !f.endsWith('.d.ts') ? [path] : [];
  });
}

/** Value imports (not `import type`) between the project's own files. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+\.ts)['"]/gm)) out.push(resolve(dirname(file), m[1]));
  return out;
}

/** Every cycle's files, as paths from the root. */
function cycles(roots: string[]): string[][] {
  const graph = new Map<string, string[]>();
  for (const r of roots) for (const f of files(join(ROOT, r))) graph.set(f, importsOf(f));
  return cyclesOf(graph).map((c) => c.map((p) => relative(ROOT, p)));
}

/** The cycles of a graph (one per back edge found by depth-first search), each from its first node. */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      if (!graph.has(g)) continue;
      if (state.get(g) === 'open') found.push(stack.slice(stack.indexOf(g)));
      else if (!state.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of graph.keys()) if (!state.has(f)) visit(f);
  return found;
}

describe('imports', () => {
  it('sim/ has no import cycle (processes above the operations they share)', () => {
    expect(cycles(['sim'])).toEqual([]);
  });

  it('lab/, cli/ and viz/ have no import cycle', () => {
    expect(cycles(['lab', 'cli', 'viz'])).toEqual([]);
  });

  it('the check finds a cycle where there is one, and reads value imports only', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c', 'd']],
      ['c', ['a']],
      ['d', []],
    ]);
    expect(cyclesOf(graph)).toEqual([['a', 'b', 'c']]);
    expect(
      cyclesOf(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([]);
    const evaluation = importsOf(join(ROOT, 'sim', 'evaluation.ts')).map((p) => relative(ROOT, p));
    expect(evaluation).toContain('sim/money.ts');
    // `import type` is no import at run time, and no cycle.
    expect(importsOf(join(ROOT, 'sim', 'money.ts'))).toEqual([]);
  });
});
