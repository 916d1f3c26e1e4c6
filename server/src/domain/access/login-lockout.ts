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
/**
 * Wrong PINs are counted first against the iPad they were typed on (DEVICE_PIN_LOCKOUT): that is
 * what bounds guessing from one iPad. A child's own count is a backstop against guessing one child
 * from several iPads, and sits above the iPad's, so one iPad's run of wrong PINs (someone tapping
 * another child's card, or guessing at it) locks that iPad for a while, never the other child.
 */
export const STUDENT_PIN_LOCKOUT: LockoutPolicy = { maxFailures: 15, lockFor: Temporal.Duration.from({ minutes: 10 }) };
/**
 * One child forgetting their PIN must not lock out everyone else at a shared iPad for long, but
 * someone cycling through names, or guessing one name, is stopped there.
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
