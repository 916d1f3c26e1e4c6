import { z } from 'zod';
import { IsoInstant, StudentRole, Uuid } from '../ids.js';
import { freeText } from '../text.js';
import { endpoint } from './endpoint.js';
import { IdParams } from './params.js';
import { TargetOrigin, TargetStatus } from './programme-vocabulary.js';

/*
 * Targets and action plans: what a pair work towards, reviewed on agreed dates
 * ("assertive" mentoring), in the call and by staff; and the mentor's short note
 * after each session. The socket payloads for the call are here too, so the
 * HTTP and realtime shapes of a target are one.
 */

export const TARGET_WHAT_MAX = 200;
export const TARGET_TEXT_MAX = 400;
export const SESSION_NOTE_MAX = 1000;

const PlainDate = z.iso.date();

/** One review of a target: the status it moved to, progress, the next step, and whether it was on time. */
export const TargetReviewView = z.object({
  id: Uuid,
  at: IsoInstant,
  status: TargetStatus,
  progress: z.string(),
  nextStep: z.string(),
  /** The review date it was due on. */
  dueOn: PlainDate,
  /** Reviewed on or before the day it was due (in the school's time zone). */
  onTime: z.boolean(),
  /** In a call (by the mentor) or by staff. */
  by: z.enum(['mentor', 'staff']),
});
export type TargetReviewView = z.infer<typeof TargetReviewView>;

export const TargetView = z.object({
  id: Uuid,
  pairingId: Uuid,
  what: z.string(),
  why: z.string(),
  measure: z.string(),
  reviewOn: PlainDate,
  status: TargetStatus,
  origin: TargetOrigin,
  nextStep: z.string(),
  /** Its review date is on or before the day asked about, and it is still open (not met, not dropped). */
  dueForReview: z.boolean(),
  reviews: z.array(TargetReviewView),
});
export type TargetView = z.infer<typeof TargetView>;

/** What a target is made of, when the pair set it in a call or the mentee's school seeds it. */
export const NewTarget = z.strictObject({
  what: freeText({ max: TARGET_WHAT_MAX }),
  why: freeText({ max: TARGET_TEXT_MAX, required: false }).optional(),
  measure: freeText({ max: TARGET_TEXT_MAX, required: false }).optional(),
  reviewOn: PlainDate,
});
export type NewTarget = z.infer<typeof NewTarget>;

/** A review in the call: the new status, progress so far, the next step and (optionally) the next review date. */
export const TargetReview = z.strictObject({
  targetId: Uuid,
  status: TargetStatus,
  progress: freeText({ max: TARGET_TEXT_MAX, required: false }),
  nextStep: freeText({ max: TARGET_TEXT_MAX, required: false }),
  nextReviewOn: PlainDate.optional(),
});
export type TargetReview = z.infer<typeof TargetReview>;

/** A student of a pairing as staff may see them: in full at their own school, first name, school and year otherwise. */
export const PairingStudent = z.object({
  id: Uuid.optional(),
  firstName: z.string(),
  /** Only to staff of the student's own school. */
  lastName: z.string().optional(),
  yearGroup: z.number().int(),
  schoolName: z.string(),
});
export type PairingStudent = z.infer<typeof PairingStudent>;

export const SessionNoteView = z.object({
  id: Uuid,
  sessionId: Uuid,
  sessionStartsAt: IsoInstant,
  text: z.string(),
  flaggedKeywords: z.array(z.string()),
  at: IsoInstant,
});
export type SessionNoteView = z.infer<typeof SessionNoteView>;

export const PairingTargets = z.object({
  pairingId: Uuid,
  mentor: PairingStudent,
  mentee: PairingStudent,
  /** The asking school seeds targets only for its own mentees. */
  canSeed: z.boolean(),
  targets: z.array(TargetView),
  /** The mentor's notes after sessions (coordinators of both schools read them; DSLs of the mentee's school, by session-notes). */
  notes: z.array(SessionNoteView),
});
export type PairingTargets = z.infer<typeof PairingTargets>;

export const TargetsOverviewResponse = z.object({
  /** Today at the asking school: what "due for review" is measured against. */
  today: PlainDate,
  pairings: z.array(PairingTargets),
});
export type TargetsOverviewResponse = z.infer<typeof TargetsOverviewResponse>;

