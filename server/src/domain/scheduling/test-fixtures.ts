import { Temporal } from 'temporal-polyfill';
import type { Availability, AvailabilitySlot, Booking, Closure, Period, SchoolCalendar, Term, Weekday } from './calendar.js';

/* Small builders so each test states only what it is about. Not used outside tests. */

export const date = (iso: string) => Temporal.PlainDate.from(iso);
export const time = (iso: string) => Temporal.PlainTime.from(iso);
export const instant = (iso: string) => Temporal.Instant.from(iso);

type Bell = readonly [name: string, start: string, end: string];

/** Registration, six 50-minute periods with break and lunch: the shape DOMAIN.md describes. */
export const STANDARD_DAY: readonly Bell[] = [
  ['Registration', '08:40', '09:00'],
  ['P1', '09:00', '09:50'],
  ['P2', '09:50', '10:40'],
  ['Break', '10:40', '11:00'],
  ['P3', '11:00', '11:50'],
  ['P4', '11:50', '12:40'],
  ['Lunch', '12:40', '13:30'],
  ['P5', '13:30', '14:20'],
  ['P6', '14:20', '15:10'],
];

export function everyDay(bells: readonly Bell[]): Record<Weekday, Period[]> {
  const periods = () => bells.map(([name, start, end]) => ({ name, start: time(start), end: time(end) }));
  return { 1: periods(), 2: periods(), 3: periods(), 4: periods(), 5: periods() };
}

export const terms = (...ranges: [name: string, start: string, end: string][]): Term[] =>
  ranges.map(([name, start, end]) => ({ name, start: date(start), end: date(end) }));

/** A whole-day closure, or a partial one when from/to are given. */
export function closure(on: string, reason: string, from?: string, to?: string): Closure {
  return { date: date(on), reason, ...(from ? { from: time(from) } : {}), ...(to ? { to: time(to) } : {}) };
}

export function school(schoolId: string, overrides: Partial<SchoolCalendar> = {}): SchoolCalendar {
  return {
    schoolId,
    timeZone: 'Europe/London',
    bellSchedule: everyDay(STANDARD_DAY),
    cycle: { weeks: 2, knownWeekAMonday: date('2025-09-01') },
    terms: terms(['Whole year', '2025-09-01', '2026-12-18']),
    closures: [],
    devicePool: { devices: 4 },
    ...overrides,
  };
}

const DAY_NUMBERS = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5 } as const;

/** `free('Tue P1', 'A:Thu P3')`: a period of the cycle, in any week unless prefixed with A: or B:. */
export function free(...specs: string[]): AvailabilitySlot[] {
  return specs.map((spec) => {
    const [week, rest] = spec.includes(':') ? (spec.split(':') as ['A' | 'B', string]) : (['any', spec] as const);
    const [day, period] = rest.split(' ') as [keyof typeof DAY_NUMBERS, string];
    return { week, weekday: DAY_NUMBERS[day], period };
  });
}

export function student(studentId: string, schoolId: string, ...specs: string[]): Availability {
  return { studentId, schoolId, slots: free(...specs) };
}

export function booking(schoolId: string, studentIds: string[], start: string, end: string): Booking {
  return { schoolId, studentIds, start: instant(start), end: instant(end) };
}

export const isoDates = (dates: readonly { date: Temporal.PlainDate }[]) => dates.map((d) => d.date.toString());
