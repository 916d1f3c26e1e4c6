import type { Availability, Booking, SchoolCalendar } from './calendar.js';
import { DEFAULT_SESSION_MINUTES } from './calendar.js';
import { BookingIndex } from './booking-index.js';
import type { DayPeriod, SchoolTimeline } from './school-timeline.js';
import { closureDuring, timelineOf } from './school-timeline.js';
import { localMomentOf } from './zone-clock.js';

/*
 * The rules one session must pass, shared by the slot finder and by rescheduling after a
 * closure: both schools open, both students free in an available period of their own
 * school's day and cycle week, neither student booked, a device free at each end.
 * Everything here works on epoch milliseconds that Temporal produced (see zone-clock.ts).
 */

export type Side = 'mentor' | 'mentee';

export type LostReason =
  | 'holiday'
  | 'closure'
  /** The student is free at this time only in the other week of their school's A/B cycle. */
  | 'not_in_cycle_week'
  /** The student has no available period at this time that week (e.g. the zones' clocks changed on different dates). */
  | 'not_available'
  | 'student_booked'
  | 'device_pool_full';

export interface Loss {
  /** 'both' when both schools are closed or on holiday that day. */
  school: Side | 'both';
  reason: LostReason;
  /** The closure's reason as the school gave it ('INSET day'). */
  detail?: string;
}

interface StudentSide {
  side: Side;
  studentId: string;
  schoolId: string;
  timeline: SchoolTimeline;
  devices: number;
  /** By weekday, then by period index: the cycle weeks the student is free then, as bits (A = 1, B = 2). */
  free: readonly (readonly number[] | undefined)[];
}

export interface Pairing {
  mentee: StudentSide;
  mentor: StudentSide;
  lengthMs: number;
  bookings: BookingIndex;
  schoolIds: readonly string[];
  studentIds: readonly string[];
}

export interface PairingInput {
  mentor: Availability;
  mentee: Availability;
  mentorSchool: SchoolCalendar;
  menteeSchool: SchoolCalendar;
  sessionMinutes?: number;
  bookings: readonly Booking[] | BookingIndex;
}

export function pairingOf(input: PairingInput): Pairing {
  const minutes = input.sessionMinutes ?? DEFAULT_SESSION_MINUTES;
  if (!Number.isInteger(minutes) || minutes <= 0) throw new RangeError(`Session length must be whole minutes, got ${minutes}`);
  return {
    mentee: sideOf('mentee', input.mentee, input.menteeSchool),
    mentor: sideOf('mentor', input.mentor, input.mentorSchool),
    // A session lasts this much real time, whatever the clocks do.
    lengthMs: minutes * 60_000,
    bookings: BookingIndex.of(input.bookings),
    schoolIds: [input.mentee.schoolId, input.mentor.schoolId],
    studentIds: [input.mentee.studentId, input.mentor.studentId],
  };
}

function sideOf(side: Side, availability: Availability, calendar: SchoolCalendar): StudentSide {
  if (availability.schoolId !== calendar.schoolId) {
    throw new RangeError(`The ${side}'s availability is for school ${availability.schoolId}, not ${calendar.schoolId}`);
  }
  const timeline = timelineOf(calendar);
  const free: (number[] | undefined)[] = [];
  for (const slot of availability.slots) {
    const bells = timeline.bells(slot.weekday);
    const bits = (free[slot.weekday] ??= bells.map(() => 0));
    const bit = slot.week === 'A' ? 1 : slot.week === 'B' ? 2 : 3;
    // A period the bell schedule does not have offers no time to meet.
    bells.forEach((period, i) => {
      if (period.name === slot.period) bits[i]! |= bit;
    });
  }
  return { side, studentId: availability.studentId, schoolId: calendar.schoolId, timeline, devices: calendar.devicePool.devices, free };
}

interface Placement {
  epochDay: number;
  /** The period of the student's own school day that holds the whole session, if one does. */
  period: DayPeriod | undefined;
}

/**
 * Which local date (and period) of this school an absolute session falls on. `nearDay` is
 * the anchor school's date; in another zone the local date may be a day either side.
 */
function place(side: StudentSide, nearDay: number, startMs: number, endMs: number): Placement {
  for (let k = 0; k < 3; k++) {
    const day = k === 0 ? nearDay : k === 1 ? nearDay - 1 : nearDay + 1;
    for (const period of side.timeline.periods(day)) {
      if (period.startMs <= startMs && endMs <= period.endMs) return { epochDay: day, period };
    }
  }
  return { epochDay: localMomentOf(side.timeline.calendar.timeZone, startMs).epochDay, period: undefined };
}

