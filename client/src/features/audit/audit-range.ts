import { STAFF_TIME_ZONE, addDays } from '../staff/staff-format';

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

/** From the start of the first day to the last millisecond of the last: both dates are included. */
export function auditRange(from: string, to: string, timeZone = STAFF_TIME_ZONE): { from: string; to: string } {
  const end = Date.parse(startOfSchoolDay(addDays(to, 1), timeZone)) - 1;
  return { from: startOfSchoolDay(from, timeZone), to: new Date(end).toISOString() };
}
