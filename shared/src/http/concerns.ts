import { z } from 'zod';
import { IsoInstant, Uuid } from '../ids.js';
import { IdParams } from './params.js';
import { freeText } from '../text.js';
import { endpoint } from './endpoint.js';
import { knownOrNewer } from './open-enum.js';
import { RecordViewsResponse } from './record-views.js';

/** Shared with the domain's own check (`WHAT_HAPPENED_MAX_CHARS`), in characters. */
export const CONCERN_WORDS_MAX = 2000;
const AMENDMENT_TEXT_MAX = 4000;

/** A child's own words after "I'm worried": optional, and never a reason to refuse the concern itself. */
export const ConcernWords = freeText({ max: CONCERN_WORDS_MAX, multiline: true, required: false });

/** `POST /api/staff/concerns` */
export const RaiseConcernRequest = z.strictObject({
  sessionId: Uuid,
  studentIds: z.array(Uuid).min(1, 'name at least one child').max(2),
  whatHappened: freeText({ max: CONCERN_WORDS_MAX, multiline: true }),
});
export type RaiseConcernRequest = z.infer<typeof RaiseConcernRequest>;

/** Derived from a concern's amendments, never stored beside them; in the order a concern moves through them. */
export const ConcernStatus = z.enum(['new', 'acknowledged', 'in_progress', 'closed']);
export type ConcernStatus = z.infer<typeof ConcernStatus>;

/** `GET /api/staff/concerns?status=` */
export const ConcernListQuery = z.strictObject({ status: ConcernStatus.optional() });

const amendmentText = freeText({ max: AMENDMENT_TEXT_MAX, multiline: true });

/** `POST /api/staff/concerns/:id/amendments`: appended, never edited. */
export const AmendConcernRequest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('status'), to: ConcernStatus.extract(['acknowledged', 'in_progress']) }),
  z.strictObject({ kind: z.literal('note'), text: amendmentText }),
  z.strictObject({ kind: z.literal('action'), text: amendmentText }),
  z.strictObject({ kind: z.literal('decision'), text: amendmentText, reason: amendmentText }),
  z.strictObject({ kind: z.literal('close'), summary: amendmentText, actionsTaken: amendmentText, outcome: amendmentText }),
]);
export type AmendConcernRequest = z.infer<typeof AmendConcernRequest>;

export const RaiseConcernResponse = z.object({ concernId: Uuid });

/** A row of the queue: first names and status only; the record itself needs the step-up. */
export const ConcernSummary = z.object({
  id: Uuid,
  raisedAt: IsoInstant,
  status: ConcernStatus,
  sessionId: Uuid.nullable(),
  children: z.array(z.object({ firstName: z.string(), schoolId: Uuid })),
});
export type ConcernSummary = z.infer<typeof ConcernSummary>;
export const ConcernList = z.object({ concerns: z.array(ConcernSummary) });

export const ConcernAmendmentKind = z.enum(['raised', 'status_changed', 'note', 'action', 'decision', 'closed']);
export type ConcernAmendmentKind = z.infer<typeof ConcernAmendmentKind>;

export const ConcernClosing = z.object({ summary: z.string(), actionsTaken: z.string(), outcome: z.string() });
export type ConcernClosing = z.infer<typeof ConcernClosing>;

export const ConcernAmendment = z.object({
  seq: z.number().int(),
  at: IsoInstant,
  byStaffId: Uuid.nullable(),
  byStudentId: Uuid.nullable(),
  /** Who made the entry in words ("Mr Ravi Patel"; a child as first name and school). */
  byName: z.string(),
  kind: knownOrNewer(ConcernAmendmentKind),
  fromStatus: ConcernStatus.nullable(),
  toStatus: ConcernStatus.nullable(),
  text: z.string().nullable(),
  reason: z.string().nullable(),
  closing: ConcernClosing.nullable(),
});
export type ConcernAmendment = z.infer<typeof ConcernAmendment>;

export const ConcernChild = z.object({
  studentId: Uuid,
  schoolId: Uuid,
  firstName: z.string(),
  /** Only for the viewer's own school's children. */
  lastName: z.string().nullable(),
  schoolName: z.string().nullable(),
  yearGroup: z.number().int().nullable(),
});
export type ConcernChild = z.infer<typeof ConcernChild>;

/**
 * A concern as one school sees it: what opening it answers, and version 1 of
 * the JSON export for CPOMS or MyConcern (every key always present, instants
 * in UTC, amendments oldest first).
 */
export const ConcernRecord = z.object({
  format: z.literal('peerbridge.concern'),
  version: z.literal(1),
  /** The school whose record system this copy is for; only its own children carry a last name. */
  exportedForSchoolId: Uuid,
  id: Uuid,
  sessionId: Uuid.nullable(),
  raisedAt: IsoInstant,
  status: ConcernStatus,
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('student'), studentId: Uuid }),
    z.object({ kind: z.literal('staff'), staffId: Uuid }),
  ]),
  children: z.array(ConcernChild),
  schoolIds: z.array(Uuid),
  /** The child's own words, verbatim, or what the member of staff described; null after a one-tap report. */
  whatHappened: z.string().nullable(),
  presentAtTime: z.array(z.string()),
  /** The session log's last entries when the concern was raised, kept with it as they were then. */
  logExcerpt: z.array(
    z.object({
      at: IsoInstant,
      type: z.string(),
      /** In plain words with first names; on concerns raised before the words were kept, the entry's type and reason. */
      summary: z.string(),
      /** Who the entry is about and its details, for the screen to say in the log's words; null and {} on older concerns. */
      actor: z.string().nullable(),
      detail: z.record(z.string(), z.unknown()),
    }),
  ),
  /** The closing summary, actions taken and outcome, once closed. */
  closing: ConcernClosing.nullable(),
  amendments: z.array(ConcernAmendment),
});
export type ConcernRecord = z.infer<typeof ConcernRecord>;
export const ConcernEnvelope = z.object({ concern: ConcernRecord });

