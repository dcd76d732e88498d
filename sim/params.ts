// The one parameter registry: validation, CLI, docs and the browser's controls all read it. Each
// parameter is an object with named fields, in a file of sim/params/ by the process that reads it;
// PARAMS lists the files in the order of the docs table and of `involution-lab params`. Checking
// values against the registry is sim/param-check.ts.
import { ADAPTATION } from './params/adaptation.ts';
import { AWARD } from './params/award.ts';
import { ENTRY } from './params/entry.ts';
import { FOUNDING } from './params/founding.ts';
import { INDEX } from './params/involution-index.ts';
import { NEEDS } from './params/needs.ts';
import { OFFICIALS } from './params/officials.ts';
import { POLICY } from './params/policy.ts';
import { PROJECTS } from './params/projects.ts';
import { SO_FINANCES } from './params/so-finances.ts';
import { SUPERVISION } from './params/supervision.ts';
import { SUPPLY } from './params/supply.ts';
import { WORLD } from './params/world.ts';

export type Group = 'causes' | 'prevention' | 'co-governance' | 'world' | 'calibration';

/** Where a model constant's value comes from: a published magnitude, fitted by `calibrate`, or assumed. */
export type Basis = 'published' | 'calibrated' | 'assumed';

export interface ParamSpec {
  readonly name: string;
  readonly group: Group;
  readonly min: number;
  readonly max: number;
  readonly default: number;
  readonly integer?: boolean;
  /** World size parameters cannot change in the middle of a run. */
  readonly structural?: boolean;
  readonly unit: string;
  /**
   * Its short name on the page (the panel, Compare, the Experiment tab), in each language, as a
   * metric's `label`: every parameter outside group `calibration` has one (test/contributing.test.ts);
   * a model constant has none, and the page names it by its identifier.
   */
  readonly label?: { readonly en: string; readonly zh: string };
  /** What it means, in English and Chinese (the docs table, the CLI, the panel's help). */
  readonly en: string;
  readonly zh: string;
  /** Where it comes from: a short attribution, or a long citation of sim/params/sources.ts. */
  readonly source: string;
  /** Model constants (group `calibration`) only: where the value comes from; [min, max] is the prior range. */
  readonly basis?: Basis;
}

export const PARAMS = [
  // The levers and the world: group causes, prevention, co-governance, world.
  ...POLICY,
  ...WORLD,
  // The model's constants (group calibration), with their prior ranges (docs/model.md §Constants).
  ...SUPPLY,
  ...NEEDS,
  ...PROJECTS,
  ...OFFICIALS,
  ...AWARD,
  ...SUPERVISION,
  ...ADAPTATION,
  ...SO_FINANCES,
  ...ENTRY,
  ...FOUNDING,
  ...INDEX,
] as const satisfies readonly ParamSpec[];

export type ParamName = (typeof PARAMS)[number]['name'];

export const PARAM_BY_NAME: ReadonlyMap<string, ParamSpec> = new Map(PARAMS.map((p) => [p.name, p]));

/**
 * The seed is in the registry for its range, its meaning and its row in the docs, but it is not a
 * model parameter: it travels beside them (`createSim(params, seed)`, the CLI's --seed, the page's
 * seed box, a spec's `seeds`). So `Params` and `DEFAULTS` leave it out, `resolveParams` drops it,
 * and no override (--set, a scenario file, a link, the panel) may set it: they ask `isModelParam`.
 */
const SEED_PARAM = 'seed';

/** Model parameters; the seed travels beside them, not inside. */
export type Params = Record<Exclude<ParamName, typeof SEED_PARAM>, number>;

/** A parameter of the model: a registry name other than the seed. */
export const isModelParam = (name: string): boolean => name !== SEED_PARAM && PARAM_BY_NAME.has(name);

export type Overrides = Partial<Record<ParamName, number>>;

export const DEFAULTS: Params = Object.fromEntries(PARAMS.filter((p) => isModelParam(p.name)).map((p) => [p.name, p.default])) as Params;
