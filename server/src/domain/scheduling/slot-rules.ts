import type { LostDateReason } from '@peerbridge/shared';
import type { DayPeriod, SchoolDay } from './school-timeline.js';
import { closureDuring } from './school-timeline.js';
import type { Pairing, Placement, Side, StudentSide } from './pairing.js';
import { localEpochDayOf, localMinuteOf } from './zone-clock.js';

/*
 * The rules one session must pass, shared by the slot finder and by rescheduling after a
 * closure: both schools open, both students free in an available period of their own
 * school's day and cycle week, neither student booked, a device free at each end.
 * Everything here compares epoch milliseconds that Temporal produced (see zone-clock.ts),
 * and allocates nothing unless a session is lost: it runs a few thousand times per pairing.
 */

/** Why a session is lost: the contract's own list (`LostDateReason` in shared/src/http/scheduling.ts), so the two cannot drift. */
export type LostReason = LostDateReason;

export interface Loss {
  /** 'both' when both schools are closed or on holiday that day. */
  school: Side | 'both';
  reason: LostReason;
  /** The closure's reason as the school gave it ('INSET day'). */
  detail?: string;
}

/**
 * Which local date (and period) of this school an absolute session falls on. `nearDay` is
 * the anchor school's date; in another zone the local date may be a day either side.
 */
function place(side: StudentSide, nearDay: number, startMs: number, endMs: number): Placement {
  const placed = side.placed;
  for (let k = 0; k < 3; k++) {
    const day = k === 0 ? nearDay : k === 1 ? nearDay - 1 : nearDay + 1;
    for (const period of side.timeline.periods(day)) {
      if (period.startMs <= startMs && endMs <= period.endMs) {
        placed.epochDay = day;
        placed.period = period;
        return placed;
      }
    }
  }
  placed.epochDay = localEpochDayOf(side.timeline.calendar.timeZone, startMs);
  placed.period = undefined;
  return placed;
}

function calendarLoss(side: StudentSide, epochDay: number, startMs: number, endMs: number): Omit<Loss, 'school'> | undefined {
  const day = side.timeline.day(epochDay);
  if (day.shut) return day.shut;
  if (day.partialClosures.length === 0) return undefined;
  const closure = closureDuring(day, startMs, endMs);
  return closure ? { reason: 'closure', detail: closure.detail } : undefined;
}

/**
 * The losses that carry no detail, shared rather than built per lost date (a year of holiday
 * weeks for every candidate of every pairing). Frozen: nobody may change a shared answer.
 */
function sharedLoss(school: Loss['school'], reason: LostReason): Loss {
  return Object.freeze({ school, reason });
}
const SIDES = ['mentee', 'mentor', 'both'] as const;
type LossesBySide = Record<(typeof SIDES)[number], Loss>;
const lossesBySide = (reason: LostReason) => Object.fromEntries(SIDES.map((side) => [side, sharedLoss(side, reason)])) as LossesBySide;
const HOLIDAY_LOSS = lossesBySide('holiday');
const NOT_AVAILABLE = lossesBySide('not_available');
const NOT_IN_CYCLE_WEEK = lossesBySide('not_in_cycle_week');
const STUDENT_BOOKED = lossesBySide('student_booked');
const DEVICE_POOL_FULL = lossesBySide('device_pool_full');

function sideShut(school: Side, shut: Omit<Loss, 'school'>): Loss {
  return shut.reason === 'holiday' && shut.detail === undefined ? HOLIDAY_LOSS[school] : { school, ...shut };
}

function shutLoss(p: Pairing, menteeDay: number, mentorDay: number, startMs: number, endMs: number): Loss | undefined {
  const menteeShut = calendarLoss(p.mentee, menteeDay, startMs, endMs);
  const mentorShut = calendarLoss(p.mentor, mentorDay, startMs, endMs);
  if (menteeShut && mentorShut) {
    const bothHoliday = menteeShut.reason === 'holiday' && mentorShut.reason === 'holiday';
    const detail = [menteeShut.detail, mentorShut.detail].filter(Boolean).join('; ');
    if (bothHoliday && !detail) return HOLIDAY_LOSS.both;
    return { school: 'both', reason: bothHoliday ? 'holiday' : 'closure', ...(detail ? { detail } : {}) };
  }
  if (menteeShut) return sideShut('mentee', menteeShut);
  if (mentorShut) return sideShut('mentor', mentorShut);
  return undefined;
}

