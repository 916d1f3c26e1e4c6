import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import type { Availability, Period, SchoolCalendar, Weekday } from './calendar.js';
import { isWeekday, WEEKDAYS } from './calendar.js';
import { BookingIndex } from './booking-index.js';
import { pairingOf } from './pairing.js';
import { startsOn } from './slot-rules.js';
import { addStartKeys } from './start-keys.js';
import { closure, date, school, terms } from './test-fixtures.js';
import { epochDayOf, weekdayOfEpochDay } from './zone-clock.js';

/*
 * The whole-programme start search against `startsOn` asked date by date: the same set of
 * (weekday, minute) keys on seeded random pairings in zones that change clocks on different
 * dates (or not at all, or by half an hour, or a day ahead), with closures, A/B weeks and
 * bookings whose ends fall inside the windows.
 */

/** mulberry32, as the benchmarks' fixtures use: consecutive draws must not be correlated here. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const ZONES = ['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Auckland', 'Europe/Paris'];
const NEIGHBOURS: Record<string, string> = {
  'Europe/London': 'Europe/Paris',
  'Europe/Paris': 'Europe/London',
  'America/New_York': 'Europe/London',
  'Australia/Lord_Howe': 'Pacific/Auckland',
  'Pacific/Auckland': 'Australia/Lord_Howe',
  'Asia/Kolkata': 'Australia/Lord_Howe',
};
const PERIODS = ['Reg', 'P1', 'P2', 'P3', 'P4', 'P5'];
const FIRST = epochDayOf(date('2025-09-01'));
const LAST = epochDayOf(date('2026-07-22'));
const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (m: number) => Temporal.PlainTime.from(`${pad(Math.floor(m / 60))}:${pad(m % 60)}`);

function randomSchool(rand: (n: number) => number, id: string, timeZone: string): SchoolCalendar {
  // Some schools start before dawn or run late, so partner days in far zones overlap.
  let minute = (rand(5) === 0 ? 60 : 8 * 60) + 5 * rand(7);
  const day: Period[] = PERIODS.map((name) => {
    const length = name === 'Reg' ? 15 : 45 + 5 * rand(4);
    const period = { name, start: hhmm(minute), end: hhmm(minute + length) };
    minute += length + 5 * rand(3);
    return period;
  });
  return school(id, {
    timeZone,
    bellSchedule: { 1: day, 2: day, 3: day, 4: day, 5: rand(3) === 0 ? [] : day },
    cycle: { weeks: rand(3) === 0 ? 1 : 2, knownWeekAMonday: date(rand(2) ? '2025-09-01' : '2025-09-08') },
    terms: terms(['Autumn', '2025-09-03', '2025-12-19'], ['Spring', '2026-01-05', '2026-03-27'], ['Summer', '2026-04-13', '2026-07-17']),
    closures: [closure('2025-10-10', 'INSET day'), closure(rand(2) ? '2026-03-30' : '2025-11-04', 'Snow day'), closure('2026-02-03', 'Trip', '12:00')],
  });
}

function randomStudent(rand: (n: number) => number, studentId: string, schoolId: string, count: number): Availability {
  const slots = Array.from({ length: count }, () => ({
    week: (['A', 'B', 'any'] as const)[rand(3)]!,
    weekday: WEEKDAYS[rand(5)]! as Weekday,
    period: PERIODS[rand(PERIODS.length)]!,
  }));
  return { studentId, schoolId, slots };
}

function keysDateByDate(pairing: ReturnType<typeof pairingOf>): Set<number> {
  const keys = new Set<number>();
  for (let day = FIRST; day <= LAST; day++) {
    const weekday = weekdayOfEpochDay(day);
    if (!isWeekday(weekday)) continue;
    const starts: number[] = [];
    startsOn(pairing, day, starts);
    for (let i = 1; i < starts.length; i += 2) keys.add(weekday * 1440 + starts[i]!);
  }
  return keys;
}

describe('addStartKeys', () => {
  it('finds exactly the keys startsOn finds date by date', { timeout: 60_000 }, () => {
    const rand = seeded(42);
    let compared = 0;
    let withBookingEnds = 0;
    for (let n = 0; n < 60; n++) {
      const menteeZone = ZONES[rand(ZONES.length)]!;
      const menteeSchool = randomSchool(rand, `mentee-school-${n}`, menteeZone);
      // Partners mostly share a zone or a neighbour's; far zones meet only when one school starts early.
      const mentorZone = rand(3) === 0 ? ZONES[rand(ZONES.length)]! : rand(2) ? menteeZone : NEIGHBOURS[menteeZone]!;
      const mentorSchool = randomSchool(rand, `mentor-school-${n}`, mentorZone);
      const mentee = randomStudent(rand, `mentee-${n}`, menteeSchool.schoolId, 10 + rand(8));
      const mentor = randomStudent(rand, `mentor-${n}`, mentorSchool.schoolId, 14 + rand(10));
      const bookings = new BookingIndex();
      const pairing = pairingOf({ mentee, mentor, menteeSchool, mentorSchool, sessionMinutes: 20 + 5 * rand(3), bookings });
      const plain = new Set<number>();
      addStartKeys(pairing, FIRST, LAST, plain);
      // Bookings that end at odd minutes inside the shared periods, on some dates only.
      for (let day = FIRST; day <= LAST; day += 3 + rand(9)) {
        const starts: number[] = [];
        startsOn(pairing, day, starts);
        if (starts.length === 0) continue;
        const at = starts[2 * rand(starts.length / 2)]!;
        const end = Temporal.Instant.fromEpochMilliseconds(at + 60_000 * (1 + rand(17)));
        const start = Temporal.Instant.fromEpochMilliseconds(at - 60_000 * 30);
        bookings.add({ schoolId: rand(2) ? menteeSchool.schoolId : mentorSchool.schoolId, studentIds: [rand(2) ? mentee.studentId : 'someone'], start, end });
      }
      const keys = new Set<number>();
      addStartKeys(pairing, FIRST, LAST, keys);
      const expected = keysDateByDate(pairing);
      expect([...keys].sort((a, b) => a - b), `pairing ${n}`).toEqual([...expected].sort((a, b) => a - b));
      compared += expected.size;
      if (expected.size > plain.size) withBookingEnds++;
    }
    // The comparison is not vacuous: many keys, and bookings' ends among them.
    expect(compared).toBeGreaterThan(120);
    expect(withBookingEnds).toBeGreaterThan(8);
  });
});
