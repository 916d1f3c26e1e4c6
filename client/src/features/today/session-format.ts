import type { SessionStatus, TodaySession } from '@peerbridge/shared';
import type { SchoolTime } from '../../lib/school-time';

/* What an iPad says about a session, in words; its times come from the school's clock (lib/school-time). */

export function statusLabel(session: Pick<TodaySession, 'status' | 'joinOpensAt'>, time: SchoolTime): string {
  switch (session.status) {
    case 'open':
      return 'Open now';
    case 'upcoming':
      return `Opens at ${time.time(session.joinOpensAt)}`;
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

/** Upcoming sessions open too: the pre-join screen is where you check your camera while you wait. */
export function canOpenSession(status: SessionStatus): boolean {
  return status === 'open' || status === 'upcoming';
}

export function sortByStart<T extends Pick<TodaySession, 'startsAt'>>(sessions: readonly T[]): T[] {
  return [...sessions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}
