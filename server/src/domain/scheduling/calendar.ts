import { Temporal } from 'temporal-polyfill';

/** Monday = 1 … Friday = 5, as Temporal's `dayOfWeek` numbers them; schools do not timetable weekends. */
export type Weekday = 1 | 2 | 3 | 4 | 5;
export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5];

export type CycleWeek = 'A' | 'B';

/** A named slot of the school day ('Registration', 'Tutor', 'P1'…'P6', 'Lunch'), in the school's local time. */
export interface Period {
  name: string;
  start: Temporal.PlainTime;
  end: Temporal.PlainTime;
}

/** A term or half-term: both dates are teaching days (inclusive). Anything between terms is a holiday. */
export interface Term {
  name: string;
  start: Temporal.PlainDate;
  end: Temporal.PlainDate;
}

/**
 * The school is shut (INSET day, snow day) or the students are elsewhere (trip, exams).
 * Without `from`/`to` it covers the whole day; with only one of them it runs from the
 * start of the day or to its end.
 */
export interface Closure {
  date: Temporal.PlainDate;
  from?: Temporal.PlainTime;
  to?: Temporal.PlainTime;
  reason: string;
}

/**
 * Everything about one school's time the scheduler needs. Treated as an immutable value:
 * derived per-day data is cached per calendar object, so a change (a new closure, moved term
 * dates) must produce a new object, as it does when it is read back from storage.
 */
export interface SchoolCalendar {
  schoolId: string;
  /** IANA zone, e.g. 'Europe/London'. Never assume the partner school shares it. */
  timeZone: string;
  bellSchedule: Record<Weekday, readonly Period[]>;
  /** Week parity counts calendar weeks from `knownWeekAMonday`, holidays included. */
  cycle: { weeks: 1 | 2; knownWeekAMonday: Temporal.PlainDate };
  terms: readonly Term[];
  closures: readonly Closure[];
  /** The school's enrolled, unrevoked iPads (not a number anyone types): each session needs one at each end. */
  devicePool: { devices: number };
}

/** One period of the cycle in which a student can be mentored. */
export interface AvailabilitySlot {
  week: CycleWeek | 'any';
  weekday: Weekday;
  /** A period name from the school's bell schedule. */
  period: string;
}

export interface Availability {
  studentId: string;
  schoolId: string;
  slots: readonly AvailabilitySlot[];
}

/** One school end of a session: it holds a device at `schoolId` and each listed student. */
export interface Booking {
  schoolId: string;
  studentIds: readonly string[];
  start: Temporal.Instant;
  end: Temporal.Instant;
}

export interface Programme {
  /** Dates are read at the mentee's school, the school slot patterns are anchored to. */
  start: Temporal.PlainDate;
  end: Temporal.PlainDate;
  sessionMinutes?: number;
  frequency: 'weekly';
}

export const DEFAULT_SESSION_MINUTES = 30;

/** Peer mentors hold far fewer students than staff mentors do (DOMAIN: 1–3). */
export const DEFAULT_CASELOAD_LIMIT = 3;

/**
 * Week A or B of `date` at this school. The cycle keeps running across holidays, so the
 * parity is by calendar weeks since the known Week A, not by teaching weeks; that is why two
 * schools' phases can differ.
 */
export function cycleWeekOf(calendar: SchoolCalendar, date: Temporal.PlainDate): CycleWeek {
  if (calendar.cycle.weeks === 1) return 'A';
  const known = mondayOf(calendar.cycle.knownWeekAMonday);
  const weeks = Math.floor(known.until(mondayOf(date), { largestUnit: 'days' }).days / 7);
  return weeks % 2 === 0 ? 'A' : 'B';
}

export function mondayOf(date: Temporal.PlainDate): Temporal.PlainDate {
  return date.subtract({ days: date.dayOfWeek - 1 });
}

export function termContaining(calendar: SchoolCalendar, date: Temporal.PlainDate): Term | undefined {
  return calendar.terms.find(
    (t) => Temporal.PlainDate.compare(t.start, date) <= 0 && Temporal.PlainDate.compare(date, t.end) <= 0,
  );
}

export function closuresOn(calendar: SchoolCalendar, date: Temporal.PlainDate): Closure[] {
  return calendar.closures.filter((c) => c.date.equals(date));
}

/** Wall-clock label arithmetic only (a bell time as minutes since local midnight), never mapped to an instant by hand. */
export function minuteOfDay(time: Temporal.PlainTime): number {
  return time.hour * 60 + time.minute;
}

/** PlainTimes are immutable, and a network's candidates start at the same few minutes: one object per minute of the day. */
const timesOfMinutes: (Temporal.PlainTime | undefined)[] = [];

export function timeOfMinute(minute: number): Temporal.PlainTime {
  if (!(Number.isInteger(minute) && minute >= 0 && minute < 1440)) return new Temporal.PlainTime(Math.floor(minute / 60), minute % 60);
  return (timesOfMinutes[minute] ??= new Temporal.PlainTime(Math.floor(minute / 60), minute % 60));
}

export function isWeekday(n: number): n is Weekday {
  return n >= 1 && n <= 5;
}
