import { describe, expect, it } from 'vitest';
import { closureWords, nextSchoolDays, previewWeek } from './calendar-preview';
import type { SchoolCalendarBody } from './school-calendar-api';

const day = [
  { name: 'P1', start: '09:00', end: '10:00' },
  { name: 'Registration', start: '08:40', end: '09:00' },
];
const friday = [{ name: 'P1', start: '09:00', end: '09:50' }];

const calendar = (over: Partial<SchoolCalendarBody> = {}): SchoolCalendarBody => ({
  timeZone: 'Europe/London',
  bellSchedule: { 1: day, 2: day, 3: day, 4: day, 5: friday },
  cycle: { weeks: 2, knownWeekAMonday: '2026-09-07' },
  terms: [
    { name: 'Autumn 2', start: '2026-11-02', end: '2026-12-18' },
    { name: 'Spring 1', start: '2027-01-05', end: '2027-02-12' },
  ],
  ...over,
});

const inset = { date: '2026-12-01', fromTime: null, toTime: null, reason: 'INSET day' };
const sports = { date: '2026-12-03', fromTime: '13:00', toTime: '15:10', reason: 'Sports afternoon' };

describe('previewWeek', () => {
  it("shows each day's periods in time order, the A/B letter and the closures", () => {
    const week = previewWeek(calendar(), [inset, sports], '2026-12-02');
    expect(week.map((d) => [d.date, d.week, d.status])).toEqual([
      ['2026-11-30', 'A', 'open'],
      ['2026-12-01', 'A', 'closed'],
      ['2026-12-02', 'A', 'open'],
      ['2026-12-03', 'A', 'part-closed'],
      ['2026-12-04', 'A', 'open'],
    ]);
    expect(week[0]!.periods.map((p) => p.name)).toEqual(['Registration', 'P1']);
    expect(week[4]!.periods).toEqual(friday);
    expect(week[1]!.closures).toEqual([inset]);
    expect(previewWeek(calendar(), [], '2026-12-09')[0]!.week).toBe('B');
  });

  it('has no letter on a one-week timetable, and marks holiday days', () => {
    const week = previewWeek(calendar({ cycle: { weeks: 1, knownWeekAMonday: '2026-09-07' } }), [], '2026-12-21');
    expect(week.every((d) => d.week === null && d.status === 'holiday' && d.term === null)).toBe(true);
  });
});

describe('nextSchoolDays', () => {
  it('skips weekends and holidays, and keeps closed days so the INSET day shows', () => {
    const days = nextSchoolDays(calendar(), [inset], '2026-12-17', 4);
    expect(days.map((d) => [d.date, d.term, d.status])).toEqual([
      ['2026-12-17', 'Autumn 2', 'open'],
      ['2026-12-18', 'Autumn 2', 'open'],
      ['2027-01-05', 'Spring 1', 'open'],
      ['2027-01-06', 'Spring 1', 'open'],
    ]);
    expect(nextSchoolDays(calendar(), [inset], '2026-11-30', 2).map((d) => d.status)).toEqual(['open', 'closed']);
  });

  it('stops when no term lies ahead rather than looking for ever', () => {
    expect(nextSchoolDays(calendar({ terms: [] }), [], '2026-11-25', 5)).toEqual([]);
  });
});

describe('closureWords', () => {
  it('says whole day or the hours', () => {
    expect(closureWords(inset)).toBe('Closed all day: INSET day');
    expect(closureWords(sports)).toBe('Closed 13:00–15:10: Sports afternoon');
  });
});
