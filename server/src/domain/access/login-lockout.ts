import { Temporal } from 'temporal-polyfill';

/*
 * Guessing protection for staff passwords and student PINs: after a run of
 * failures the account (or device) is locked for a while. Pure: the caller
 * stores the counters and passes the clock.
 */

export interface LockoutPolicy {
  maxFailures: number;
  lockFor: Temporal.Duration;
}

export const STAFF_LOGIN_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockFor: Temporal.Duration.from({ minutes: 15 }) };
export const STUDENT_PIN_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockFor: Temporal.Duration.from({ minutes: 10 }) };
/**
 * A shared iPad locks later than one student does: one child forgetting their
 * PIN must not lock out everyone else at that device, but someone cycling
 * through names is stopped.
 */
export const DEVICE_PIN_LOCKOUT: LockoutPolicy = { maxFailures: 10, lockFor: Temporal.Duration.from({ minutes: 10 }) };

export interface LockoutState {
  failures: number;
  lockedUntil: Temporal.Instant | null;
}

export function isLocked(state: LockoutState, now: Temporal.Instant): boolean {
  return state.lockedUntil !== null && Temporal.Instant.compare(now, state.lockedUntil) < 0;
}

/** The state after one more failure: the failure that reaches the limit starts the lock and resets the count. */
export function afterFailure(state: LockoutState, policy: LockoutPolicy, now: Temporal.Instant): LockoutState {
  const failures = state.failures + 1;
  if (failures >= policy.maxFailures) return { failures: 0, lockedUntil: now.add(policy.lockFor) };
  return { failures, lockedUntil: state.lockedUntil };
}
