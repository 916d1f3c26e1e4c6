import { STAFF_TIME_ZONE, addDays } from '../../lib/staff/staff-format';

/** Minutes east of UTC in the school's zone at an instant, from the browser's own zone data. */
function offsetMinutes(epochMs: number, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(epochMs))
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0; // "GMT" alone: no offset
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** The instant a school day ("2026-11-23") starts, in the school's zone (clocks change at 01:00 or later, never at midnight). */
export function startOfSchoolDay(date: string, timeZone = STAFF_TIME_ZONE): string {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  return new Date(utcMidnight - offsetMinutes(utcMidnight, timeZone) * 60_000).toISOString();
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * From the start of the first day to the last millisecond of the last: both
 * dates are included. Either may be left empty (no limit on that side).
 */
export function auditRange(from: string, to: string, timeZone = STAFF_TIME_ZONE): { from: string | null; to: string | null } {
  return {
    from: ISO_DATE.test(from) ? startOfSchoolDay(from, timeZone) : null,
    to: ISO_DATE.test(to) ? new Date(Date.parse(startOfSchoolDay(addDays(to, 1), timeZone)) - 1).toISOString() : null,
  };
}

/** Why the dates cannot be searched, if they cannot. */
export function auditRangeProblem(from: string, to: string): string | null {
  if ((from && !ISO_DATE.test(from)) || (to && !ISO_DATE.test(to))) return 'Choose a whole date, or leave it empty.';
  if (from && to && from > to) return 'The “from” date is after the “to” date.';
  return null;
}
