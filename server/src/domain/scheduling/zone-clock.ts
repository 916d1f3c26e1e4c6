import { Temporal } from 'temporal-polyfill';
import { timeOfMinute } from './calendar.js';
import { DayCache } from './day-cache.js';
import type { ZoneOffsets } from './zone-offsets.js';
import { offsetAt, steadyOffsetOfDay, zoneOffsets } from './zone-offsets.js';

/*
 * Conversions between a school's wall clock and the absolute timeline, as Temporal answers them.
 *
 * Away from clock changes they are integer arithmetic with Temporal's own UTC offset, read from
 * its transitions (zone-offsets.ts): no rule about when clocks change is written here. Days near
 * a transition keep asking Temporal, memoised per (zone, date, minute), so gaps and overlaps are
 * exactly Temporal's. The scheduler then compares plain epoch-millisecond numbers. Dates are
 * numbered as days since 1970-01-01 so they can be array indexes and Map keys.
 */

const EPOCH_DATE = Temporal.PlainDate.from('1970-01-01');

/** Caches are keyed by small numbers and bounded, so a long-running server cannot grow them without end. */
const MAX_ENTRIES_PER_ZONE = 400_000;

/** Days of one zone whose wall-clock minutes are held (11.5 kB each); about five school years. */
const MAX_DAYS_PER_ZONE = 2_000;
const MINUTES_PER_DAY = 1440;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

const datesByEpochDay = new Map<number, Temporal.PlainDate>();
const instants = new Map<number, Temporal.Instant>();
/** Instants' epoch milliseconds: the polyfill computes them from BigInt nanoseconds on every read. */
const msOfInstants = new WeakMap<Temporal.Instant, number>();

/**
 * One zone's memo. Per date: the day's one UTC offset (ms) when no transition is near, else an
 * array of the day's 1,440 minutes' instants filled from Temporal as they are asked for.
 */
interface ZoneMemo {
  timeZone: string;
  offsets: ZoneOffsets;
  byDay: DayCache<number | Float64Array>;
  daysHeld: number;
  moments: Map<number, LocalMoment>;
}

const zones = new Map<string, ZoneMemo>();
let lastZone: ZoneMemo | undefined;

