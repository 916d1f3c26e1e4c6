import { z } from 'zod';
import { IsoInstant, LocalDate, Uuid } from '../ids.js';
import { freeText } from '../text.js';
import { endpoint } from './endpoint.js';
import { IdParams } from './params.js';
import { ExitKind, ExitQuestionnaireForm, ExitReason, ExitStatus } from './programme-vocabulary.js';

/*
 * Ending a pairing (at once, or gradually down to a final review), the school's exit questionnaire,
 * and the questionnaire a student answers on the iPad after their PIN.
 */

/** Each exit reason as screens and records name it. */
export const EXIT_REASON_LABELS: Record<ExitReason, string> = {
  programme_finished: 'Programme finished',
  targets_met: 'Targets met',
  student_choice: 'Student’s choice',
  moved_school: 'Moved school',
  safeguarding: 'Safeguarding',
  no_shows: 'Repeated no-shows',
  other: 'Other',
};

/** A student as a coordinator sees them here: their own school's in full, the partner's as first name, school and year only. */
export const ExitPerson = z.object({
  id: Uuid,
  firstName: z.string(),
  /** Only for the asker's own school's students. */
  lastName: z.string().optional(),
  schoolName: z.string(),
  yearGroup: z.number().int(),
  ownSchool: z.boolean(),
});
export type ExitPerson = z.infer<typeof ExitPerson>;

/** One student's answers, with the form as it was asked. */
export const ExitAnswer = z.object({
  student: ExitPerson,
  form: ExitQuestionnaireForm,
  scaled: z.record(z.string(), z.number().int()),
  freeText: z.string(),
  flaggedKeywords: z.array(z.string()),
  answeredAt: IsoInstant,
});
export type ExitAnswer = z.infer<typeof ExitAnswer>;

export const PairingExitState = z.enum(['active', 'winding_down', 'exited', 'ended']);
export type PairingExitState = z.infer<typeof PairingExitState>;

export const ExitPairing = z.object({
  pairingId: Uuid,
  mentor: ExitPerson,
  mentee: ExitPerson,
  /** active: meeting; winding_down: a gradual exit is under way; exited: ended by an exit; ended: unpaired another way. */
  state: PairingExitState,
  exit: z
    .object({
      kind: ExitKind,
      reason: ExitReason,
      note: z.string(),
      status: ExitStatus,
      gradual: z.boolean(),
      finalReviewOn: LocalDate.nullable(),
      finalReviewSessionId: Uuid.nullable(),
      questionnaireRequested: z.boolean(),
      startedAt: IsoInstant,
      exitedAt: IsoInstant.nullable(),
    })
    .nullable(),
  /** Scheduled sessions still to come (for choosing the final review), earliest first. */
  upcoming: z.array(z.object({ id: Uuid, start: IsoInstant, date: LocalDate })),
  answers: z.array(ExitAnswer),
});
export type ExitPairing = z.infer<typeof ExitPairing>;

/** `GET /api/staff/exits`: the asker's school's pairings, whichever side their student is on. */
export const ExitPairingsResponse = z.object({ pairings: z.array(ExitPairing) });
export type ExitPairingsResponse = z.infer<typeof ExitPairingsResponse>;

/**
 * `POST /api/staff/pairings/:id/exit`. `immediate`: ends now (later sessions cancelled). `gradual`: every other
 * session before the final review is cancelled, the session on `finalReviewOn` becomes the final review, and
 * the pairing ends once it is over.
 */
export const StartExitBody = z.strictObject({
  reason: ExitReason,
  note: freeText({ max: 500, required: false, multiline: true }),
  mode: z.enum(['immediate', 'gradual']),
  finalReviewOn: LocalDate.optional(),
  questionnaire: z.boolean(),
});
export type StartExitBody = z.infer<typeof StartExitBody>;

export const StartExitResponse = z.object({ message: z.string(), cancelled: z.number().int(), state: PairingExitState });
export type StartExitResponse = z.infer<typeof StartExitResponse>;

/** `GET|PUT /api/staff/exit-questionnaire`: the asker's school's form (the default until changed). */
export const ExitQuestionnaireResponse = z.object({ form: ExitQuestionnaireForm });
export type ExitQuestionnaireResponse = z.infer<typeof ExitQuestionnaireResponse>;
export const ExitQuestionnaireBody = z.strictObject({ form: ExitQuestionnaireForm });

