import { Temporal } from 'temporal-polyfill';
import type { SessionStatus, StudentRole } from '@peerbridge/shared';

/** Students may come into the call a little early so they are settled when it starts. */
export const JOIN_OPENS_BEFORE_START = Temporal.Duration.from({ minutes: 5 });

export interface SessionParticipant {
  id: string;
  schoolId: string;
  role: StudentRole;
  /** Parental consent (mentee) or completed training (mentor) is on record. */
  eligible: boolean;
}

export interface SessionForJoin {
  id: string;
  cancelled: boolean;
  startsAt: Temporal.Instant;
  endsAt: Temporal.Instant;
  mentor: SessionParticipant;
  mentee: SessionParticipant;
  /** A DSL or supervisor ended it early (its log says so): nobody joins it again. */
  endedByStaff?: boolean;
}

export type JoinRefusal =
  | { reason: 'cancelled' }
  | { reason: 'not_open_yet'; opensAt: Temporal.Instant }
  | { reason: 'over'; endedAt: Temporal.Instant }
  | { reason: 'not_participant' }
  | { reason: 'ended_by_staff' }
  | { reason: 'consent_missing'; missing: MissingConsent[] };

export interface MissingConsent {
  studentId: string;
  schoolId: string;
  what: 'parental_consent' | 'mentor_training';
}

/** A session may only happen when both children are cleared to take part. */
export function missingConsents(session: Pick<SessionForJoin, 'mentor' | 'mentee'>): MissingConsent[] {
  const missing: MissingConsent[] = [];
  if (!session.mentee.eligible) {
    missing.push({ studentId: session.mentee.id, schoolId: session.mentee.schoolId, what: 'parental_consent' });
  }
  if (!session.mentor.eligible) {
    missing.push({ studentId: session.mentor.id, schoolId: session.mentor.schoolId, what: 'mentor_training' });
  }
  return missing;
}

export type JoinDecision =
  | { allowed: true; participant: SessionParticipant; partner: SessionParticipant }
  | ({ allowed: false } & JoinRefusal);

export function joinOpensAt(startsAt: Temporal.Instant): Temporal.Instant {
  return startsAt.subtract(JOIN_OPENS_BEFORE_START);
}

export function sessionStatus(
  session: Pick<SessionForJoin, 'cancelled' | 'startsAt' | 'endsAt'>,
  now: Temporal.Instant,
): SessionStatus {
  if (session.cancelled) return 'cancelled';
  if (Temporal.Instant.compare(now, session.endsAt) >= 0) return 'ended';
  if (Temporal.Instant.compare(now, joinOpensAt(session.startsAt)) >= 0) return 'open';
  return 'upcoming';
}

const JOIN_OPENS_BEFORE_START_MS = JOIN_OPENS_BEFORE_START.total({ unit: 'milliseconds' });

/** `joinOpensAt` on epoch milliseconds, for lists that format many sessions' instants without building them. */
export function joinOpensAtMs(startsAtMs: number): number {
  return startsAtMs - JOIN_OPENS_BEFORE_START_MS;
}

/** `sessionStatus` on epoch milliseconds (whole milliseconds, as the database stores them), same rules. */
export function sessionStatusMs(session: { cancelled: boolean; startsAtMs: number; endsAtMs: number }, nowMs: number): SessionStatus {
  if (session.cancelled) return 'cancelled';
  if (nowMs >= session.endsAtMs) return 'ended';
  if (nowMs >= joinOpensAtMs(session.startsAtMs)) return 'open';
  return 'upcoming';
}

/**
 * The first instant after `nowMs` at which `sessionStatusMs` answers differently for one of the sessions
 * (its join opens, or it ends): a list of statuses worked out at `nowMs` holds until then. Infinity if never.
 */
export function nextStatusChangeMs(sessions: readonly { cancelled: boolean; startsAtMs: number; endsAtMs: number }[], nowMs: number): number {
  let next = Infinity;
  for (const session of sessions) {
    if (session.cancelled) continue;
    for (const at of [joinOpensAtMs(session.startsAtMs), session.endsAtMs]) if (at > nowMs && at < next) next = at;
  }
  return next;
}

/**
 * Who may join, and when: only one of the session's two students, from a
 * device of that student's own school, from five minutes before the start
 * until the end (the end itself is outside the window), and only when both
 * students' consent or training is on record.
 */
export function decideJoin(input: {
  session: SessionForJoin;
  studentId: string;
  deviceSchoolId: string;
  now: Temporal.Instant;
}): JoinDecision {
  const { session, studentId, deviceSchoolId, now } = input;
  const participant = [session.mentor, session.mentee].find(
    (p) => p.id === studentId && p.schoolId === deviceSchoolId,
  );
  if (!participant) return { allowed: false, reason: 'not_participant' };
  const partner = participant === session.mentor ? session.mentee : session.mentor;
  switch (sessionStatus(session, now)) {
    case 'cancelled':
      return { allowed: false, reason: 'cancelled' };
    case 'upcoming':
      return { allowed: false, reason: 'not_open_yet', opensAt: joinOpensAt(session.startsAt) };
    case 'ended':
      return { allowed: false, reason: 'over', endedAt: session.endsAt };
    case 'open': {
      if (session.endedByStaff) return { allowed: false, reason: 'ended_by_staff' };
      const missing = missingConsents(session);
      if (missing.length > 0) return { allowed: false, reason: 'consent_missing', missing };
      return { allowed: true, participant, partner };
    }
  }
}
