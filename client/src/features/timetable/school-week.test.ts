import { describe, expect, it } from 'vitest';
import type { Candidate, SchoolTimetable } from './timetable-api';
import {
  candidateBlocks,
  cycleWeekLabel,
  cycleWeekOn,
  dateInWeek,
  mondayOf,
  periodBlocks,
  placeOn,
  timelineRange,
  weekDates,
  zoneOffsetMinutes,
} from './school-week';

const school = (over: Partial<SchoolTimetable> = {}): SchoolTimetable => ({
  schoolId: 's1',
  name: 'Riverside High School',
  role: 'mentee',
  timeZone: 'Europe/London',
  bellSchedule: { '2': [{ name: 'P1', start: '09:00', end: '10:00' }, { name: 'Tutor', start: '08:40', end: '09:00' }] },
  cycle: { weeks: 2, knownWeekAMonday: '2026-09-07' },
  ...over,
});

describe('weeks', () => {
  it('finds the Monday of a weekday and of a weekend', () => {
    expect(mondayOf('2026-11-26')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(weekDates('2026-11-25')).toEqual({
      1: '2026-11-23',
      2: '2026-11-24',
      3: '2026-11-25',
      4: '2026-11-26',
      5: '2026-11-27',
    });
  });

  it('counts Week A/B from the known Week A Monday, even weeks being A, also before it', () => {
    const cycle = { weeks: 2 as const, knownWeekAMonday: '2026-09-07' };
    expect(cycleWeekOn('2026-09-09', cycle)).toBe('A');
    expect(cycleWeekOn('2026-09-14', cycle)).toBe('B');
    expect(cycleWeekOn('2026-11-23', cycle)).toBe('B'); // 11 weeks on
    expect(cycleWeekOn('2026-09-04', cycle)).toBe('B');
    expect(cycleWeekOn('2026-08-24', cycle)).toBe('A');
  });

  it('labels a school with a one-week timetable or none', () => {
    expect(cycleWeekOn('2026-11-23', { weeks: 1, knownWeekAMonday: '2026-09-07' })).toBeNull();
    expect(cycleWeekLabel('2026-11-23', school({ cycle: null }))).toBe('No timetable cycle set');
    expect(cycleWeekLabel('2026-09-15', school())).toBe('Week B');
  });

  it('lets two schools whose phases differ show different letters for the same date', () => {
    const a = school({ cycle: { weeks: 2, knownWeekAMonday: '2026-09-07' } });
    const b = school({ cycle: { weeks: 2, knownWeekAMonday: '2026-09-14' } });
    expect([cycleWeekLabel('2026-09-16', a), cycleWeekLabel('2026-09-16', b)]).toEqual(['Week B', 'Week A']);
  });

  it('moves to the next week when the other letter is wanted', () => {
    const cycle = { weeks: 2 as const, knownWeekAMonday: '2026-09-07' };
    expect(dateInWeek('2026-09-09', 'A', cycle)).toBe('2026-09-07');
    expect(dateInWeek('2026-09-09', 'B', cycle)).toBe('2026-09-14');
  });
});

describe('the timeline', () => {
  it('reads zone offsets for the date, clock changes included', () => {
    expect(zoneOffsetMinutes('Europe/London', '2026-07-01')).toBe(60);
    expect(zoneOffsetMinutes('Europe/London', '2026-11-24')).toBe(0);
    expect(zoneOffsetMinutes('America/New_York', '2026-11-24')).toBe(-300);
  });

  it("places a school's periods in order, shifted onto the mentee school's clock when zones differ", () => {
    expect(periodBlocks(school(), 2, '2026-11-24', 'Europe/London').map((b) => [b.name, b.start, b.end])).toEqual([
      ['Tutor', 520, 540],
      ['P1', 540, 600],
    ]);
    const paris = periodBlocks(school({ timeZone: 'Europe/Paris' }), 2, '2026-11-24', 'Europe/London');
    expect(paris[0]).toMatchObject({ localStart: '08:40', start: 460 });
    expect(periodBlocks(school({ bellSchedule: null }), 2, '2026-11-24', 'Europe/London')).toEqual([]);
  });

  it("marks a candidate lost in the week on screen, with the reason", () => {
    const candidate: Candidate = {
      id: 'c1',
      weekday: 2,
      label: 'Tuesdays at 08:40',
      localStart: '08:40',
      menteePeriod: 'Tutor',
      everyWeekSameSlot: true,
      sessions: 10,
      firstSession: null,
      lostDates: [{ date: '2026-11-24', school: 'Riverside', reason: 'closure', detail: 'INSET day' }],
    };
    const [block] = candidateBlocks([candidate], 2, '2026-11-24', 30);
    expect(block).toMatchObject({ start: 520, end: 550, lostThisWeek: { reason: 'closure' } });
    expect(candidateBlocks([candidate], 2, '2026-12-01', 30)[0]!.lostThisWeek).toBeNull();
    expect(candidateBlocks([candidate], 3, '2026-11-25', 30)).toEqual([]);
  });

  it('spans whole hours and places blocks in percent', () => {
    const range = timelineRange([
      { start: 520, end: 540 },
      { start: 900, end: 915 },
    ]);
    expect(range).toEqual({ start: 480, end: 960 });
    expect(placeOn(range, { start: 600, end: 660 })).toEqual({ top: 25, height: 12.5 });
    expect(timelineRange([])).toEqual({ start: 480, end: 960 });
  });
});
