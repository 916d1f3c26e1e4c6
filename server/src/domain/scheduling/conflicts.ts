import type { Temporal } from 'temporal-polyfill';
import type { Booking, SchoolCalendar } from './calendar.js';
import { DEFAULT_CASELOAD_LIMIT } from './calendar.js';
import { BookingIndex } from './booking-index.js';
import { formatAtSchool } from './format.js';
import type { Occurrence } from './slot-finder.js';

/*
 * The checks that refuse a new series (the API answers 409 with `message`). Messages name
 * the student and school and give times at that student's or school's own clock, because a
 * coordinator acts on them without opening a calendar.
 */

export interface SeriesParticipant {
  studentId: string;
  firstName: string;
  school: SchoolCalendar;
  schoolName: string;
}

export type SeriesConflict =
  | { code: 'student_already_booked'; studentId: string; date: Temporal.PlainDate; message: string }
  | { code: 'device_pool_exhausted'; schoolId: string; date: Temporal.PlainDate; message: string }
  | { code: 'caseload_limit'; studentId: string; limit: number; message: string };

export interface SeriesConflictInput {
  occurrences: readonly Occurrence[];
  mentor: SeriesParticipant;
  mentee: SeriesParticipant;
  /** Everything already booked, not including this series. */
  bookings: readonly Booking[] | BookingIndex;
  /** The mentees this mentor already has in the partnership. */
  caseload: { currentMenteeIds: readonly string[]; limit?: number };
}

/** Every reason the series cannot be created, in date order after the caseload; empty when it can. */
export function checkSeriesConflicts(input: SeriesConflictInput): SeriesConflict[] {
  const { occurrences, mentor, mentee } = input;
  const conflicts: SeriesConflict[] = [];
  const caseload = caseloadConflict(mentor, mentee.studentId, input.caseload.currentMenteeIds, input.caseload.limit);
  if (caseload) conflicts.push(caseload);

  const bookings = BookingIndex.of(input.bookings);
  const sameSchool = mentor.school.schoolId === mentee.school.schoolId;
  const ordered = [...occurrences].sort((a, b) => a.start.epochMilliseconds - b.start.epochMilliseconds);
  for (const { date, start, end } of ordered) {
    const [startMs, endMs] = [start.epochMilliseconds, end.epochMilliseconds];
    for (const who of [mentor, mentee]) {
      const clash = bookings.studentBookingDuring(who.studentId, startMs, endMs);
      if (clash) {
        const when = formatAtSchool(clash.start, who.school.timeZone);
        conflicts.push({ code: 'student_already_booked', studentId: who.studentId, date, message: `${who.firstName} already has a session at ${when}` });
      }
    }
    const schools = sameSchool ? [mentor] : [mentor, mentee];
    for (const { school, schoolName } of schools) {
      const needed = sameSchool ? 2 : 1;
      if (bookings.peakDevicesInUse(school.schoolId, startMs, endMs) + needed > school.devicePool.devices) {
        const message = devicesMessage(school.devicePool.devices, schoolName, formatAtSchool(start, school.timeZone));
        conflicts.push({ code: 'device_pool_exhausted', schoolId: school.schoolId, date, message });
      }
    }
  }
  return conflicts;
}

/** A mentor already at the limit may keep their mentees but take no new one. */
export function caseloadConflict(
  mentor: Pick<SeriesParticipant, 'studentId' | 'firstName'>,
  menteeId: string,
  currentMenteeIds: readonly string[],
  limit = DEFAULT_CASELOAD_LIMIT,
): SeriesConflict | undefined {
  const current = new Set(currentMenteeIds);
  if (current.has(menteeId) || current.size < limit) return undefined;
  const students = current.size === 1 ? 'student' : 'students';
  return {
    code: 'caseload_limit',
    studentId: mentor.studentId,
    limit,
    message: `${mentor.firstName} already mentors ${current.size} ${students} (the limit)`,
  };
}

function devicesMessage(devices: number, schoolName: string, when: string): string {
  if (devices <= 0) return `${schoolName} has no iPads set aside for sessions`;
  if (devices === 1) return `The only iPad at ${schoolName} is booked at ${when}`;
  return `All ${devices} iPads at ${schoolName} are booked at ${when}`;
}
