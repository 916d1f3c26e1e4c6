import { Temporal } from 'temporal-polyfill';
import type { DeviceStatus } from '@peerbridge/shared';

/** A device token's use is written down at most this often: every request would be a write otherwise. */
export const LAST_USED_RESOLUTION = Temporal.Duration.from({ minutes: 1 });

/**
 * Waiting for set-up until a code is typed on it, enrolled (and in the school's
 * pool) from then, removed for good once revoked.
 */
export function deviceStatus(device: { redeemedAt: Temporal.Instant | null; revokedAt: Temporal.Instant | null }): DeviceStatus {
  if (device.revokedAt) return 'removed';
  return device.redeemedAt ? 'enrolled' : 'waiting';
}

/** Whether a use of the device at `now` should be recorded, given the last one recorded. */
export function shouldRecordUse(lastUsedAt: Temporal.Instant | null, now: Temporal.Instant): boolean {
  if (!lastUsedAt) return true;
  return Temporal.Instant.compare(now, lastUsedAt.add(LAST_USED_RESOLUTION)) >= 0;
}