function availabilityLoss(side: StudentSide, placement: Placement): Loss | undefined {
  if (!placement.period) return NOT_AVAILABLE[side.side];
  const day = side.timeline.day(placement.epochDay);
  const bits = side.free[day.weekday]?.[placement.period.index] ?? 0;
  if (bits & day.cycleBit) return undefined;
  return bits ? NOT_IN_CYCLE_WEEK[side.side] : NOT_AVAILABLE[side.side];
}

/**
 * Why the calendars alone rule out a session at [startMs, endMs): a school shut, or a student
 * not free in an available period of their own school's day and cycle week. Bookings aside.
 */
export function calendarLossAt(p: Pairing, menteeDay: number, startMs: number, endMs: number): Loss | undefined {
  const atMentee = place(p.mentee, menteeDay, startMs, endMs);
  const atMentor = place(p.mentor, menteeDay, startMs, endMs);
  return (
    shutLoss(p, atMentee.epochDay, atMentor.epochDay, startMs, endMs) ??
    availabilityLoss(p.mentee, atMentee) ??
    availabilityLoss(p.mentor, atMentor)
  );
}

/** Why a session at [startMs, startMs + length) cannot happen, or undefined when it can. */
export function lossAt(p: Pairing, menteeDay: number, startMs: number): Loss | undefined {
  const endMs = startMs + p.lengthMs;
  const loss = calendarLossAt(p, menteeDay, startMs, endMs);
  if (loss) return loss;

  const { booked, mentee, mentor } = p;
  if (booked.studentBookingDuring(mentee.position, startMs, endMs)) return STUDENT_BOOKED.mentee;
  if (booked.studentBookingDuring(mentor.position, startMs, endMs)) return STUDENT_BOOKED.mentor;
  // Two students of one school would need two of its devices.
  const needed = mentee.schoolId === mentor.schoolId ? 2 : 1;
  if (!booked.devicesFree(mentee.position, startMs, endMs, needed, mentee.devices)) return DEVICE_POOL_FULL.mentee;
  if (!booked.devicesFree(mentor.position, startMs, endMs, needed, mentor.devices)) return DEVICE_POOL_FULL.mentor;
  return undefined;
}

/** Whether either school is closed or on holiday for any part of [startMs, endMs). */
export function closedDuring(p: Pairing, menteeDay: number, startMs: number, endMs: number): Loss | undefined {
  const menteeLocalDay = place(p.mentee, menteeDay, startMs, endMs).epochDay;
  const mentorLocalDay = place(p.mentor, menteeDay, startMs, endMs).epochDay;
  return shutLoss(p, menteeLocalDay, mentorLocalDay, startMs, endMs);
}

/**
 * Start times worth trying on one of the mentee school's dates, appended to `into` as pairs
 * (start in epoch ms, the mentee school's wall-clock minute): where an available period of
 * the mentee meets one of the mentor's, then back to back through the overlap, plus the end
 * of any booking inside it (the first moment a taken device or student is free again). A
 * finer grid would list many near-identical candidates a few minutes apart and leave devices
 * with gaps too short for another session.
 */
export function startsOn(p: Pairing, menteeDay: number, into: number[]): void {
  const windows = windowScratch;
  windows.length = 0;
  meetingWindows(p, menteeDay, windows);
  for (let w = 0; w < windows.length; w += WINDOW_FIELDS) {
    const first = into.length;
    const from = windows[w]!;
    const to = windows[w + 1]!;
    backToBack(from, to, p.lengthMs, into);
    p.booked.endsWithin(from, to - p.lengthMs, into);
    labelStarts(p, windows[w + 2]!, windows[w + 3]!, into, first);
  }
}

/** Scratch for `startsOn`, reused: it runs for each date of every pairing and is never re-entered. */
const windowScratch: number[] = [];

/** `meetingWindows` appends (from, to, the mentee period's startMs, its startMinute) per window. */
export const WINDOW_FIELDS = 4;

