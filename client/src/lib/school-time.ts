/*
 * Every time and date a screen shows is in the school's own zone, never the
 * browser's: a laptop set to another zone, or an iPad with a wrong zone, must
 * still show the times on the school timetable. The zone comes from the API
 * (staff: `GET /api/staff/me` → `school.timeZone`; an iPad: its sessions
 * list's `school.timeZone`), so nothing here assumes a country.
 */

/** A zone the browser does not know (or none at all) must not blank the screen; UTC reads the same on every device. */
const FALLBACK_ZONE = 'UTC';

function knownZone(timeZone: string | null | undefined): string {
  if (!timeZone) return FALLBACK_ZONE;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return timeZone;
  } catch {
    return FALLBACK_ZONE;
  }
}

export interface DateRange {
  /** "2026-11-16": school dates, both included. */
  from: string;
  to: string;
}

/** Times at one school. Get one with `schoolTime(zone)`; the formatters are built once per zone. */
export interface SchoolTime {
  /** The zone the times are shown in (the fallback if the school's was unknown). */
  readonly timeZone: string;
  /** "08:40" (24-hour, as on school timetables) */
  time(iso: string): string;
  /** "08:40:12": a log needs the order of things that happen in the same minute. */
  timeWithSeconds(iso: string): string;
  /** "08:40–09:10" */
  timeRange(startsAt: string, endsAt: string): string;
  /** "Mon 23 Nov 2026" */
  date(iso: string): string;
  /** "Mon 23 Nov 2026, 08:40" */
  dateTime(iso: string): string;
  /** "Monday 23 November": the iPad's header. */
  longDate(instant: Date): string;
  /** The school's date at an instant, "2026-11-23". */
  dateAt(instant: Date): string;
  /** The instant a school day ("2026-11-23") starts, as ISO. */
  startOfDay(date: string): string;
}

const schools = new Map<string, SchoolTime>();

export function schoolTime(timeZone: string | null | undefined): SchoolTime {
  const zone = knownZone(timeZone);
  let found = schools.get(zone);
  if (!found) {
    found = buildSchoolTime(zone);
    schools.set(zone, found);
  }
  return found;
}

const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const TIME_WITH_SECONDS: Intl.DateTimeFormatOptions = { ...TIME, second: '2-digit' };
const SHORT_DATE: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };

function buildSchoolTime(timeZone: string): SchoolTime {
  const formatters = new Map<string, Intl.DateTimeFormat>();
  const formatter = (options: Intl.DateTimeFormatOptions, locale = 'en-GB') => {
    const key = `${locale}|${JSON.stringify(options)}`;
    let cached = formatters.get(key);
    if (!cached) {
      cached = new Intl.DateTimeFormat(locale, { ...options, timeZone });
      formatters.set(key, cached);
    }
    return cached;
  };
  // A malformed instant is shown as it came rather than as "Invalid Date".
  const format = (iso: string, render: (date: Date) => string) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : render(date);
  };
  const time = (iso: string) => format(iso, (d) => formatter(TIME).format(d));
  const date = (iso: string) => format(iso, (d) => shortDate(formatter(SHORT_DATE), d));
  const dateAt = (instant: Date) =>
    // en-CA writes dates as YYYY-MM-DD.
    formatter({ year: 'numeric', month: '2-digit', day: '2-digit' }, 'en-CA').format(instant);

  return {
    timeZone,
    time,
    timeWithSeconds: (iso) => format(iso, (d) => formatter(TIME_WITH_SECONDS).format(d)),
    timeRange: (startsAt, endsAt) => `${time(startsAt)}–${time(endsAt)}`,
    date,
    dateTime: (iso) => `${date(iso)}, ${time(iso)}`,
    longDate: (instant) => formatter({ weekday: 'long', day: 'numeric', month: 'long' }).format(instant),
    dateAt,
    startOfDay: (day) => {
      // Clocks change at 01:00 or later, never at midnight, so the offset at midnight UTC is the day's first.
      const utcMidnight = Date.parse(`${day}T00:00:00Z`);
      return new Date(utcMidnight - offsetMinutesAt(timeZone, new Date(utcMidnight)) * 60_000).toISOString();
    },
  };
}

/** Assembled from parts: browsers disagree on the comma after the weekday. */
function shortDate(formatter: Intl.DateTimeFormat, date: Date): string {
  const parts = formatter.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}

/** Minutes a zone is ahead of UTC at an instant, from the browser's own zone data. */
export function offsetMinutesAt(timeZone: string, instant: Date): number {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: knownZone(timeZone), timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name ?? '');
  if (!match) return 0; // "GMT" alone: no offset
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * "Mon 23 Nov 2026" for a calendar date ("2026-11-23"), such as a programme's
 * first day: a date has no zone, so it is the same wherever it is read.
 */
export function formatCalendarDate(day: string): string {
  return schoolTime('UTC').date(`${day}T12:00:00Z`);
}

/** Calendar arithmetic on "YYYY-MM-DD"; done in UTC so no clock change can shift the day. */
export function addDays(date: string, days: number): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  parsed.setUTCDate(parsed.getUTCDate() + days);
  return parsed.toISOString().slice(0, 10);
}

/** The last week and the next: what a safeguarding lead usually needs to look at. */
export function defaultSessionRange(now: Date, time: SchoolTime): DateRange {
  const today = time.dateAt(now);
  return { from: addDays(today, -7), to: addDays(today, 7) };
}
