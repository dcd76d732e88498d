// A run's chart markers (lab/markers.ts), the one place a schedule becomes markers: the worker's
// snapshots and the explorer's empty charts both take them from here.
import { describe, expect, it } from 'vitest';
import { markersOf } from '../lab/markers.ts';
import { scenario } from './helpers.ts';

describe('markers of a schedule', () => {
  it('the scheduled changes with their notes, then the interventions, in that order', () => {
    const { schedule } = scenario('reform-at-year-3');
    expect(schedule.length).toBeGreaterThan(0);
    const marks = markersOf(schedule, [{ tick: 5, set: { partnership: 0.9 } }]);
    expect(marks.map((m) => m.kind)).toEqual([...schedule.map(() => 'schedule'), 'intervention']);
    schedule.forEach((c, i) => {
      expect(marks[i].tick).toBe(c.tick);
      expect(marks[i].set).toEqual(c.set);
      expect(marks[i].note).toEqual(c.note);
    });
    expect(marks.at(-1)).toEqual({ tick: 5, set: { partnership: 0.9 }, kind: 'intervention' });
  });

  it('a change without a note has no note field, and no interventions add none', () => {
    expect(markersOf([{ tick: 2, set: { budgetGrowth: 0 } }])).toEqual([{ tick: 2, set: { budgetGrowth: 0 }, kind: 'schedule' }]);
  });
});
