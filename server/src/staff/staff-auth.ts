import { createHash, randomBytes } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { afterFailure, isLocked, STAFF_LOGIN_LOCKOUT } from '../domain/access/login-lockout.js';
import type { StaffPrincipal } from '../domain/access/policy.js';
import { localClockTime } from '../domain/time/school-day.js';
import type { Clock } from '../domain/time/clock.js';
import { AppError } from '../errors.js';
import type { StaffRecord, StaffRepository } from '../infra/db/staff-repository.js';
import { DUMMY_HASH, verifySecret } from './passwords.js';

export const STAFF_SESSION_LIFETIME = Temporal.Duration.from({ hours: 12 });

export interface StaffIdentity extends StaffPrincipal {
  email: string;
  fullName: string;
  schoolName: string | null;
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

function identity(record: StaffRecord): StaffIdentity {
  return {
    staffId: record.id,
    schoolId: record.schoolId,
    roles: record.roles,
    email: record.email,
    fullName: record.fullName,
    schoolName: record.schoolName,
  };
}

/** Staff sign-in: argon2id passwords, lockout after repeated failures, server-side sessions. */
export class StaffAuth {
  constructor(
    private readonly staff: StaffRepository,
    private readonly clock: Clock,
  ) {}

  async login(email: string, password: string): Promise<{ token: string; staff: StaffIdentity; expiresAt: Temporal.Instant }> {
    const now = this.clock.now();
    const record = await this.staff.findByEmail(email);
    const wrong = () => AppError.unauthenticated('That email and password do not match. Check them and try again.');
    if (!record) {
      await verifySecret(DUMMY_HASH, password);
      throw wrong();
    }
    const state = { failures: record.failedLogins, lockedUntil: record.lockedUntil };
    if (isLocked(state, now)) throw lockedError(state.lockedUntil!);
    if (!(await verifySecret(record.passwordHash, password))) {
      const next = afterFailure(state, STAFF_LOGIN_LOCKOUT, now);
      await this.staff.saveLoginState(record.id, next.failures, next.lockedUntil);
      throw isLocked(next, now) ? lockedError(next.lockedUntil!) : wrong();
    }
    if (record.failedLogins > 0 || record.lockedUntil) await this.staff.saveLoginState(record.id, 0, null);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = now.add(STAFF_SESSION_LIFETIME);
    await this.staff.createSession(tokenHash(token), record.id, expiresAt);
    return { token, staff: identity(record), expiresAt };
  }

  async authenticate(token: string): Promise<StaffIdentity> {
    const staffId = await this.staff.findLiveSession(tokenHash(token), this.clock.now());
    const record = staffId ? await this.staff.findById(staffId) : undefined;
    if (!record) throw AppError.unauthenticated('Please sign in again.');
    return identity(record);
  }

  logout(token: string): Promise<void> {
    return this.staff.revokeSession(tokenHash(token), this.clock.now());
  }
}

function lockedError(until: Temporal.Instant): AppError {
  return new AppError(
    'rate_limited',
    `Too many failed sign-in attempts. This account is locked until ${localClockTime(until, 'Europe/London')} (UK time); ask your school's Peerbridge admin if you need it sooner.`,
    { lockedUntil: until.toString() },
  );
}
