import type { AttendanceCounts, AttendanceOutcome, AttendancePerson, SideAttendance } from '@peerbridge/shared';

/** One student's attendance at one session, in a coordinator's words. */
export const sideWords: Record<SideAttendance, string> = {
  present: 'Came',
  late: 'Late',
  left_early: 'Left early',
  late_and_left_early: 'Late, left early',
  absent: 'Absent',
  technical_failure: 'Connection failed',
  not_expected: 'Not held',
};

export const outcomeWords: Record<AttendanceOutcome, string> = {
  attended: 'Attended',
  mentor_absent: 'Mentor absent',
  mentee_absent: 'Mentee absent',
  both_absent: 'Both absent',
  not_held: 'Not held',
  technical_failure: 'Connection failed',
};

/** How an outcome is marked: fine, needs a look, or nothing expected. */
export function outcomeTone(outcome: AttendanceOutcome): 'ok' | 'todo' | 'off' {
  if (outcome === 'attended') return 'ok';
  return outcome === 'not_held' ? 'off' : 'todo';
}

/** "3 of 4 sessions · 1 absence · 1 late": what a teacher or coordinator reads at a glance. */
export function countsLine(counts: AttendanceCounts): string {
  if (counts.expected === 0) return counts.notHeld > 0 ? `No sessions held yet (${counts.notHeld} not held)` : 'No sessions yet';
  const parts = [`Came to ${counts.attended} of ${counts.expected} ${counts.expected === 1 ? 'session' : 'sessions'}`];
  if (counts.absent > 0) parts.push(`${counts.absent} ${counts.absent === 1 ? 'absence' : 'absences'}`);
  if (counts.late > 0) parts.push(`${counts.late} late`);
  if (counts.leftEarly > 0) parts.push(`${counts.leftEarly} left early`);
  if (counts.technicalFailure > 0) parts.push(`${counts.technicalFailure} connection ${counts.technicalFailure === 1 ? 'failure' : 'failures'}`);
  return parts.join(' · ');
}

/** Own school's student by full name; the partner school's by first name only (they never have a surname here). */
export function personName(person: AttendancePerson): string {
  return person.lastName ? `${person.firstName} ${person.lastName}` : person.firstName;
}

/** "Sam (Year 11, Riverside High School)": a partner as every staff screen names them. */
export function partnerLabel(person: AttendancePerson): string {
  return `${person.firstName} (Year ${person.yearGroup}, ${person.schoolName})`;
}
