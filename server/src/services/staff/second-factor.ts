import { createHash, randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { generateSecret, generateURI, verify } from 'otplib';
import type { Temporal } from 'temporal-polyfill';
import { afterFailure, isLocked, STAFF_LOGIN_LOCKOUT } from '../../domain/access/login-lockout.js';
import { isSteppedUp } from '../../domain/access/staff-session-rules.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { SecondFactorRepository } from '../../infra/db/second-factor-repository.js';
import type { StaffRepository } from '../../infra/db/staff-repository.js';
import type { SecretBox } from './secret-box.js';
import type { StaffAuth, StaffSession } from './staff-auth.js';

const TOTP_PERIOD_SECONDS = 30;
/** One step either side: an authenticator whose clock is up to 30 seconds out still works. */
const TOTP_TOLERANCE_SECONDS = 30;
const RECOVERY_CODE_COUNT = 10;
const ISSUER = 'Peerbridge';

export interface SecondFactorStatus {
  required: boolean;
  enrolled: boolean;
  steppedUpUntil: string | null;
  recoveryCodesLeft: number;
}

/** Recovery codes are typed by hand: case, spaces and dashes do not matter. */
const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');
const recoveryCodeHash = (code: string) => createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');

/** 80 random bits as four groups of four base32 letters: too many to guess, so a plain hash is enough. */
function newRecoveryCode(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(16);
  const letters = [...bytes].map((b) => alphabet[b % 32]).join('');
  return letters.match(/.{4}/g)!.join('-');
}

/**
 * The second factor DSLs pass before opening safeguarding records (as CPOMS and
 * MyConcern require): a TOTP authenticator, enrolled with a code from it, plus
 * single-use recovery codes. A step-up lasts a set time within the session.
 */
export class SecondFactor {
  constructor(
    private readonly deps: {
      factors: Pick<SecondFactorRepository, 'find' | 'savePending' | 'confirm' | 'useStep' | 'unusedRecoveryCodes' | 'useRecoveryCode'>;
      staff: Pick<StaffRepository, 'findById' | 'saveLoginState' | 'setSteppedUpUntil'>;
      staffAuth: StaffAuth;
      box: SecretBox;
      clock: Clock;
      log: Logger;
      required: boolean;
      stepUpLasts: Temporal.Duration;
    },
  ) {}

  async status(session: StaffSession): Promise<SecondFactorStatus> {
    const factor = await this.deps.factors.find(session.staff.staffId);
    const enrolled = Boolean(factor?.confirmedAt);
    const now = this.deps.clock.now();
    return {
      required: this.deps.required,
      enrolled,
      steppedUpUntil: isSteppedUp(session, now) ? session.steppedUpUntil!.toString() : null,
      recoveryCodesLeft: enrolled ? await this.deps.factors.unusedRecoveryCodes(session.staff.staffId) : 0,
    };
  }

  /** Refuses (with `step_up_required`) unless step-up is off or this session has passed it recently. */
  async assertSteppedUp(session: StaffSession): Promise<void> {
    if (!this.deps.required || isSteppedUp(session, this.deps.clock.now())) return;
    const enrolled = Boolean((await this.deps.factors.find(session.staff.staffId))?.confirmedAt);
    throw new AppError(
      'step_up_required',
      enrolled
        ? 'Enter the code from your authenticator app to open safeguarding records.'
        : 'Set up an authenticator app for your account before opening safeguarding records.',
      { enrolled },
    );
  }

  /** A new secret to add to an authenticator app. Replacing a working one needs a step-up first. */
  async startEnrolment(session: StaffSession): Promise<{ secret: string; otpauthUri: string }> {
    const existing = await this.deps.factors.find(session.staff.staffId);
    if (existing?.confirmedAt && !isSteppedUp(session, this.deps.clock.now())) {
      throw new AppError('step_up_required', 'Enter a code from your current authenticator (or a recovery code) before replacing it.', {
        enrolled: true,
      });
    }
    const secret = generateSecret();
    await this.deps.factors.savePending(session.staff.staffId, this.deps.box.seal(secret));
    return { secret, otpauthUri: generateURI({ issuer: ISSUER, label: session.staff.email, secret }) };
  }

  /** The first correct code confirms the authenticator; the answer carries the recovery codes, shown once. */
  async confirmEnrolment(session: StaffSession, code: string): Promise<{ recoveryCodes: string[]; steppedUpUntil: string }> {
    const factor = await this.deps.factors.find(session.staff.staffId);
    if (!factor || factor.confirmedAt) throw new AppError('conflict', 'Start setting up an authenticator first.');
    const step = await this.checkCode(this.deps.box.open(factor.secretCiphertext), code, null);
    if (step === null) return this.refuse(session, 'That code is not right. Check the time on your device and try the newest code.');
    const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await this.deps.factors.confirm(session.staff.staffId, this.deps.clock.now(), step, recoveryCodes.map(recoveryCodeHash));
    this.deps.log.info({ staffId: session.staff.staffId }, 'SecondFactorEnrolled');
    return { recoveryCodes, steppedUpUntil: (await this.markSteppedUp(session)).toString() };
  }

  async stepUp(session: StaffSession, proof: { code: string } | { recoveryCode: string }): Promise<{ steppedUpUntil: string }> {
    const staffId = session.staff.staffId;
    const factor = await this.deps.factors.find(staffId);
    if (!factor?.confirmedAt) throw new AppError('conflict', 'Set up an authenticator app for your account first.');
    if ('recoveryCode' in proof) {
      if (!(await this.deps.factors.useRecoveryCode(staffId, recoveryCodeHash(proof.recoveryCode), this.deps.clock.now()))) {
        return this.refuse(session, 'That recovery code is not right, or it has been used already.');
      }
      this.deps.log.warn({ staffId }, 'RecoveryCodeUsed');
    } else {
      const step = await this.checkCode(this.deps.box.open(factor.secretCiphertext), proof.code, factor.lastUsedStep);
      if (step === null || !(await this.deps.factors.useStep(staffId, step, factor.lastUsedStep))) {
        return this.refuse(session, 'That code is not right, or it was used already. Wait for the next code and try again.');
      }
    }
    this.deps.log.info({ staffId }, 'StaffSteppedUp');
    return { steppedUpUntil: (await this.markSteppedUp(session)).toString() };
  }

  /** The TOTP time step the code belongs to, or null when it is wrong or not newer than `after`. */
  private async checkCode(secret: string, code: string, after: number | null): Promise<number | null> {
    const epoch = Math.floor(this.deps.clock.now().epochMilliseconds / 1000);
    const result = await verify({
      secret,
      token: code,
      epoch,
      period: TOTP_PERIOD_SECONDS,
      epochTolerance: TOTP_TOLERANCE_SECONDS,
      ...(after === null ? {} : { afterTimeStep: after }),
    });
    return result.valid ? Math.floor(epoch / TOTP_PERIOD_SECONDS) + result.delta : null;
  }

  private async markSteppedUp(session: StaffSession): Promise<Temporal.Instant> {
    const until = this.deps.clock.now().add(this.deps.stepUpLasts);
    await this.deps.staff.setSteppedUpUntil(session.tokenHash, until);
    return until;
  }

  /**
   * Wrong codes count towards the same lockout as wrong passwords: someone who has
   * a DSL's session but not their phone gets five tries, then every session ends.
   */
  private async refuse(session: StaffSession, message: string): Promise<never> {
    const record = await this.deps.staff.findById(session.staff.staffId);
    if (record) {
      const now = this.deps.clock.now();
      const next = afterFailure({ failures: record.failedLogins, lockedUntil: record.lockedUntil }, STAFF_LOGIN_LOCKOUT, now);
      await this.deps.staff.saveLoginState(record.id, next.failures, next.lockedUntil);
      if (isLocked(next, now)) {
        this.deps.log.warn({ staffId: record.id }, 'SecondFactorLocked');
        await this.deps.staffAuth.endAllSessions(record.id);
        throw AppError.unauthenticated('Too many wrong codes. You have been signed out; try again in 15 minutes.');
      }
    }
    throw AppError.badRequest(message, { field: 'code' });
  }
}
