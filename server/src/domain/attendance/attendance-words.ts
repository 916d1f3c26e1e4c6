import type { Temporal } from 'temporal-polyfill';
import { formatSchoolDate } from '../scheduling/format.js';

/*
 * The repeated-absence notice in a coordinator's words: their own student by first name, the partner
 * by first name and school only, and the dates missed in the student's own school's time.
 */

export interface AbsenceNoticeFacts {
  student: { firstName: string };
  partner: { firstName: string; schoolName: string };
  /** The starts of the sessions missed in a row, oldest first. */
  missed: readonly Temporal.Instant[];
  timeZone: string;
}

function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function repeatedAbsenceMessage(facts: AbsenceNoticeFacts): string {
  const dates = facts.missed.map((at) => formatSchoolDate(at.toZonedDateTimeISO(facts.timeZone).toPlainDate()));
  const { student, partner } = facts;
  return (
    `${student.firstName} has missed ${facts.missed.length} mentoring sessions in a row with ${partner.firstName} (${partner.schoolName}): ` +
    `${listed(dates)}. Please check in with ${student.firstName} about coming to the next one.`
  );
}

type Side = 'mentor' | 'mentee';

/** What a stored record was computed from, as `computeAttendance` wrote it (read back from storage). */
export interface RecordFacts {
  outcome: string;
  mentor: string;
  mentee: string;
  detail: Record<string, unknown>;
}

const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function sideWords(name: string, side: string, detail: Record<string, unknown>): string | null {
  switch (side) {
    case 'absent':
      return `${name} did not come`;
    case 'late':
      return `${name} joined ${plural(num(detail.minutesLate), 'minute')} late`;
    case 'left_early':
      return `${name} left ${plural(num(detail.minutesEarly), 'minute')} early`;
    case 'late_and_left_early':
      return `${name} joined ${plural(num(detail.minutesLate), 'minute')} late and left ${plural(num(detail.minutesEarly), 'minute')} early`;
    case 'technical_failure':
      return detail.failure === 'dropped'
        ? `${name}'s connection dropped and they did not come back`
        : `${name} joined, but their camera and microphone never reached the call`;
    default:
      return null;
  }
}

const notHeldWords: Record<string, string> = { cancelled: 'cancelled', closure: 'a school closure' };

/** One line a coordinator reads beside a record: "Mo joined 12 minutes late; Ed did not come". */
export function recordNote(record: RecordFacts, names: Record<Side, string>): string {
  const notHeld = record.detail.notHeld as { because?: string; reason?: string } | undefined;
  if (record.outcome === 'not_held') {
    const why = notHeldWords[notHeld?.because ?? ''] ?? 'not held';
    return `Not held: ${why}${notHeld?.reason ? ` (${notHeld.reason})` : ''}`;
  }
  const parts = (['mentor', 'mentee'] as const)
    .map((side) => sideWords(names[side], record[side], (record.detail[side] as Record<string, unknown> | undefined) ?? {}))
    .filter((p): p is string => p !== null);
  if (record.detail.endedByStaffAt) parts.push('ended early by a member of staff');
  if (parts.length === 0) return 'Both came on time and stayed to the end';
  const line = parts.join('; ');
  return line.charAt(0).toUpperCase() + line.slice(1);
}
