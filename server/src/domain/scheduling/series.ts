import type { Temporal } from 'temporal-polyfill';
import type { Availability, Booking } from './calendar.js';
import type { Candidate, Occurrence } from './slot-finder.js';
import type { Pairing, PairingInput } from './pairing.js';
import { pairingOf } from './pairing.js';
import type { Loss } from './slot-rules.js';
import { closedDuring, lossAt, startsOn } from './slot-rules.js';
import { dateOfEpochDay, epochDayOf, instantOf, localMomentOf, weekdayOfEpochDay } from './zone-clock.js';

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

export type NoReplacementReason = 'schools_closed' | 'no_shared_time' | 'all_taken';

export interface ClosureImpact {
  occurrence: Occurrence;
  /** Which school's holiday or closure cancelled it. */
  cancelledBecause: Loss;
  /** The nearest time in the same ISO week that passes every slot-finder rule, if any. */
  replacement: Occurrence | null;
  noReplacement?: { reason: NoReplacementReason; message: string };
}

const NO_REPLACEMENT_MESSAGES: Record<NoReplacementReason, string> = {
  schools_closed: 'The two schools are not both open on another day that week.',
  no_shared_time: 'The two students have no other free period in common that week.',
  all_taken: 'Every time the two students could meet that week is already taken (a student or the iPads are booked).',
};

export interface ClosureImpactInput extends Omit<PairingInput, 'sessionMinutes'> {
  /** The series' stored, still-scheduled occurrences. */
  occurrences: readonly Occurrence[];
  /** Defaults to the length of the stored occurrences. */
  sessionMinutes?: number;
  /** Sessions before this mentee-school date have happened (or not) already and are left alone. */
  today: Temporal.PlainDate;
  /** Every other booking; the series' own are not needed, a week holds only its cancelled one. */
  bookings: PairingInput['bookings'];
}

/**
 * After a school's calendar changes (a closure added, term dates moved), which of a series'
 * future occurrences now fall in a holiday or closure at either school, and for each a
 * replacement in the same week found by the slot finder's rules.
 */
export function impactOfClosure(input: ClosureImpactInput): ClosureImpact[] {
  const first = input.occurrences[0];
  if (!first) return [];
  const sessionMinutes = input.sessionMinutes ?? first.start.until(first.end).total('minutes');
  const pairing = pairingOf({ ...input, sessionMinutes });
  const { timeZone } = pairing.mentee.timeline.calendar;
  const today = epochDayOf(input.today);
  const impacts: ClosureImpact[] = [];
  for (const occurrence of input.occurrences) {
    const startMs = occurrence.start.epochMilliseconds;
    const day = localMomentOf(timeZone, startMs).epochDay;
    if (day < today) continue;
    const cancelledBecause = closedDuring(pairing, day, startMs, occurrence.end.epochMilliseconds);
    if (!cancelledBecause) continue;
    impacts.push({ occurrence, cancelledBecause, ...replacementFor(pairing, day, today) });
  }
  return impacts;
}

function replacementFor(
  pairing: Pairing,
  cancelledDay: number,
  earliestDay: number,
): Pick<ClosureImpact, 'replacement' | 'noReplacement'> {
  const monday = cancelledDay - (weekdayOfEpochDay(cancelledDay) - 1);
  // The cancelled day itself is never before `earliestDay`, so there is always a day to try.
  const days = [0, 1, 2, 3, 4].map((i) => monday + i).filter((d) => d >= earliestDay);
  // Nearest day first (the cancelled day itself, for a partial closure), earlier day on a tie.
  days.sort((a, b) => Math.abs(a - cancelledDay) - Math.abs(b - cancelledDay) || a - b);
  let reason: NoReplacementReason = 'schools_closed';
  for (const day of days) {
    const found: number[] = [];
    startsOn(pairing, day, found);
    const starts = [...new Set(found.filter((_, i) => i % 2 === 0))].sort((a, b) => a - b);
    if (starts.length > 0 && reason === 'schools_closed') reason = 'no_shared_time';
    for (const startMs of starts) {
      const loss = lossAt(pairing, day, startMs);
      if (!loss) {
        return {
          replacement: {
            date: dateOfEpochDay(day),
            start: instantOf(startMs),
            end: instantOf(startMs + pairing.lengthMs),
          },
        };
      }
      if (loss.reason === 'student_booked' || loss.reason === 'device_pool_full') reason = 'all_taken';
    }
    if (reason === 'schools_closed' && !pairing.mentee.timeline.day(day).shut && !pairing.mentor.timeline.day(day).shut) {
      reason = 'no_shared_time';
    }
  }
  return { replacement: null, noReplacement: { reason, message: NO_REPLACEMENT_MESSAGES[reason] } };
}
