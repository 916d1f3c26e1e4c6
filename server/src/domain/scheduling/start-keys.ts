import { isWeekday } from './calendar.js';
import type { Pairing } from './pairing.js';
import { backToBack, hasBellsDuring, labelStarts, meetingWindows, startsOn, WINDOW_FIELDS } from './slot-rules.js';
import { localMinuteOf, steadyOffsetOf, weekdayOfEpochDay } from './zone-clock.js';

/*
 * The slot finder's start search over a whole programme: every (weekday, mentee wall-clock
 * minute) that `startsOn` offers on some date, as `weekday * 1440 + minute` keys.
 *
 * Asking `startsOn` date by date repeats the same work on every date: where two free periods
 * meet depends only on the date's shape, that is the weekday, both schools' A/B weeks, which
 * of the mentor's neighbouring dates are open, and the two zones' UTC offsets that day. So on
 * dates whose offsets are steady (no transition within a day, see zone-clock.ts) the windows
 * are worked out once per shape, relative to the mentee's local midnight, and only the ends of
 * bookings inside them are looked up date by date. Other dates go through `startsOn` itself.
 * The keys are the same set either way; `start-keys.test.ts` compares them with `startsOn`.
 */

const DAY_MS = 86_400_000;
const MINUTES_PER_DAY = 1440;

/** Adds every start key of the programme dates [first, last] to `keys`. */
export function addStartKeys(p: Pairing, first: number, last: number, keys: Set<number>): void {
  const windowsByShape = new Map<number, number[]>();
  const reachByWeekday = new Map<number, number>();
  const menteeZone = p.mentee.timeline.calendar.timeZone;
  const { lengthMs } = p;
  const ends: number[] = [];
  for (let day = first; day <= last; day++) {
    const weekday = weekdayOfEpochDay(day);
    if (!isWeekday(weekday)) continue;
    const menteeOffset = steadyOffsetOf(menteeZone, day);
    const shape = menteeOffset === undefined ? undefined : shapeOf(p, day, weekday, menteeOffset, reachByWeekday);
    if (shape === undefined) {
      addKeysOfDay(p, day, weekday, keys);
      continue;
    }
    if (shape === CLOSED) continue;
    // Where the mentee's clocks show midnight: windows are kept relative to it.
    const midnight = day * DAY_MS - menteeOffset!;
    let windows = windowsByShape.get(shape);
    if (!windows) {
      windows = windowsOfShape(p, day, weekday, midnight, keys);
      windowsByShape.set(shape, windows);
    }
    for (let w = 0; w < windows.length; w += 2) {
      ends.length = 0;
      p.booked.endsWithin(midnight + windows[w]!, midnight + windows[w + 1]! - lengthMs, ends);
      for (let i = 0; i < ends.length; i += 2) keys.add(weekday * MINUTES_PER_DAY + localMinuteOf(menteeZone, ends[i]!));
    }
  }
}

/** The shape of a date on which neither student can meet at all. */
const CLOSED = -1;

/**
 * A number naming everything `meetingWindows` reads on that date, or undefined when an offset
 * is not steady (or not whole milliseconds) there, so the date is searched on its own.
 */
function shapeOf(p: Pairing, day: number, weekday: number, menteeOffset: number, reachByWeekday: Map<number, number>): number | undefined {
  const { mentee, mentor } = p;
  const menteeDay = mentee.timeline.day(day);
  if (menteeDay.shut || !(mentee.freeAny[weekday]! & menteeDay.cycleBit)) return CLOSED;
  const mentorZone = mentor.timeline.calendar.timeZone;
  const mentorOffset = steadyOffsetOf(mentorZone, day);
  if (mentorOffset === undefined || steadyOffsetOf(mentorZone, day - 1) !== mentorOffset || steadyOffsetOf(mentorZone, day + 1) !== mentorOffset) {
    return undefined;
  }
  if (!Number.isInteger(menteeOffset) || !Number.isInteger(mentorOffset)) return undefined;
  const apart = menteeOffset - mentorOffset;
  const reachKey = apart * 8 + weekday;
  let reach = reachByWeekday.get(reachKey);
  if (reach === undefined) {
    reach = mentorDaysInReach(p, day);
    reachByWeekday.set(reachKey, reach);
  }
  // Two bits per neighbouring mentor date in reach: 0 when the mentor cannot meet then, else its cycle bit.
  let open = 0;
  for (let k = 0; k < 3; k++) {
    if (!(reach & (1 << k))) continue;
    const mentorDay = mentor.timeline.day(day - 1 + k);
    const meets = !mentorDay.shut && mentor.freeAny[mentorDay.weekday]! & mentorDay.cycleBit;
    open |= (meets ? mentorDay.cycleBit : 0) << (2 * k);
  }
  return apart * 2048 + ((weekday * 4 + menteeDay.cycleBit) * 64 + open);
}

/**
 * Which of the mentor's dates before, on and after the mentee's (bits 1, 2, 4) have bells
 * during the mentee's school day: fixed by the weekday and the two offsets, and the others
 * are skipped by `meetingWindows` whether open or not.
 */
function mentorDaysInReach(p: Pairing, day: number): number {
  const menteePeriods = p.mentee.timeline.periods(day);
  let reach = 0;
  for (let k = 0; k < 3; k++) {
    const periods = p.mentor.timeline.periods(day - 1 + k);
    if (hasBellsDuring(periods, menteePeriods)) reach |= 1 << k;
  }
  return reach;
}

/** Adds the shape's back-to-back starts and returns its windows as (from, to) relative to `midnight`. */
function windowsOfShape(p: Pairing, day: number, weekday: number, midnight: number, keys: Set<number>): number[] {
  const found: number[] = [];
  meetingWindows(p, day, found);
  const windows: number[] = [];
  const starts: number[] = [];
  for (let w = 0; w < found.length; w += WINDOW_FIELDS) {
    windows.push(found[w]! - midnight, found[w + 1]! - midnight);
    starts.length = 0;
    backToBack(found[w]!, found[w + 1]!, p.lengthMs, starts);
    labelStarts(p, found[w + 2]!, found[w + 3]!, starts, 0);
    for (let i = 1; i < starts.length; i += 2) keys.add(weekday * MINUTES_PER_DAY + starts[i]!);
  }
  return windows;
}

const dayStarts: number[] = [];

function addKeysOfDay(p: Pairing, day: number, weekday: number, keys: Set<number>): void {
  dayStarts.length = 0;
  startsOn(p, day, dayStarts);
  for (let i = 1; i < dayStarts.length; i += 2) keys.add(weekday * MINUTES_PER_DAY + dayStarts[i]!);
}