/** Appends (start, -1) pairs back to back through [from, to): whole sessions only. */
export function backToBack(from: number, to: number, lengthMs: number, into: number[]): void {
  for (let at = from; at + lengthMs <= to; at += lengthMs) into.push(at, -1);
}

/** Fills the wall-clock minute of each start appended since `first` (the pairs' second halves). */
export function labelStarts(p: Pairing, periodStartMs: number, periodStartMinute: number, into: number[], first: number): void {
  const { timeZone } = p.mentee.timeline.calendar;
  for (let i = first; i < into.length; i += 2) {
    // The wall-clock label is Temporal's offset applied (zone-offsets.ts), unless it is the mentee's own bell.
    into[i + 1] = into[i] === periodStartMs ? periodStartMinute : localMinuteOf(timeZone, into[i]!);
  }
}

/**
 * Where an available period of the mentee meets one of the mentor's for at least a whole
 * session on one of the mentee school's dates, bookings aside: appended to `into` as
 * `WINDOW_FIELDS` numbers each, in the order `startsOn` tries them.
 */
export function meetingWindows(p: Pairing, menteeDay: number, into: number[]): void {
  const { mentee } = p;
  const day = mentee.timeline.day(menteeDay);
  if (day.shut || !(mentee.freeAny[day.weekday]! & day.cycleBit)) return;
  const free = mentee.free[day.weekday]!;
  const periods = mentee.timeline.periods(menteeDay);
  // The mentor's candidate dates are looked up once per mentee date, not once per free period.
  const open = openMentorDays(p, menteeDay, periods);
  if (open === 0) return;
  for (const period of periods) {
    if (!(free[period.index]! & day.cycleBit)) continue;
    for (let i = 0; i < open; i++) overlapsWith(p, period, mentorDays[i]!, mentorPeriods[i]!, into);
  }
}

/** Scratch for `openMentorDays`, reused: `meetingWindows` is never re-entered. */
const mentorDays: SchoolDay[] = [];
const mentorPeriods: (readonly DayPeriod[])[] = [];

/**
 * The mentor's dates either side of the mentee's (zones differ), in date order, on which the
 * mentor is in school, free in that cycle week and has bells during the mentee's day: left
 * in the scratch arrays, and their number returned.
 */
function openMentorDays(p: Pairing, menteeDay: number, menteePeriods: readonly DayPeriod[]): number {
  const { mentor } = p;
  let open = 0;
  for (let mentorDay = menteeDay - 1; mentorDay <= menteeDay + 1; mentorDay++) {
    const day = mentor.timeline.day(mentorDay);
    if (day.shut || !(mentor.freeAny[day.weekday]! & day.cycleBit)) continue;
    const periods = mentor.timeline.periods(mentorDay);
    if (!hasBellsDuring(periods, menteePeriods)) continue;
    mentorDays[open] = day;
    mentorPeriods[open] = periods;
    open++;
  }
  return open;
}

/** Whether any of `periods` runs during the span from the first to the last of `during`. */
export function hasBellsDuring(periods: readonly DayPeriod[], during: readonly DayPeriod[]): boolean {
  if (periods.length === 0 || during.length === 0) return false;
  // Bells are in start order, but a long period may end after the last one starts.
  let dayStart = Infinity;
  let dayEnd = -Infinity;
  for (const period of during) {
    dayStart = Math.min(dayStart, period.startMs);
    dayEnd = Math.max(dayEnd, period.endMs);
  }
  return periods[periods.length - 1]!.endMs > dayStart && periods[0]!.startMs < dayEnd;
}

function overlapsWith(p: Pairing, period: DayPeriod, day: SchoolDay, periods: readonly DayPeriod[], into: number[]): void {
  const { mentor, lengthMs } = p;
  if (periods[periods.length - 1]!.endMs <= period.startMs || periods[0]!.startMs >= period.endMs) return;
  const free = mentor.free[day.weekday]!;
  for (const theirs of periods) {
    if (theirs.startMs >= period.endMs) break;
    if (theirs.endMs <= period.startMs || !(free[theirs.index]! & day.cycleBit)) continue;
    const from = Math.max(period.startMs, theirs.startMs);
    const to = Math.min(period.endMs, theirs.endMs);
    if (to - from < lengthMs) continue;
    into.push(from, to, period.startMs, period.startMinute);
  }
}
