/*
 * Times in the staff area. Like the iPad screens they use the school's zone,
 * never the browser's; the staff API does not say which zone the school is
 * in yet, so this is the domain's default (the server's session list uses
 * the same zone for its date range).
 */
export const STAFF_TIME_ZONE = 'Europe/London';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: STAFF_TIME_ZONE });
    formatters.set(key, formatter);
  }
  return formatter;
}

function format(iso: string, options: Intl.DateTimeFormatOptions): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatterFor(options).format(date);
}

/** "08:40" */
export function formatTime(iso: string): string {
  return format(iso, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** "08:40:12": a log needs the order of things that happen in the same minute. */
export function formatTimeWithSeconds(iso: string): string {
  return format(iso, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
}

/** "Mon 23 Nov 2026" (assembled from parts: browsers disagree on the comma after the weekday) */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = formatterFor({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}

/** "Mon 23 Nov 2026, 08:40" */
export function formatDateTime(iso: string): string {
  return `${formatDate(iso)}, ${formatTime(iso)}`;
}

/** Today's date at the school, "2026-11-23". */
export function schoolDate(now: Date): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: STAFF_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Calendar arithmetic on "YYYY-MM-DD"; done in UTC so no clock change can shift the day. */
export function addDays(date: string, days: number): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  parsed.setUTCDate(parsed.getUTCDate() + days);
  return parsed.toISOString().slice(0, 10);
}

export interface DateRange {
  from: string;
  to: string;
}

/** The last week and the next: what a safeguarding lead usually needs to look at. */
export function defaultSessionRange(now: Date): DateRange {
  const today = schoolDate(now);
  return { from: addDays(today, -7), to: addDays(today, 7) };
}
