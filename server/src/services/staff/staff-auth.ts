import { createHash, randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { Temporal } from 'temporal-polyfill';
import { afterFailure, isLocked, STAFF_LOGIN_LOCKOUT } from '../../domain/access/login-lockout.js';
import type { StaffPrincipal } from '../../domain/access/policy.js';
import { needsTouch, staffSessionState } from '../../domain/access/staff-session-rules.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { StaffRecord, StaffRepository, StaffSessionRecord } from '../../infra/db/staff-repository.js';
import { DUMMY_HASH, hashSecret, verifySecret } from './passwords.js';
import { noSessionListeners, sessionKeyOf, type StaffSessionsEnded } from './staff-sessions-ended.js';

export const STAFF_SESSION_LIFETIME = Temporal.Duration.from({ hours: 12 });
export const DEFAULT_IDLE_TIMEOUT = Temporal.Duration.from({ minutes: 30 });

export interface StaffIdentity extends StaffPrincipal {
  email: string;
  fullName: string;
  schoolName: string | null;
  /** The school's IANA zone: staff screens show school time in it. */
  schoolTimeZone: string | null;
}

/** A signed-in member of staff and the session they are signed in with. */
export interface StaffSession {
  staff: StaffIdentity;
  tokenHash: string;
  /** The session's travelling name (socket rooms). */
  sessionKey: string;
  steppedUpUntil: Temporal.Instant | null;
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * One answer for every refused sign-in (unknown email, wrong password, locked or
 * deactivated account), so the answer says nothing about which accounts exist or
 * are locked.
 */
export const SIGN_IN_REFUSED =
  "We couldn't sign you in with that email and password. After 5 wrong tries an account is locked for 15 minutes.";

function identity(record: StaffRecord): StaffIdentity {
  return {
    staffId: record.id,
    schoolId: record.schoolId,
    roles: record.roles,
    email: record.email,
    fullName: record.fullName,
    schoolName: record.schoolName,
    schoolTimeZone: record.schoolTimeZone,
  };
}

/** Staff sign-in: argon2id passwords, lockout after repeated failures, server-side sessions with an idle time-out. */
export class StaffAuth {
  private readonly idleTimeout: Temporal.Duration;
  private readonly ended: StaffSessionsEnded;

  constructor(
    private readonly staff: Pick<StaffRepository, 'findByEmail' | 'findById' | 'createSession' | 'findSession' | 'touchSession' | 'revokeSession' | 'revokeSessionsOf' | 'saveLoginState' | 'setPasswordHash'>,
    private readonly clock: Clock,
    private readonly options: { log: Logger; idleTimeout?: Temporal.Duration; ended?: StaffSessionsEnded },
  ) {
    this.idleTimeout = options.idleTimeout ?? DEFAULT_IDLE_TIMEOUT;
    this.ended = options.ended ?? noSessionListeners;
  }

  async login(email: string, password: string): Promise<{ token: string; staff: StaffIdentity; expiresAt: Temporal.Instant }> {
    const record = await this.staff.findByEmail(email);
    // The password is always checked, whatever else is wrong, so every refusal costs the same time.
    const matches = await verifySecret(record?.passwordHash ?? DUMMY_HASH, password);
    const now = this.clock.now();
    const refused = () => AppError.unauthenticated(SIGN_IN_REFUSED);
    if (!record) throw refused();
    if (record.deactivatedAt) {
      this.options.log.warn({ staffId: record.id }, 'StaffSignInRefusedDeactivated');
      throw refused();
    }
    const state = { failures: record.failedLogins, lockedUntil: record.lockedUntil };
    if (isLocked(state, now)) {
      this.options.log.warn({ staffId: record.id, lockedUntil: state.lockedUntil!.toString() }, 'StaffSignInRefusedLocked');
      throw refused();
    }
    if (!matches) {
      const next = afterFailure(state, STAFF_LOGIN_LOCKOUT, now);
      await this.staff.saveLoginState(record.id, next.failures, next.lockedUntil);
      if (isLocked(next, now)) this.options.log.warn({ staffId: record.id, lockedUntil: next.lockedUntil!.toString() }, 'StaffAccountLocked');
      throw refused();
    }
    if (record.failedLogins > 0 || record.lockedUntil) await this.staff.saveLoginState(record.id, 0, null);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = now.add(STAFF_SESSION_LIFETIME);
    await this.staff.createSession(tokenHash(token), record.id, now, expiresAt);
    return { token, staff: identity(record), expiresAt };
  }

  async authenticate(token: string): Promise<StaffIdentity> {
    return (await this.session(token)).staff;
  }

  /**
   * The session behind a cookie, if it is still good. Using it counts as activity for the idle time-out,
   * unless the screen asked by itself (`activity: false`, e.g. polling).
   */
  session(token: string, use: { activity: boolean } = { activity: true }): Promise<StaffSession> {
    return this.sessionFromHash(tokenHash(token), use);
  }

  /** The same, from the stored hash (a realtime connection keeps only the hash of its cookie). */
  async sessionFromHash(hash: string, use: { activity: boolean } = { activity: true }): Promise<StaffSession> {
    const stored = await this.staff.findSession(hash);
    const record = stored ? await this.liveRecord(stored) : undefined;
    if (!stored || !record) throw AppError.unauthenticated('Please sign in again.');
    const now = this.clock.now();
    if (use.activity && needsTouch(stored, now)) await this.staff.touchSession(hash, now);
    return { staff: identity(record), tokenHash: hash, sessionKey: sessionKeyOf(hash), steppedUpUntil: stored.steppedUpUntil };
  }

  /** Whether a session is still good, without counting as activity (the realtime sweep asks this). */
  async isLive(hash: string): Promise<boolean> {
    const stored = await this.staff.findSession(hash);
    return stored !== undefined && (await this.liveRecord(stored)) !== undefined;
  }

  async logout(token: string): Promise<void> {
    const hash = tokenHash(token);
    await this.staff.revokeSession(hash, this.clock.now());
    this.ended.sessionsEnded([sessionKeyOf(hash)]);
  }

  /** A new password ends every other session of that person: whoever else had it is out. */
  async changePassword(session: StaffSession, currentPassword: string, newPassword: string): Promise<void> {
    const record = await this.staff.findById(session.staff.staffId);
    if (!record || !(await verifySecret(record.passwordHash, currentPassword))) {
      throw AppError.badRequest('Your current password is not right.', { field: 'currentPassword' });
    }
    await this.staff.setPasswordHash(record.id, await hashSecret(newPassword));
    const ended = await this.staff.revokeSessionsOf(record.id, this.clock.now(), session.tokenHash);
    this.ended.sessionsEnded(ended.map(sessionKeyOf));
    this.options.log.info({ staffId: record.id, sessionsEnded: ended.length }, 'StaffPasswordChanged');
  }

  /** Ends every session of one member of staff (deactivation, a locked second factor). */
  async endAllSessions(staffId: string): Promise<void> {
    await this.staff.revokeSessionsOf(staffId, this.clock.now());
    this.ended.staffEnded(staffId);
  }

  private async liveRecord(stored: StaffSessionRecord): Promise<StaffRecord | undefined> {
    const now = this.clock.now();
    const state = staffSessionState(stored, now, this.idleTimeout);
    if (state !== 'live') {
      if (state === 'idle') {
        // Recorded as over, so the session cannot come back to life if the time-out is later raised.
        await this.staff.revokeSession(stored.tokenHash, now);
        this.ended.sessionsEnded([sessionKeyOf(stored.tokenHash)]);
        this.options.log.info({ staffId: stored.staffId }, 'StaffSessionTimedOut');
      }
      return undefined;
    }
    const record = await this.staff.findById(stored.staffId);
    return record && !record.deactivatedAt ? record : undefined;
  }
}
