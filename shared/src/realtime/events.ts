import { z } from 'zod';
import type { Ack } from '../errors.js';
import { MediaObjectId, StudentRole, Uuid } from '../ids.js';
import {
  DtlsParameters,
  IceServer,
  MediaKind,
  RtpCapabilities,
  RtpParameters,
  SctpStreamParameters,
  TransportDescription,
} from './media-params.js';
import { freeText } from '../text.js';
import { NetworkCheckResult } from './network-check.js';
import { TargetChanged, targetsAckSchemas, targetsClientPayloads } from '../http/targets.js';

/** Longest chat message, in characters. */
export const CHAT_MAX_CHARS = 500;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/*
 * The one typed map of realtime events. Names are `area:verb`.
 * Client → server events carry a payload validated by the schema of the same
 * name and an acknowledgement callback; server → client events are pushes.
 */

export const PeerInfo = z.object({
  participantId: Uuid,
  firstName: z.string(),
  role: StudentRole,
  schoolName: z.string(),
});
export type PeerInfo = z.infer<typeof PeerInfo>;

/**
 * Why a camera or microphone is paused: the child turned it off, or the iPad paused it while
 * the app was in the background (Safari stops the camera there) and will bring it back on return.
 */
export const PauseReason = z.enum(['user', 'background']);
export type PauseReason = z.infer<typeof PauseReason>;

export const ProducerInfo = z.object({
  producerId: MediaObjectId,
  participantId: Uuid,
  kind: MediaKind,
  paused: z.boolean(),
  /** Set when paused because the sender's iPad app is in the background (a newcomer sees "camera paused", not "off"). */
  pausedReason: PauseReason.optional(),
});
export type ProducerInfo = z.infer<typeof ProducerInfo>;

// ---- client → server payloads -------------------------------------------

export const clientPayloads = {
  /** The router's capabilities, so a device can load them while the student is still on pre-join. */
  'media:capabilities': z.strictObject({}),
  /**
   * With the device's rtpCapabilities, the server also prepares consumers for
   * the partner's media in the same round trip: the first frame comes sooner.
   */
  'session:join': z.strictObject({
    sessionId: Uuid,
    studentId: Uuid,
    /** From `POST /api/device/sign-in` (the student's PIN), for this session on this device. */
    joinToken: z.string().min(1).max(4096),
    rtpCapabilities: RtpCapabilities.optional(),
    /** The pre-join network check, when it had finished by the time Join was tapped; kept in the join's log entry. */
    networkCheck: NetworkCheckResult.optional(),
  }),
  'session:leave': z.strictObject({}),
  /** Pre-join: whether the partner is in the call already ("Priya is here" / "You'll be first"); the join token says who asks. */
  'session:presence': z.strictObject({
    sessionId: Uuid,
    studentId: Uuid,
    joinToken: z.string().min(1).max(4096),
  }),
  'transport:connect': z.strictObject({ transportId: MediaObjectId, dtlsParameters: DtlsParameters }),
  /**
   * ICE broke on one of this connection's own transports (Wi-Fi blip, link cut): new ICE
   * credentials for the same transport, so media resumes without rebuilding anything.
   */
  'transport:restart-ice': z.strictObject({ transportId: MediaObjectId }),
  'media:produce': z.strictObject({
    transportId: MediaObjectId,
    kind: MediaKind,
    rtpParameters: RtpParameters,
    /** Sent already off (the child chose so on pre-join): the partner is told "off" from the first moment. */
    paused: z.boolean().optional(),
  }),
  'media:consume': z.strictObject({ producerId: MediaObjectId, rtpCapabilities: RtpCapabilities }),
  'media:resume-consumer': z.strictObject({ consumerId: MediaObjectId }),
  'media:set-paused': z.strictObject({ producerId: MediaObjectId, paused: z.boolean(), reason: PauseReason.optional() }),
  /** A DSL or supervisor watches a live session: receives audio and video, sends none. */
  'observe:join': z.strictObject({ sessionId: Uuid, rtpCapabilities: RtpCapabilities.optional() }),
  /**
   * The pre-join network check: a short-lived probe connection to the media server (one per
   * device, closed on finish or after a few seconds) that the iPad sends a small burst of data on.
   */
  'probe:start': z.strictObject({}),
  'probe:connect': z.strictObject({ probeId: MediaObjectId, dtlsParameters: DtlsParameters }),
  'probe:produce-data': z.strictObject({ probeId: MediaObjectId, sctpStreamParameters: SctpStreamParameters }),
  'probe:finish': z.strictObject({ probeId: MediaObjectId }),
  'chat:send': z.strictObject({ text: freeText({ max: CHAT_MAX_CHARS, multiline: true }) }),
  /**
   * The "I'm worried" button: one tap, then optionally a sentence in the child's own words.
   * The press is never refused for what it carries: `text` goes on to the concern service
   * as it came, which files the concern with the words when they can be kept
   * (`ConcernWords`) and without them, telling the child, when they cannot.
   */
  /*
   * The one tap is the report (no words); words typed afterwards name the concern that tap raised
   * (`concernId`) and are added to it, so one press is one concern. Read loosely: a child's report
   * must be filed whatever else the payload carries.
   */
  'concern:raise': z.unknown().transform((payload): { text?: unknown; concernId?: unknown } => ({
    text: isRecord(payload) ? payload.text : undefined,
    concernId: isRecord(payload) ? payload.concernId : undefined,
  })),
  /** Targets in the call: both students list them; only the mentor adds or reviews (see http/targets.ts). */
  ...targetsClientPayloads,
} as const;

