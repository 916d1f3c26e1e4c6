import { describe, expect, it } from 'vitest';
import { findSlots } from './slot-finder.js';
import type { SlotSearch } from './slot-finder.js';
import { STANDARD_DAY, closure, date, everyDay, isoDates, school, student } from './test-fixtures.js';

const programme = (start: string, end: string) => ({ start: date(start), end: date(end), frequency: 'weekly' as const });
const wallClock = (i: { start: { toZonedDateTimeISO(z: string): { toPlainTime(): { toString(): string } } } }, zone: string) =>
  i.start.toZonedDateTimeISO(zone).toPlainTime().toString().slice(0, 5);

describe('schools in different zones', () => {
  it.each(['Europe/London', 'Europe/Dublin'])('a London school finds the same slots with a partner in %s', (zone) => {
    const search: SlotSearch = {
      mentorSchool: school('riverside', { timeZone: zone }),
      menteeSchool: school('hillcrest'),
      mentor: student('priya', 'riverside', 'Tue P1', 'Thu P5'),
      mentee: student('sam', 'hillcrest', 'Tue P1', 'Thu P5'),
      programme: programme('2026-03-02', '2026-11-06'),
      bookings: [],
    };
    const found = findSlots(search).map((c) => [c.weekday, c.localStart.toString(), c.sessions.length, c.lostDates.length]);
    expect(found).toEqual([
      [2, '09:00:00', 36, 0],
      [4, '13:30:00', 36, 0],
    ]);
  });

  describe('London and New York, whose clocks change on different Sundays', () => {
    const newYork = school('brookfield', {
      timeZone: 'America/New_York',
      bellSchedule: everyDay([['P1', '08:30', '09:20'], ...STANDARD_DAY.slice(2)]),
    });
    const [candidate, ...others] = findSlots({
      mentorSchool: newYork,
      menteeSchool: school('hillcrest'),
      mentor: student('ana', 'brookfield', 'Tue P1'),
      mentee: student('sam', 'hillcrest', 'Tue P5'),
      programme: programme('2026-02-23', '2026-04-24'),
      bookings: [],
    });

    it("meets at 13:30 London / 08:30 New York, except in the weeks only America has changed its clocks", () => {
      expect(others).toEqual([]);
      expect(candidate!.localStart.toString()).toBe('13:30:00');
      expect(candidate!.lostDates.map((l) => [l.date.toString(), l.school, l.reason])).toEqual([
        ['2026-03-10', 'mentor', 'not_available'],
        ['2026-03-17', 'mentor', 'not_available'],
        ['2026-03-24', 'mentor', 'not_available'],
      ]);
      expect(candidate!.everyWeekSameSlot).toBe(false);
    });

    it('keeps both wall clocks steady while the instant moves', () => {
      expect(new Set(candidate!.sessions.map((s) => wallClock(s, 'Europe/London')))).toEqual(new Set(['13:30']));
      expect(new Set(candidate!.sessions.map((s) => wallClock(s, 'America/New_York')))).toEqual(new Set(['08:30']));
      expect(candidate!.sessions[0]!.start.toString()).toBe('2026-02-24T13:30:00Z');
      expect(candidate!.sessions.at(-1)!.start.toString()).toBe('2026-04-21T12:30:00Z');
    });
  });

  describe('a partner a calendar day ahead (New York evening = Tokyo next morning)', () => {
    const tokyo = school('sakura', {
      timeZone: 'Asia/Tokyo',
      closures: [closure('2026-01-20', 'Sports day')],
    });
    const newYork = school('brookfield', {
      timeZone: 'America/New_York',
      bellSchedule: everyDay([...STANDARD_DAY, ['Club', '19:00', '20:00']]),
    });
    const [candidate] = findSlots({
      mentorSchool: tokyo,
      menteeSchool: newYork,
      mentor: student('yui', 'sakura', 'A:Tue P1'),
      mentee: student('sam', 'brookfield', 'Mon Club'),
      programme: programme('2026-01-05', '2026-01-30'),
      bookings: [],
    });

    it("anchors to the mentee's Monday 19:00 and uses the mentor's own Tuesday, cycle week and closures", () => {
      expect([candidate!.weekday, candidate!.localStart.toString()]).toEqual([1, '19:00:00']);
      expect(isoDates(candidate!.sessions)).toEqual(['2026-01-05']);
      expect(wallClock(candidate!.sessions[0]!, 'Asia/Tokyo')).toBe('09:00');
      expect(candidate!.lostDates.map((l) => [l.date.toString(), l.school, l.reason, l.detail ?? ''])).toEqual([
        ['2026-01-12', 'mentor', 'not_in_cycle_week', ''],
        ['2026-01-19', 'mentor', 'closure', 'Sports day'],
        ['2026-01-26', 'mentor', 'not_in_cycle_week', ''],
      ]);
    });
  });
});
