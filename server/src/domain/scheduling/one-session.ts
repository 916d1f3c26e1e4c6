import type { Temporal } from 'temporal-polyfill';
import type { Availability, SchoolCalendar } from './calendar.js';
import { lossOfSession } from './reflow.js';
import type { Loss } from './slot-rules.js';

/**
 * Whether one session (a moved one) can happen at `start` as far as the calendars and the
 * students' availability go: both schools open, no closure during it, both students free in
 * a period of their own school's day and cycle week. Bookings, iPads and the caseload are
 * checked with their reasons by `checkSeriesConflicts`; the programme's dates by the caller.
 */
export function calendarLossAt(input: {
  mentor: Availability;
  mentee: Availability;
  mentorSchool: SchoolCalendar;
  menteeSchool: SchoolCalendar;
  sessionMinutes: number;
  start: Temporal.Instant;
}): Loss | undefined {
  // The same check as a re-flowed session's, with no bookings and no programme window: what is left is the calendars and availability.
  const end = input.start.add({ minutes: input.sessionMinutes });
  return lossOfSession({ ...input, bookings: [], end }) as Loss | undefined;
}

/** A loss in the words a coordinator reads, naming the school or the student it is about. */
export function lossWords(loss: Loss, names: { mentorSchool: string; menteeSchool: string; mentor: string; mentee: string }): string {
  const school = loss.school === 'both' ? 'Both schools' : loss.school === 'mentor' ? names.mentorSchool : names.menteeSchool;
  const student = loss.school === 'mentor' ? names.mentor : names.mentee;
  switch (loss.reason) {
    case 'holiday':
      return `${school} ${loss.school === 'both' ? 'are' : 'is'} on holiday then`;
    case 'closure':
      return `${school} ${loss.school === 'both' ? 'are' : 'is'} closed then${loss.detail ? ` (${loss.detail})` : ''}`;
    case 'not_in_cycle_week':
      return `${student} is free at that time only in the other week of ${school}'s timetable`;
    case 'not_available':
      return `${student} is not free then (no available period of ${school}'s day holds the whole session)`;
    case 'student_booked':
      return `${student} already has a session then`;
    case 'device_pool_full':
      return `No iPad at ${school} is free then`;
  }
}