export type ClientEventName = keyof typeof clientPayloads;
export type ClientPayload<E extends ClientEventName> = z.infer<(typeof clientPayloads)[E]>;

// ---- acknowledgement data ----------------------------------------------

export const ObserverInfo = z.object({
  observerId: Uuid,
  name: z.string(),
  schoolName: z.string(),
  role: z.enum(['dsl', 'supervisor']),
});
export type ObserverInfo = z.infer<typeof ObserverInfo>;

export const ConsumeResult = z.object({
  consumerId: MediaObjectId,
  producerId: MediaObjectId,
  participantId: Uuid,
  kind: MediaKind,
  rtpParameters: z.unknown(),
  producerPaused: z.boolean(),
});
export type ConsumeResult = z.infer<typeof ConsumeResult>;

export const JoinResult = z.object({
  participantId: Uuid,
  session: z.object({ id: Uuid, startsAt: z.string(), endsAt: z.string() }),
  routerRtpCapabilities: z.unknown(),
  sendTransport: TransportDescription,
  recvTransport: TransportDescription,
  iceServers: z.array(IceServer),
  peers: z.array(PeerInfo),
  producers: z.array(ProducerInfo),
  /** Consumers already created for `producers` (when the join carried rtpCapabilities); created paused. */
  consumers: z.array(ConsumeResult),
  /** Staff observing the session right now (shown to the students). */
  observers: z.array(ObserverInfo),
  /** Single-use, bound to this iPad, session and student: lets the device page offer "Rejoin" after a reload (`POST /api/device/rejoin`). */
  rejoinGrant: z.string().optional(),
});
export type JoinResult = z.infer<typeof JoinResult>;

export const ObserveResult = JoinResult.omit({ participantId: true, sendTransport: true, rejoinGrant: true }).extend({
  observers: z.array(ObserverInfo),
});
export type ObserveResult = z.infer<typeof ObserveResult>;

