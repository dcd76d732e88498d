// Design points of an experiment: a full grid (vary), or a sampled design (Latin hypercube, Saltelli
// for Sobol' indices, Morris trajectories) over parameter ranges; integer parameters are rounded.
import { UsageError } from '../common/errors.ts';
import { latinHypercube } from '../analysis/lhs.ts';
import { morrisDesign } from '../analysis/morris-design.ts';
import { createRng } from '../../lab/random.ts';
import { saltelliDesign } from '../analysis/saltelli.ts';
import { SOBOL_MAX_DIMENSIONS } from '../analysis/sobol-sequence.ts';
import { checkParam, isInteger } from './params.ts';
import type { DesignSpec, Spec } from './spec-schema.ts';

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

function grid(vary: Record<string, number[]>): Design {
  const params = Object.keys(vary);
  for (const name of params) {
    const values = vary[name];
    values.forEach((v, i) => {
      checkParam(`vary.${name}[${i}]`, name, v);
      if (values.indexOf(v) !== i) throw new UsageError(`field vary.${name} lists ${v} twice`);
    });
  }
  // Cartesian product, the first parameter varying slowest.
  let points: number[][] = [[]];
  for (const name of params) points = points.flatMap((p) => vary[name].map((v) => [...p, v]));
  return { type: 'grid', params, points };
}

function unitPoints(design: DesignSpec, k: number): { points: number[][]; changed?: number[] } {
  if (design.type === 'lhs') return { points: latinHypercube(design.samples, k, createRng(design.seed)) };
  if (design.type === 'sobol') {
    const max = Math.floor(SOBOL_MAX_DIMENSIONS / 2);
    if (k > max) throw new UsageError(`field design.ranges has ${k} parameters; a Sobol' design takes at most ${max}`);
    return { points: saltelliDesign(design.samples, k) };
  }
  const candidates = design.candidates ?? design.samples;
  if (candidates < design.samples) throw new UsageError(`field design.candidates = ${candidates} is not allowed: must be at least samples (${design.samples})`);
  return morrisDesign(design.samples, k, design.levels, createRng(design.seed), candidates);
}

function sampled(design: DesignSpec): Design {
  const params = Object.keys(design.ranges);
  if (params.length === 0) throw new UsageError('field design.ranges is empty: must name at least one parameter with [low, high]');
  for (const name of params) {
    const [lo, hi] = design.ranges[name];
    checkParam(`design.ranges.${name}[0]`, name, lo);
    checkParam(`design.ranges.${name}[1]`, name, hi);
    if (!(lo < hi)) throw new UsageError(`field design.ranges.${name} = [${lo}, ${hi}] is not allowed: low must be below high`);
  }
  const unit = unitPoints(design, params.length);
  const points = unit.points.map((u) =>
    params.map((name, i) => {
      const [lo, hi] = design.ranges[name];
      const x = lo + u[i] * (hi - lo);
      return isInteger(name) ? Math.round(x) : x;
    }),
  );
  return { type: design.type, params, points, ranges: design.ranges, ...(unit.changed ? { changed: unit.changed } : {}) };
}

/** How many design points the spec asks for, counted before any is built. */
export function designSize(spec: Spec): number {
  if (spec.vary) return Object.values(spec.vary).reduce((n, values) => n * values.length, 1);
  if (!spec.design) return 1;
  const k = Object.keys(spec.design.ranges).length;
  const { type, samples } = spec.design;
  return type === 'lhs' ? samples : type === 'sobol' ? samples * (k + 2) : samples * (k + 1);
}

export function buildDesign(spec: Spec): Design {
  if (spec.vary && spec.design) throw new UsageError('give either field vary (a grid) or field design (a sampled design), not both');
  if (spec.vary) {
    if (Object.keys(spec.vary).length === 0) throw new UsageError('field vary is empty: must name at least one parameter with a list of values');
    return grid(spec.vary);
  }
  if (spec.design) return sampled(spec.design);
  return { type: 'none', params: [], points: [[]] };
}
