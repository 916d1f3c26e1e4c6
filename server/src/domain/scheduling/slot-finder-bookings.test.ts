import { describe, expect, it } from 'vitest';
import type { Booking } from './calendar.js';
import { findSlots } from './slot-finder.js';
import type { SlotSearch } from './slot-finder.js';
import { booking, date, isoDates, school, student } from './test-fixtures.js';

const search = (overrides: Partial<SlotSearch> & { bookings: Booking[] }): SlotSearch => ({
  mentorSchool: school('riverside'),
  menteeSchool: school('hillcrest'),
  mentor: student('priya', 'riverside', 'Tue P1'),
  mentee: student('sam', 'hillcrest', 'Tue P1'),
  programme: { start: date('2026-01-05'), end: date('2026-01-30'), frequency: 'weekly' },
  ...overrides,
});
/** Lost dates of the 09:00 slot (other starts may appear where a booking ends). */
const lost = (s: SlotSearch) =>
  findSlots(s)
    .find((c) => c.localStart.toString() === '09:00:00')
    ?.lostDates.map((l) => [l.date.toString(), l.school, l.reason]);
/** Other students' sessions at a school on Tue 13 January (GMT, so UTC = local). */
const others = (schoolId: string, ...spans: [string, string][]) =>
  spans.map(([from, to], i) => booking(schoolId, [`other-${i}`], `2026-01-13T${from}:00Z`, `2026-01-13T${to}:00Z`));

describe('device pools', () => {
  it.each([
    ['one iPad, free', 1, [], false],
    ['one iPad, in use', 1, [['09:00', '09:30']], true],
    ['one iPad, in use for the last minute only', 1, [['09:29', '09:45']], true],
    ['one iPad, freed as the session starts', 1, [['08:40', '09:00']], false],
    ['four iPads, three in use', 4, [['09:00', '09:30'], ['09:00', '09:30'], ['09:10', '09:20']], false],
    ['four iPads, all in use', 4, [['09:00', '09:30'], ['09:00', '09:30'], ['08:50', '09:20'], ['09:10', '09:40']], true],
    ['two iPads, two bookings one after the other', 2, [['09:00', '09:10'], ['09:15', '09:30']], false],
    ['one iPad, two bookings one after the other', 1, [['09:00', '09:10'], ['09:15', '09:30']], true],
  ] as const)('%s at the mentee school', (_label, devices, spans, full) => {
    const s = search({
      menteeSchool: school('hillcrest', { devicePool: { devices } }),
      bookings: others('hillcrest', ...(spans as unknown as [string, string][])),
    });
    expect(lost(s)).toEqual(full ? [['2026-01-13', 'mentee', 'device_pool_full']] : []);
  });

  it('counts the mentor school pool on its own, and ignores bookings at other schools', () => {
    const s = search({
      mentorSchool: school('riverside', { devicePool: { devices: 1 } }),
      bookings: [...others('riverside', ['09:00', '09:30']), ...others('elsewhere', ['09:00', '09:30'])],
    });
    expect(lost(s)).toEqual([['2026-01-13', 'mentor', 'device_pool_full']]);
  });

  it('offers nothing at a school with no iPads', () => {
    expect(findSlots(search({ menteeSchool: school('hillcrest', { devicePool: { devices: 0 } }), bookings: [] }))).toEqual([]);
  });
});

describe('students already booked', () => {
  it.each([
    ['the mentor', 'riverside', 'priya', 'mentor'],
    ['the mentee', 'hillcrest', 'sam', 'mentee'],
  ] as const)('loses the date when %s is in another session then', (_label, schoolId, studentId, side) => {
    const s = search({ bookings: [booking(schoolId, [studentId, 'someone'], '2026-01-20T09:10:00Z', '2026-01-20T09:40:00Z')] });
    expect(lost(s)).toEqual([['2026-01-20', side, 'student_booked']]);
  });

  it('offers the moment a blocking booking ends as a start, ahead of the next back-to-back start', () => {
    const weekly = ['06', '13', '20', '27'].map((d) => booking('hillcrest', ['sam'], `2026-01-${d}T11:00:00Z`, `2026-01-${d}T11:15:00Z`));
    const candidates = findSlots(
      search({ mentor: student('priya', 'riverside', 'Tue P3'), mentee: student('sam', 'hillcrest', 'Tue P3'), bookings: weekly }),
    );
    expect(candidates.map((c) => c.localStart.toString().slice(0, 5))).toEqual(['11:15']);
    expect(isoDates(candidates[0]!.sessions)).toEqual(['2026-01-06', '2026-01-13', '2026-01-20', '2026-01-27']);
  });
});
