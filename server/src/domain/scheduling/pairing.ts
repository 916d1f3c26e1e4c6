import type { Availability, Booking, SchoolCalendar } from './calendar.js';
import { DEFAULT_SESSION_MINUTES } from './calendar.js';
import type { BookingsOf } from './booking-index.js';
import { BookingIndex } from './booking-index.js';
import type { DayPeriod, SchoolTimeline } from './school-timeline.js';
import { timelineOf } from './school-timeline.js';

/*
 * One mentor–mentee pairing, prepared for the slot rules: each student's free periods as bit
 * masks over their own school's bell schedule, next to that school's (shared, cached) timeline.
 */

export type Side = 'mentor' | 'mentee';

export interface StudentSide {
  side: Side;
  /** Where this side's school and student sit in the pairing's `schoolIds`, `studentIds` and `booked`. */
  position: 0 | 1;
  studentId: string;
  schoolId: string;
  timeline: SchoolTimeline;
  devices: number;
  /** By weekday, then by period index: the cycle weeks the student is free then, as bits (A = 1, B = 2). */
  free: readonly (readonly number[] | undefined)[];
  /** By weekday: the cycle weeks in which the student is free at some point that day. */
  freeAny: readonly number[];
  /** Scratch space for `place`, so checking a session allocates nothing. */
  placed: Placement;
}

export interface Placement {
  epochDay: number;
  /** The period of the student's own school day that holds the whole session, if one does. */
  period: DayPeriod | undefined;
}

export interface Pairing {
  mentee: StudentSide;
  mentor: StudentSide;
  lengthMs: number;
  bookings: BookingIndex;
  /** Mentee's first, then mentor's: a side's `position` in both. */
  schoolIds: readonly string[];
  studentIds: readonly string[];
  /** The bookings of these two schools and students (where they end: candidate starts). */
  booked: BookingsOf;
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
  const bookings = BookingIndex.of(input.bookings);
  const schoolIds = [input.mentee.schoolId, input.mentor.schoolId];
  const studentIds = [input.mentee.studentId, input.mentor.studentId];
  return {
    mentee: sideOf('mentee', 0, input.mentee, input.menteeSchool),
    mentor: sideOf('mentor', 1, input.mentor, input.mentorSchool),
    // A session lasts this much real time, whatever the clocks do.
    lengthMs: minutes * 60_000,
    bookings,
    schoolIds,
    studentIds,
    booked: bookings.of(schoolIds, studentIds),
  };
}

function sideOf(side: Side, position: 0 | 1, availability: Availability, calendar: SchoolCalendar): StudentSide {
  if (availability.schoolId !== calendar.schoolId) {
    throw new RangeError(`The ${side}'s availability is for school ${availability.schoolId}, not ${calendar.schoolId}`);
  }
  const timeline = timelineOf(calendar);
  const free: (number[] | undefined)[] = [];
  const freeAny = [0, 0, 0, 0, 0, 0, 0, 0];
  for (const slot of availability.slots) {
    const bells = timeline.bells(slot.weekday);
    const bits = (free[slot.weekday] ??= new Array<number>(bells.length).fill(0));
    const bit = slot.week === 'A' ? 1 : slot.week === 'B' ? 2 : 3;
    // A period the bell schedule does not have offers no time to meet.
    for (let i = 0; i < bells.length; i++) {
      if (bells[i]!.name !== slot.period) continue;
      bits[i]! |= bit;
      freeAny[slot.weekday]! |= bit;
    }
  }
  return {
    side,
    position,
    studentId: availability.studentId,
    schoolId: calendar.schoolId,
    timeline,
    devices: calendar.devicePool.devices,
    free,
    freeAny,
    placed: { epochDay: 0, period: undefined },
  };
}