/** `GET /api/staff/session-notes`: the notes the asker may read, with whose pairing each is. */
export const SessionNotesResponse = z.object({
  notes: z.array(SessionNoteView.extend({ pairingId: Uuid, mentor: PairingStudent, mentee: PairingStudent })),
});
export type SessionNotesResponse = z.infer<typeof SessionNotesResponse>;

export const SeedTargetResponse = z.object({ target: TargetView });

/** The device's own view after the PIN: the join token proves who asks. */
export const DeviceStudentRequest = z.strictObject({
  sessionId: Uuid,
  studentId: Uuid,
  joinToken: z.string().min(1).max(4096),
});
export type DeviceStudentRequest = z.infer<typeof DeviceStudentRequest>;

export const MyTargetsResponse = z.object({
  role: StudentRole,
  pairings: z.array(
    z.object({
      /** The other student: first name, school and year only. */
      partner: z.object({ firstName: z.string(), schoolName: z.string(), yearGroup: z.number().int() }),
      nextSessionStartsAt: IsoInstant.optional(),
      targets: z.array(TargetView.omit({ reviews: true })),
    }),
  ),
});
export type MyTargetsResponse = z.infer<typeof MyTargetsResponse>;

export const SessionNoteRequest = DeviceStudentRequest.extend({ text: freeText({ max: SESSION_NOTE_MAX, multiline: true }) });
export type SessionNoteRequest = z.infer<typeof SessionNoteRequest>;

/** Not saved: the note had contact details (the mentor is told why, kindly). */
export const SessionNoteResponse = z.object({ saved: z.boolean(), explanation: z.string().optional() });
export type SessionNoteResponse = z.infer<typeof SessionNoteResponse>;

export const targetEndpoints = {
  overview: endpoint({
    method: 'GET',
    path: '/api/staff/targets',
    tag: 'targets',
    audience: 'staff',
    summary: "The school's pairings with their targets, what is due for review and each target's review history.",
    response: TargetsOverviewResponse,
  }),
  pairingTargets: endpoint({
    method: 'GET',
    path: '/api/staff/pairings/:id/targets',
    tag: 'targets',
    audience: 'staff',
    summary: "One pairing's targets and reviews (either school's coordinators), with the session notes for those who may read them.",
    params: IdParams,
    response: PairingTargets,
  }),
  seedTarget: endpoint({
    method: 'POST',
    path: '/api/staff/pairings/:id/targets',
    tag: 'targets',
    audience: 'staff',
    summary: "The mentee's school seeds a target for the pair (e.g. from teacher feedback).",
    params: IdParams,
    body: NewTarget,
    response: SeedTargetResponse,
    status: 201,
  }),
  sessionNotes: endpoint({
    method: 'GET',
    path: '/api/staff/session-notes',
    tag: 'targets',
    audience: 'staff',
    summary: "Mentors' notes after sessions: to the coordinators of both schools and the mentee's school's DSLs; keyword matches marked.",
    response: SessionNotesResponse,
  }),
  myTargets: endpoint({
    method: 'POST',
    path: '/api/device/my-targets',
    tag: 'device',
    audience: 'device',
    summary: "After the PIN: the student's targets (a mentor's: each mentee's) and their next session; partners as first name, school and year.",
    body: DeviceStudentRequest,
    response: MyTargetsResponse,
  }),
  sessionNote: endpoint({
    method: 'POST',
    path: '/api/device/session-note',
    tag: 'device',
    audience: 'device',
    summary: "The mentor's short note after a session (one per session), filtered like chat.",
    body: SessionNoteRequest,
    response: SessionNoteResponse,
  }),
};

// ---- in the call (socket) ------------------------------------------------

export const targetsClientPayloads = {
  /** The pairing's targets, asked once the call is up (never on the join's path). */
  'targets:list': z.strictObject({}),
  'targets:add': NewTarget,
  'targets:review': TargetReview,
} as const;

const CallTargets = z.object({ sessionDate: PlainDate, targets: z.array(TargetView.omit({ reviews: true })) });

export const targetsAckSchemas = {
  'targets:list': CallTargets,
  'targets:add': z.object({ target: TargetView.omit({ reviews: true }) }),
  'targets:review': z.object({ target: TargetView.omit({ reviews: true }) }),
} as const;

/** A target set or reviewed in the call, pushed to the other student. */
export const TargetChanged = z.object({ change: z.enum(['set', 'reviewed']), target: TargetView.omit({ reviews: true }) });
export type TargetChanged = z.infer<typeof TargetChanged>;
export type CallTarget = z.infer<typeof CallTargets>['targets'][number];
