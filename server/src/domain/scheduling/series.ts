import type { Availability, Booking } from './calendar.js';
import type { Candidate, Occurrence } from './slot-finder.js';
import { impactOfCalendarChange, type ChangeImpact, type ChangeImpactInput, type NoReplacementReason } from './reflow.js';

/** The occurrences a series created from a candidate stores for the whole programme. */
export function occurrencesOf(candidate: Candidate): Occurrence[] {
  return candidate.sessions.map(({ date, start, end }) => ({ date, start, end }));
}

/** A session holds a device and a student at each school, so each occurrence is two bookings. */
export function bookingsOf(
  occurrences: readonly Occurrence[],
  mentor: Pick<Availability, 'studentId' | 'schoolId'>,
  mentee: Pick<Availability, 'studentId' | 'schoolId'>,
): Booking[] {
  // A series' bookings share one (frozen) id list per student rather than a new one each: a
  // whole network's schedule makes hundreds of thousands of them.
  const mentorIds = Object.freeze([mentor.studentId]);
  const menteeIds = Object.freeze([mentee.studentId]);
  const bookings: Booking[] = [];
  for (let i = 0; i < occurrences.length; i++) {
    const { start, end } = occurrences[i]!;
    bookings.push({ schoolId: mentor.schoolId, studentIds: mentorIds, start, end }, { schoolId: mentee.schoolId, studentIds: menteeIds, start, end });
  }
  return bookings;
}

export type ClosureImpact = ChangeImpact;
export type { NoReplacementReason };

export interface ClosureImpactInput extends Omit<ChangeImpactInput, 'bookings'> {
  /** Every other booking; the series' own are not needed, a week holds only its cancelled one. */
  bookings: readonly Booking[];
}

/**
 * After a school's calendar changes (a closure added, term dates moved), which of a series'
 * future occurrences no longer fit, and for each a replacement in the same week found by the
 * slot finder's rules (see reflow.ts, which every calendar change goes through).
 */
export function impactOfClosure(input: ClosureImpactInput): ClosureImpact[] {
  return impactOfCalendarChange(input);
}
