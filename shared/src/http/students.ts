import { z } from 'zod';
import { IsoInstant, StudentRole, Uuid } from '../ids.js';
import { endpoint } from './endpoint.js';
import { IdParams } from './params.js';

/** How a consent or a training record reached the school. */
export const RecordMethod = z.enum(['letter', 'form', 'email', 'in_person']);
export type RecordMethod = z.infer<typeof RecordMethod>;

/** Who recorded a consent or a training, when and how: so a coordinator can answer "who said this child could take part?". */
export const EligibilityRecord = z.object({
  recordedAt: IsoInstant,
  /** The staff member's name as it is now; null for records made before this was kept (or by the demo). */
  recordedBy: z.string().nullable(),
  method: RecordMethod.nullable(),
});
export type EligibilityRecord = z.infer<typeof EligibilityRecord>;

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
  /** The same consent and training, with who recorded each and how; null when not on record. */
  parentalConsentRecord: EligibilityRecord.nullable(),
  trainingRecord: EligibilityRecord.nullable(),
  /** Set when the student has left: kept for the records, listed only when archived students are asked for. */
  archivedAt: IsoInstant.nullable(),
});
export type SchoolStudent = z.infer<typeof SchoolStudent>;

export const StudentListResponse = z.object({ students: z.array(SchoolStudent) });

/** `GET /api/staff/students?archived=true`: the archived students instead of the current ones. */
export const StudentListQuery = z.object({ archived: z.enum(['true', 'false']).optional() });

/** `PUT /api/staff/students/:id/pin` */
export const SetPinRequest = z.strictObject({ pin: z.string().regex(/^\d{4}$/, 'must be 4 digits') });

/** `PUT /api/staff/students/:id/eligibility`: consent (mentees) and training (mentors). */
export const EligibilityRequest = z
  .strictObject({
    parentalConsent: z.boolean().optional(),
    trainingCompleted: z.boolean().optional(),
    /** How it reached the school (a letter, the consent form, an email, in person); also for a withdrawal. */
    method: RecordMethod.optional(),
  })
  .refine((b) => b.parentalConsent !== undefined || b.trainingCompleted !== undefined, 'say what to record');
export type EligibilityRequest = z.infer<typeof EligibilityRequest>;

/** `POST /api/staff/students/pins`: new PINs for many of the school's own students at once. */
export const BulkPinRequest = z.strictObject({
  studentIds: z
    .array(Uuid)
    .min(1, 'pick at least one student')
    .max(300, 'at most 300 students at once')
    .refine((ids) => new Set(ids).size === ids.length, 'a student is listed twice'),
});
export type BulkPinRequest = z.infer<typeof BulkPinRequest>;

/** One card to hand to a student: enough to find its owner in a class, and nothing more. */
export const PinCard = z.object({
  studentId: Uuid,
  firstName: z.string(),
  surnameInitial: z.string(),
  school: z.string(),
  pin: z.string().regex(/^\d{4}$/),
});
export type PinCard = z.infer<typeof PinCard>;

/** The PINs in clear, this once: the server keeps only their hashes, so they can never be read again. */
export const BulkPinResponse = z.object({ cards: z.array(PinCard) });

/** What a coordinator has to sort out, e.g. a session refused because consent is missing. */
export const CoordinatorNotice = z.object({
  id: Uuid,
  /** `consent_missing` or `consent_withdrawn` so far; stored as text, so read as text. */
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
    summary: "The coordinator's own school's students, with what is on record for each (archived ones with ?archived=true).",
    query: StudentListQuery,
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
  generatePins: endpoint({
    method: 'POST',
    path: '/api/staff/students/pins',
    tag: 'students',
    audience: 'staff',
    summary: 'Sets new random PINs for several own-school students and answers them once, to print as cards.',
    body: BulkPinRequest,
    response: BulkPinResponse,
  }),
  setEligibility: endpoint({
    method: 'PUT',
    path: '/api/staff/students/:id/eligibility',
    tag: 'students',
    audience: 'staff',
    summary: "Records (or withdraws) a mentee's parental consent or a mentor's training, with how it reached the school.",
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
