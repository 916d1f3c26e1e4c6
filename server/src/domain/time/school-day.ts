import type { Temporal } from 'temporal-polyfill';

/** The local calendar day at a school containing `now`, as a half-open range of instants. */
export function schoolDayAt(now: Temporal.Instant, timeZone: string) {
  const local = now.toZonedDateTimeISO(timeZone);
  const start = local.startOfDay();
  // startOfDay of the next date, not start + 24h: days around a clock change are 23 or 25 hours long.
  const end = local.toPlainDate().add({ days: 1 }).toZonedDateTime({ timeZone });
  return { date: local.toPlainDate(), start: start.toInstant(), end: end.toInstant() };
}

/** "08:35" at the school, for messages a student reads. */
export function localClockTime(instant: Temporal.Instant, timeZone: string): string {
  return instant.toZonedDateTimeISO(timeZone).toPlainTime().toString({ smallestUnit: 'minute' });
}
