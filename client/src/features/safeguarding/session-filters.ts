import type { DateRange } from '../../lib/school-time';
import type { SessionStudent, StaffSessionSummary } from './session-log-api';

/** "Chloé" matches "chloe": staff type names the way they hear them. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase('en-GB');
}

function namesOf(student: SessionStudent): string {
  return [student.firstName, student.lastName ?? ''].join(' ');
}

/** Every word typed must appear in the mentor's or the mentee's name ("priya sh" finds Priya Shah). */
export function matchesStudentName(session: StaffSessionSummary, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  return [session.mentor, session.mentee].some((student) => {
    const names = fold(namesOf(student));
    return words.every((word) => names.includes(word));
  });
}

export interface SessionListFilter {
  /** Only sessions with a concern, or chat on the safeguarding list. */
  flaggedOnly?: boolean;
  /** Cancelled sessions are noise in a DSL's day: hidden unless asked for. */
  showCancelled?: boolean;
}

/** Newest first: a safeguarding lead usually arrives about something that just happened. */
export function filterSessions(
  sessions: readonly StaffSessionSummary[],
  query: string,
  { flaggedOnly = false, showCancelled = false }: SessionListFilter = {},
): StaffSessionSummary[] {
  return sessions
    .filter((session) => matchesStudentName(session, query))
    .filter((session) => !flaggedOnly || session.flagged)
    .filter((session) => showCancelled || session.status !== 'cancelled')
    .sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt));
}

/** How many sessions of the dates are hidden only because they were cancelled. */
export function hiddenCancelled(sessions: readonly StaffSessionSummary[], query: string, filter: SessionListFilter): number {
  if (filter.showCancelled) return 0;
  return filterSessions(sessions, query, { ...filter, showCancelled: true }).filter((s) => s.status === 'cancelled').length;
}

/** The name alone, for the list beside an open log (whose header gives years and schools). */
export function studentName(student: SessionStudent): string {
  return student.lastName ? `${student.firstName} ${student.lastName}` : student.firstName;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Why a range can't be asked for, in words, or null when it can. */
export function rangeProblem(range: DateRange): string | null {
  if (!ISO_DATE.test(range.from) || !ISO_DATE.test(range.to)) return 'Choose both dates.';
  if (range.from > range.to) return 'The “from” date is after the “to” date.';
  return null;
}

/** "Sam Smith (Year 12, Oakfield Academy)"; a partner school's student has no surname here, by design. */
export function describeStudent(student: SessionStudent): string {
  const name = student.lastName ? `${student.firstName} ${student.lastName}` : student.firstName;
  return `${name} (Year ${student.yearGroup}, ${student.schoolName})`;
}
