import { z } from 'zod';
import { IsoInstant, Uuid } from '../ids.js';
import { endpoint } from './endpoint.js';
import { IdParams } from './params.js';
import { AttendanceOutcome, SideAttendance } from './programme-vocabulary.js';

/**
 * Attendance computed from the session log, for coordinators of either school of a pairing, and the
 * teacher-facing list of who is being mentored. A student of the reader's own school is shown in full;
 * the partner school's only by first name, school and year group (`lastName` is absent for them).
 */

export const AttendancePerson = z.object({
  id: Uuid,
  firstName: z.string(),
  /** Only for a student of the reader's own school. */
  lastName: z.string().optional(),
  yearGroup: z.number().int(),
  schoolName: z.string(),
  ownSchool: z.boolean(),
});
export type AttendancePerson = z.infer<typeof AttendancePerson>;

/** Counts over expected sessions (not-held ones are counted apart and in nothing else). */
export const AttendanceCounts = z.object({
  /** Sessions that were held or should have been (everything but not held). */
  expected: z.number().int(),
  /** Came (on time, late or leaving early). */
  attended: z.number().int(),
  absent: z.number().int(),
  late: z.number().int(),
  leftEarly: z.number().int(),
  technicalFailure: z.number().int(),
  notHeld: z.number().int(),
});
export type AttendanceCounts = z.infer<typeof AttendanceCounts>;

/** How long late, how early they left, why it was not held, or what failed: in words staff read. */
export const AttendanceRecordRow = z.object({
  occurrenceId: Uuid,
  pairingId: Uuid,
  startsAt: IsoInstant,
  /** "Wed 25 Nov 2026, 10:20 (Riverside High School time)": the reader's school's time. */
  when: z.string(),
  outcome: AttendanceOutcome,
  mentor: SideAttendance,
  mentee: SideAttendance,
  /** e.g. "Mo joined 12 minutes late; Ed left 20 minutes early", or "Not held: Snow day". */
  note: z.string(),
});
export type AttendanceRecordRow = z.infer<typeof AttendanceRecordRow>;

export const PairingAttendanceResponse = z.object({
  pairing: z.object({ id: Uuid, mentor: AttendancePerson, mentee: AttendancePerson, ended: z.boolean() }),
  records: z.array(AttendanceRecordRow),
  mentorCounts: AttendanceCounts,
  menteeCounts: AttendanceCounts,
});
export type PairingAttendanceResponse = z.infer<typeof PairingAttendanceResponse>;

export const StudentAttendanceResponse = z.object({
  student: AttendancePerson,
  role: z.enum(['mentor', 'mentee']),
  /** Every pairing they have been in that the reader's school is part of, with the partner. */
  pairings: z.array(z.object({ pairingId: Uuid, partner: AttendancePerson, ended: z.boolean() })),
  records: z.array(AttendanceRecordRow.extend({ side: SideAttendance, partnerFirstName: z.string() })),
  counts: AttendanceCounts,
});
export type StudentAttendanceResponse = z.infer<typeof StudentAttendanceResponse>;

export const MentoredStudent = z.object({
  /** The reader's own school's student, in full. */
  student: AttendancePerson,
  role: z.enum(['mentor', 'mentee']),
  partner: AttendancePerson,
  pairingId: Uuid,
  /** The next session that is not cancelled, in the reader's school's time; null when none is timetabled. */
  nextSession: z.object({ startsAt: IsoInstant, when: z.string() }).nullable(),
  counts: AttendanceCounts,
});
export type MentoredStudent = z.infer<typeof MentoredStudent>;

export const MentoredListResponse = z.object({
  schoolName: z.string(),
  timeZone: z.string(),
  /** When the list was made, in the school's time (printed on the teachers' copy). */
  asOf: z.string(),
  students: z.array(MentoredStudent),
});
export type MentoredListResponse = z.infer<typeof MentoredListResponse>;

const TAG = 'attendance';

export const attendanceEndpoints = {
  mentored: endpoint({
    method: 'GET',
    path: '/api/staff/attendance/mentored',
    tag: TAG,
    audience: 'staff',
    summary: "Who is being mentored at the coordinator's school: each student, their partner (first name, school, year), next session and attendance.",
    response: MentoredListResponse,
  }),
  pairing: endpoint({
    method: 'GET',
    path: '/api/staff/pairings/:id/attendance',
    tag: TAG,
    audience: 'staff',
    summary: "A pairing's attendance at every session that is over, for the coordinator of either school.",
    params: IdParams,
    response: PairingAttendanceResponse,
  }),
  student: endpoint({
    method: 'GET',
    path: '/api/staff/students/:id/attendance',
    tag: TAG,
    audience: 'staff',
    summary: "A student's attendance across their pairings with the coordinator's school (a partner school's student by first name, school and year only).",
    params: IdParams,
    response: StudentAttendanceResponse,
  }),
};
