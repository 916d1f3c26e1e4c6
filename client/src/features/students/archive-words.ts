import type { SchoolStudent } from './students-api';

/** "Archived on Tue 1 Dec 2026" for the archived list; the date in the school's own zone. */
export function archivedWords(student: Pick<SchoolStudent, 'archivedAt'>, date: (iso: string) => string): string {
  return student.archivedAt ? `Archived on ${date(student.archivedAt)}` : 'Current';
}

/** What the confirmation says will happen, before anything does. */
export function archiveWarning(name: string): string {
  return `${name}'s pairings end and their sessions still to come are cancelled (both schools' coordinators are told). They can no longer sign in. Their records, sessions and concerns are kept.`;
}
