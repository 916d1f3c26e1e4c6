import type { Temporal } from 'temporal-polyfill';
import type { StaffSessionStatus } from '@peerbridge/shared';
import { sessionStatus, type SessionForJoin } from './join-rules.js';

/**
 * A session's status as staff read it: one that is over but that no student ever
 * joined did not happen, so it reads "not held", never "finished" (a series booked
 * mid-year, or a day both iPads were away, must not look like sessions that took place).
 */
export function staffSessionStatus(
  session: Pick<SessionForJoin, 'cancelled' | 'startsAt' | 'endsAt'>,
  now: Temporal.Instant,
  anyoneJoined: boolean,
): StaffSessionStatus {
  const status = sessionStatus(session, now);
  return status === 'ended' && !anyoneJoined ? 'not_held' : status;
}
