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
  return occurrences.flatMap(({ start, end }) => [
    { schoolId: mentor.schoolId, studentIds: [mentor.studentId], start, end },
    { schoolId: mentee.schoolId, studentIds: [mentee.studentId], start, end },
  ]);
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