export const ChatMessage = z.object({
  fromParticipantId: Uuid,
  firstName: z.string(),
  text: z.string(),
  at: z.string(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

/** A child as a safeguarding lead of either school may see them in an alert: first name, year and school. */
export const AlertChild = z.object({ firstName: z.string(), yearGroup: z.number().int(), schoolName: z.string() });
export type AlertChild = z.infer<typeof AlertChild>;

export const SafeguardingAlert = z.object({
  kind: z.enum(['concern_raised', 'chat_flagged', 'session_note_flagged', 'questionnaire_flagged']),
  sessionId: Uuid.nullable(),
  concernId: Uuid.optional(),
  summary: z.string(),
  at: z.string(),
  /** The child it is about (who pressed "I'm worried", whose chat matched), and their partner in the session. */
  child: AlertChild.optional(),
  partner: AlertChild.optional(),
  /** The session is happening now: the lead can observe it straight away. */
  live: z.boolean().optional(),
  /** Who raised a concern: a child pressing "I'm worried", or a member of staff. */
  raisedBy: z.enum(['student', 'staff']).optional(),
  /** The safeguarding words a flagged chat message matched. */
  keywords: z.array(z.string()).optional(),
});
export type SafeguardingAlert = z.infer<typeof SafeguardingAlert>;

const Empty = z.object({});

export const ProbeStartResult = z.object({
  probeId: MediaObjectId,
  routerRtpCapabilities: z.unknown(),
  transport: TransportDescription.extend({ sctpParameters: z.unknown() }),
  /** TURN for this device, so the check can try to gather a relay candidate (empty: TURN is not configured). */
  iceServers: z.array(IceServer),
  /** The probe's bounds: send no more than this, for no longer than this. */
  maxBytes: z.number().int().positive(),
  maxDurationMs: z.number().int().positive(),
});
export type ProbeStartResult = z.infer<typeof ProbeStartResult>;

/** What each client → server event's acknowledgement carries on success (`{ ok: true, data }`). */
export const ackSchemas = {
  'media:capabilities': z.object({ routerRtpCapabilities: z.unknown() }),
  'session:join': JoinResult,
  'session:leave': Empty,
  'session:presence': z.object({ partnerHere: z.boolean() }),
  'transport:connect': Empty,
  /** mediasoup's fresh ICE parameters (usernameFragment, password, iceLite), checked by mediasoup-client. */
  'transport:restart-ice': z.object({ iceParameters: z.record(z.string(), z.unknown()) }),
  'media:produce': z.object({ producerId: MediaObjectId }),
  'media:consume': ConsumeResult,
  'media:resume-consumer': Empty,
  'media:set-paused': Empty,
  'observe:join': ObserveResult,
  'probe:start': ProbeStartResult,
  'probe:connect': Empty,
  'probe:produce-data': z.object({ dataProducerId: MediaObjectId }),
  /** What the media server received on the probe, and over which protocol the probe connected (null: it never did). */
  'probe:finish': z.object({ bytesReceived: z.number().int().min(0), protocol: z.enum(['udp', 'tcp']).nullable() }),
  'chat:send': z.object({ delivered: z.boolean(), explanation: z.string().optional() }),
  /** `wordsNotKept`: said to the child when their words could not be kept; the concern was filed without them. */
  'concern:raise': z.object({ concernId: Uuid, wordsNotKept: z.string().optional() }),
  ...targetsAckSchemas,
} satisfies Record<ClientEventName, z.ZodType>;

type AckData<S extends z.ZodType> = [keyof z.infer<S>] extends [never] ? Record<string, never> : z.infer<S>;
export type ClientAckData = { [E in ClientEventName]: AckData<(typeof ackSchemas)[E]> };

export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: unknown, ack: (result: Ack<ClientAckData[E]>) => void) => void;
};

// ---- server → client pushes --------------------------------------------

/** `ended_by_staff`: an observer ended the session early; the session cannot be joined again. */
export const SessionEndReason = z.enum(['time_up', 'media_lost', 'server_shutdown', 'replaced', 'device_revoked', 'ended_by_staff']);
export type SessionEndReason = z.infer<typeof SessionEndReason>;

/** Every server → client push and what it carries. */
export const pushSchemas = {
  'peer:joined': PeerInfo,
  'peer:left': z.object({ participantId: Uuid }),
  /** The partner's connection was lost; their place is kept for a grace period while they come back. */
  'peer:reconnecting': z.object({ participantId: Uuid }),
  /** The partner is back within the grace period, on the same connection or a new one. */
  'peer:reconnected': z.object({ participantId: Uuid }),
  'producer:added': ProducerInfo,
  'producer:paused': z.object({ producerId: MediaObjectId, paused: z.boolean(), reason: PauseReason.optional() }),
  'producer:closed': z.object({ producerId: MediaObjectId }),
  'session:ended': z.object({ reason: SessionEndReason, message: z.string() }),
  /**
   * Audio first: the server has paused (or resumed) the video this device receives because its
   * link cannot carry it; audio goes on. `availableKbps` is the estimate the decision was taken on.
   */
  'media:video-paused-for-bandwidth': z.object({ paused: z.boolean(), availableKbps: z.number().int().nonnegative() }),
  /** Both students always see who is observing, for as long as it lasts. */
  'observer:joined': ObserverInfo,
  'observer:left': z.object({ observerId: Uuid }),
  'chat:message': ChatMessage,
  /** To signed-in safeguarding leads of the schools involved. */
  'safeguarding:alert': SafeguardingAlert,
  /** The mentor set or reviewed a target: to the other student in the call. */
  'targets:changed': TargetChanged,
} as const;

export type PushName = keyof typeof pushSchemas;
export type ServerToClientEvents = { [E in PushName]: (payload: z.infer<(typeof pushSchemas)[E]>) => void };

/** socket.io handshake `auth` for a school device. */
export const DeviceHandshake = z.object({ deviceToken: z.string().min(1).max(4096) });

/** Largest payload a client may send in one event (bytes). */
export const MAX_EVENT_BYTES = 64 * 1024;
