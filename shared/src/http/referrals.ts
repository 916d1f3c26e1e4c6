import { z } from 'zod';
import { IsoInstant, Uuid } from '../ids.js';
import { freeText } from '../text.js';
import { endpoint } from './endpoint.js';
import { IdParams } from './params.js';
import { ProgrammeSettings, ReferralKind, ReferralSource, ReferralStatus } from './programme-vocabulary.js';
import { EligibilityRecord, RecordMethod } from './students.js';

/*
 * Referrals to the programme (a Year 11 mentee, referred by staff or by themselves) and mentors'
 * applications (a Year 12/13 student), each a school's own record: only its own coordinators see it.
 */

// Free text passes the same cleaning as every other field (no controls, no invisible characters, nothing the database refuses).
const Note = freeText({ max: 2000, multiline: true, required: false });
const Reason = freeText({ max: 60 });

/** A member of the coordinator's own school's staff, as a referral names them. */
export const ReferralStaff = z.object({ id: Uuid, name: z.string() });
export type ReferralStaff = z.infer<typeof ReferralStaff>;

/** One training course a mentor has done. */
export const MentorTrainingEntry = z.object({ course: z.string(), completedOn: z.iso.date(), recordedBy: z.string().nullable() });
export type MentorTrainingEntry = z.infer<typeof MentorTrainingEntry>;

/** A referral or application as its own school's coordinators see it (their own student, in full). */
export const Referral = z.object({
  id: Uuid,
  kind: ReferralKind,
  source: ReferralSource,
  student: z.object({ id: Uuid, firstName: z.string(), lastName: z.string(), yearGroup: z.number().int() }),
  reasons: z.array(z.string()),
  note: z.string(),
  status: ReferralStatus,
  statusChangedAt: IsoInstant,
  /** Why it was declined or withdrawn. */
  statusReason: z.string().nullable(),
  referredBy: z.string().nullable(),
  createdAt: IsoInstant,
  /** The student's own agreement: when, who asked them, who recorded it. */
  optIn: z.object({ at: IsoInstant, askedBy: z.string().nullable(), recordedBy: z.string().nullable() }).nullable(),
  /** Set when whoever referred the student also recorded (or asked for) their agreement: worth a second look, not a refusal. */
  optInWarning: z.string().nullable(),
  consentRequest: z.object({ at: IsoInstant, by: z.string().nullable() }).nullable(),
  /** The parental consent on the student's own record (what admission to a call checks). */
  consent: EligibilityRecord.nullable(),
  /** The training on the student's own record, and each course recorded. */
  trained: EligibilityRecord.nullable(),
  training: z.array(MentorTrainingEntry),
  passedToDsl: z.object({ at: IsoInstant, by: z.string().nullable(), concernId: Uuid.nullable() }).nullable(),
});
export type Referral = z.infer<typeof Referral>;

export const ReferralQueueResponse = z.object({
  referrals: z.array(Referral),
  /** The school's referral reasons, for the form. */
  reasons: z.array(z.string()),
  /** The school's staff, for "who asked the student". */
  staff: z.array(ReferralStaff),
});
export type ReferralQueueResponse = z.infer<typeof ReferralQueueResponse>;

export const ReferralResponse = z.object({ referral: Referral });

/** `POST /api/staff/referrals` */
export const CreateReferralRequest = z.strictObject({
  studentId: Uuid,
  kind: ReferralKind,
  source: ReferralSource,
  reasons: z.array(Reason).max(20, 'at most 20 reasons').refine((r) => new Set(r).size === r.length, 'a reason is listed twice'),
  note: Note.default(''),
});
export type CreateReferralRequest = z.infer<typeof CreateReferralRequest>;

/** `POST /api/staff/referrals/:id/opt-in`: the student said yes; who asked them (by default whoever records it). */
export const RecordOptInRequest = z.strictObject({ askedBy: Uuid.optional() });

/** `POST /api/staff/referrals/:id/consent`: the parents' consent, and how it reached the school. */
export const RecordReferralConsentRequest = z.strictObject({ method: RecordMethod });

/** `POST /api/staff/referrals/:id/training`: a mentor's training course and when it was completed. */
export const RecordTrainingRequest = z.strictObject({
  course: freeText({ max: 120 }),
  completedOn: z.iso.date(),
  method: RecordMethod.optional(),
});

/** `POST /api/staff/referrals/:id/status` */
export const ReferralStatusRequest = z.strictObject({
  to: ReferralStatus,
  reason: freeText({ max: 500, required: false }).optional(),
});
export type ReferralStatusRequest = z.infer<typeof ReferralStatusRequest>;

/** `POST /api/staff/referrals/:id/pass-to-dsl`: what makes it look beyond the programme's remit. */
export const PassToDslRequest = z.strictObject({
  whatHappened: freeText({ max: 4000, multiline: true }).refine((t) => t.length >= 10, 'say in a sentence why this needs the safeguarding lead'),
});

