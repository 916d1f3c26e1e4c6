import { describe, expect, it } from 'vitest';
import { findSlots } from './slot-finder.js';
import { closure, date, everyDay, isoDates, school, student } from './test-fixtures.js';
import type { SlotSearch } from './slot-finder.js';

const weekly = (start: string, end: string, sessionMinutes?: number) => ({
  start: date(start),
  end: date(end),
  frequency: 'weekly' as const,
  ...(sessionMinutes ? { sessionMinutes } : {}),
});

describe('findSlots across the clock changes', () => {
  const bells = everyDay([
    ['Tutor', '08:40', '09:10'],
    ['P1', '09:10', '10:10'],
  ]);
  const search: SlotSearch = {
    mentorSchool: school('riverside', { bellSchedule: bells }),
    menteeSchool: school('hillcrest', { bellSchedule: bells }),
    mentor: student('priya', 'riverside', 'Tue Tutor'),
    mentee: student('sam', 'hillcrest', 'Tue Tutor'),
    // Spans the last Sundays of March (29th) and October (25th) 2026.
    programme: weekly('2026-03-01', '2026-11-29'),
    bookings: [],
  };
  const [candidate, ...others] = findSlots(search);

  it('offers one Tuesday 08:40 slot, anchored to the mentee school', () => {
    expect(others).toEqual([]);
    expect(candidate).toMatchObject({
      anchor: { side: 'mentee', schoolId: 'hillcrest', timeZone: 'Europe/London' },
      weekday: 2,
      menteePeriod: 'Tutor',
      sessionMinutes: 30,
      everyWeekSameSlot: true,
      lostDates: [],
    });
    expect(candidate!.localStart.toString()).toBe('08:40:00');
  });

  it('keeps 08:40 on the wall clock every week while the UTC instant moves by an hour', () => {
    const sessions = candidate!.sessions;
    const local = sessions.map((s) => s.start.toZonedDateTimeISO('Europe/London').toPlainTime().toString());
    expect(new Set(local)).toEqual(new Set(['08:40:00']));
    const utc = (iso: string) => sessions.find((s) => s.date.toString() === iso)!.start.toString();
    expect(utc('2026-03-24')).toBe('2026-03-24T08:40:00Z');
    expect(utc('2026-03-31')).toBe('2026-03-31T07:40:00Z');
    expect(utc('2026-10-20')).toBe('2026-10-20T07:40:00Z');
    expect(utc('2026-10-27')).toBe('2026-10-27T08:40:00Z');
  });

  it('loses and duplicates nothing: one session every Tuesday, 7 days apart, 30 minutes each', () => {
    const sessions = candidate!.sessions;
    expect(sessions).toHaveLength(39); // 3 March … 24 November 2026
    expect(sessions[0]!.date.toString()).toBe('2026-03-03');
    expect(sessions.at(-1)!.date.toString()).toBe('2026-11-24');
    sessions.slice(1).forEach((s, i) => expect(sessions[i]!.date.until(s.date).days).toBe(7));
    sessions.forEach((s) => expect(s.start.until(s.end).total('minutes')).toBe(30));
  });
});

