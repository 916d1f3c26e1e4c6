import { z } from 'zod';

/**
 * WebRTC negotiation objects travel between mediasoup-client and the SFU.
 * Their inner detail is validated by mediasoup itself; these schemas bound
 * their shape and size so a malformed or oversized object is refused at the
 * edge instead of reaching the media worker.
 */
const shortText = z.string().max(256);
const looseEntry = z.looseObject({});

/**
 * JSON.stringify escapes exactly the lone surrogates and control characters
 * (a paired surrogate stays as it is), so this finds either anywhere inside.
 * The media worker cannot read them: one in a DTLS fingerprint left the
 * request unanswered.
 */
const UNREADABLE_BY_WORKER = /\\u(d[89a-f][0-9a-f]{2}|00[01][0-9a-f])/i;
const readableByWorker = (value: unknown) => !UNREADABLE_BY_WORKER.test(JSON.stringify(value) ?? '');
const readable = { message: 'contains characters the media server cannot read' };

export const DtlsParameters = z.object({
  role: z.enum(['auto', 'client', 'server']).optional(),
  fingerprints: z
    .array(
      z.object({
        algorithm: z.enum(['sha-1', 'sha-224', 'sha-256', 'sha-384', 'sha-512']),
        value: z.string().regex(/^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){0,127}$/, 'must be hex bytes separated by ":"'),
      }),
    )
    .min(1)
    .max(8),
});

export const RtpParameters = z.looseObject({
  mid: shortText.optional(),
  codecs: z.array(looseEntry).min(1).max(16),
  headerExtensions: z.array(looseEntry).max(32).optional(),
  encodings: z.array(looseEntry).max(8).optional(),
  rtcp: looseEntry.optional(),
}).refine(readableByWorker, readable);

export const RtpCapabilities = z.looseObject({
  codecs: z.array(looseEntry).max(128).optional(),
  headerExtensions: z.array(looseEntry).max(64).optional(),
}).refine(readableByWorker, readable);

/** A data channel's stream on the probe connection (mediasoup-client's produceData). */
export const SctpStreamParameters = z.strictObject({
  streamId: z.number().int().min(0).max(65534),
  ordered: z.boolean().optional(),
  maxPacketLifeTime: z.number().int().min(0).max(65535).optional(),
  maxRetransmits: z.number().int().min(0).max(65535).optional(),
});

export const MediaKind = z.enum(['audio', 'video']);
export type MediaKind = z.infer<typeof MediaKind>;

/** What the client needs to build a mediasoup-client transport. */
export const TransportDescription = z.object({
  id: z.string(),
  iceParameters: z.unknown(),
  iceCandidates: z.array(z.unknown()),
  dtlsParameters: z.unknown(),
});
export type TransportDescription = z.infer<typeof TransportDescription>;

export const IceServer = z.object({
  urls: z.array(z.string()),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof IceServer>;
