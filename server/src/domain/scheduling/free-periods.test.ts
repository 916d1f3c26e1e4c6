import { describe, expect, it } from 'vitest';
import { distinctSlots, freePeriodProblems } from './free-periods.js';

const bell = { 1: [{ name: 'P1' }, { name: 'P2' }], 2: [{ name: 'P1' }, { name: 'P3' }], 3: [], 4: [{ name: 'P1' }], 5: [{ name: 'P1' }] };

describe('freePeriodProblems', () => {
  it('accepts periods the bell schedule has on that weekday', () => {
    expect(freePeriodProblems([{ week: 'A', weekday: 1, period: 'P2' }, { week: 'any', weekday: 2, period: 'P3' }], { bellSchedule: bell, cycleWeeks: 2 })).toEqual([]);
  });

  it('names the period and the day of each slot that does not fit', () => {
    expect(
      freePeriodProblems(
        [
          { week: 'any', weekday: 2, period: 'P2' },
          { week: 'A', weekday: 3, period: 'P1' },
          { week: 'B', weekday: 1, period: 'P1' },
        ],
        { bellSchedule: bell, cycleWeeks: 1 },
      ),
    ).toEqual([
      '"P2" is not a Tuesday period in the bell schedule (Tuesday has P1, P3)',
      'Wednesday P1: Wednesday has no periods in the bell schedule',
      'Week B Monday P1: the school runs a one-week timetable, so there is no Week B',
    ]);
  });
});

describe('distinctSlots', () => {
  it('keeps each slot once', () => {
    expect(distinctSlots([{ week: 'A', weekday: 1, period: 'P1' }, { week: 'A', weekday: 1, period: 'P1' }, { week: 'B', weekday: 1, period: 'P1' }])).toHaveLength(2);
  });
});
