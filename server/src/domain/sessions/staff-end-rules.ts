import type { Temporal } from 'temporal-polyfill';
import { can, type StaffPrincipal } from '../access/policy.js';
import { sessionStatus, type SessionForJoin } from './join-rules.js';

export type StaffEndDecision = { allowed: true } | { allowed: false; reason: 'forbidden' | 'not_open' | 'already_ended' };

/**
 * Who may end a session early for everyone, and when: whoever may observe it (a DSL or supervisor
 * of either of its two schools), only while it is open, and only once. Identity comes first, so
 * someone with no say over the session learns nothing about its state.
 */
export function decideStaffEnd(input: {
  staff: StaffPrincipal;
  session: Pick<SessionForJoin, 'cancelled' | 'startsAt' | 'endsAt' | 'endedByStaff'> & {
    mentor: { schoolId: string };
    mentee: { schoolId: string };
  };
  now: Temporal.Instant;
}): StaffEndDecision {
  const { staff, session, now } = input;
  if (!can(staff, 'sessions:end', [session.mentor.schoolId, session.mentee.schoolId])) return { allowed: false, reason: 'forbidden' };
  if (session.endedByStaff) return { allowed: false, reason: 'already_ended' };
  if (sessionStatus(session, now) !== 'open') return { allowed: false, reason: 'not_open' };
  return { allowed: true };
}
