import type { Closure, Period, SchoolCalendar } from './calendar.js';
import { isWeekday, minuteOfDay } from './calendar.js';
import { DayCache } from './day-cache.js';
import { epochDayOf, localEpochMs, weekdayOfEpochDay } from './zone-clock.js';

/*
 * A school's calendar unrolled into days with their periods on the absolute timeline.
 * Built lazily, day by day, once per calendar object (not once per pairing): in a network
 * every school takes part in many pairings and they all ask about the same days.
 */

/** Week A = 1, Week B = 2, so a student's availability can be a bit mask. */
export type CycleBit = 1 | 2;

export interface DayPeriod {
  /** Position in `bells(weekday)`, so per-student facts can live in arrays rather than maps. */
  index: number;
  name: string;
  startMs: number;
  endMs: number;
  startMinute: number;
}

export type DayShut = { reason: 'holiday' } | { reason: 'closure'; detail: string };

export interface PartialClosure {
  startMs: number;
  endMs: number;
  detail: string;
}

export interface SchoolDay {
  epochDay: number;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  cycleBit: CycleBit;
  /** Set when nobody is in school that day: outside every term, or closed all day. */
  shut: DayShut | undefined;
  partialClosures: readonly PartialClosure[];
}

export interface SchoolTimeline {
  readonly calendar: SchoolCalendar;
  day(epochDay: number): SchoolDay;
  /** The bell schedule of that date, in order; empty at weekends. */
  periods(epochDay: number): readonly DayPeriod[];
  /** The weekday's periods in time order (1 = Monday); empty at weekends. */
  bells(weekday: number): readonly Period[];
}

const timelines = new WeakMap<SchoolCalendar, SchoolTimeline>();
const HOLIDAY: DayShut = { reason: 'holiday' };
const NONE: readonly never[] = [];

/** Bounded like the zone clock's caches: a long-running server sees many days. */
const MAX_SHARED_DAYS = 200_000;
const periodsBySchedule = new Map<string, Map<number, readonly DayPeriod[]>>();

function sharedPeriods(timeZone: string, bells: readonly Period[]): Map<number, readonly DayPeriod[]> {
  // A day's periods depend on the zone, each bell's name and its start and end minute, nothing else.
  const key = JSON.stringify([timeZone, ...bells.map((p) => [p.name, minuteOfDay(p.start), minuteOfDay(p.end)])]);
  let shared = periodsBySchedule.get(key);
  if (!shared) {
    shared = new Map();
    periodsBySchedule.set(key, shared);
  }
  return shared;
}

export function timelineOf(calendar: SchoolCalendar): SchoolTimeline {
  let timeline = timelines.get(calendar);
  if (!timeline) {
    timeline = buildTimeline(calendar);
    timelines.set(calendar, timeline);
  }
  return timeline;
}

/** A closure that overlaps [startMs, endMs), if any. */
export function closureDuring(day: SchoolDay, startMs: number, endMs: number): PartialClosure | undefined {
  return day.partialClosures.find((c) => c.startMs < endMs && c.endMs > startMs);
}

function buildTimeline(calendar: SchoolCalendar): SchoolTimeline {
  const { timeZone } = calendar;
  const terms = calendar.terms.map((t) => [epochDayOf(t.start), epochDayOf(t.end)] as const);
  const knownMonday = epochDayOf(calendar.cycle.knownWeekAMonday) - (calendar.cycle.knownWeekAMonday.dayOfWeek - 1);
  const inTerm = (epochDay: number) => {
    for (const [start, end] of terms) if (start <= epochDay && epochDay <= end) return true;
    return false;
  };
  const closuresByDay = new Map<number, Closure[]>();
  for (const closure of calendar.closures) {
    const key = epochDayOf(closure.date);
    closuresByDay.set(key, [...(closuresByDay.get(key) ?? []), closure]);
  }
  const days = new DayCache<SchoolDay>();
  const periodsByDay = new DayCache<readonly DayPeriod[]>();

  function day(epochDay: number): SchoolDay {
    let found = days.get(epochDay);
    if (found) return found;
    const weekday = weekdayOfEpochDay(epochDay);
    const weeksSinceKnownA = Math.floor((epochDay - (weekday - 1) - knownMonday) / 7);
    const cycleBit: CycleBit = calendar.cycle.weeks === 1 || weeksSinceKnownA % 2 === 0 ? 1 : 2;
    const open: SchoolDay = { epochDay, weekday, cycleBit, shut: inTerm(epochDay) ? undefined : HOLIDAY, partialClosures: NONE };
    const closures = closuresByDay.get(epochDay);
    found = closures ? withClosures(open, closures) : open;
    days.set(epochDay, found);
    return found;
  }

  function withClosures(open: SchoolDay, closures: readonly Closure[]): SchoolDay {
    const { epochDay } = open;
    const whole = closures.filter((c) => !c.from && !c.to);
    const shut: DayShut | undefined =
      open.shut ?? (whole.length > 0 ? { reason: 'closure', detail: whole.map((c) => c.reason).join('; ') } : undefined);
    const partialClosures = closures
      .filter((c) => c.from || c.to)
      .map((c) => ({
        // An open end runs to the edge of that school day.
        startMs: c.from ? localEpochMs(timeZone, epochDay, minuteOfDay(c.from)) : -Infinity,
        endMs: c.to ? localEpochMs(timeZone, epochDay, minuteOfDay(c.to)) : Infinity,
        detail: c.reason,
      }));
    return { ...open, shut, partialClosures };
  }

  const bellsByWeekday = new Map<number, readonly Period[]>();
  function bells(weekday: number): readonly Period[] {
    let found = bellsByWeekday.get(weekday);
    if (!found) {
      const listed = isWeekday(weekday) ? (calendar.bellSchedule[weekday] ?? []) : [];
      found = [...listed].sort((a, b) => minuteOfDay(a.start) - minuteOfDay(b.start));
      bellsByWeekday.set(weekday, found);
    }
    return found;
  }

  // Many schools ring the same bells in the same zone; they share one set of period instants.
  const sharedByWeekday = new Map<number, Map<number, readonly DayPeriod[]>>();
  function periods(epochDay: number): readonly DayPeriod[] {
    // The cached answer is returned from a function with no inner closure: one capturing
    // `epochDay` (as building the day's periods does) makes every call allocate a context,
    // and this runs millions of times per network schedule.
    return periodsByDay.get(epochDay) ?? periodsOfNewDay(epochDay);
  }

  function periodsOfNewDay(epochDay: number): readonly DayPeriod[] {
    const weekday = weekdayOfEpochDay(epochDay);
    let shared = sharedByWeekday.get(weekday);
    if (!shared) {
      shared = sharedPeriods(timeZone, bells(weekday));
      sharedByWeekday.set(weekday, shared);
    }
    let found = shared.get(epochDay);
    if (!found) {
      if (shared.size > MAX_SHARED_DAYS) shared.clear();
      found = bells(weekday).map((p, index) => {
        const startMinute = minuteOfDay(p.start);
        return {
          index,
          name: p.name,
          startMinute,
          startMs: localEpochMs(timeZone, epochDay, startMinute),
          endMs: localEpochMs(timeZone, epochDay, minuteOfDay(p.end)),
        };
      });
      shared.set(epochDay, found);
    }
    periodsByDay.set(epochDay, found);
    return found;
  }

  return { calendar, day, periods, bells };
}
