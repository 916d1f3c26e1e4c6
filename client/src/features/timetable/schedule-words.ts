import type { PeerbridgeError } from '../../lib/peerbridge-error';
import { formatCalendarDate, type SchoolTime } from '../../lib/school-time';
import type { ScheduleChange } from './timetable-api';
import { WEEKDAY_NAMES } from './school-week';

/**
 * Every reason a series was refused. The server sends one per conflict in
 * `details.conflicts` (a student booked, the iPads gone, a caseload full);
 * showing only the first would send the coordinator round the loop again.
 */
export function conflictMessages(error: PeerbridgeError): string[] {
  const conflicts = error.details?.conflicts;
  if (Array.isArray(conflicts)) {
    const messages = conflicts
      .map((c: unknown) => (c && typeof c === 'object' && 'message' in c ? String((c as { message: unknown }).message) : null))
      .filter((m): m is string => Boolean(m));
    if (messages.length > 0) return messages;
  }
  return [error.message];
}

/** What the words read of a change: what happened, to which session, and what was recorded with it. */
type ChangeFacts = Pick<ScheduleChange, 'kind' | 'occurrenceId' | 'detail'>;

type Child = { firstName: string; school: string };

/** "Tom (Northgate Academy) and Aisha (Riverside High School)": partner-school children by first name and school. */
export function pairNames(mentor: Child, mentee: Child): string {
  return `${mentor.firstName} (${mentor.school}) and ${mentee.firstName} (${mentee.school})`;
}

/**
 * Who a change is about, which session (its own date, not when the change was made) and who
 * made it, as one line: "Tom (Northgate Academy) and Aisha (Riverside High School) · session
 * Tue 14 Sep 2027, 09:00 · by Ms Dana Hill". Parts the log does not know are left out.
 */
export function changeContext(change: Pick<ScheduleChange, 'kind' | 'mentor' | 'mentee' | 'sessionStart' | 'byName'>, time: SchoolTime): string {
  const session = change.sessionStart
    ? `${change.kind === 'series_created' ? 'first session' : change.kind === 'series_ended' || change.kind === 'pairing_ended' ? 'from the session' : 'session'} ${time.dateTime(change.sessionStart)}`
    : null;
  return [change.mentor && change.mentee ? pairNames(change.mentor, change.mentee) : null, session, change.byName ? `by ${change.byName}` : null]
    .filter(Boolean)
    .join(' · ');
}

export interface ChangeWords {
  title: string;
  tone: 'cancelled' | 'created' | 'other';
  lines: string[];
}

function sessionsCancelled(value: unknown): string | null {
  if (typeof value !== 'number') return null;
  return `${value} ${value === 1 ? 'session' : 'sessions'} cancelled`;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

function replacementWords(proposal: unknown, time: SchoolTime): string {
  if (proposal && typeof proposal === 'object') {
    const { start, end, none } = proposal as { start?: unknown; end?: unknown; none?: unknown };
    const from = text(start);
    if (from) {
      const to = text(end);
      return `Proposed replacement: ${time.dateTime(from)}${to ? `–${time.time(to)}` : ''}`;
    }
    const why = text(none);
    if (why !== null || 'none' in proposal) return `No replacement in the same week${why ? `: ${why}` : '.'}`;
  }
  return 'No replacement proposed.';
}

/** A schedule change in the words both coordinators read (times on the reader's school clock): what happened, why, and what now. */
export function describeChange(change: ChangeFacts, time: SchoolTime): ChangeWords {
  const detail = change.detail ?? {};
  switch (change.kind) {
    case 'occurrence_cancelled':
      return {
        title: 'Session cancelled',
        tone: 'cancelled',
        lines: [text(detail.reason) ?? 'No reason given.', replacementWords(detail.proposedReplacement, time)],
      };
    case 'replacement_booked': {
      const start = text(detail.start);
      const end = text(detail.end);
      return {
        title: 'Replacement session booked',
        tone: 'created',
        lines: [start ? `For ${time.dateTime(start)}${end ? `–${time.time(end)}` : ''}, instead of the cancelled one.` : 'Booked instead of the cancelled one.'],
      };
    }
    case 'occurrence_restored':
      return {
        title: 'Session back on',
        tone: 'created',
        lines: [text(detail.when) ? `${text(detail.when)}: the closure that cancelled it was undone.` : 'The closure that cancelled it was undone.'],
      };
    case 'series_created': {
      const weekday = typeof detail.weekday === 'number' ? WEEKDAY_NAMES[detail.weekday] : undefined;
      const start = text(detail.localStart);
      const sessions = typeof detail.sessions === 'number' ? detail.sessions : null;
      const when = weekday ? `${weekday}s${start ? ` at ${start}` : ''}` : null;
      const count = sessions === null ? null : `${sessions} ${sessions === 1 ? 'session' : 'sessions'}`;
      return {
        title: 'Weekly sessions booked',
        tone: 'created',
        lines: [[when, count].filter(Boolean).join(', ') || 'A weekly series was created.'],
      };
    }
    case 'occurrence_moved': {
      const from = text(detail.from);
      const start = text(detail.start);
      const move = from && start ? `From ${time.dateTime(from)} to ${time.dateTime(start)}.` : 'Moved to another time.';
      return { title: 'Session moved', tone: 'created', lines: [move] };
    }
    case 'series_ended': {
      const from = text(detail.from);
      return {
        title: 'Weekly sessions ended',
        tone: 'cancelled',
        lines: [[from ? `From ${formatCalendarDate(from)}` : null, sessionsCancelled(detail.cancelled), text(detail.reason)].filter(Boolean).join(', ') || 'The series was ended.'],
      };
    }
    case 'pairing_ended':
      return {
        title: 'Unpaired',
        tone: 'cancelled',
        lines: [[text(detail.reason), sessionsCancelled(detail.cancelled)].filter(Boolean).join(', ') || 'The pairing was ended.'],
      };
    default:
      return { title: change.kind.replace(/[_-]+/g, ' '), tone: 'other', lines: [] };
  }
}

/** Whether a cancellation came with a proposed replacement that could be booked (the server checks again then). */
export function hasProposedReplacement(change: ChangeFacts): boolean {
  if (change.kind !== 'occurrence_cancelled' || !change.occurrenceId) return false;
  const proposal = change.detail?.proposedReplacement;
  return Boolean(proposal && typeof proposal === 'object' && text((proposal as { start?: unknown }).start));
}

/** Whether that replacement is booked already: the booking is logged against the cancelled session. */
export function isReplacementBooked(change: ChangeFacts, all: readonly ChangeFacts[]): boolean {
  return all.some((other) => other.kind === 'replacement_booked' && other.occurrenceId === change.occurrenceId);
}

/** "First session Tue 1 Dec 2026" for a candidate card. */
export function firstSessionWords(firstSession: string | null, time: SchoolTime): string {
  return firstSession ? `First session ${time.date(firstSession)}` : 'No sessions in the programme';
}

/** "Booked by Ms Dana Hill: Tom (Northgate Academy) and Aisha (Riverside High School), Tuesdays at 09:00 (…), 36 sessions, first session Tue 14 Sept 2027." */
export function seriesBookedWords(
  booked: { mentor: Child; mentee: Child; byName: string; label: string; sessions: number; firstSession: string | null },
  time: SchoolTime,
): string {
  const first = booked.firstSession ? `, first session ${time.date(booked.firstSession)}` : '';
  return `Booked by ${booked.byName}: ${pairNames(booked.mentor, booked.mentee)}, ${booked.label}, ${booked.sessions} ${booked.sessions === 1 ? 'session' : 'sessions'}${first}.`;
}