describe('findSlots ranking', () => {
  const mentorSchool = school('riverside');
  const menteeSchool = school('hillcrest', { closures: [closure('2026-01-15', 'INSET day')] });
  const candidates = findSlots({
    mentorSchool,
    menteeSchool,
    mentor: student('priya', 'riverside', 'Tue P5', 'A:Wed P1', 'Thu P1', 'Fri P5'),
    mentee: student('sam', 'hillcrest', 'Tue P5', 'Wed P1', 'Thu P1', 'Fri P5'),
    programme: weekly('2026-01-05', '2026-02-27'),
    bookings: [],
  });
  const summary = candidates.map((c) => [c.weekday, c.localStart.toString().slice(0, 5), c.everyWeekSameSlot, c.lostDates.length]);

  it('puts the same slot every week first, then fewer lost dates, then earlier in the day, then Monday first', () => {
    expect(summary).toEqual([
      [2, '13:30', true, 0],
      [5, '13:30', true, 0],
      [4, '09:00', true, 1], // the mentee school's INSET day
      [3, '09:00', false, 4], // Week A only at the mentor's school
    ]);
  });

  it('says which cycle week loses the A-only slot', () => {
    const wednesday = candidates.find((c) => c.weekday === 3)!;
    // 5 January 2026 starts a Week A (18 weeks after 1 September), so the Week B Wednesdays are lost.
    expect(isoDates(wednesday.lostDates)).toEqual(['2026-01-14', '2026-01-28', '2026-02-11', '2026-02-25']);
    expect(new Set(wednesday.lostDates.map((l) => `${l.school}:${l.reason}`))).toEqual(new Set(['mentor:not_in_cycle_week']));
  });

  it('is deterministic', () => {
    const again = findSlots({
      mentorSchool,
      menteeSchool,
      mentor: student('priya', 'riverside', 'Fri P5', 'Thu P1', 'A:Wed P1', 'Tue P5'),
      mentee: student('sam', 'hillcrest', 'Fri P5', 'Thu P1', 'Wed P1', 'Tue P5'),
      programme: weekly('2026-01-05', '2026-02-27'),
      bookings: [],
    });
    expect(again).toEqual(candidates);
  });

  it('builds only the best few in full when asked for a limit', () => {
    const top = findSlots({
      mentorSchool,
      menteeSchool,
      mentor: student('priya', 'riverside', 'Tue P5', 'A:Wed P1', 'Thu P1', 'Fri P5'),
      mentee: student('sam', 'hillcrest', 'Tue P5', 'Wed P1', 'Thu P1', 'Fri P5'),
      programme: weekly('2026-01-05', '2026-02-27'),
      bookings: [],
      limit: 2,
    });
    expect(top).toEqual(candidates.slice(0, 2));
  });
});

describe('findSlots start times', () => {
  const base = {
    mentorSchool: school('riverside'),
    menteeSchool: school('hillcrest'),
    programme: weekly('2026-01-05', '2026-01-30'),
    bookings: [],
  };
  const starts = (search: SlotSearch) => findSlots(search).map((c) => `${c.weekday} ${c.localStart.toString().slice(0, 5)}`);

  it.each([
    ['a 50-minute period holds one 30-minute session', 'Tue P1', 'Tue P1', undefined, ['2 09:00']],
    ['a 20-minute registration holds none', 'Tue Registration', 'Tue Registration', undefined, []],
    ['20-minute sessions are packed back to back', 'Tue P1', 'Tue P1', 20, ['2 09:00', '2 09:20']],
    ['two free periods back to back are still separate periods', 'Tue P1', 'Tue P2', undefined, []],
    ['nothing in common, nothing offered', 'Mon P1', 'Tue P1', undefined, []],
  ])('%s', (_label, mentorFree, menteeFree, minutes, expected) => {
    const search = {
      ...base,
      programme: weekly('2026-01-05', '2026-01-30', minutes),
      mentor: student('priya', 'riverside', mentorFree),
      mentee: student('sam', 'hillcrest', menteeFree),
    };
    expect(starts(search)).toEqual(expected);
  });

  it('only counts dates inside the programme', () => {
    const [candidate] = findSlots({
      ...base,
      programme: weekly('2026-01-07', '2026-01-27'),
      mentor: student('priya', 'riverside', 'Tue P1'),
      mentee: student('sam', 'hillcrest', 'Tue P1'),
    });
    expect(isoDates(candidate!.sessions)).toEqual(['2026-01-13', '2026-01-20', '2026-01-27']);
  });

  it('refuses a programme that ends before it starts, and availability for the wrong school', () => {
    const pair = { mentor: student('priya', 'riverside', 'Tue P1'), mentee: student('sam', 'hillcrest', 'Tue P1') };
    expect(() => findSlots({ ...base, ...pair, programme: weekly('2026-02-01', '2026-01-01') })).toThrow(RangeError);
    expect(() => findSlots({ ...base, ...pair, mentee: student('sam', 'riverside', 'Tue P1') })).toThrow(/hillcrest/);
    expect(() => findSlots({ ...base, ...pair, programme: weekly('2026-01-05', '2026-01-30', -5) })).toThrow(RangeError);
  });
});