function zoneMemo(timeZone: string): ZoneMemo {
  if (lastZone?.timeZone === timeZone) return lastZone;
  let memo = zones.get(timeZone);
  if (!memo) {
    memo = { timeZone, offsets: zoneOffsets(timeZone), byDay: new DayCache(), daysHeld: 0, moments: new Map() };
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
  if (!(minute >= 0 && minute < MINUTES_PER_DAY) || !Number.isInteger(minute) || !Number.isInteger(epochDay)) {
    return temporalEpochMs(timeZone, epochDay, minute);
  }
  const entry = dayEntry(zoneMemo(timeZone), epochDay);
  if (typeof entry === 'number') return epochDay * DAY_MS + minute * MINUTE_MS - entry;
  let ms = entry[minute]!;
  if (Number.isNaN(ms)) {
    ms = temporalEpochMs(timeZone, epochDay, minute);
    entry[minute] = ms;
  }
  return ms;
}

/** The day's memo: its one UTC offset (ms), or its minutes' instants when a transition is near. */
function dayEntry(memo: ZoneMemo, epochDay: number): number | Float64Array {
  let entry = memo.byDay.get(epochDay);
  if (entry === undefined) {
    if (memo.daysHeld >= MAX_DAYS_PER_ZONE) {
      memo.byDay = new DayCache();
      memo.daysHeld = 0;
    }
    entry = steadyOffsetOfDay(memo.offsets, epochDay) ?? new Float64Array(MINUTES_PER_DAY).fill(NaN);
    memo.byDay.set(epochDay, entry);
    memo.daysHeld++;
  }
  return entry;
}

/**
 * Temporal's one UTC offset (ms) for every wall-clock minute of that date, or undefined when a
 * transition is within a day of it: on such a date `localEpochMs` is `epochDay·day + minute·minute − offset`.
 */
export function steadyOffsetOf(timeZone: string, epochDay: number): number | undefined {
  if (!Number.isInteger(epochDay)) return undefined;
  const entry = dayEntry(zoneMemo(timeZone), epochDay);
  return typeof entry === 'number' ? entry : undefined;
}

function temporalEpochMs(timeZone: string, epochDay: number, minute: number): number {
  return dateOfEpochDay(epochDay).toZonedDateTime({ timeZone, plainTime: timeOfMinute(minute) }).epochMilliseconds;
}

/** The school's local date and wall-clock minute at an instant. */
export function localMomentOf(timeZone: string, epochMs: number): LocalMoment {
  const memo = zoneMemo(timeZone);
  const offset = offsetAt(memo.offsets, epochMs);
  if (offset === undefined) return temporalMomentOf(memo, epochMs);
  const local = epochMs + offset;
  const epochDay = Math.floor(local / DAY_MS);
  return { epochDay, minute: Math.floor((local - epochDay * DAY_MS) / MINUTE_MS) };
}

/** `localMomentOf(timeZone, epochMs).epochDay` without the object (hot loops). */
export function localEpochDayOf(timeZone: string, epochMs: number): number {
  const memo = zoneMemo(timeZone);
  const offset = offsetAt(memo.offsets, epochMs);
  return offset === undefined ? temporalMomentOf(memo, epochMs).epochDay : Math.floor((epochMs + offset) / DAY_MS);
}

/** `localMomentOf(timeZone, epochMs).minute` without the object (hot loops). */
export function localMinuteOf(timeZone: string, epochMs: number): number {
  const memo = zoneMemo(timeZone);
  const offset = offsetAt(memo.offsets, epochMs);
  if (offset === undefined) return temporalMomentOf(memo, epochMs).minute;
  const local = epochMs + offset;
  return Math.floor((local - Math.floor(local / DAY_MS) * DAY_MS) / MINUTE_MS);
}

/** Instants the offset table does not cover (far from every date asked about): Temporal, memoised. */
function temporalMomentOf(memo: ZoneMemo, epochMs: number): LocalMoment {
  const { moments } = memo;
  let moment = moments.get(epochMs);
  if (!moment) {
    const zoned = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(memo.timeZone);
    moment = { epochDay: epochDayOf(zoned.toPlainDate()), minute: zoned.hour * 60 + zoned.minute };
    if (moments.size > MAX_ENTRIES_PER_ZONE) moments.clear();
    moments.set(epochMs, moment);
  }
  return moment;
}

/**
 * Temporal.Instant for an epoch-millisecond count. Instants are immutable, and a network's
 * sessions start at the same few bell times, so one object per moment is shared. Whole minutes
 * (nearly every session) sit in an array per UTC day: two array reads, not a hash of a double.
 */
export function instantOf(epochMs: number): Temporal.Instant {
  const utcDay = Math.floor(epochMs / DAY_MS);
  const minute = (epochMs - utcDay * DAY_MS) / MINUTE_MS;
  if (!Number.isInteger(minute)) return instantOfAnyMs(epochMs);
  let minutes = instantsByUtcDay.get(utcDay);
  if (!minutes) {
    if (utcDaysHeld >= MAX_DAYS_PER_ZONE) {
      instantsByUtcDay = new DayCache();
      utcDaysHeld = 0;
    }
    minutes = [];
    instantsByUtcDay.set(utcDay, minutes);
    utcDaysHeld++;
  }
  return (minutes[minute] ??= instantOfAnyMs(epochMs));
}

let instantsByUtcDay = new DayCache<(Temporal.Instant | undefined)[]>();
let utcDaysHeld = 0;

function instantOfAnyMs(epochMs: number): Temporal.Instant {
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
