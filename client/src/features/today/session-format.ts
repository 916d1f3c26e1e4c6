import type { SessionStatus, TodaySession } from '@peerbridge/shared';
import type { SchoolTime } from '../../lib/school-time';

/* What an iPad says about a session, in words; its times come from the school's clock (lib/school-time). */

export function statusLabel(session: Pick<TodaySession, 'status' | 'joinOpensAt'>, time: SchoolTime): string {
  switch (session.status) {
    case 'open':
      return 'Open now';
    case 'upcoming':
      return `Come back at ${time.time(session.joinOpensAt)}`;
    case 'ended':
      return 'Finished';
    case 'cancelled':
      return 'Cancelled';
  }
}

/** "with Sam (Year 12) from Oakfield Academy": first name, year and school only, by design. */
export function partnerLine(partner: TodaySession['partner']): string {
  return `with ${partner.firstName} (Year ${partner.yearGroup}) from ${partner.schoolName}`;
}

/**
 * Only an open session leads on to the PIN: a card for one that is not open yet says when to come
 * back, so a child is never asked for their PIN only to be told it is too early.
 */
export function canOpenSession(status: SessionStatus): boolean {
  return status === 'open';
}

export function sortByStart<T extends Pick<TodaySession, 'startsAt'>>(sessions: readonly T[]): T[] {
  return [...sessions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}
