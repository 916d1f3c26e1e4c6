import { describeLogEntry, type LogEntryFacts, type LogEntryWords } from '@peerbridge/shared';
import type { LogEntry, StaffSessionSummary } from './session-log-api';

/*
 * The plain words themselves live in the shared package (`describeLogEntry`),
 * so the session log, a concern's log excerpt and the server's exports read
 * the same; this file only gathers the names they are given.
 */
export { describeLogEntry };
export type { LogEntryWords as EntryWords };

/** Names the log can put to actor ids: the given students, and observers named on their own entries. */
export function namesInLog(
  entries: readonly Pick<LogEntryFacts, 'type' | 'actor' | 'detail'>[],
  students: ReadonlyArray<{ id: string | null; firstName: string }>,
): Map<string, string> {
  const names = new Map<string, string>();
  for (const student of students) {
    if (student.id) names.set(student.id, student.firstName);
  }
  // An observer's name is on their ObserverJoined entry; their ObserverLeft carries only the id.
  for (const entry of entries) {
    const name = entry.detail.name;
    if ((entry.type === 'ObserverJoined' || entry.type === 'SessionEnded') && entry.actor && typeof name === 'string' && name.trim()) names.set(entry.actor, name);
  }
  return names;
}

/** Names for one session's log: its two students and its observers. */
export function peopleInLog(entries: readonly LogEntry[], session: StaffSessionSummary | null): Map<string, string> {
  return namesInLog(entries, session ? [session.mentor, session.mentee] : []);
}
