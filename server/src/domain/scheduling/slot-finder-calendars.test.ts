import { describe, expect, it } from 'vitest';
import { findSlots } from './slot-finder.js';
import type { Candidate, SlotSearch } from './slot-finder.js';
import { closure, date, isoDates, school, student, terms } from './test-fixtures.js';

const programme = (start: string, end: string) => ({ start: date(start), end: date(end), frequency: 'weekly' as const });
const at = (candidates: Candidate[], weekday: number, hhmm: string) =>
  candidates.find((c) => c.weekday === weekday && c.localStart.toString().startsWith(hhmm));
const lost = (c: Candidate | undefined) => c?.lostDates.map((l) => [l.date.toString(), l.school, l.reason, l.detail ?? '']);

describe('two schools whose Week A/B phases differ, with half-terms a week apart', () => {
  // Riverside's Week A starts on 1 September, Hillcrest's a week later: the phases are opposite
  // all year because both cycles keep running through the holidays.
  const mentorSchool = school('riverside', {
    cycle: { weeks: 2, knownWeekAMonday: date('2025-09-01') },
    terms: terms(['Autumn 1', '2025-09-01', '2025-10-24'], ['Autumn 2', '2025-11-03', '2025-12-19']),
  });
  const menteeSchool = school('hillcrest', {
    cycle: { weeks: 2, knownWeekAMonday: date('2025-09-08') },
    terms: terms(['Autumn 1', '2025-09-01', '2025-10-31'], ['Autumn 2', '2025-11-10', '2025-12-19']),
  });
  const search: SlotSearch = {
    mentorSchool,
    menteeSchool,
    mentor: student('priya', 'riverside', 'B:Tue P3', 'A:Thu P2'),
    mentee: student('sam', 'hillcrest', 'A:Tue P3', 'A:Thu P2'),
    programme: programme('2025-09-01', '2025-12-12'),
    bookings: [],
  };
  const candidates = findSlots(search);

  it('meets on Tuesdays whenever the mentor is in Week B and the mentee in Week A, if both are in term', () => {
    const tuesday = at(candidates, 2, '11:00')!;
    expect(isoDates(tuesday.sessions)).toEqual(['2025-09-09', '2025-09-23', '2025-10-07', '2025-10-21', '2025-11-18', '2025-12-02']);
    expect(lost(tuesday)).toEqual([
      ['2025-09-02', 'mentee', 'not_in_cycle_week', ''],
      ['2025-09-16', 'mentee', 'not_in_cycle_week', ''],
      ['2025-09-30', 'mentee', 'not_in_cycle_week', ''],
      ['2025-10-14', 'mentee', 'not_in_cycle_week', ''],
      ['2025-10-28', 'mentor', 'holiday', ''], // Riverside's half-term
      ['2025-11-04', 'mentee', 'holiday', ''], // Hillcrest's, a week later
      ['2025-11-11', 'mentee', 'not_in_cycle_week', ''],
      ['2025-11-25', 'mentee', 'not_in_cycle_week', ''],
      ['2025-12-09', 'mentee', 'not_in_cycle_week', ''],
    ]);
    expect(tuesday.everyWeekSameSlot).toBe(false);
  });

  it('never meets on Thursdays: both want Week A, and the two schools are never in Week A together', () => {
    expect(at(candidates, 4, '09:50')).toBeUndefined();
    expect(candidates).toHaveLength(1);
  });
});

