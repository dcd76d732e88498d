import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULTS, isModelParam, PARAMS, ParamError, resolveParams, validateOverrides, IndexTracker, SEED, TICKS } from '../sim/index.ts';
import { VERSION } from '../sim/version.ts';
import { urn } from '../sim/effective.ts';

const MODEL_SECTION_5 = {
  causes: ['pathDependence', 'politicalRationality', 'dualManagement', 'asymmetricDependence'],
  prevention: ['applicabilityClarity', 'resourceRelease', 'serviceOrientation', 'partnership', 'wholeProcessSupervision'],
  'co-governance': ['performanceFunding', 'professionalTraining', 'altRevenueSupport', 'baseTransparency'],
  world: ['citizens', 'districts', 'communitiesPerDistrict', 'initialSOs', 'ticks', 'policyPush', 'ageingRate', 'seed'],
};

describe('parameter registry', () => {
  it('holds every parameter of the design (docs/model.md §Parameters) in its group, with meaning in English and Chinese and a source', () => {
    for (const [group, names] of Object.entries(MODEL_SECTION_5)) {
      for (const name of names) {
        const p = PARAMS.find((q) => q.name === name);
        expect(p, name).toBeDefined();
        expect(p!.group).toBe(group);
        expect(p!.en.length).toBeGreaterThan(10);
        expect(p!.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(p!.source.length).toBeGreaterThan(1);
        expect(p!.default).toBeGreaterThanOrEqual(p!.min);
        expect(p!.default).toBeLessThanOrEqual(p!.max);
      }
    }
  });

  it('holds every model constant in the calibration group, with a basis, a prior range around its value, and meaning in both languages', () => {
    const constants = PARAMS.filter((p) => p.group === 'calibration');
    expect(constants.length).toBeGreaterThan(40);
    for (const p of constants) {
      expect(['published', 'calibrated', 'assumed'], p.name).toContain((p as { basis?: string }).basis);
      expect(p.min, p.name).toBeLessThan(p.max);
      expect(p.default, p.name).toBeGreaterThanOrEqual(p.min);
      expect(p.default, p.name).toBeLessThanOrEqual(p.max);
      expect(p.en.length, p.name).toBeGreaterThan(10);
      expect(p.zh, p.name).toMatch(/[\u4e00-\u9fff]/);
    }
    // The three constants fitted by calibration/model.json are declared as calibrated.
    const spec = JSON.parse(readFileSync('calibration/model.json', 'utf8')) as { priors: Record<string, [number, number]> };
    for (const name of Object.keys(spec.priors)) expect(PARAMS.find((p) => p.name === name)).toMatchObject({ group: 'calibration', basis: 'calibrated' });
  });

  it('keeps scalar constants out of the process files: sim/constants.ts holds only tables and units', () => {
    const text = readFileSync('sim/constants.ts', 'utf8');
    const scalars = [...text.matchAll(/export const (\w+) = (-?[\d.]+);/g)].map((m) => m[1]);
    // MIN_TENDER_BIDDERS is a rule of procurement that a reporter counts by, not a constant of behaviour.
    expect(scalars.sort()).toEqual(['DISTRICT_BUDGET', 'MIN_TENDER_BIDDERS', 'REF_MONTHS']);
  });

  it('keeps behavioural numbers out of the process files: every decimal literal left is a guard, a coin flip or a definition', () => {
    // file, a piece of the line that holds the literal, and why it is not a model constant.
    const allowed: [string, string, string][] = [
      ['delivery.ts', 'Math.max(1e-9, ds + dr)', 'numerical guard: no division by zero effort'],
      ['evaluation.ts', 'demand > 0.01 ?', 'numerical guard: no paperwork demanded, nothing to comply with'],
      ['needs.ts', 'Math.max(0.05, 1 - prevalence)', 'numerical guard: onset hazard stays finite'],
      ['officials.ts', 's.rng.budget() < 0.5 ? -1 : 1', 'coin flip: the first trial goes either way'],
      ['officials.ts', 'log(visible + 1e-9) + (1 - pi) * log((seen + 1e-9) / money)', 'numerical guard: log of zero'],
      ['involution.ts', 'Math.max(ref, 0.1 * natural)', "index definition: a figure's scale is never under a tenth of its natural scale"],
      ['metrics.ts', 'const units = 0.5 * p.budgetCoverage', 'index definition: natural scale, half a need-unit per citizen served'],
      ['metrics.ts', 'paperworkLoad: 0.2 * money', 'index definition: natural scale of paperwork'],
      ['metrics.ts', 'at(0.9) - at(0.1)', 'statistic: the p90 − p10 spread'],
      ['metrics.ts', 'Math.abs(g.form) > 1e-9 ?', 'numerical guard: no elasticity without growth of form'],
    ];
    const outside = new Set(['params.ts', 'constants.ts', 'math.ts', 'metric-registry.ts', 'limits.ts', 'version.ts', 'rng.ts']);
    /** The code only: comments and strings blanked, lines kept. */
    const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, (m) => m.replace(/[^\n]/g, ' '));
    const literal = /(?<![\w.])(?:\d+\.\d*|\.\d+|\d+(?=e[-+]?\d))(?:e[-+]?\d+)?/g;
    const used = new Set<number>();
    const stray: string[] = [];
    for (const file of readdirSync('sim').filter((f) => f.endsWith('.ts') && !outside.has(f))) {
      code(readFileSync(join('sim', file), 'utf8')).split('\n').forEach((line, i) => {
        if (!literal.test(line)) return;
        literal.lastIndex = 0;
        const ok = allowed.findIndex(([f, piece]) => f === file && line.includes(piece));
        if (ok < 0) stray.push(`sim/${file}:${i + 1}: ${line.trim()}`);
        else used.add(ok);
      });
    }
    expect(stray, 'a number of behaviour belongs in the registry (sim/params.ts, group calibration)').toEqual([]);
    expect(allowed.filter((_, i) => !used.has(i)).map(([f, piece]) => `${f}: ${piece}`), 'allow-list entries that match nothing').toEqual([]);
  });

  it('keeps the seed beside the model parameters: in the registry, not in DEFAULTS, dropped from overrides', () => {
    expect(PARAMS.map((p) => p.name).filter((n) => !isModelParam(n))).toEqual(['seed']);
    expect(isModelParam('nope')).toBe(false);
    expect('seed' in DEFAULTS).toBe(false);
    expect('seed' in resolveParams({ seed: 7, partnership: 0.4 })).toBe(false);
  });

  it('defaults to 120 months, 20 000 citizens and policyPush 0.15', () => {
    expect(DEFAULTS).toMatchObject({ ticks: 120, citizens: 20000, policyPush: 0.15, districts: 6, communitiesPerDistrict: 8, initialSOs: 40 });
  });

  it('refuses invalid values naming the parameter, the value and the range', () => {
    expect(() => validateOverrides({ partnership: 1.2 })).toThrow(new ParamError('parameter partnership = 1.2 is not allowed: must be a number in [0, 1]'));
    expect(() => validateOverrides({ districts: 2.5 })).toThrow(/districts = 2.5 .* an integer in \[1, 32\]/);
    expect(() => validateOverrides({ partnership: 'high' })).toThrow(/partnership = "high"/);
    expect(() => validateOverrides({ nope: 1 })).toThrow(/unknown parameter "nope"/);
    expect(resolveParams({ partnership: 0.4 }).partnership).toBe(0.4);
  });

  it('keeps the model version equal to package.json', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});

describe('involution index definition', () => {
  it('stays near zero when money and real service grow in proportion', () => {
    const tracker = new IndexTracker([600, 48, 48, 1, 1, 1], 0.05);
    let last = 0;
    for (let t = 0; t < 120; t++) {
      const g = Math.pow(1.015, t); // everything grows 1.5 % a month
      last = tracker.push([300 * g, 40 * g, 20 * g, 0.2 * g, 0.3 * g, 0.15 * g]).index;
    }
    expect(Math.abs(last)).toBeLessThan(0.1);
  });

  it('is positive when form grows and substance does not, negative the other way round', () => {
    const a = new IndexTracker([600, 48, 48, 1, 1, 1], 0.05);
    const b = new IndexTracker([600, 48, 48, 1, 1, 1], 0.05);
    let ia = 0, ib = 0;
    for (let t = 0; t < 60; t++) {
      const g = 1 + t / 20;
      ia = a.push([300 * g, 40 * g, 20 * g, 0.2, 0.3, 0.15]).index;
      ib = b.push([300, 40, 20, 0.2 * g, 0.3 * g, 0.15 * g]).index;
    }
    expect(ia).toBeGreaterThan(1);
    expect(ib).toBeLessThan(-1);
  });
});

describe('award urn', () => {
  it('is S-shaped with increasing returns, steeper with path dependence, linear at γ = 1', () => {
    expect(urn(0.5, 4)).toBeCloseTo(0.5);
    expect(urn(0.7, 4)).toBeGreaterThan(urn(0.7, 2));
    expect(urn(0.3, 4)).toBeLessThan(urn(0.3, 2));
    expect(urn(0.3, 1)).toBeCloseTo(0.3);
  });
});

describe('limits', () => {
  it('are the registry\'s: seed and months are read from sim/params.ts', () => {
    const spec = (name: string) => PARAMS.find((p) => p.name === name)!;
    expect(SEED).toEqual({ min: spec('seed').min, max: spec('seed').max, default: spec('seed').default });
    expect(TICKS).toEqual({ min: spec('ticks').min, max: spec('ticks').max, default: spec('ticks').default });
  });

  it('are never copied: no source file but the registry writes the seed range or the month limit', () => {
    const files = ['index.html', ...['sim', 'viz', 'cli', 'lab', 'scenarios'].flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)))].filter((f) => /\.(ts|html|json)$/.test(f));
    // The registry: sim/params.ts and its entries, sim/params/*.ts (the seed and the months are in world.ts).
    const copies = files.filter((f) => f !== join('sim', 'params.ts') && !f.startsWith(join('sim', 'params') + sep))
      .filter((f) => /4_?294_?967_?295|\b2_?400\b|\b2_?399\b/.test(readFileSync(f, 'utf8')));
    expect(copies).toEqual([]);
  });
});
