import type { Temporal } from 'temporal-polyfill';

/*
 * Dates and times as a coordinator reads them ("08:40 on Tue 3 March"). Written out here
 * rather than with Intl so the words do not depend on the server's locale data.
 */

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

export function formatSchoolDate(date: Temporal.PlainDate): string {
  return `${DAYS[date.dayOfWeek - 1]} ${date.day} ${MONTHS[date.month - 1]}`;
}

/** The wall-clock time and date of an instant at a school: "08:40 on Tue 3 March". */
export function formatAtSchool(instant: Temporal.Instant, timeZone: string): string {
  const local = instant.toZonedDateTimeISO(timeZone);
  const time = local.toPlainTime().toString({ smallestUnit: 'minute' });
  return `${time} on ${formatSchoolDate(local.toPlainDate())}`;
}

const SHORT_MONTHS = MONTHS.map((m) => m.slice(0, 3));

/** A session as a coordinator's lists name it: "Tue 9 Mar 2027, 10:20 (Riverside time)". */
export function formatSessionWhen(instant: Temporal.Instant, timeZone: string, schoolName: string): string {
  const local = instant.toZonedDateTimeISO(timeZone);
  const time = local.toPlainTime().toString({ smallestUnit: 'minute' });
  return `${DAYS[local.dayOfWeek - 1]} ${local.day} ${SHORT_MONTHS[local.month - 1]} ${local.year}, ${time} (${schoolName} time)`;
}
