/*
 * The authorization matrix's cases for attendance: the coordinator of either school of a pairing
 * reads its attendance and that of its students; each school's coordinator reads who is being
 * mentored at their own school (another school's coordinator gets their own, empty, list).
 */
import type { Role, Scope } from './lifecycle-matrix-cases.js';

export interface AttendanceFixture {
  pairingId: string;
  /** A Northgate mentor paired with Riverside mentees. */
  studentId: string;
}

export interface AttendanceCase {
  name: string;
  method: 'get';
  path: (f: AttendanceFixture) => string;
  allowed: Set<`${Scope}:${Role}`>;
}

const coordinators = (scopes: Scope[]) => new Set(scopes.map((s) => `${s}:coordinator` as const));

export const attendanceCases: AttendanceCase[] = [
  { name: "see a pairing's attendance", method: 'get', path: (f) => `/api/staff/pairings/${f.pairingId}/attendance`, allowed: coordinators(['own', 'partner']) },
  { name: "see a student's attendance", method: 'get', path: (f) => `/api/staff/students/${f.studentId}/attendance`, allowed: coordinators(['own', 'partner']) },
  { name: 'see who is being mentored', method: 'get', path: () => '/api/staff/attendance/mentored', allowed: coordinators(['own', 'partner', 'other']) },
];
