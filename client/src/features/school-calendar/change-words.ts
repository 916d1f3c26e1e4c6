import type { CancelledSession, ClosureRemovedResponse } from './school-calendar-api';

/* What a calendar change does to booked sessions, in the words the confirmation and the result say it. */

/** "Tue 9 Mar": the session's own date, which has no zone of its own. */
export function shortDate(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Tue 9 Mar, Amy and Ben": a session by its date and its pair, first names only. */
export function sessionWords(session: Pick<CancelledSession, 'date' | 'mentor' | 'mentee'>): string {
  return `${shortDate(session.date)}, ${session.mentor.firstName} and ${session.mentee.firstName}`;
}

/** Sessions in date order, listing `listed` of them and counting the rest. */
function listed(sessions: readonly Pick<CancelledSession, 'date' | 'mentor' | 'mentee'>[], max: number): string {
  const sorted = [...sessions].sort((a, b) => a.date.localeCompare(b.date));
  const shown = sorted.slice(0, max).map(sessionWords).join('; ');
  const more = sorted.length - max;
  return more > 0 ? `${shown}; and ${more} more` : shown;
}

/** "This cancels 3 sessions: Tue 9 Mar, Amy and Ben; …." or that it cancels none. */
export function cancelSummary(cancelled: readonly CancelledSession[], max = 5): string {
  if (cancelled.length === 0) return 'This cancels no booked sessions.';
  return `This cancels ${plural(cancelled.length, 'session', 'sessions')}: ${listed(cancelled, max)}.`;
}

/** The same, said after the change was saved. */
export function cancelledSummary(cancelled: readonly CancelledSession[], max = 5): string {
  if (cancelled.length === 0) return 'No booked sessions were cancelled.';
  return `${plural(cancelled.length, 'session was', 'sessions were')} cancelled: ${listed(cancelled, max)}.`;
}

/** Beside a closure in the list: what it cancelled when it was added. */
export function closureCancelledWords(cancelled: readonly CancelledSession[], max = 5): string {
  if (cancelled.length === 0) return 'It cancelled no sessions.';
  return `It cancelled ${plural(cancelled.length, 'session', 'sessions')}: ${listed(cancelled, max)}.`;
}

/** How many cancelled sessions have a proposed replacement to accept in the Timetable's changes. */
export function replacementWords(cancelled: readonly CancelledSession[]): string | null {
  if (cancelled.length === 0) return null;
  const proposed = cancelled.filter((c) => c.proposal !== null).length;
  if (proposed === 0) return 'No replacement time fits in the same week for any of them.';
  return `${plural(proposed, 'replacement is', 'replacements are')} proposed under Timetable, Changes to sessions.`;
}

/** What undoing a closure will do (or did): which sessions come back, which stay cancelled and why. */
export function undoSummary(result: Pick<ClosureRemovedResponse, 'restored' | 'stillCancelled'>, done: boolean, max = 5): string {
  const parts: string[] = [];
  if (result.restored.length > 0) {
    parts.push(`${done ? 'Booked again' : 'This books again'} ${plural(result.restored.length, 'session', 'sessions')}: ${listed(result.restored, max)}.`);
  }
  for (const session of result.stillCancelled.slice(0, max)) {
    parts.push(`${sessionWords(session)} ${done ? 'stays' : 'will stay'} cancelled: ${session.notRestoredBecause}.`);
  }
  if (result.stillCancelled.length > max) parts.push(`${result.stillCancelled.length - max} more stay cancelled.`);
  if (parts.length === 0) return done ? 'The closure is removed; it had cancelled no sessions.' : 'This closure cancelled no sessions; removing it changes none.';
  return parts.join(' ');
}
