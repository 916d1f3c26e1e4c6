import { Temporal } from 'temporal-polyfill';
import { timeOfMinute } from './calendar.js';
import { DayCache } from './day-cache.js';

/*
 * Memoised conversions between a school's wall clock and the absolute timeline.
 *
 * Every local→instant (and instant→local) conversion is done by Temporal, exactly once per
 * (zone, date, minute); the scheduler then compares plain epoch-millisecond numbers. That
 * keeps Temporal out of the hot loops (a conversion costs microseconds, and a network of
 * 500 schools asks for the same bell times over and over) without any hand-written offset
 * or DST arithmetic. Dates are numbered as days since 1970-01-01 so they can be Map keys.
 */

const EPOCH_DATE = Temporal.PlainDate.from('1970-01-01');

/** Caches are keyed by small numbers and bounded, so a long-running server cannot grow them without end. */
const MAX_ENTRIES_PER_ZONE = 400_000;

/** Days of one zone whose wall-clock minutes are held (11.5 kB each); about five school years. */
const MAX_DAYS_PER_ZONE = 2_000;
const MINUTES_PER_DAY = 1440;

const datesByEpochDay = new Map<number, Temporal.PlainDate>();
const instants = new Map<number, Temporal.Instant>();
/** Instants' epoch milliseconds: the polyfill computes them from BigInt nanoseconds on every read. */
const msOfInstants = new WeakMap<Temporal.Instant, number>();

/**
 * One zone's memo. Local→instant answers sit in one array of the day's 1,440 minutes per
 * date, so a lookup in the hot loops is two array reads rather than a hash probe.
 */
interface ZoneMemo {
  timeZone: string;
  minutesByDay: DayCache<Float64Array>;
  daysHeld: number;
  moments: Map<number, LocalMoment>;
}

const zones = new Map<string, ZoneMemo>();
let lastZone: ZoneMemo | undefined;

function zoneMemo(timeZone: string): ZoneMemo {
  if (lastZone?.timeZone === timeZone) return lastZone;
  let memo = zones.get(timeZone);
  if (!memo) {
    memo = { timeZone, minutesByDay: new DayCache(), daysHeld: 0, moments: new Map() };
    zones.set(timeZone, memo);
  }
  lastZone = memo;
  return memo;
}

export interface LocalMoment {
  epochDay: number;
  /** Minutes since local midnight on the wall clock. */
  minute: number;
}

const utcScratch = new Date(0);

/**
 * Days since 1970-01-01. For ISO dates this is counted by the Date object's proleptic UTC
 * calendar (no zone, so no clock changes: a test checks it against Temporal), which is many
 * times cheaper than Temporal's `until`; other calendars go through Temporal.
 */
export function epochDayOf(date: Temporal.PlainDate): number {
  if (date.calendarId !== 'iso8601') return EPOCH_DATE.until(date, { largestUnit: 'days' }).days;
  return Math.round(utcScratch.setUTCFullYear(date.year, date.month - 1, date.day) / 86_400_000);
}

export function dateOfEpochDay(epochDay: number): Temporal.PlainDate {
  let date = datesByEpochDay.get(epochDay);
  if (!date) {
    date = EPOCH_DATE.add({ days: epochDay });
    if (datesByEpochDay.size > MAX_ENTRIES_PER_ZONE) datesByEpochDay.clear();
    datesByEpochDay.set(epochDay, date);
  }
  return date;
}

/**
 * 1 = Monday … 7 = Sunday, as Temporal numbers them. Day numbers are plain dates, so this is
 * calendar arithmetic (1 January 1970 was a Thursday), not clock arithmetic; a test checks it
 * against Temporal.
 */
export function weekdayOfEpochDay(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

/** The instant the school's clocks show `minute` on that date (Temporal's 'compatible' rule in a DST gap). */
export function localEpochMs(timeZone: string, epochDay: number, minute: number): number {
  if (!(minute >= 0 && minute < MINUTES_PER_DAY) || !Number.isInteger(minute)) return temporalEpochMs(timeZone, epochDay, minute);
  const memo = zoneMemo(timeZone);
  let minutes = memo.minutesByDay.get(epochDay);
  if (!minutes) {
    if (memo.daysHeld >= MAX_DAYS_PER_ZONE) {
      memo.minutesByDay = new DayCache();
      memo.daysHeld = 0;
    }
    minutes = new Float64Array(MINUTES_PER_DAY).fill(NaN);
    memo.minutesByDay.set(epochDay, minutes);
    memo.daysHeld++;
  }
  let ms = minutes[minute]!;
  if (Number.isNaN(ms)) {
    ms = temporalEpochMs(timeZone, epochDay, minute);
    minutes[minute] = ms;
  }
  return ms;
}

function temporalEpochMs(timeZone: string, epochDay: number, minute: number): number {
  return dateOfEpochDay(epochDay).toZonedDateTime({ timeZone, plainTime: timeOfMinute(minute) }).epochMilliseconds;
}

/** The school's local date and wall-clock minute at an instant. */
export function localMomentOf(timeZone: string, epochMs: number): LocalMoment {
  const { moments } = zoneMemo(timeZone);
  let moment = moments.get(epochMs);
  if (!moment) {
    const zoned = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone);
    moment = { epochDay: epochDayOf(zoned.toPlainDate()), minute: zoned.hour * 60 + zoned.minute };
    if (moments.size > MAX_ENTRIES_PER_ZONE) moments.clear();
    moments.set(epochMs, moment);
  }
  return moment;
}

/**
 * Temporal.Instant for an epoch-millisecond count. Instants are immutable, and a network's
 * sessions start at the same few bell times, so one object per moment is shared.
 */
export function instantOf(epochMs: number): Temporal.Instant {
  let instant = instants.get(epochMs);
  if (!instant) {
    instant = Temporal.Instant.fromEpochMilliseconds(epochMs);
    if (instants.size > MAX_ENTRIES_PER_ZONE) instants.clear();
    instants.set(epochMs, instant);
    msOfInstants.set(instant, epochMs);
  }
  return instant;
}

/** `instant.epochMilliseconds`, read once per instant object (sessions share instants, see `instantOf`). */
export function epochMsOf(instant: Temporal.Instant): number {
  let ms = msOfInstants.get(instant);
  if (ms === undefined) {
    ms = instant.epochMilliseconds;
    msOfInstants.set(instant, ms);
  }
  return ms;
}
