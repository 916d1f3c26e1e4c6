import { canonicalJson } from './hash-chain.js';
import type { Signature, SignatureChecker, Signer } from './signature.js';
import { verifySignedLog, type LogVerification, type SignedCheckpoint, type SignedEntry } from './signed-log.js';

/**
 * A session's log as a file a safeguarding lead can hand on: every entry with
 * its signature, the checkpoints, and a signature over the whole file, so it
 * can be checked offline with nothing but the server's public key, and a file
 * cut short or edited after export is caught as surely as a changed database.
 */
export const EVIDENCE_FORMAT = 'peerbridge.session-log-evidence.v1';

export interface EvidenceBody {
  format: typeof EVIDENCE_FORMAT;
  session: { id: string; startsAt: string; endsAt: string };
  exportedAt: string;
  exportedBy: { staffId: string; name: string };
  anchor: { seq: number; hash: string } | null;
  entries: SignedEntry[];
  checkpoints: SignedCheckpoint[];
  /** For information: a verifier must take the public key from the school, not from the file it is checking. */
  publicKeys: { keyId: string; pem: string }[];
}

export interface EvidenceFile extends EvidenceBody {
  signature: Signature;
}

function evidenceSigningMessage(body: EvidenceBody): string {
  const { format, session, exportedAt, exportedBy, anchor, entries, checkpoints, publicKeys } = body;
  return `peerbridge/session-log-evidence/v1\n${canonicalJson({ format, session, exportedAt, exportedBy, anchor, entries, checkpoints, publicKeys })}`;
}

export function signEvidence(body: EvidenceBody, signer: Signer): EvidenceFile {
  return { ...body, signature: signer.sign(evidenceSigningMessage(body)) };
}

export interface EvidenceVerification {
  ok: boolean;
  fileSignature: 'valid' | 'invalid' | 'unknown_key';
  log: LogVerification;
  message: string;
}

/** Checks a parsed evidence file: the file's own signature, then the log inside it. */
export function verifyEvidence(file: EvidenceFile, checker: SignatureChecker): EvidenceVerification {
  const { signature, ...body } = file;
  const fileSignature = checker.check(evidenceSigningMessage(body), signature);
  const log = verifySignedLog({ sessionId: file.session.id, entries: file.entries, anchor: file.anchor ?? undefined, checkpoints: file.checkpoints, checker });
  const fileProblem =
    fileSignature === 'valid'
      ? undefined
      : fileSignature === 'unknown_key'
        ? 'The file is signed with a key other than the one given.'
        : 'The file’s signature does not match: it was changed after it was exported.';
  return { ok: !fileProblem && log.ok, fileSignature, log, message: [fileProblem, log.message].filter(Boolean).join(' ') };
}
