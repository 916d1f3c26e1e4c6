import { z } from 'zod';
import { IsoInstant, LocalDate, Uuid } from '../ids.js';
import { freeText } from '../text.js';
import { LocalTime, SessionPerson } from './calendar.js';
import { endpoint } from './endpoint.js';
import { IdParams } from './params.js';

/** One timetabled session of a pairing's series, as both coordinators see it. */
export const SeriesSession = z.object({
  id: Uuid,
  start: IsoInstant,
  end: IsoInstant,
  status: z.enum(['scheduled', 'cancelled']),
  cancelReason: z.string().nullable(),
});
export type SeriesSession = z.infer<typeof SeriesSession>;

/** `GET /api/staff/pairings/:id/series`: the pairing, its current series and its next sessions. */
export const PairingSeriesResponse = z.object({
  pairingId: Uuid,
  mentor: SessionPerson,
  mentee: SessionPerson,
  /** Set once unpaired (or a student archived): the pairing is kept, with its records. */
  endedAt: IsoInstant.nullable(),
  endReason: z.string().nullable(),
  series: z
    .object({
      id: Uuid,
      weekday: z.number().int().min(1).max(5),
      /** At the mentee's school, whose clock the sessions keep. */
      localStart: LocalTime,
      /** "Tuesdays at 10:00 (Riverside time)". */
      label: z.string(),
    })
    .nullable(),
  /** The next sessions from now, cancelled ones too (with why), earliest first. */
  upcoming: z.array(SeriesSession),
});
export type PairingSeriesResponse = z.infer<typeof PairingSeriesResponse>;

const Reason = freeText({ max: 200 });

/** `POST /api/staff/sessions/:id/cancel` */
export const CancelSessionBody = z.strictObject({ reason: Reason });
/** `POST /api/staff/sessions/:id/move`: the new date and start time, read on the asker's own school clock. */
export const MoveSessionBody = z.strictObject({ date: LocalDate, time: LocalTime });
export type MoveSessionBody = z.infer<typeof MoveSessionBody>;
/** `POST /api/staff/pairings/:id/end-series`: sessions on and after `from` are cancelled. */
export const EndSeriesBody = z.strictObject({ from: LocalDate, reason: Reason.optional() });
export type EndSeriesBody = z.infer<typeof EndSeriesBody>;
/** `POST /api/staff/pairings/:id/unpair`: a reason is required; it is told to both schools. */
export const UnpairBody = z.strictObject({ reason: Reason });
/** `POST /api/staff/students/:id/archive` */
export const ArchiveStudentBody = z.strictObject({ reason: Reason.optional() });

/** What a lifecycle action did, in a sentence naming the children and the dates. */
export const LifecycleResult = z.object({
  message: z.string(),
  /** Sessions it cancelled. */
  cancelled: z.number().int(),
  /** The session it booked instead (a move), if any. */
  bookedSessionId: Uuid.nullable(),
});
export type LifecycleResult = z.infer<typeof LifecycleResult>;

const TAG = 'scheduling';

export const seriesLifecycleEndpoints = {
  pairingSeries: endpoint({
    method: 'GET',
    path: '/api/staff/pairings/:id/series',
    tag: TAG,
    audience: 'staff',
    summary: "A pairing's current weekly series and its next sessions, with their status.",
    params: IdParams,
    response: PairingSeriesResponse,
  }),
  cancelSession: endpoint({
    method: 'POST',
    path: '/api/staff/sessions/:id/cancel',
    tag: TAG,
    audience: 'staff',
    summary: 'Cancels one future session of a series, with a reason; both coordinators are told.',
    params: IdParams,
    body: CancelSessionBody,
    response: LifecycleResult,
  }),
  moveSession: endpoint({
    method: 'POST',
    path: '/api/staff/sessions/:id/move',
    tag: TAG,
    audience: 'staff',
    summary: 'Moves one future session to another time, checked like a new booking (409 with every reason).',
    params: IdParams,
    body: MoveSessionBody,
    response: LifecycleResult,
  }),
  endSeries: endpoint({
    method: 'POST',
    path: '/api/staff/pairings/:id/end-series',
    tag: TAG,
    audience: 'staff',
    summary: "Ends a pairing's series from a date: its sessions from then on are cancelled.",
    params: IdParams,
    body: EndSeriesBody,
    response: LifecycleResult,
  }),
  unpair: endpoint({
    method: 'POST',
    path: '/api/staff/pairings/:id/unpair',
    tag: TAG,
    audience: 'staff',
    summary: 'Ends a pairing with a reason: its future sessions are cancelled; the pairing and its records are kept.',
    params: IdParams,
    body: UnpairBody,
    response: LifecycleResult,
  }),
  archiveStudent: endpoint({
    method: 'POST',
    path: '/api/staff/students/:id/archive',
    tag: 'students',
    audience: 'staff',
    summary: 'Archives a student who has left: their pairings end, they cannot sign in, their records stay.',
    params: IdParams,
    body: ArchiveStudentBody,
    response: LifecycleResult,
  }),
};
