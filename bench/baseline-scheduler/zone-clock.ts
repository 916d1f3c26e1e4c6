import { Temporal } from 'temporal-polyfill';
import { timeOfMinute } from '../../server/src/domain/scheduling/calendar.js';

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

const datesByEpochDay = new Map<number, Temporal.PlainDate>();
const localToMs = new Map<string, Map<number, number>>();
const msToLocal = new Map<string, Map<number, LocalMoment>>();
const instants = new Map<number, Temporal.Instant>();

export interface LocalMoment {
  epochDay: number;
  /** Minutes since local midnight on the wall clock. */
  minute: number;
}

export function epochDayOf(date: Temporal.PlainDate): number {
  return EPOCH_DATE.until(date, { largestUnit: 'days' }).days;
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
  const cache = zoneCache(localToMs, timeZone);
  const key = epochDay * 1440 + minute;
  let ms = cache.get(key);
  if (ms === undefined) {
    ms = dateOfEpochDay(epochDay).toZonedDateTime({ timeZone, plainTime: timeOfMinute(minute) }).epochMilliseconds;
    cache.set(key, ms);
  }
  return ms;
}

/** The school's local date and wall-clock minute at an instant. */
export function localMomentOf(timeZone: string, epochMs: number): LocalMoment {
  const cache = zoneCache(msToLocal, timeZone);
  let moment = cache.get(epochMs);
  if (!moment) {
    const zoned = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone);
    moment = { epochDay: epochDayOf(zoned.toPlainDate()), minute: zoned.hour * 60 + zoned.minute };
    cache.set(epochMs, moment);
  }
  return moment;
}

function zoneCache<V>(caches: Map<string, Map<number, V>>, timeZone: string): Map<number, V> {
  let cache = caches.get(timeZone);
  if (!cache) {
    cache = new Map();
    caches.set(timeZone, cache);
  } else if (cache.size > MAX_ENTRIES_PER_ZONE) {
    cache.clear();
  }
  return cache;
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
  }
  return instant;
}
