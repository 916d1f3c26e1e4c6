import { createHash } from 'node:crypto';

/**
 * Where the end of a staff session is announced, so that realtime
 * connections opened with it end at once (on every node).
 */
export interface StaffSessionsEnded {
  /** These sessions are over (sign-out, password change, idle, expiry). */
  sessionsEnded(sessionKeys: readonly string[]): void;
  /** Every session of this member of staff is over (deactivation, lockout). */
  staffEnded(staffId: string): void;
}

export const noSessionListeners: StaffSessionsEnded = { sessionsEnded: () => undefined, staffEnded: () => undefined };

/**
 * A name for a session that can travel (e.g. as a socket.io room through Redis)
 * without being the database key itself.
 */
export const sessionKeyOf = (tokenHash: string) => createHash('sha256').update(`staff-session:${tokenHash}`).digest('base64url').slice(0, 32);