function calendarLoss(side: StudentSide, epochDay: number, startMs: number, endMs: number): Omit<Loss, 'school'> | undefined {
  const day = side.timeline.day(epochDay);
  if (day.shut) return day.shut;
  const closure = closureDuring(day, startMs, endMs);
  return closure ? { reason: 'closure', detail: closure.detail } : undefined;
}

function availabilityLoss(side: StudentSide, placement: Placement): LostReason | undefined {
  if (!placement.period) return 'not_available';
  const day = side.timeline.day(placement.epochDay);
  const bits = side.free[day.weekday]?.[placement.period.index] ?? 0;
  if (bits & day.cycleBit) return undefined;
  return bits ? 'not_in_cycle_week' : 'not_available';
}

/** Why a session at [startMs, startMs + length) cannot happen, or undefined when it can. */
export function lossAt(p: Pairing, menteeDay: number, startMs: number): Loss | undefined {
  const endMs = startMs + p.lengthMs;
  const atMentee = place(p.mentee, menteeDay, startMs, endMs);
  const atMentor = place(p.mentor, menteeDay, startMs, endMs);

  const shut = shutLoss(p, atMentee.epochDay, atMentor.epochDay, startMs, endMs);
  if (shut) return shut;

  const menteeFree = availabilityLoss(p.mentee, atMentee);
  if (menteeFree) return { school: 'mentee', reason: menteeFree };
  const mentorFree = availabilityLoss(p.mentor, atMentor);
  if (mentorFree) return { school: 'mentor', reason: mentorFree };

  if (p.bookings.studentBookingDuring(p.mentee.studentId, startMs, endMs)) return { school: 'mentee', reason: 'student_booked' };
  if (p.bookings.studentBookingDuring(p.mentor.studentId, startMs, endMs)) return { school: 'mentor', reason: 'student_booked' };
  // Two students of one school would need two of its devices.
  const needed = p.mentee.schoolId === p.mentor.schoolId ? 2 : 1;
  for (const side of [p.mentee, p.mentor]) {
    if (!p.bookings.devicesFree(side.schoolId, startMs, endMs, needed, side.devices)) {
      return { school: side.side, reason: 'device_pool_full' };
    }
  }
  return undefined;
}

/** Whether either school is closed or on holiday for any part of [startMs, endMs). */
export function closedDuring(p: Pairing, menteeDay: number, startMs: number, endMs: number): Loss | undefined {
  const atMentee = place(p.mentee, menteeDay, startMs, endMs);
  const atMentor = place(p.mentor, menteeDay, startMs, endMs);
  return shutLoss(p, atMentee.epochDay, atMentor.epochDay, startMs, endMs);
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

/**
 * Start instants worth trying on one of the mentee school's dates: where an available period
 * of the mentee meets one of the mentor's, then back to back through the overlap, plus the
 * end of any booking inside it (the first moment a taken device or student is free again).
 * A finer grid would list many near-identical candidates that differ by a few minutes and
 * would leave devices with gaps too short for another session.
 */
export function startsOn(p: Pairing, menteeDay: number, into: number[]): void {
  const { mentee, mentor, lengthMs } = p;
  const day = mentee.timeline.day(menteeDay);
  const free = mentee.free[day.weekday];
  if (day.shut || !free) return;
  const periods = mentee.timeline.periods(menteeDay);
  for (const period of periods) {
    if (!(free[period.index]! & day.cycleBit)) continue;
    for (let mentorDay = menteeDay - 1; mentorDay <= menteeDay + 1; mentorDay++) {
      const theirDay = mentor.timeline.day(mentorDay);
      const theirFree = mentor.free[theirDay.weekday];
      if (theirDay.shut || !theirFree) continue;
      for (const theirs of mentor.timeline.periods(mentorDay)) {
        if (!(theirFree[theirs.index]! & theirDay.cycleBit)) continue;
        const from = Math.max(period.startMs, theirs.startMs);
        const to = Math.min(period.endMs, theirs.endMs);
        if (to - from < lengthMs) continue;
        for (let at = from; at + lengthMs <= to; at += lengthMs) into.push(at);
        p.bookings.endsWithin(p.schoolIds, p.studentIds, from, to - lengthMs, into);
      }
    }
  }
}

/** The mentee school's wall-clock minute of a start found on `menteeDay`. */
export function menteeMinuteOf(p: Pairing, menteeDay: number, startMs: number): number {
  for (const period of p.mentee.timeline.periods(menteeDay)) if (period.startMs === startMs) return period.startMinute;
  return localMomentOf(p.mentee.timeline.calendar.timeZone, startMs).minute;
}
