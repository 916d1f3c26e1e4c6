import { Temporal } from 'temporal-polyfill';

/*
 * When a staff session is still good. Pure: the caller passes the stored
 * session and the clock's "now". A session ends when it is revoked (sign-out,
 * password change, deactivation), when its absolute lifetime runs out, or when
 * nobody has used it for the idle time-out.
 */

export interface StoredStaffSession {
  expiresAt: Temporal.Instant;
  lastSeenAt: Temporal.Instant;
  revokedAt: Temporal.Instant | null;
  steppedUpUntil: Temporal.Instant | null;
}

export type StaffSessionState = 'live' | 'revoked' | 'expired' | 'idle';

export function staffSessionState(session: StoredStaffSession, now: Temporal.Instant, idleTimeout: Temporal.Duration): StaffSessionState {
  if (session.revokedAt) return 'revoked';
  if (Temporal.Instant.compare(now, session.expiresAt) >= 0) return 'expired';
  if (Temporal.Instant.compare(now, session.lastSeenAt.add(idleTimeout)) >= 0) return 'idle';
  return 'live';
}

/**
 * Recording every request would write on every click; once a minute is
 * precise enough for a time-out measured in tens of minutes.
 */
export const LAST_SEEN_RESOLUTION = Temporal.Duration.from({ minutes: 1 });

export function needsTouch(session: StoredStaffSession, now: Temporal.Instant): boolean {
  return Temporal.Instant.compare(now, session.lastSeenAt.add(LAST_SEEN_RESOLUTION)) >= 0;
}

export function isSteppedUp(session: Pick<StoredStaffSession, 'steppedUpUntil'>, now: Temporal.Instant): boolean {
  return session.steppedUpUntil !== null && Temporal.Instant.compare(now, session.steppedUpUntil) < 0;
}
