// The run's limits and defaults, named: read from the parameter registry (sim/params.ts), the one
// place they are written. The CLI, the specs' schemas and the page import these, never copies.
import { PARAM_BY_NAME } from './params.ts';

interface Range {
  readonly min: number;
  readonly max: number;
  readonly default: number;
}

const range = (name: string): Range => {
  const p = PARAM_BY_NAME.get(name)!;
  return { min: p.min, max: p.max, default: p.default };
};

/** Seeds: whole numbers in [0, 2³² − 1]; a run without one uses the default. */
export const SEED: Range = range('seed');

/** Months of a run: whole numbers in [1, max]; the default run is ten years. */
export const TICKS: Range = range('ticks');

/**
 * The smallest purchase share a person may decide (sim/officials.ts, Decision): the model changes
 * the share by a proportion of itself, so from 0 it could never come back.
 */
export const MIN_DECIDED_SHARE = 0.01;
