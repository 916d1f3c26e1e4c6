import {
  afterFailure,
  DEVICE_PIN_LOCKOUT,
  isLocked,
  STUDENT_PIN_LOCKOUT,
  type LockoutState,
} from '../../domain/access/login-lockout.js';
import { joinOpensAt } from '../../domain/sessions/join-rules.js';
import type { Clock } from '../../domain/time/clock.js';
import { localClockTime } from '../../domain/time/school-day.js';
import type { Admission } from '../admission/admission.js';
import type { JoinTokens } from '../admission/join-tokens.js';
import type { DeviceIdentity } from '../devices/device-tokens.js';
import { AppError } from '../../errors.js';
import type { StudentRepository } from '../../infra/db/student-repository.js';
import { verifySecret } from '../staff/passwords.js';

/**
 * On a shared school iPad a student picks their name from the sessions
 * happening now and confirms with their 4-digit PIN. Guessing is limited per
 * iPad first and per student as a backstop (see login-lockout.ts); the result is
 * a join token for that one session.
 */
export class StudentSignIn {
  constructor(
    private readonly deps: {
      admission: Pick<Admission, 'session' | 'decide' | 'refusal'>;
      students: Pick<StudentRepository, 'pinState' | 'deviceGuessState' | 'savePinState' | 'saveDeviceGuessState'>;
      joinTokens: Pick<JoinTokens, 'issue'>;
      clock: Clock;
    },
  ) {}

  async signIn(device: DeviceIdentity, input: { sessionId: string; studentId: string; pin: string }) {
    const now = this.deps.clock.now();
    const session = await this.deps.admission.session(input.sessionId);
    const decision = this.deps.admission.decide(session, input.studentId, device.school.id, now);
    if (!decision.allowed && decision.reason !== 'consent_missing') {
      throw await this.deps.admission.refusal(session, decision, device.school.timeZone);
    }

    await this.checkPin(device, input.studentId, input.pin, now);

    // Consent is checked after the PIN so that only the real student hears about it, and the coordinator is told.
    if (!decision.allowed) throw await this.deps.admission.refusal(session, decision, device.school.timeZone);
    const joinToken = await this.deps.joinTokens.issue(
      { studentId: input.studentId, sessionId: session.id, deviceId: device.deviceId },
      { opensAt: joinOpensAt(session.startsAt), endsAt: session.endsAt },
    );
    return { joinToken, expiresAt: session.endsAt.toString() };
  }

  /**
   * The PIN check on its own, with the same guards against guessing (per iPad, per student): for what a
   * student opens on the iPad outside a session (their exit questionnaire).
   */
  async checkPin(device: DeviceIdentity, studentId: string, pin: string, now = this.deps.clock.now()): Promise<void> {
    const [student, deviceState] = await Promise.all([
      this.deps.students.pinState(studentId),
      this.deps.students.deviceGuessState(device.deviceId),
    ]);
    if (student?.archived) {
      throw new AppError('forbidden', 'This Peerbridge account has been closed. Ask your coordinator if you think that is wrong.');
    }
    if (!student?.pinHash) {
      throw new AppError('forbidden', "You don't have a Peerbridge PIN yet. Ask your coordinator to set one.");
    }
    if (isLocked(deviceState, now)) throw tooManyGuesses(deviceState, device.school.timeZone, 'ipad');
    if (isLocked(student, now)) throw tooManyGuesses(student, device.school.timeZone, 'student');
    if (!(await verifySecret(student.pinHash, pin))) {
      const studentNext = afterFailure(student, STUDENT_PIN_LOCKOUT, now);
      const deviceNext = afterFailure(deviceState, DEVICE_PIN_LOCKOUT, now);
      await Promise.all([
        this.deps.students.savePinState(studentId, studentNext),
        this.deps.students.saveDeviceGuessState(device.deviceId, deviceNext),
      ]);
      if (isLocked(deviceNext, now)) throw tooManyGuesses(deviceNext, device.school.timeZone, 'ipad');
      if (isLocked(studentNext, now)) throw tooManyGuesses(studentNext, device.school.timeZone, 'student');
      // What this iPad has left (the child's own backstop is higher, so it is the iPad's count that shows).
      const left = Math.min(DEVICE_PIN_LOCKOUT.maxFailures - deviceNext.failures, STUDENT_PIN_LOCKOUT.maxFailures - studentNext.failures);
      throw AppError.unauthenticated(`That PIN isn't right. You have ${left} ${left === 1 ? 'try' : 'tries'} left.`);
    }
    const cleared = { failures: 0, lockedUntil: null };
    if (student.failures > 0) await this.deps.students.savePinState(studentId, cleared);
    if (deviceState.failures > 0) await this.deps.students.saveDeviceGuessState(device.deviceId, cleared);
  }
}

/** `ipad`: this iPad waits (the child may use another); `student`: that child's own backstop. */
function tooManyGuesses(state: LockoutState, timeZone: string, which: 'ipad' | 'student'): AppError {
  return new AppError(
    'rate_limited',
    `Too many wrong PINs${which === 'ipad' ? ' on this iPad' : ''}. Try again at ${localClockTime(state.lockedUntil!, timeZone)}, or ask a teacher for help.`,
    { lockedUntil: state.lockedUntil!.toString() },
  );
}
