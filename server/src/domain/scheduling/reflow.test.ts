import { describe, expect, it } from 'vitest';
import type { SchoolCalendar } from './calendar.js';
import { impactOfCalendarChange, lossOfSession } from './reflow.js';
import { bookingsOf, occurrencesOf } from './series.js';
import { findSlots } from './slot-finder.js';
import { booking, closure, date, everyDay, instant, school, STANDARD_DAY, student } from './test-fixtures.js';

const mentor = student('priya', 'riverside', 'Tue P1', 'Mon P3', 'Wed P5');
const mentee = student('sam', 'hillcrest', 'Tue P1', 'Mon P3', 'Wed P5');
const mentorSchool = school('riverside');
const menteeSchool = school('hillcrest');
const programme = { start: date('2026-01-05'), end: date('2026-02-06') };
const [tuesday] = findSlots({ mentor, mentee, mentorSchool, menteeSchool, programme: { ...programme, frequency: 'weekly' }, bookings: [] });
const occurrences = occurrencesOf(tuesday!);
const base = { occurrences, mentor, mentee, mentorSchool, menteeSchool, bookings: [], today: date('2026-01-12'), programme };

const summary = (impacts: ReturnType<typeof impactOfCalendarChange>) =>
  impacts.map((i) => ({
    cancelled: i.occurrence.date.toString(),
    because: i.cancelledBecause.reason,
    replacement: i.replacement?.start.toString() ?? null,
    ...(i.noReplacement ? { none: i.noReplacement.reason } : {}),
  }));

describe('impactOfCalendarChange', () => {
  it('cancels every future session when the bell times move the period away, proposing the new overlap', () => {
    const bells = everyDay(STANDARD_DAY.map(([name, start, end]) => (name === 'P1' ? [name, '09:10', end] : name === 'Registration' ? [name, start, '09:10'] : [name, start, end])));
    const impacts = impactOfCalendarChange({ ...base, menteeSchool: school('hillcrest', { bellSchedule: bells }) });
    expect(impacts.map((i) => i.occurrence.date.toString())).toEqual(['2026-01-13', '2026-01-20', '2026-01-27', '2026-02-03']);
    expect(impacts[0]!.cancelledBecause).toEqual({ school: 'mentee', reason: 'not_available' });
    expect(impacts[0]!.replacement?.start.toString()).toBe('2026-01-13T09:10:00Z');
  });

  it('cancels the sessions a new Week A Monday moves into the week the student is not free in', () => {
    const weekA = student('priya', 'riverside', 'A:Tue P1');
    const [alternate] = findSlots({ ...base, mentor: weekA, programme: { ...programme, frequency: 'weekly' } });
    const swapped: SchoolCalendar = school('riverside', { cycle: { weeks: 2, knownWeekAMonday: date('2025-09-08') } });
    const impacts = impactOfCalendarChange({ ...base, mentor: weekA, occurrences: occurrencesOf(alternate!), mentorSchool: swapped });
    expect(impacts.length).toBeGreaterThan(0);
    expect(impacts.length).toBe(occurrencesOf(alternate!).filter((o) => o.date.toString() >= '2026-01-12').length);
    expect(impacts.every((i) => i.cancelledBecause.school === 'mentor' && i.cancelledBecause.reason === 'not_in_cycle_week')).toBe(true);
  });

  it('cancels sessions outside new programme dates, with no replacement', () => {
    expect(summary(impactOfCalendarChange({ ...base, programme: { start: programme.start, end: date('2026-01-30') } }))).toEqual([
      { cancelled: '2026-02-03', because: 'outside_programme', replacement: null, none: 'outside_programme' },
    ]);
  });

  it('never proposes a replacement before the programme starts', () => {
    const snowed = school('hillcrest', { closures: [closure('2026-01-20', 'Snow day')] });
    // The nearest day is Monday 19 January (P3) ...
    expect(summary(impactOfCalendarChange({ ...base, menteeSchool: snowed }))[0]!.replacement).toBe('2026-01-19T11:00:00Z');
    // ... but a programme starting on the 20th offers only the Wednesday after.
    const late = { start: date('2026-01-20'), end: programme.end };
    const impacts = summary(impactOfCalendarChange({ ...base, menteeSchool: snowed, programme: late }));
    expect(impacts.find((i) => i.cancelled === '2026-01-20')!.replacement).toBe('2026-01-21T13:30:00Z');
  });

  it("treats the cancelled sessions' own bookings as free again, but keeps everyone else's", () => {
    const bells = everyDay(STANDARD_DAY.map(([name, start, end]) => (name === 'P1' ? [name, '09:10', end] : name === 'Registration' ? [name, start, '09:10'] : [name, start, end])));
    const moved = school('hillcrest', { bellSchedule: bells });
    // The series' own 09:00 sessions overlap the new 09:10 slot: they are the ones being cancelled.
    const own = bookingsOf(occurrences, mentor, mentee);
    expect(impactOfCalendarChange({ ...base, menteeSchool: moved, bookings: own })[0]!.replacement?.start.toString()).toBe('2026-01-13T09:10:00Z');
    // Someone else's session then is a real clash: the nearest other shared time that week is Monday P3.
    const others = [...own, booking('hillcrest', ['sam'], '2026-01-13T09:10:00Z', '2026-01-13T09:50:00Z')];
    expect(impactOfCalendarChange({ ...base, menteeSchool: moved, bookings: others })[0]!.replacement?.start.toString()).toBe('2026-01-12T11:00:00Z');
  });
});

describe('lossOfSession', () => {
  const at = (start: string, end: string, changes: Partial<Parameters<typeof lossOfSession>[0]> = {}) =>
    lossOfSession({ mentor, mentee, mentorSchool, menteeSchool, bookings: [], programme, start: instant(start), end: instant(end), ...changes });

  it('passes a session every rule allows, and names the first rule another breaks', () => {
    expect(at('2026-01-19T11:00:00Z', '2026-01-19T11:30:00Z')).toBeUndefined();
    expect(at('2026-01-19T11:00:00Z', '2026-01-19T11:30:00Z', { mentorSchool: school('riverside', { closures: [closure('2026-01-19', 'Trip')] }) })).toEqual({
      school: 'mentor',
      reason: 'closure',
      detail: 'Trip',
    });
    expect(at('2026-01-19T13:30:00Z', '2026-01-19T14:00:00Z')).toEqual({ school: 'mentee', reason: 'not_available' });
    expect(at('2026-02-09T11:00:00Z', '2026-02-09T11:30:00Z')).toEqual({ school: 'both', reason: 'outside_programme' });
    const bookings = [booking('riverside', ['priya'], '2026-01-19T11:00:00Z', '2026-01-19T11:50:00Z')];
    expect(at('2026-01-19T11:00:00Z', '2026-01-19T11:30:00Z', { bookings })).toEqual({ school: 'mentor', reason: 'student_booked' });
  });
});
