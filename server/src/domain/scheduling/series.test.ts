import { describe, expect, it } from 'vitest';
import type { SchoolCalendar } from './calendar.js';
import { bookingsOf, impactOfClosure, occurrencesOf } from './series.js';
import { findSlots } from './slot-finder.js';
import { booking, closure, date, school, student, terms } from './test-fixtures.js';

const mentor = student('priya', 'riverside', 'Tue P1', 'Mon P3', 'Wed P5', 'Tue P5');
const mentee = student('sam', 'hillcrest', 'Tue P1', 'Mon P3', 'Wed P5', 'Tue P5');
const mentorSchool = school('riverside');
const menteeSchool = school('hillcrest');
const programme = { start: date('2026-01-05'), end: date('2026-02-06'), frequency: 'weekly' as const };
const [tuesday] = findSlots({ mentor, mentee, mentorSchool, menteeSchool, programme, bookings: [] });
const occurrences = occurrencesOf(tuesday!);

const impact = (changes: { mentorSchool?: SchoolCalendar; menteeSchool?: SchoolCalendar }, today = '2026-01-12', extra = {}) =>
  impactOfClosure({ occurrences, mentor, mentee, mentorSchool, menteeSchool, bookings: [], today: date(today), ...changes, ...extra });
const summary = (impacts: ReturnType<typeof impact>) =>
  impacts.map((i) => ({
    cancelled: i.occurrence.start.toString(),
    because: i.cancelledBecause,
    replacement: i.replacement?.start.toString() ?? null,
    ...(i.noReplacement ? { none: i.noReplacement.reason } : {}),
  }));

describe('a series created from a candidate', () => {
  it('stores one occurrence per session, as two bookings (a device and a student at each school)', () => {
    expect(tuesday!.localStart.toString()).toBe('09:00:00');
    expect(occurrences.map((o) => o.date.toString())).toEqual(['2026-01-06', '2026-01-13', '2026-01-20', '2026-01-27', '2026-02-03']);
    const bookings = bookingsOf(occurrences, mentor, mentee);
    expect(bookings).toHaveLength(10);
    expect(bookings.slice(0, 2).map((b) => [b.schoolId, b.studentIds, b.start.toString()])).toEqual([
      ['riverside', ['priya'], '2026-01-06T09:00:00Z'],
      ['hillcrest', ['sam'], '2026-01-06T09:00:00Z'],
    ]);
  });

  it('is untouched by a calendar change that misses it', () => {
    expect(impact({ menteeSchool: school('hillcrest', { closures: [closure('2026-01-22', 'Trip')] }) })).toEqual([]);
  });
});

describe('impactOfClosure', () => {
  it('cancels exactly the occurrence on a new snow day and proposes the nearest day that week (earlier on a tie)', () => {
    const snowed = school('hillcrest', { closures: [closure('2026-01-20', 'Snow day')] });
    expect(summary(impact({ menteeSchool: snowed }))).toEqual([
      {
        cancelled: '2026-01-20T09:00:00Z',
        because: { school: 'mentee', reason: 'closure', detail: 'Snow day' },
        replacement: '2026-01-19T11:00:00Z', // Monday P3
      },
    ]);
  });

  it('moves a session to later the same day when only the morning is closed', () => {
    const mocks = school('riverside', { closures: [closure('2026-01-27', 'Mock exams', '08:30', '10:40')] });
    expect(summary(impact({ mentorSchool: mocks }))).toEqual([
      {
        cancelled: '2026-01-27T09:00:00Z',
        because: { school: 'mentor', reason: 'closure', detail: 'Mock exams' },
        replacement: '2026-01-27T13:30:00Z',
      },
    ]);
  });

  it('leaves sessions before today alone, and does not propose a day already past', () => {
    const closures = [closure('2026-01-13', 'Snow day'), closure('2026-01-20', 'Snow day')];
    const impacts = impact({ menteeSchool: school('hillcrest', { closures }) }, '2026-01-20');
    expect(summary(impacts)).toEqual([
      { cancelled: '2026-01-20T09:00:00Z', because: { school: 'mentee', reason: 'closure', detail: 'Snow day' }, replacement: '2026-01-21T13:30:00Z' },
    ]);
  });

  it('cancels the sessions a shortened term no longer covers, with no replacement when that whole week is a holiday', () => {
    const shorter = school('riverside', { terms: terms(['Spring 1', '2026-01-05', '2026-01-30']) });
    expect(summary(impact({ mentorSchool: shorter }))).toEqual([
      { cancelled: '2026-02-03T09:00:00Z', because: { school: 'mentor', reason: 'holiday' }, replacement: null, none: 'schools_closed' },
    ]);
  });

  it('explains when the students share no other time that week', () => {
    const onlyTuesday = { mentor: student('priya', 'riverside', 'Tue P1'), mentee: student('sam', 'hillcrest', 'Tue P1') };
    const [impacted] = impact({ menteeSchool: school('hillcrest', { closures: [closure('2026-01-20', 'Snow day')] }) }, '2026-01-12', onlyTuesday);
    expect(impacted!.replacement).toBeNull();
    expect(impacted!.noReplacement).toEqual({
      reason: 'no_shared_time',
      message: 'The two students have no other free period in common that week.',
    });
  });

  it('explains when every other shared time that week is taken', () => {
    const twoSlots = { mentor: student('priya', 'riverside', 'Tue P1', 'Wed P5'), mentee: student('sam', 'hillcrest', 'Tue P1', 'Wed P5') };
    const closed = school('hillcrest', { closures: [closure('2026-01-20', 'Snow day')], devicePool: { devices: 1 } });
    const bookings = [booking('hillcrest', ['other'], '2026-01-21T13:30:00Z', '2026-01-21T14:20:00Z')];
    const [impacted] = impact({ menteeSchool: closed }, '2026-01-12', { ...twoSlots, bookings });
    expect(impacted!.noReplacement?.reason).toBe('all_taken');
  });

  it('reports both schools when both are shut', () => {
    const both = {
      mentorSchool: school('riverside', { closures: [closure('2026-01-20', 'INSET day')] }),
      menteeSchool: school('hillcrest', { closures: [closure('2026-01-20', 'Snow day')] }),
    };
    expect(impact(both)[0]!.cancelledBecause).toEqual({ school: 'both', reason: 'closure', detail: 'Snow day; INSET day' });
  });

  it('has nothing to say about an empty series', () => {
    expect(impactOfClosure({ occurrences: [], mentor, mentee, mentorSchool, menteeSchool, bookings: [], today: date('2026-01-01') })).toEqual([]);
  });
});
