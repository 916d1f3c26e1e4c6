import type { LostDateReason } from '@peerbridge/shared';
import type { DayPeriod } from './school-timeline.js';
import { closureDuring } from './school-timeline.js';
import type { Pairing, Placement, Side, StudentSide } from './pairing.js';
import { localMomentOf } from './zone-clock.js';

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
  placed.epochDay = localMomentOf(side.timeline.calendar.timeZone, startMs).epochDay;
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

function shutLoss(p: Pairing, menteeDay: number, mentorDay: number, startMs: number, endMs: number): Loss | undefined {
  const menteeShut = calendarLoss(p.mentee, menteeDay, startMs, endMs);
  const mentorShut = calendarLoss(p.mentor, mentorDay, startMs, endMs);
  if (menteeShut && mentorShut) {
    const bothHoliday = menteeShut.reason === 'holiday' && mentorShut.reason === 'holiday';
    const detail = [menteeShut.detail, mentorShut.detail].filter(Boolean).join('; ');
    return { school: 'both', reason: bothHoliday ? 'holiday' : 'closure', ...(detail ? { detail } : {}) };
  }
  if (menteeShut) return { school: 'mentee', ...menteeShut };
  if (mentorShut) return { school: 'mentor', ...mentorShut };
  return undefined;
}

function availabilityLoss(side: StudentSide, placement: Placement): Loss | undefined {
  if (!placement.period) return { school: side.side, reason: 'not_available' };
  const day = side.timeline.day(placement.epochDay);
  const bits = side.free[day.weekday]?.[placement.period.index] ?? 0;
  if (bits & day.cycleBit) return undefined;
  return { school: side.side, reason: bits ? 'not_in_cycle_week' : 'not_available' };
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

  if (p.bookings.studentBookingDuring(p.mentee.studentId, startMs, endMs)) return { school: 'mentee', reason: 'student_booked' };
  if (p.bookings.studentBookingDuring(p.mentor.studentId, startMs, endMs)) return { school: 'mentor', reason: 'student_booked' };
  // Two students of one school would need two of its devices.
  const needed = p.mentee.schoolId === p.mentor.schoolId ? 2 : 1;
  if (!p.bookings.devicesFree(p.mentee.schoolId, startMs, endMs, needed, p.mentee.devices)) {
    return { school: 'mentee', reason: 'device_pool_full' };
  }
  if (!p.bookings.devicesFree(p.mentor.schoolId, startMs, endMs, needed, p.mentor.devices)) {
    return { school: 'mentor', reason: 'device_pool_full' };
  }
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
  const { mentee } = p;
  const day = mentee.timeline.day(menteeDay);
  if (day.shut || !(mentee.freeAny[day.weekday]! & day.cycleBit)) return;
  const free = mentee.free[day.weekday]!;
  for (const period of mentee.timeline.periods(menteeDay)) {
    if (!(free[period.index]! & day.cycleBit)) continue;
    for (let mentorDay = menteeDay - 1; mentorDay <= menteeDay + 1; mentorDay++) overlapsWith(p, period, mentorDay, into);
  }
}

function overlapsWith(p: Pairing, period: DayPeriod, mentorDay: number, into: number[]): void {
  const { mentor, lengthMs } = p;
  const day = mentor.timeline.day(mentorDay);
  if (day.shut || !(mentor.freeAny[day.weekday]! & day.cycleBit)) return;
  const periods = mentor.timeline.periods(mentorDay);
  if (periods.length === 0 || periods[periods.length - 1]!.endMs <= period.startMs || periods[0]!.startMs >= period.endMs) return;
  const free = mentor.free[day.weekday]!;
  const first = into.length;
  for (const theirs of periods) {
    if (theirs.startMs >= period.endMs) break;
    if (theirs.endMs <= period.startMs || !(free[theirs.index]! & day.cycleBit)) continue;
    const from = Math.max(period.startMs, theirs.startMs);
    const to = Math.min(period.endMs, theirs.endMs);
    if (to - from < lengthMs) continue;
    for (let at = from; at + lengthMs <= to; at += lengthMs) into.push(at, -1);
    p.bookings.endsWithin(p.schoolIds, p.studentIds, from, to - lengthMs, into);
  }
  const { timeZone } = p.mentee.timeline.calendar;
  for (let i = first; i < into.length; i += 2) {
    // The wall-clock label comes from Temporal (memoised), unless it is the mentee's own bell.
    into[i + 1] = into[i] === period.startMs ? period.startMinute : localMomentOf(timeZone, into[i]!).minute;
  }
}
