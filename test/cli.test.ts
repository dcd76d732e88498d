// The headless command, as a user runs it: the built bin, real processes, real files.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRICS, PARAMS, runScenario } from '../sim/index.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { scenario } from './helpers.ts';

const BIN = join(import.meta.dirname, '..', 'bin', 'involution-lab.mjs');
const cli = (...args: string[]) => spawnSync('node', [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
const dir = mkdtempSync(join(tmpdir(), 'involution-cli-'));

describe('involution-lab run', () => {
  it('prints a manifest and series equal, to the bit, to the model run in-process', () => {
    const r = cli('run', '--scenario', 'baseline-involution', '--seed', '42', '--ticks', '36');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['manifest', 'series']);
    expect(out.manifest).toMatchObject({ scenario: 'baseline-involution', seed: 42, ticks: 36, version: '0.2.0' });
    expect(Object.keys(out.manifest.params).sort()).toEqual(PARAMS.map((p) => p.name).filter((n) => n !== 'seed').sort());
    for (const m of METRICS) expect(out.series[m]).toHaveLength(36);
    expect(out.series).toEqual(runScenario(scenario('baseline-involution'), 42, { ticks: 36 }).series);
  });

  it('applies --set overrides and records them in the manifest', () => {
    const r = cli('run', '--scenario', 'baseline-involution', '--ticks', '12', '--set', 'pathDependence=0.3', '--set', 'citizens=2000');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.manifest.params.pathDependence).toBe(0.3);
    expect(out.manifest.params.citizens).toBe(2000);
    expect(out.manifest.overrides).toEqual({ pathDependence: 0.3, citizens: 2000, ticks: 12 });
  });

  it('writes CSV, one row per tick, with the same numbers as JSON', () => {
    const file = join(dir, 'run.csv');
    const r = cli('run', '--scenario', 'full-prevention', '--seed', '3', '--ticks', '24', '--format', 'csv', '--out', file);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(25);
    const header = lines[0].split(',');
    expect(header[0]).toBe('tick');
    const json = JSON.parse(cli('run', '--scenario', 'full-prevention', '--seed', '3', '--ticks', '24').stdout);
    const col = header.indexOf('involutionIndex');
    expect(lines.slice(1).map((l) => Number(l.split(',')[col]))).toEqual(json.series.involutionIndex);
  });

  it('runs a scenario file', () => {
    const file = join(dir, 'mine.json');
    writeFileSync(file, JSON.stringify({ ...SCENARIOS[0], id: 'mine', params: { partnership: 0.5 } }));
    const out = JSON.parse(cli('run', '--scenario', file, '--ticks', '6').stdout);
    expect(out.manifest.scenario).toBe('mine');
    expect(out.manifest.params.partnership).toBe(0.5);
  });

  it('runs every bundled scenario', () => {
    for (const s of SCENARIOS) expect(cli('run', '--scenario', s.id, '--ticks', '3', '--set', 'citizens=1000').status, s.id).toBe(0);
  });
});

describe('involution-lab scenarios and params', () => {
  it('lists scenarios as text and JSON', () => {
    const text = cli('scenarios').stdout;
    for (const s of SCENARIOS) expect(text).toContain(s.id);
    expect(JSON.parse(cli('scenarios', '--format', 'json').stdout).map((s: { id: string }) => s.id)).toEqual(SCENARIOS.map((s) => s.id));
  });

  it('lists parameters as text and JSON', () => {
    expect(cli('params').stdout).toContain('pathDependence');
    // Each line names the unit too.
    expect(cli('params').stdout).toMatch(/^world\s+ageingRate\s+0\.03\s+\[0, 0\.2\]\s+share per year\s+Yearly/m);
    expect(cli('params').stdout).toMatch(/^calibration\s+altMarket\s+0\.27\s+\[0\.02, 1\]\s+share of budget\s+Non-government money.*\[calibrated\]$/m);
    const list = JSON.parse(cli('params', '--format', 'json').stdout);
    expect(list.map((p: { name: string }) => p.name)).toEqual(PARAMS.map((p) => p.name));
  });
});

