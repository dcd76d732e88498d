// The model's calendar (docs/model.md §3, §5). Month 0 is January 2012, the first month reported; the
// world starts `spinUpYears` earlier, in the inherited years (sim/sim.ts, inheritedRegime), so that
// the SO sector, registration and the award urn enter month 0 grown by the model, not drawn.
import type { State } from './state.ts';

/** The first month of the world: −12 × spinUpYears (0 without a spin-up). */
export function startTick(s: State): number {
  return -12 * s.params.spinUpYears;
}

/** Whether this month is the world's first: the month the traditional mode's portfolio is let. */
export function firstMonth(s: State): boolean {
  return s.tick === startTick(s);
}

/** Month of the year, 0–11, for any tick (the inherited years have negative ticks). */
export function monthOfYear(tick: number): number {
  return ((tick % 12) + 12) % 12;
}
