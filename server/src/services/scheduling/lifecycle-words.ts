import { Temporal } from 'temporal-polyfill';
import { formatAtSchool, formatSchoolDate } from '../../domain/scheduling/index.js';
import type { NewNotice } from '../../infra/db/notice-repository.js';

/** A pairing as every lifecycle sentence names it: first names with school, and the mentee school's clock. */
export interface NamedPair {
  pairingId: string;
  partnershipId: string;
  mentor: { id: string; firstName: string; schoolId: string; schoolName: string };
  mentee: { id: string; firstName: string; schoolId: string; schoolName: string };
  /** The mentee school's zone: the sessions keep its clock. */
  timeZone: string;
}

/** "Sam (Northgate Academy) and Priya (Riverside High School)" */
export function pairWords(pair: Pick<NamedPair, 'mentor' | 'mentee'>): string {
  return `${pair.mentor.firstName} (${pair.mentor.schoolName}) and ${pair.mentee.firstName} (${pair.mentee.schoolName})`;
}

/** "10:00 on Tue 8 December (Riverside High School time)" */
export function sessionWords(start: Temporal.Instant | Date, pair: Pick<NamedPair, 'mentee' | 'timeZone'>): string {
  const instant = start instanceof Date ? Temporal.Instant.fromEpochMilliseconds(start.getTime()) : start;
  return `${formatAtSchool(instant, pair.timeZone)} (${pair.mentee.schoolName} time)`;
}

export function dateWords(date: string): string {
  return formatSchoolDate(Temporal.PlainDate.from(date));
}

export const sessionsWords = (n: number) => (n === 1 ? '1 session' : `${n} sessions`);

/** The same sentence for each school's coordinators, about that school's own student of the pair. */
export function noticesFor(pair: NamedPair, message: string): NewNotice[] {
  return [pair.mentor, pair.mentee].map((student) => ({
    schoolId: student.schoolId,
    occurrenceId: null,
    studentId: student.id,
    kind: 'schedule_changed' as const,
    message,
  }));
}

/** The pair as the audit trail names them. */
export function auditRefs(pair: NamedPair) {
  const ref = (s: NamedPair['mentor']) => ({ id: s.id, firstName: s.firstName, schoolName: s.schoolName });
  return { mentor: ref(pair.mentor), mentee: ref(pair.mentee) };
}