describe('an INSET day at one school only', () => {
  it.each([
    ['mentee', 'riverside', 'hillcrest'],
    ['mentor', 'hillcrest', 'riverside'],
  ] as const)('is lost to the %s school, with its reason', (side, openId, closedId) => {
    const open = school(openId);
    const closed = school(closedId, { closures: [closure('2026-01-13', 'INSET day')] });
    const schools = { riverside: side === 'mentor' ? closed : open, hillcrest: side === 'mentee' ? closed : open };
    const [candidate] = findSlots({
      mentorSchool: schools.riverside,
      menteeSchool: schools.hillcrest,
      mentor: student('priya', 'riverside', 'Tue P1'),
      mentee: student('sam', 'hillcrest', 'Tue P1'),
      programme: programme('2026-01-05', '2026-01-30'),
      bookings: [],
    });
    expect(lost(candidate)).toEqual([['2026-01-13', side, 'closure', 'INSET day']]);
    expect(isoDates(candidate!.sessions)).toEqual(['2026-01-06', '2026-01-20', '2026-01-27']);
    expect(candidate!.everyWeekSameSlot).toBe(true);
  });
});

describe('mismatched half-terms', () => {
  const mentorSchool = school('riverside', {
    terms: terms(['Spring 1', '2026-01-05', '2026-02-13'], ['Spring 2', '2026-02-23', '2026-03-27']),
  });
  const menteeSchool = school('hillcrest', {
    terms: terms(['Spring 1', '2026-01-05', '2026-02-06'], ['Spring 2', '2026-02-16', '2026-03-27']),
  });
  const [candidate] = findSlots({
    mentorSchool,
    menteeSchool,
    mentor: student('priya', 'riverside', 'Wed P4'),
    mentee: student('sam', 'hillcrest', 'Wed P4'),
    programme: programme('2026-01-26', '2026-04-17'),
    bookings: [],
  });

  it('loses one week to each school and the Easter break to both', () => {
    expect(lost(candidate)).toEqual([
      ['2026-02-11', 'mentee', 'holiday', ''],
      ['2026-02-18', 'mentor', 'holiday', ''],
      ['2026-04-01', 'both', 'holiday', ''],
      ['2026-04-08', 'both', 'holiday', ''],
      ['2026-04-15', 'both', 'holiday', ''],
    ]);
    expect(candidate!.sessions).toHaveLength(7);
  });
});

describe('partial-day closures', () => {
  const search = (closures: ReturnType<typeof closure>[], end = '2026-01-23'): SlotSearch => ({
    mentorSchool: school('riverside'),
    menteeSchool: school('hillcrest', { closures }),
    mentor: student('priya', 'riverside', 'Tue P1', 'Tue P5'),
    mentee: student('sam', 'hillcrest', 'Tue P1', 'Tue P5'),
    programme: programme('2026-01-12', end),
    bookings: [],
  });

  it.each([
    ['a morning of mocks loses the morning slot only', closure('2026-01-13', 'Year 11 mocks', '08:30', '12:40'), ['closure'], []],
    ['an afternoon trip (open-ended) loses the afternoon slot only', closure('2026-01-13', 'Trip', '13:00'), [], ['closure']],
    ['a closure ending as the session starts loses nothing', closure('2026-01-13', 'Assembly', '08:40', '09:00'), [], []],
    ['a closure starting as the session ends loses nothing', closure('2026-01-13', 'Fire drill', '09:30', '09:40'), [], []],
    ['a closure overlapping by a minute loses it', closure('2026-01-13', 'Fire drill', '09:29', '09:40'), ['closure'], []],
    ['a closure on another day loses nothing', closure('2026-01-14', 'Trip', '08:00', '16:00'), [], []],
  ])('%s', (_label, c, morning, afternoon) => {
    const candidates = findSlots(search([c]));
    const reasons = (hhmm: string) => (at(candidates, 2, hhmm)?.lostDates ?? []).map((l) => l.reason);
    expect(reasons('09:00')).toEqual(morning);
    expect(reasons('13:30')).toEqual(afternoon);
  });

  it('drops a slot with no session left at all', () => {
    const candidates = findSlots(search([closure('2026-01-13', 'Mocks', '08:30', '12:40')], '2026-01-16'));
    expect(candidates.map((c) => c.localStart.toString().slice(0, 5))).toEqual(['13:30']);
    expect(at(candidates, 2, '09:00')).toBeUndefined();
  });
});
