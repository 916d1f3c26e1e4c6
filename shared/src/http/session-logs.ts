import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { knownOrNewer } from './open-enum.js';
import { IsoInstant } from '../ids.js';
import { IdParams } from './params.js';
import { SessionEndReason } from '../realtime/events.js';
import { RecordViewsResponse } from './record-views.js';
import { SessionLogEvidenceFile } from './session-log-evidence.js';

/** Every kind of entry in a session's log; names are past-tense events. */
export const SessionEventType = z.enum([
  'SessionJoined',
  'SessionLeft',
  'SessionReconnected',
  'MediaToggled',
  'ChatMessageSent',
  'ChatMessageBlocked',
  'ConcernRaised',
  /** The child's own words, typed after the one tap, added to that concern. */
  'ConcernWordsAdded',
  'ObserverJoined',
  'ObserverLeft',
  'SessionEnded',
  /** A student's connection was lost; their place is kept for a grace period. */
  'ParticipantReconnecting',
  /** They came back within the grace period (same student, same device). */
  'ParticipantReconnected',
  /** The grace period ran out, or the server stopped, while they were in the call. */
  'ParticipantDropped',
  /** Audio first: a receiver's link could not carry video, so its incoming video was paused and its audio kept. */
  'VideoPausedForBandwidth',
  'VideoResumedForBandwidth',
  /** Back in the call on the same iPad after its page reloaded, by the rejoin grant (no PIN), within its few minutes. */
  'SessionRejoined',
  /** The server first received a student's microphone or camera in this stay in the call: their media flowed (attendance reads it). */
  'MediaFlowing',
  /** The mentor added a target for the pair in the call. */
  'TargetSet',
  /** The mentor recorded a target's review in the call: its new status, progress and next step. */
  'TargetReviewed',
]);
export type SessionEventType = z.infer<typeof SessionEventType>;

/**
 * Why someone left a call: the `reason` of a SessionLeft or ObserverLeft entry.
 * Every reason a session ends for is also why its people left it.
 */
export const LeaveReason = z.enum([
  ...SessionEndReason.options,
  /** Tapped Leave. */
  'left',
  'disconnected',
  /** Joined again (from the same device) before the old connection was gone. */
  'rejoined',
  /** An observer, once both students had gone. */
  'students_left',
  /** The server stopped without a graceful shutdown (a crash): recorded when it started again. */
  'server_stopped',
]);
export type LeaveReason = z.infer<typeof LeaveReason>;

export const SessionLogEntry = z.object({
  seq: z.number().int(),
  type: knownOrNewer(SessionEventType),
  at: IsoInstant,
  actor: z.string().nullable(),
  deviceId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type SessionLogEntry = z.infer<typeof SessionLogEntry>;

export const SessionLogResponse = z.object({ entries: z.array(SessionLogEntry) });

/** `GET /api/staff/sessions/:id/log/verify`: the chain, every signature and the signed checkpoints. */
export const ChainVerificationResponse = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  headSeq: z.number().int(),
  headHash: z.string(),
  checkpoints: z.number().int(),
  firstBroken: z
    .object({
      id: z.union([z.string(), z.number()]),
      seq: z.number().int(),
      problem: z.enum(['content_changed', 'link_broken', 'sequence_gap', 'unsigned', 'unknown_key', 'bad_signature', 'checkpoint_mismatch']),
      message: z.string(),
    })
    .optional(),
  missingTail: z
    .object({ count: z.number().int(), lastPresentSeq: z.number().int(), checkpoint: z.number().int(), checkpointSeq: z.number().int(), message: z.string() })
    .optional(),
  badCheckpoint: z.object({ number: z.number().int(), problem: z.enum(['bad_signature', 'unknown_key', 'wrong_session']), message: z.string() }).optional(),
  unsignedAnchor: z.object({ seq: z.number().int(), message: z.string() }).optional(),
  /** One sentence a safeguarding lead can quote. */
  message: z.string(),
});
export type ChainVerificationResponse = z.infer<typeof ChainVerificationResponse>;

const LOGS = 'session logs';

/** Safeguarding leads read and verify the logs of sessions that involve their school's students; every read is on the record first. */
export const sessionLogEndpoints = {
  log: endpoint({
    method: 'GET',
    path: '/api/staff/sessions/:id/log',
    tag: LOGS,
    audience: 'staff',
    summary: "A session's log, oldest entry first (the read is recorded before it is shown).",
    params: IdParams,
    response: SessionLogResponse,
  }),
  verify: endpoint({
    method: 'GET',
    path: '/api/staff/sessions/:id/log/verify',
    tag: LOGS,
    audience: 'staff',
    summary: "Checks the log's hash chain, every signature and the signed checkpoints.",
    params: IdParams,
    response: ChainVerificationResponse,
  }),
  evidence: endpoint({
    method: 'GET',
    path: '/api/staff/sessions/:id/log/evidence',
    tag: LOGS,
    audience: 'staff',
    summary: 'The whole log as a signed evidence file that verifies offline (needs the step-up when it is required).',
    params: IdParams,
    response: SessionLogEvidenceFile,
    attachment: true,
  }),
  views: endpoint({
    method: 'GET',
    path: '/api/staff/sessions/:id/log/views',
    tag: LOGS,
    audience: 'staff',
    summary: "Who has read or verified the session's log, and when.",
    params: IdParams,
    response: RecordViewsResponse,
  }),
};