/** A concern line of a child's chronology: one amendment of a concern about them. */
export const ConcernChronologyEntry = z.object({
  source: z.literal('concern'),
  concernId: Uuid,
  seq: z.number().int(),
  at: IsoInstant,
  kind: knownOrNewer(ConcernAmendmentKind),
  byStaffId: Uuid.nullable(),
  byStudentId: Uuid.nullable(),
  /** What happened, in words with names (the concern's CSV's "What happened"). */
  summary: z.string(),
  /** Who recorded it, in words. */
  byName: z.string(),
  /** The action taken, or the status the entry left the concern in. */
  actionOrStatus: z.string(),
});

/** How a session went for this child: held (they joined), missed (they never joined), ended early. */
export const ChronologySessionOutcome = z.enum(['held', 'missed', 'ended_early']);
export type ChronologySessionOutcome = z.infer<typeof ChronologySessionOutcome>;

/** A session line: one session the child was timetabled for, at its start, in words with the partner named. */
export const SessionChronologyEntry = z.object({
  source: z.literal('session'),
  sessionId: Uuid,
  at: IsoInstant,
  kind: knownOrNewer(ChronologySessionOutcome),
  summary: z.string(),
});

/** What in a session's log is a flag: chat blocked for contact details, chat matching safeguarding words. */
export const ChronologyFlagKind = z.enum(['chat_blocked', 'chat_flagged']);

/** A flag line: one such session log entry, in the session log's own words. */
export const FlagChronologyEntry = z.object({
  source: z.literal('flag'),
  sessionId: Uuid,
  at: IsoInstant,
  kind: knownOrNewer(ChronologyFlagKind),
  summary: z.string(),
  /** The child's own words, where the log keeps them. */
  quote: z.string().nullable(),
});

/** One line of a child's chronology: concerns, sessions and flags, oldest first. */
export const ChronologyEntry = z.discriminatedUnion('source', [ConcernChronologyEntry, SessionChronologyEntry, FlagChronologyEntry]);
export type ChronologyEntry = z.infer<typeof ChronologyEntry>;
export type ConcernChronologyEntry = z.infer<typeof ConcernChronologyEntry>;
export type SessionChronologyEntry = z.infer<typeof SessionChronologyEntry>;
export type FlagChronologyEntry = z.infer<typeof FlagChronologyEntry>;
export const ChronologyResponse = z.object({ chronology: z.array(ChronologyEntry) });

const TAG = 'concerns';

/**
 * Safeguarding concerns and a child's chronology. The queue (first names and
 * status) stays open to DSLs; the record itself, its exports and a
 * chronology need the step-up when it is required. Every read is recorded.
 */
export const concernEndpoints = {
  raise: endpoint({
    method: 'POST',
    path: '/api/staff/concerns',
    tag: TAG,
    audience: 'staff',
    summary: "Raises a concern about a session's children; it reaches every involved school's DSLs at once.",
    body: RaiseConcernRequest,
    response: RaiseConcernResponse,
    status: 201,
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/staff/concerns',
    tag: TAG,
    audience: 'staff',
    summary: "The concerns involving the school's children, newest first (each shown is recorded as listed).",
    query: ConcernListQuery,
    response: ConcernList,
  }),
  view: endpoint({
    method: 'GET',
    path: '/api/staff/concerns/:id',
    tag: TAG,
    audience: 'staff',
    summary: 'Opens a concern (the opening is recorded before it is shown).',
    params: IdParams,
    response: ConcernEnvelope,
  }),
  views: endpoint({
    method: 'GET',
    path: '/api/staff/concerns/:id/views',
    tag: TAG,
    audience: 'staff',
    summary: 'Who has opened, amended or exported a concern, and when.',
    params: IdParams,
    response: RecordViewsResponse,
  }),
  amend: endpoint({
    method: 'POST',
    path: '/api/staff/concerns/:id/amendments',
    tag: TAG,
    audience: 'staff',
    summary: 'Appends one amendment (nothing recorded changes); answers with the whole record as it now stands.',
    params: IdParams,
    body: AmendConcernRequest,
    response: ConcernEnvelope,
    status: 201,
  }),
  exportJson: endpoint({
    method: 'GET',
    path: '/api/staff/concerns/:id/export.json',
    tag: TAG,
    audience: 'staff',
    summary: 'The concern as a JSON file for CPOMS or MyConcern (on the staff audit trail before it is handed over).',
    params: IdParams,
    response: ConcernRecord,
    attachment: true,
  }),
  exportCsv: endpoint({
    method: 'GET',
    path: '/api/staff/concerns/:id/export.csv',
    tag: TAG,
    audience: 'staff',
    summary: 'The concern as a CSV file, one row per amendment (on the staff audit trail before it is handed over).',
    params: IdParams,
    response: { file: 'text/csv' },
  }),
  chronology: endpoint({
    method: 'GET',
    path: '/api/staff/students/:id/chronology',
    tag: TAG,
    audience: 'staff',
    summary: "A child's chronology: every amendment of every concern about them, their sessions (held, missed, ended early) and the flags in those sessions' logs, oldest first (the read is recorded).",
    params: IdParams,
    response: ChronologyResponse,
  }),
  chronologyViews: endpoint({
    method: 'GET',
    path: '/api/staff/students/:id/chronology/views',
    tag: TAG,
    audience: 'staff',
    summary: "Who has read a child's chronology, and when.",
    params: IdParams,
    response: RecordViewsResponse,
  }),
};