/** Who at a student's school they can talk to now mentoring has ended. */
export const ExitSupport = z.object({ message: z.string(), contacts: z.array(z.string()) });
export type ExitSupport = z.infer<typeof ExitSupport>;

/** `GET /api/device/exits`: this school's students whose mentoring is ending or has ended (first names only). */
export const DeviceExitsResponse = z.object({
  students: z.array(z.object({ studentId: Uuid, firstName: z.string(), questionnaire: z.boolean(), finalReviewOn: LocalDate.nullable() })),
});
export type DeviceExitsResponse = z.infer<typeof DeviceExitsResponse>;

/** `POST /api/device/exits/open`: the student confirms who they are with their PIN. */
export const OpenExitBody = z.strictObject({ studentId: Uuid, pin: z.string().regex(/^\d{4}$/, 'must be 4 digits') });
export const OpenExitResponse = z.object({
  /** Proof of the PIN for answering, for a few minutes, on this iPad only. */
  token: z.string(),
  firstName: z.string(),
  partner: z.object({ firstName: z.string(), schoolName: z.string(), yearGroup: z.number().int() }),
  state: z.enum(['winding_down', 'exited']),
  finalReviewOn: LocalDate.nullable(),
  /** The form to answer, or null when none was asked for or it is answered. */
  form: ExitQuestionnaireForm.nullable(),
  support: ExitSupport,
});
export type OpenExitResponse = z.infer<typeof OpenExitResponse>;

export const AnswerExitBody = z.strictObject({
  token: z.string().min(10).max(2000),
  scaled: z.record(z.string().max(40), z.number().int().min(1).max(5)),
  freeText: freeText({ max: 1000, required: false, multiline: true }),
});
export type AnswerExitBody = z.infer<typeof AnswerExitBody>;
/** Not saved (contact details): `explanation` says why, kindly; the student may change it and send again. */
export const AnswerExitResponse = z.object({ saved: z.boolean(), explanation: z.string().optional(), support: ExitSupport });
export type AnswerExitResponse = z.infer<typeof AnswerExitResponse>;

const TAG = 'exits';

export const exitEndpoints = {
  exitPairings: endpoint({
    method: 'GET',
    path: '/api/staff/exits',
    tag: TAG,
    audience: 'staff',
    summary: "The school's pairings (active, winding down, exited) with their exits and questionnaire answers.",
    response: ExitPairingsResponse,
  }),
  startExit: endpoint({
    method: 'POST',
    path: '/api/staff/pairings/:id/exit',
    tag: TAG,
    audience: 'staff',
    summary: 'Ends a pairing with a reason, at once or gradually down to a final review; optionally asks both students the exit questionnaire.',
    params: IdParams,
    body: StartExitBody,
    response: StartExitResponse,
  }),
  exitQuestionnaire: endpoint({
    method: 'GET',
    path: '/api/staff/exit-questionnaire',
    tag: TAG,
    audience: 'staff',
    summary: "The school's exit questionnaire.",
    response: ExitQuestionnaireResponse,
  }),
  replaceExitQuestionnaire: endpoint({
    method: 'PUT',
    path: '/api/staff/exit-questionnaire',
    tag: TAG,
    audience: 'staff',
    summary: "Replaces the school's exit questionnaire (answers already given keep the form they were asked).",
    body: ExitQuestionnaireBody,
    response: ExitQuestionnaireResponse,
  }),
  deviceExits: endpoint({
    method: 'GET',
    path: '/api/device/exits',
    tag: 'device',
    audience: 'device',
    summary: "This iPad's school's students whose mentoring is ending or has ended, by first name.",
    response: DeviceExitsResponse,
  }),
  openExit: endpoint({
    method: 'POST',
    path: '/api/device/exits/open',
    tag: 'device',
    audience: 'device',
    summary: 'A student confirms their PIN; the answer is their exit questionnaire (if asked) and who can still support them.',
    body: OpenExitBody,
    response: OpenExitResponse,
  }),
  answerExit: endpoint({
    method: 'POST',
    path: '/api/device/exits/answer',
    tag: 'device',
    audience: 'device',
    summary: 'Stores a student’s questionnaire answers (free text filtered like chat).',
    body: AnswerExitBody,
    response: AnswerExitResponse,
  }),
};
