import type { SessionStatus, TodaySession } from '@peerbridge/shared';

/*
 * Everything shown about a session is in the school's own time zone, never the
 * browser's: a laptop set to another zone, or an iPad with a wrong clock zone,
 * must still show the times on the school timetable.
 */

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let cached = formatterCache.get(key);
  if (!cached) {
    try {
      cached = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
    } catch {
      // An unknown zone from the server must not blank the screen; the
      // domain's default zone is the best guess for an English school.
      cached = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'Europe/London' });
    }
    formatterCache.set(key, cached);
  }
  return cached;
}

/** "Monday 23 November" */
export function formatSchoolDate(now: Date, timeZone: string): string {
  return formatter(timeZone, { weekday: 'long', day: 'numeric', month: 'long' }).format(now);
}

/** "08:35" (24-hour, as on school timetables) */
export function formatSchoolTime(iso: string, timeZone: string): string {
  return formatter(timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** "08:40–09:10" */
export function formatTimeRange(startsAt: string, endsAt: string, timeZone: string): string {
  return `${formatSchoolTime(startsAt, timeZone)}–${formatSchoolTime(endsAt, timeZone)}`;
}

export function statusLabel(session: Pick<TodaySession, 'status' | 'joinOpensAt'>, timeZone: string): string {
  switch (session.status) {
    case 'open':
      return 'Open now';
    case 'upcoming':
      return `Opens at ${formatSchoolTime(session.joinOpensAt, timeZone)}`;
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
