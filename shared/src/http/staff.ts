import { z } from 'zod';
import { IsoInstant, Uuid } from '../ids.js';
import { freeText } from '../text.js';

export const StaffRole = z.enum(['coordinator', 'dsl', 'supervisor', 'admin']);
export type StaffRole = z.infer<typeof StaffRole>;

/** `POST /api/staff/login` */
export const LoginRequest = z.strictObject({
  email: z.email({ message: 'must be an email address' }).max(254),
  password: z.string().min(1, 'is required').max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const StaffMe = z.object({
  id: Uuid,
  email: z.string(),
  fullName: z.string(),
  roles: z.array(StaffRole),
  /** `timeZone` (IANA): the staff area shows every time in the school's own zone. */
  school: z.object({ id: Uuid, name: z.string(), timeZone: z.string() }).nullable(),
});
export type StaffMe = z.infer<typeof StaffMe>;

export const LoginResponse = z.object({ staff: StaffMe, expiresAt: IsoInstant });

/** `POST /api/staff/devices`: enrol a school iPad. */
export const EnrolDeviceRequest = z.strictObject({ label: freeText({ max: 80 }) });
export const EnrolDeviceResponse = z.object({
  device: z.object({ id: Uuid, label: z.string() }),
  /** Typed once on the iPad (or read from the QR code); single use. */
  enrolmentCode: z.string(),
  expiresAt: IsoInstant,
});

export const DeviceSummary = z.object({
  id: Uuid,
  label: z.string(),
  createdAt: IsoInstant,
  revokedAt: IsoInstant.nullable(),
});
export type DeviceSummary = z.infer<typeof DeviceSummary>;

/** `POST /api/device/enrol` from the iPad itself. */
export const RedeemEnrolmentRequest = z.strictObject({
  code: z
    .string()
    .trim()
    .transform((c) => c.toUpperCase().replace(/[^A-Z0-9]/g, ''))
    .pipe(z.string().length(10, 'must be the 10-character code from your coordinator')),
});
export const RedeemEnrolmentResponse = z.object({ deviceToken: z.string() });

export const SessionLogEntry = z.object({
  seq: z.number().int(),
  type: z.string(),
  at: IsoInstant,
  actor: z.string().nullable(),
  deviceId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  hash: z.string(),
});

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
  badCheckpoint: z.object({ number: z.number().int(), problem: z.string(), message: z.string() }).optional(),
  unsignedAnchor: z.object({ seq: z.number().int(), message: z.string() }).optional(),
  /** One sentence a safeguarding lead can quote. */
  message: z.string(),
});

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 in hex');
const SignatureFields = { keyId: z.string().min(1).max(64), signature: z.string().min(1).max(200) };

/**
 * `GET /api/staff/sessions/:id/log/evidence`: a session's log as a signed file, checked offline
 * by `npm run verify-evidence -w @peerbridge/server`. The verifier parses it with this schema.
 */
export const SessionLogEvidenceFile = z.object({
  format: z.literal('peerbridge.session-log-evidence.v1'),
  session: z.object({ id: z.string(), startsAt: z.string(), endsAt: z.string() }),
  exportedAt: z.string(),
  exportedBy: z.object({ staffId: z.string(), name: z.string() }),
  anchor: z.object({ seq: z.number().int().min(0), hash: Sha256Hex }).nullable(),
  entries: z.array(
    z.object({
      id: z.union([z.string(), z.number()]),
      sessionId: z.string(),
      seq: z.number().int(),
      type: z.string(),
      at: z.string(),
      actor: z.string().nullable(),
      deviceId: z.string().nullable(),
      detail: z.record(z.string(), z.unknown()),
      prevHash: z.string(),
      hash: z.string(),
      keyId: z.string().nullable(),
      signature: z.string().nullable(),
    }),
  ),
  checkpoints: z.array(
    z.object({
      sessionId: z.string(),
      number: z.number().int(),
      seq: z.number().int(),
      headHash: z.string(),
      reason: z.enum(['session_ended', 'call_closed', 'purged', 'exported']),
      at: z.string(),
      ...SignatureFields,
    }),
  ),
  publicKeys: z.array(z.object({ keyId: z.string(), pem: z.string() })),
  signature: z.object(SignatureFields),
});
export type SessionLogEvidenceFile = z.infer<typeof SessionLogEvidenceFile>;


/** `GET /api/staff/sessions?from=&to=`: local dates. */
export const SessionListQuery = z.strictObject({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

