import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { IsoInstant, Uuid } from '../ids.js';
import { SessionStatus } from './device-sessions.js';
import { IdParams } from './params.js';
import { freeText } from '../text.js';

/** `GET /api/staff/sessions?from=&to=`: local dates, in the school's own zone. */
export const SessionListQuery = z.strictObject({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

/** A session's student as staff see them: a partner school's student is first name, school and year only. */
export const SessionStudentView = z.object({
  id: Uuid,
  firstName: z.string(),
  /** Only for the viewer's own school's students. */
  lastName: z.string().optional(),
  yearGroup: z.number().int(),
  schoolName: z.string(),
});
export type SessionStudentView = z.infer<typeof SessionStudentView>;

/** As on the iPad, plus `not_held`: the session is over and no student ever joined it. */
export const StaffSessionStatus = z.enum([...SessionStatus.options, 'not_held']);
export type StaffSessionStatus = z.infer<typeof StaffSessionStatus>;

export const StaffSessionSummary = z.object({
  id: Uuid,
  startsAt: IsoInstant,
  endsAt: IsoInstant,
  status: StaffSessionStatus,
  mentor: SessionStudentView,
  mentee: SessionStudentView,
  eventCount: z.number().int(),
  /** A concern was raised or a chat message matched the safeguarding list. */
  flagged: z.boolean(),
});
export type StaffSessionSummary = z.infer<typeof StaffSessionSummary>;

export const StaffSessionList = z.object({ sessions: z.array(StaffSessionSummary) });

/** A session with at least one student in the call right now: one that can be observed. */
export const LiveSession = z.object({
  sessionId: Uuid,
  /** Students in the call right now. */
  students: z.number().int(),
  /** Staff observing it right now. */
  observers: z.number().int(),
});
export type LiveSession = z.infer<typeof LiveSession>;

export const LiveSessionList = z.object({ sessions: z.array(LiveSession) });

/** Why an observer ended a session early; the children are never told which. */
export const StaffEndReason = z.enum(['safeguarding_concern', 'inappropriate_behaviour', 'technical_problem', 'other']);
export type StaffEndReason = z.infer<typeof StaffEndReason>;

/** The words staff read for each reason, on the button list and in the log. */
export const staffEndReasonWords: Record<StaffEndReason, string> = {
  safeguarding_concern: 'Safeguarding concern',
  inappropriate_behaviour: 'Inappropriate behaviour',
  technical_problem: 'Technical problem',
  other: 'Other',
};

/** `POST /api/staff/sessions/:id/end`: a reason from the list and, if wanted, a short note for the record. */
export const EndSessionRequest = z.strictObject({
  reason: StaffEndReason,
  note: freeText({ max: 500, multiline: true }).optional(),
});
export type EndSessionRequest = z.infer<typeof EndSessionRequest>;

export const EndSessionResponse = z.object({ endedAt: IsoInstant });

export const staffSessionEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/api/staff/sessions',
    tag: 'sessions',
    audience: 'staff',
    summary: "The sessions involving the school's students between two local dates (a week either side of today unless given).",
    query: SessionListQuery,
    response: StaffSessionList,
  }),
  live: endpoint({
    method: 'GET',
    path: '/api/staff/live-sessions',
    tag: 'sessions',
    audience: 'staff',
    summary: 'The sessions involving the school that are live now, for DSLs and supervisors to observe.',
    response: LiveSessionList,
  }),
  /** A DSL or supervisor of either school ends a session happening now, for everyone, with a reason. */
  end: endpoint({
    method: 'POST',
    path: '/api/staff/sessions/:id/end',
    tag: 'sessions',
    audience: 'staff',
    summary: 'End a session happening now for everyone (DSL or supervisor of either school), with a reason; it cannot be joined again.',
    params: IdParams,
    body: EndSessionRequest,
    response: EndSessionResponse,
  }),
};
