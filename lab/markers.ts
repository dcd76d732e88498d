// The numbered markers of a run's charts: the scenario's scheduled changes (with their notes), then
// the explorer's interventions. One home for turning a schedule into markers, used by the worker's
// snapshots and by the page's empty charts drawn before the first snapshot.
import type { Change, Scenario } from '../sim/index.ts';

export interface Marker {
  tick: number;
  set: Change['set'];
  kind: 'schedule' | 'intervention';
  /** A scheduled change's note, from the scenario file. */
  note?: { en: string; zh: string };
}

/** The markers of a scenario's schedule, then of the interventions, in that order. */
export function markersOf(schedule: Scenario['schedule'], interventions: readonly Change[] = []): Marker[] {
  return [
    ...schedule.map((c): Marker => ({ tick: c.tick, set: c.set, kind: 'schedule', ...(c.note ? { note: c.note } : {}) })),
    ...interventions.map((c): Marker => ({ tick: c.tick, set: c.set, kind: 'intervention' })),
  ];
}
