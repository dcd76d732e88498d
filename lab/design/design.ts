// Design points of an experiment: a full grid (vary), or a sampled design (Latin hypercube, Saltelli
// for Sobol' indices, Morris trajectories) over parameter ranges; integer parameters are rounded.
import { attempt, Problem } from '../problems.ts';
import { createRng } from '../random.ts';
import { checkParam, isInteger } from '../spec/params.ts';
import type { DesignSpec, Spec } from '../spec/schema.ts';
import { latinHypercube } from './lhs.ts';
import { morrisDesign } from './morris.ts';
import { saltelliDesign } from './saltelli.ts';
import { SOBOL_MAX_DIMENSIONS } from './sobol-sequence.ts';

export interface Design {
  type: 'none' | 'grid' | DesignSpec['type'];
  /** Varied parameters, in the order of the spec (and of the CSV columns). */
  params: string[];
  /** One row of values (in `params` order) per design point. */
  points: number[][];
  ranges?: Record<string, [number, number]>;
  /** Morris: the parameter index moved from the previous point, −1 at a trajectory's start. */
  changed?: number[];
}

function grid(vary: Record<string, number[]>, problems: string[]): Design | undefined {
  const params = Object.keys(vary);
  const before = problems.length;
  // Each check of a value pushes its problem and goes on, so that a spec lists all of them.
  for (const name of params) {
    const seen = new Set<number>();
    vary[name].forEach((v, i) => {
      attempt(problems, () => checkParam(`vary.${name}[${i}]`, name, v));
      if (seen.has(v)) problems.push(`field vary.${name} lists ${v} twice`);
      seen.add(v);
    });
  }
  if (problems.length > before) return undefined;
  // Cartesian product, the first parameter varying slowest.
  let points: number[][] = [[]];
  for (const name of params) points = points.flatMap((p) => vary[name].map((v) => [...p, v]));
  return { type: 'grid', params, points };
}

function unitPoints(design: DesignSpec, k: number): { points: number[][]; changed?: number[] } {
  if (design.type === 'lhs') return { points: latinHypercube(design.samples, k, createRng(design.seed)) };
  if (design.type === 'sobol') {
    const max = Math.floor(SOBOL_MAX_DIMENSIONS / 2);
    if (k > max) throw new Problem(`field design.ranges has ${k} parameters; a Sobol' design takes at most ${max}`);
    return { points: saltelliDesign(design.samples, k) };
  }
  const candidates = design.candidates ?? design.samples;
  if (candidates < design.samples) throw new Problem(`field design.candidates = ${candidates} is not allowed: must be at least samples (${design.samples})`);
  return morrisDesign(design.samples, k, design.levels, createRng(design.seed), candidates);
}

function sampled(design: DesignSpec, problems: string[]): Design | undefined {
  const params = Object.keys(design.ranges);
  if (params.length === 0) {
    problems.push('field design.ranges is empty: must name at least one parameter with [low, high]');
    return undefined;
  }
  const before = problems.length;
  for (const name of params) {
    const [lo, hi] = design.ranges[name];
    attempt(problems, () => checkParam(`design.ranges.${name}[0]`, name, lo));
    attempt(problems, () => checkParam(`design.ranges.${name}[1]`, name, hi));
    if (!(lo < hi)) problems.push(`field design.ranges.${name} = [${lo}, ${hi}] is not allowed: low must be below high`);
  }
  if (problems.length > before) return undefined;
  const unit = attempt(problems, () => unitPoints(design, params.length));
  if (!unit) return undefined;
  const { points: unitRows, changed } = unit;
  const points = unitRows.map((u) =>
    params.map((name, i) => {
      const [lo, hi] = design.ranges[name];
      // Clamped: lo + 1·(hi − lo) can round past hi (0.3 + 0.55 = 0.8500000000000001), which the
      // parameter's own range would then refuse.
      const x = Math.min(hi, Math.max(lo, lo + u[i] * (hi - lo)));
      return isInteger(name) ? Math.round(x) : x;
    }),
  );
  return { type: design.type, params, points, ranges: design.ranges, ...(changed ? { changed } : {}) };
}

/** How many design points the spec asks for, counted before any is built. */
export function designSize(spec: Spec): number {
  if (spec.vary) return Object.values(spec.vary).reduce((n, values) => n * values.length, 1);
  if (!spec.design) return 1;
  const k = Object.keys(spec.design.ranges).length;
  const { type, samples } = spec.design;
  return type === 'lhs' ? samples : type === 'sobol' ? samples * (k + 2) : samples * (k + 1);
}

/** The design points of a spec, or undefined with its problems pushed. */
export function buildDesign(spec: Spec, problems: string[]): Design | undefined {
  if (spec.vary && spec.design) {
    problems.push('give either field vary (a grid) or field design (a sampled design), not both');
    return undefined;
  }
  if (spec.vary) {
    if (Object.keys(spec.vary).length === 0) {
      problems.push('field vary is empty: must name at least one parameter with a list of values');
      return undefined;
    }
    return grid(spec.vary, problems);
  }
  if (spec.design) return sampled(spec.design, problems);
  return { type: 'none', params: [], points: [[]] };
}
