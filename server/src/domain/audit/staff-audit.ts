import type { StaffAuditAction } from '@peerbridge/shared';
import { linkHash, verifyLinks, type ChainLink, type ChainVerification } from './hash-chain.js';

/**
 * The staff-action audit trail of one school, chained exactly like a session
 * log (the same link hash and the same walk), so an entry edited, removed or
 * reordered in the database no longer verifies. Like the session log it
 * proves integrity, not completeness at the tail: the chain's `headHash` is
 * what a signed checkpoint would cover.
 */
export interface StaffAuditContent {
  schoolId: string;
  /** 1, 2, 3… within the school. */
  seq: number;
  /** ISO instant with milliseconds, exactly as stored, so the hash can be recomputed. */
  at: string;
  actorId: string;
  /** The actor's name when they acted: the record says who it was then. */
  actorName: string;
  action: StaffAuditAction;
}

export interface StoredStaffAuditEntry extends StaffAuditContent, ChainLink {}

export function staffAuditHash(prevHash: string, content: StaffAuditContent): string {
  // Fields picked explicitly: a stored entry passed in must not hash its own id or hash.
  const { schoolId, seq, at, actorId, actorName, action } = content;
  return linkHash(prevHash, { schoolId, seq, at, actorId, actorName, action });
}

/** Recomputes a school's trail (in seq order) and names the first entry that does not hold. */
export function verifyStaffAudit(entries: readonly StoredStaffAuditEntry[]): ChainVerification {
  return verifyLinks(entries, (entry) => staffAuditHash(entry.prevHash, entry));
}

/** An own-school student as the trail names them: "Sam R". */
export function studentLabel(firstName: string, lastName: string): string {
  const initial = lastName.trim().charAt(0).toUpperCase();
  return initial ? `${firstName} ${initial}` : firstName;
}
