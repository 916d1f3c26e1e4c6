import { z } from 'zod';
import { IsoInstant, StudentRole, Uuid } from '../ids.js';
import { endpoint } from './endpoint.js';
import { IdParams } from './params.js';

/** One of the coordinator's own school's students, in full: staff see their own school's children by full name. */
export const SchoolStudent = z.object({
  id: Uuid,
  firstName: z.string(),
  lastName: z.string(),
  yearGroup: z.number().int(),
  role: StudentRole,
  /** Whether a PIN is set; the PIN itself (a hash) never leaves the server. */
  hasPin: z.boolean(),
  parentalConsentAt: IsoInstant.nullable(),
  trainingCompletedAt: IsoInstant.nullable(),
});
export type SchoolStudent = z.infer<typeof SchoolStudent>;

export const StudentListResponse = z.object({ students: z.array(SchoolStudent) });

/** `PUT /api/staff/students/:id/pin` */
export const SetPinRequest = z.strictObject({ pin: z.string().regex(/^\d{4}$/, 'must be 4 digits') });

/** `PUT /api/staff/students/:id/eligibility`: consent (mentees) and training (mentors). */
export const EligibilityRequest = z
  .strictObject({ parentalConsent: z.boolean().optional(), trainingCompleted: z.boolean().optional() })
  .refine((b) => b.parentalConsent !== undefined || b.trainingCompleted !== undefined, 'say what to record');
export type EligibilityRequest = z.infer<typeof EligibilityRequest>;

/** What a coordinator has to sort out, e.g. a session refused because consent is missing. */
export const CoordinatorNotice = z.object({
  id: Uuid,
  /** `consent_missing` so far; stored as text, so read as text. */
  kind: z.string(),
  message: z.string(),
  occurrenceId: Uuid.nullable(),
  studentId: Uuid.nullable(),
  /** Null when the notice is about no one, or the student has gone. */
  studentName: z.string().nullable(),
  studentSurname: z.string().nullable(),
  createdAt: IsoInstant,
});
export type CoordinatorNotice = z.infer<typeof CoordinatorNotice>;

export const NoticeListResponse = z.object({ notices: z.array(CoordinatorNotice) });

export const studentEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/api/staff/students',
    tag: 'students',
    audience: 'staff',
    summary: "The coordinator's own school's students, with what is on record for each.",
    response: StudentListResponse,
  }),
  setPin: endpoint({
    method: 'PUT',
    path: '/api/staff/students/:id/pin',
    tag: 'students',
    audience: 'staff',
    summary: "Sets a student's 4-digit PIN (stored as a hash, never read back).",
    params: IdParams,
    body: SetPinRequest,
    response: null,
  }),
  setEligibility: endpoint({
    method: 'PUT',
    path: '/api/staff/students/:id/eligibility',
    tag: 'students',
    audience: 'staff',
    summary: "Records a mentee's parental consent or a mentor's training.",
    params: IdParams,
    body: EligibilityRequest,
    response: null,
  }),
  notices: endpoint({
    method: 'GET',
    path: '/api/staff/notices',
    tag: 'students',
    audience: 'staff',
    summary: "Open notices for the coordinator's school, newest first.",
    response: NoticeListResponse,
  }),
  resolveNotice: endpoint({
    method: 'POST',
    path: '/api/staff/notices/:id/resolve',
    tag: 'students',
    audience: 'staff',
    summary: 'Marks a notice dealt with.',
    params: IdParams,
    response: null,
  }),
};
