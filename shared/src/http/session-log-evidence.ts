import { z } from 'zod';

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 in hex');
const SignatureFields = { keyId: z.string().min(1).max(64), signature: z.string().min(1).max(200) };

/**
 * `GET /api/staff/sessions/:id/log/evidence`: a session's log as a signed file, checked offline
 * by `npm run verify-evidence -w @peerbridge/server`. The verifier parses it with this schema.
 * A file outlives the server that wrote it, so an entry's `type` is any name here: the
 * signatures, not this schema, say whether the file is what was written.
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
