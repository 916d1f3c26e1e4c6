import { Temporal } from 'temporal-polyfill';

/**
 * How long after an unexpected drop the device page offers "Rejoin your call" without the PIN.
 * Longer than the media's place (RECONNECT_GRACE_MS, 20 s), because a reloaded Safari tab or an
 * iPad woken from its lock screen takes longer than that to come back, and the child needs a moment
 * to read and tap. Short enough that a shared iPad put down and picked up by another child in the
 * next lesson no longer offers the first child's call: after three minutes it is the PIN again.
 */
export const REJOIN_OFFER_MS = 3 * 60_000;

/** A server-issued rejoin grant as the rule sees it: for one student, one session, one iPad. */
export interface RejoinGrantState {
  sessionId: string;
  studentId: string;
  deviceId: string;
  /** When the session's time is over: no rejoin after it, whatever the window says. */
  sessionEndsAt: Temporal.Instant;
  /** When the server lost this device's connection; null while it still has it (a reload it has not noticed yet). */
  droppedAt: Temporal.Instant | null;
  /** Taken once (the grant is single-use), or revoked (the child tapped Leave, or the session ended). */
  status: 'live' | 'used' | 'revoked';
}

export interface RejoinAsk {
  sessionId: string;
  studentId: string;
  deviceId: string;
}

export type RejoinRefusal = 'unknown' | 'used' | 'revoked' | 'other_device' | 'other_session' | 'window_over' | 'session_over';
export type RejoinDecision = { allowed: true; until: Temporal.Instant } | { allowed: false; reason: RejoinRefusal };

/** Whether this grant may bring this student back into this session on this iPad now, and until when. */
export function decideRejoin(grant: RejoinGrantState | undefined, ask: RejoinAsk, now: Temporal.Instant): RejoinDecision {
  if (!grant) return { allowed: false, reason: 'unknown' };
  if (grant.status !== 'live') return { allowed: false, reason: grant.status };
  if (grant.deviceId !== ask.deviceId) return { allowed: false, reason: 'other_device' };
  if (grant.sessionId !== ask.sessionId || grant.studentId !== ask.studentId) return { allowed: false, reason: 'other_session' };
  if (Temporal.Instant.compare(now, grant.sessionEndsAt) >= 0) return { allowed: false, reason: 'session_over' };
  const from = grant.droppedAt ?? now;
  const windowEnds = from.add({ milliseconds: REJOIN_OFFER_MS });
  if (Temporal.Instant.compare(now, windowEnds) >= 0) return { allowed: false, reason: 'window_over' };
  const until = Temporal.Instant.compare(windowEnds, grant.sessionEndsAt) < 0 ? windowEnds : grant.sessionEndsAt;
  return { allowed: true, until };
}

