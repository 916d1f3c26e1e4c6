import type { AttendanceOutcome, ExitReason, ReferralStatus } from '@peerbridge/shared';

/*
 * The words of the programme report: row labels, and how a child is named in it. Each school sees its own
 * students in full; the partner's only as first name, school and year group.
 */

export interface ReportPerson {
  firstName: string;
  lastName: string;
  schoolId: string;
  schoolName: string;
  yearGroup: number;
}

/** "Amira Khan (Y12)" for the viewer's own student, "Sam (Riverside High School, Y11)" for the partner's. */
export function personLabel(person: ReportPerson, viewerSchoolId: string): string {
  if (person.schoolId === viewerSchoolId) return `${person.firstName} ${person.lastName} (Y${person.yearGroup})`;
  return `${person.firstName} (${person.schoolName}, Y${person.yearGroup})`;
}

export function pairingLabel(mentor: ReportPerson, mentee: ReportPerson, viewerSchoolId: string): string {
  return `${personLabel(mentor, viewerSchoolId)} with ${personLabel(mentee, viewerSchoolId)}`;
}

export const referralStatusWords: Record<ReferralStatus, string> = {
  new: 'New',
  waiting_for_consent: 'Waiting for consent',
  ready_to_pair: 'Ready to pair',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};

export const outcomeWords: Record<AttendanceOutcome, string> = {
  attended: 'Held (both attended)',
  mentor_absent: 'Mentor absent',
  mentee_absent: 'Mentee absent',
  both_absent: 'Both absent',
  not_held: 'Not held (cancelled or closure)',
  technical_failure: 'Technical failure',
};

export const exitReasonWords: Record<ExitReason, string> = {
  programme_finished: 'Programme finished',
  targets_met: 'Targets met',
  student_choice: "Student's choice",
  moved_school: 'Moved school',
  safeguarding: 'Safeguarding',
  no_shows: 'No-shows',
  other: 'Other',
};

/** "83%" (rounded), or "–" when there is nothing to divide by. */
export function percentText(numerator: number, denominator: number): string {
  return denominator === 0 ? '–' : `${Math.round((100 * numerator) / denominator)}%`;
}

/** A mean to one decimal place, or "–" with no answers. */
export function meanText(sum: number, answers: number): string {
  return answers === 0 ? '–' : (sum / answers).toFixed(1);
}
