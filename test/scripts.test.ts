// The analysis scripts as a user runs them (npm run validate, npm run channels): real processes
// through tsx, their refusals and what they print. Long (each runs the model), so not in
// `npm run test:fast`; `npm test` runs them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScenario } from '../sim/index.ts';
import { findScenario } from '../scenarios/index.ts';

describe('npm run validate', () => {
  it('refuses a seed count or first seed that is not a whole number in range, naming it, with exit 2 and nothing printed to stdout', () => {
    for (const [args, named] of [[['x'], 'the number of seeds'], [['1'], 'the number of seeds'], [['20', '-5'], 'the first seed'], [['20', '1.5'], 'the first seed'], [['0x10'], 'the number of seeds'], [['20', ''], 'the first seed']] as const) {
      const r = spawnSync('npx', ['tsx', 'scripts/validate.ts', ...args], { encoding: 'utf8' });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(named);
      expect(r.stderr).toContain(JSON.stringify(args[args.length - 1]));
      expect(r.stdout).toBe('');
    }
  });
});

describe('npm run validate --posterior', () => {
  const dir = mkdtempSync(join(tmpdir(), 'validate-posterior-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) => spawnSync('npx', ['tsx', 'scripts/validate.ts', '2', '9001', ...args], { encoding: 'utf8' });

  it('refuses a missing or malformed posterior file, naming it and what is wrong, with exit 2 and nothing on stdout', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'generation,particle,weight,distance,entryRate,soGrowthRate\n1,0,x,0.1,oops,0.05\n');
    for (const [args, says] of [[['--posterior'], 'needs a file'], [['--posterior', join(dir, 'none.csv')], 'cannot be read'], [['--posterior', bad], 'line 2, column entryRate: "oops" is not a number']] as const) {
      const r = run(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(says);
      expect(r.stdout).toBe('');
    }
    expect(run('--posterior', bad).stderr).toContain('weights are not non-negative');
    const outOfRange = join(dir, 'range.csv');
    writeFileSync(outOfRange, 'generation,particle,weight,distance,entryRate,soGrowthRate\n1,0,1,0.1,99,0.05\n');
    const r = run('--posterior', outOfRange);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('line 2 (particle 0): parameter entryRate = 99 is not allowed');
  });

  it('reads every cell in strict decimal syntax (an empty or short cell is not 0, 0x1 is not 1) and refuses a repeated --posterior', () => {
    const file = join(dir, 'cells.csv');
    writeFileSync(file, 'generation,particle,weight,distance,entryRate,soGrowthRate\n1,0,1,0.1,,0.05\n1,1,1,0.1,0x1,0.05\n1,2,1,0.1\n1,3, 1,0.1,0.5,0.05\n');
    const r = run('--posterior', file);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    for (const says of [
      'line 2, column entryRate: "" is not a number (empty or missing)',
      'line 3, column entryRate: "0x1" is not a number',
      'line 4, column entryRate: "" is not a number (empty or missing)',
      'line 5, column weight: " 1" is not a number',
    ]) expect(r.stderr).toContain(says);
    const twice = run('--posterior', file, '--posterior', join(dir, 'other.csv'));
    expect(twice.status).toBe(2);
    expect(twice.stderr).toBe('validate: --posterior is given 2 times; give it once\n');
  });

  it("runs each seed with its own draw from the posterior's last generation", () => {
    const file = join(dir, 'posterior.csv');
    // Generation 0 is not drawn from; of generation 1, only the particle with weight carries.
    writeFileSync(file, 'generation,particle,weight,distance,entryRate,nicheMoney,soGrowthRate\n0,0,1,0.5,0.05,3,0.01\n1,0,0,0.1,0.05,3,0.02\n1,1,1,0.1,2,2.5,0.08\n');
    const r = run('--posterior', file);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Each seed runs with its own draw of entryRate, nicheMoney');
    // Every seed draws the one particle with weight (entryRate 2, nicheMoney 2.5): the baseline row's
    // level at 60 months is that of those constants, not the registry's.
    const level = (set: Record<string, number>) => {
      const x = [9001, 9002].map((seed) => runScenario(findScenario('baseline-involution')!, seed, { ticks: 60, set }).series.involutionIndex[59]);
      const m = (x[0] + x[1]) / 2;
      return `${m >= 0 ? '+' : ''}${m.toFixed(2)}`;
    };
    const row = r.stdout.split('\n').find((l) => l.startsWith('| baseline |'))!;
    const cell = row.split('|')[2].trim().split(' ')[0];
    expect(cell).toBe(level({ entryRate: 2, nicheMoney: 2.5 }));
    expect(level({ entryRate: 2, nicheMoney: 2.5 })).not.toBe(level({}));
  }, 120_000);
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