/** The parents' information letter: the programme as the school runs it, and nothing about the partner's children. */
export const ReferralLetter = z.object({
  schoolName: z.string(),
  partnerSchoolName: z.string().nullable(),
  student: z.object({ firstName: z.string(), lastName: z.string(), yearGroup: z.number().int() }),
  kind: ReferralKind,
  /** Null when no programme is set up for the school's partnership yet. */
  programme: z
    .object({ startDate: z.iso.date(), endDate: z.iso.date(), sessionMinutes: z.number().int(), frequency: z.string(), goals: z.string() })
    .nullable(),
  coordinatorName: z.string().nullable(),
  issuedAt: IsoInstant,
});
export type ReferralLetter = z.infer<typeof ReferralLetter>;

/** The settings this screen edits: everything but the exit questionnaire (edited with exits). */
export const ReferralProgrammeSettings = ProgrammeSettings.omit({ exitQuestionnaire: true });
export type ReferralProgrammeSettings = z.infer<typeof ReferralProgrammeSettings>;

export const ProgrammeSettingsResponse = z.object({ settings: ReferralProgrammeSettings });

/** `PUT /api/staff/programme-settings`: only the settings named change. */
export const UpdateProgrammeSettingsRequest = ReferralProgrammeSettings.extend({
  referralReasons: z
    .array(freeText({ max: 60 }).refine((r) => r.length >= 2, 'a reason is at least 2 characters'))
    .min(1, 'keep at least one reason')
    .max(20, 'at most 20 reasons'),
})
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'say which setting to change')
  .refine((b) => !b.referralReasons || new Set(b.referralReasons.map((r) => r.toLowerCase())).size === b.referralReasons.length, {
    message: 'a reason is listed twice',
    path: ['referralReasons'],
  });
export type UpdateProgrammeSettingsRequest = z.infer<typeof UpdateProgrammeSettingsRequest>;

const on = { tag: 'referrals', audience: 'staff' } as const;

export const referralEndpoints = {
  list: endpoint({ ...on, method: 'GET', path: '/api/staff/referrals', summary: "The school's referral queue and mentor applications, newest first.", response: ReferralQueueResponse }),
  create: endpoint({
    ...on,
    method: 'POST',
    path: '/api/staff/referrals',
    summary: 'Refers an own-school Year 11 student (by staff or a self-referral) or records a Year 12/13 mentor application.',
    body: CreateReferralRequest,
    response: ReferralResponse,
    status: 201,
  }),
  optIn: endpoint({
    ...on,
    method: 'POST',
    path: '/api/staff/referrals/:id/opt-in',
    summary: "Records the student's own agreement to take part, and who asked them.",
    params: IdParams,
    body: RecordOptInRequest,
    response: ReferralResponse,
  }),
  requestConsent: endpoint({
    ...on,
    method: 'POST',
    path: '/api/staff/referrals/:id/consent-request',
    summary: "Records that parental consent was asked for (who, when); the referral waits for it.",
    params: IdParams,
    response: ReferralResponse,
  }),
  recordConsent: endpoint({
    ...on,
    method: 'POST',
    path: '/api/staff/referrals/:id/consent',
    summary: "Records the parents' consent on the student's record (as the students screen does), and how it came.",
    params: IdParams,
    body: RecordReferralConsentRequest,
    response: ReferralResponse,
  }),
  recordTraining: endpoint({
    ...on,
    method: 'POST',
    path: '/api/staff/referrals/:id/training',
    summary: "Records a mentor's training course and date, and marks the student trained.",
    params: IdParams,
    body: RecordTrainingRequest,
    response: ReferralResponse,
  }),
  setStatus: endpoint({
    ...on,
    method: 'POST',
    path: '/api/staff/referrals/:id/status',
    summary: 'Moves a referral along the queue (declining or withdrawing needs a reason).',
    params: IdParams,
    body: ReferralStatusRequest,
    response: ReferralResponse,
  }),
  passToDsl: endpoint({
    ...on,
    method: 'POST',
    path: '/api/staff/referrals/:id/pass-to-dsl',
    summary: "Passes a referral beyond the programme's remit to the school's DSLs as a concern.",
    params: IdParams,
    body: PassToDslRequest,
    response: ReferralResponse,
  }),
  letter: endpoint({
    ...on,
    method: 'GET',
    path: '/api/staff/referrals/:id/letter',
    summary: "What the parents' information letter for a referral says.",
    params: IdParams,
    response: ReferralLetter,
  }),
  settings: endpoint({
    ...on,
    method: 'GET',
    path: '/api/staff/programme-settings',
    summary: "The school's programme settings (referral reasons, lateness, absence notices, DSL escalation).",
    response: ProgrammeSettingsResponse,
  }),
  updateSettings: endpoint({
    ...on,
    method: 'PUT',
    path: '/api/staff/programme-settings',
    summary: "Changes the school's programme settings named (not the exit questionnaire).",
    body: UpdateProgrammeSettingsRequest,
    response: ProgrammeSettingsResponse,
  }),
};
