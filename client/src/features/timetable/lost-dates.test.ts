import { describe, expect, it } from 'vitest';
import { summariseLostDates } from './lost-dates';
import type { LostDate } from './timetable-api';

const lost = (school: string, reason: string, detail: string | null = null): LostDate => ({
  date: '2026-12-01',
  school,
  // Any text: a reason this screen has no words for yet must still be counted.
  reason: reason as LostDate['reason'],
  detail,
});

describe('summariseLostDates', () => {
  it('says, per school, how many dates each cause costs, biggest first', () => {
    const summary = summariseLostDates([
      lost('Riverside High School', 'closure', 'INSET day'),
      ...Array.from({ length: 5 }, () => lost('Riverside High School', 'holiday')),
      lost('Northgate Academy', 'holiday'),
    ]);
    expect(summary.map((s) => s.sentence)).toEqual([
      'Riverside High School: 5 dates lost to holidays, 1 to an INSET day',
      'Northgate Academy: 1 date lost to a holiday',
    ]);
    expect(summary[0]!.total).toBe(6);
  });

  it('tells closures apart by what they were, and words the other causes plainly', () => {
    const summary = summariseLostDates([
      lost('Both schools', 'closure', 'Trip'),
      lost('Both schools', 'closure', 'Trip'),
      lost('Both schools', 'device_pool_full'),
      lost('Both schools', 'not_in_cycle_week'),
      lost('Both schools', 'something_new'),
    ]);
    expect(summary[0]!.sentence).toBe(
      'Both schools: 2 dates lost to closures (Trip), 1 to no iPad being free, 1 to the other week of the A/B timetable, 1 to something new',
    );
  });

  it('is empty when nothing is lost', () => {
    expect(summariseLostDates([])).toEqual([]);
  });
});
