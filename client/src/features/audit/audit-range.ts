import { addDays, type SchoolTime } from '../../lib/school-time';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * From the start of the first school day to the last millisecond of the last:
 * both dates are included. Either may be left empty (no limit on that side).
 */
export function auditRange(from: string, to: string, time: SchoolTime): { from: string | null; to: string | null } {
  return {
    from: ISO_DATE.test(from) ? time.startOfDay(from) : null,
    to: ISO_DATE.test(to) ? new Date(Date.parse(time.startOfDay(addDays(to, 1))) - 1).toISOString() : null,
  };
}

/** Why the dates cannot be searched, if they cannot. */
export function auditRangeProblem(from: string, to: string): string | null {
  if ((from && !ISO_DATE.test(from)) || (to && !ISO_DATE.test(to))) return 'Choose a whole date, or leave it empty.';
  if (from && to && from > to) return 'The “from” date is after the “to” date.';
  return null;
}