describe('bad input: one clear line, exit 2, nothing written', () => {
  const bad: [string[], RegExp][] = [
    [['run', '--scenario', 'nope'], /unknown scenario "nope"; allowed: baseline-involution/],
    [['run'], /run needs --scenario/],
    [['run', '--scenario', 'baseline-involution', '--set', 'foo=1'], /unknown parameter "foo"; known: pathDependence/],
    [['run', '--scenario', 'baseline-involution', '--set', 'pathDependence=1.5'], /pathDependence = 1.5 is not allowed: must be a number in \[0, 1\]/],
    [['run', '--scenario', 'baseline-involution', '--set', 'partnership=abc'], /partnership = "abc" is not a number/],
    [['run', '--scenario', 'baseline-involution', '--set', 'citizens=10'], /citizens = 10 is not allowed: must be an integer in \[100, 2000000\]/],
    [['run', '--scenario', 'baseline-involution', '--seed', 'x'], /--seed "x" is not allowed: must be an integer/],
    [['run', '--scenario', 'baseline-involution', '--set', 'pathDependence=0x1'], /^involution-lab: --set pathDependence = "0x1" is not a number: must be a number in \[0, 1\], in decimal digits/],
    [['run', '--scenario', 'baseline-involution', '--set', 'pathDependence='], /pathDependence = "" is not a number \(empty\)/],
    [['run', '--scenario', 'baseline-involution', '--set', 'citizens=1e309'], /citizens = "1e309" is not a number \(beyond the largest number, ±1.8e308\)/],
    [['run', '--scenario', 'baseline-involution', '--ticks', '0x10'], /--ticks "0x10" is not allowed: must be an integer in \[1, 2400\], in decimal digits/],
    [['run', '--scenario', 'baseline-involution', '--ticks', ' 12'], /--ticks " 12" is not allowed/],
    [['run', '--scenario', 'baseline-involution', '--ticks', '12', '--set', 'ticks=24'], /--ticks "12" and --set ticks=24 both give the run's length; give one/],
    [['run', '--scenario', 'x'.repeat(100_000)], /^involution-lab: unknown scenario "x{60}"… \(100,000 characters\); allowed: baseline-involution/],
    [['run', '--scenario', 'baseline-involution', '--set', `${'k'.repeat(100_000)}=1`], /^involution-lab: --set: unknown parameter "k{60}"… \(100,000 characters\); known: /],
    [['run', '--scenario', 'baseline-involution', '--ticks', '0'], /--ticks "0" is not allowed/],
    [['run', '--scenario', 'baseline-involution', '--format', 'xml'], /--format "xml" is not allowed; allowed: json, csv/],
    [['run', '--scenario', 'baseline-involution', '--frob'], /unknown flag --frob for run; allowed: --scenario/],
    [['run', '--scenario', 'baseline-involution', '--seed'], /flag --seed needs a value/],
    [['frob'], /unknown command "frob"/],
    [['run', '--scenario', '/nonexistent/x.json'], /cannot read scenario file/],
    [['run', '--scenario', 'baseline-involution', '--ticks', '2', '--out', ''], /--out is empty: give a path/],
    [['run', '--scenario', 'baseline-involution', '--ticks', '2', '--out', '/nonexistent-dir/run.json'], /cannot write \/nonexistent-dir\/run.json: no such file or directory \(ENOENT\)/],
  ];
  for (const [args, message] of bad) {
    it(args.map((a) => (a.length > 40 ? `${a.slice(0, 12)}…(${a.length} characters)` : a)).join(' '), () => {
      const r = cli(...args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
      // Whatever was typed, the line repeats at most 60 characters of it.
      expect(r.stderr.length).toBeLessThan(1200);
    });
  }

  it('names the field of a malformed scenario file, and writes no output', () => {
    const cases: [unknown, RegExp][] = [
      ['{"id": ', /is not valid JSON/],
      [{ ...SCENARIOS[0], params: { partnership: 2 } }, /parameter partnership = 2 is not allowed: must be a number in \[0, 1\]/],
      [{ ...SCENARIOS[0], params: { nonsense: 1 } }, /unknown parameter "nonsense"/],
      [{ ...SCENARIOS[0], schedule: [{ tick: 3, set: { serviceOrientation: -1 } }] }, /schedule\[0\]: parameter serviceOrientation = -1/],
      [{ ...SCENARIOS[0], teaching: { en: 'x' } }, /field teaching.zh is missing/],
      [{ ...SCENARIOS[0], id: 'Bad Id' }, /field id = "Bad Id"/],
      [{ ...SCENARIOS[0], schedule: Array.from({ length: 1001 }, (_, i) => ({ tick: i, set: { partnership: 0.5 } })) }, /field schedule lists 1,001 changes; at most 1000/],
    ];
    for (const [content, message] of cases) {
      const file = join(dir, 'bad.json');
      writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
      const out = join(dir, 'never.json');
      const r = cli('run', '--scenario', file, '--out', out);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    }
  });
});
