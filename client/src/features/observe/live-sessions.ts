import type { StaffSessionSummary } from '../safeguarding/session-log-api';
import type { LiveSession } from './live-sessions-api';

/** A live session with the timetable's names and times, when the sessions list has it. */
export interface LiveSessionRow extends LiveSession {
  session: StaffSessionSummary | null;
}

/**
 * The live list only has ids and head counts; the sessions list has who and
 * when. Joined here, earliest start first, sessions not (yet) in the list last.
 */
export function joinLiveSessions(live: readonly LiveSession[], sessions: readonly StaffSessionSummary[]): LiveSessionRow[] {
  const byId = new Map(sessions.map((s) => [s.id, s]));
  return live
    .map((entry) => ({ ...entry, session: byId.get(entry.sessionId) ?? null }))
    .sort((a, b) => startOf(a) - startOf(b));
}

function startOf(row: LiveSessionRow): number {
  return row.session ? Date.parse(row.session.startsAt) : Number.POSITIVE_INFINITY;
}

/** Live sessions the sessions list doesn't know yet: the list is worth reloading. */
export function unknownSessionIds(live: readonly LiveSession[], sessions: readonly StaffSessionSummary[]): string[] {
  const known = new Set(sessions.map((s) => s.id));
  return live.map((l) => l.sessionId).filter((id) => !known.has(id));
}

/** "Both students are in the call · 1 member of staff watching" */
export function describeLiveCounts(row: Pick<LiveSession, 'students' | 'observers'>): string {
  const students = row.students >= 2 ? 'Both students are in the call' : 'One student is in the call';
  const watching =
    row.observers === 0
      ? 'nobody watching'
      : `${row.observers} ${row.observers === 1 ? 'member' : 'members'} of staff watching`;
  return `${students} · ${watching}`;
}
