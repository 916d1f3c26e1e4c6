import { Temporal } from 'temporal-polyfill';
import type { SchoolCalendarBody } from '@peerbridge/shared';
import { academicYearCalendar } from '../demo/demo-calendar.js';

/** The 2026–27 year of a typical English secondary, fixed so tests do not depend on today's date. */
export function typicalCalendar(overrides: Partial<SchoolCalendarBody> = {}): SchoolCalendarBody {
  return { ...academicYearCalendar(2026), ...overrides };
}

/** The fixture year's first date: nothing in it (terms, Week A, programme) starts earlier. */
const FIXTURE_YEAR_START = Temporal.PlainDate.from('2026-09-01');

/**
 * The 2026–27 fixture year moved on by whole 52-week steps to the first copy that starts
 * after `now` (in `zone`). 52 weeks keep every weekday and the Week A/B parity, so a test
 * written against the 2026–27 dates reads the same in any year, while all its dates lie in
 * the future and none of them is the demo's "today" (whose sessions would otherwise clash
 * with the test's at some times of day). Write dates as 2026–27 ones and pass them through
 * `date()`; pass calendars and programmes through `calendar()` and `programme()`.
 */
export function schoolYearAfter(now: Temporal.Instant, zone = 'Europe/London') {
  const today = now.toZonedDateTimeISO(zone).toPlainDate();
  let weeks = 0;
  while (Temporal.PlainDate.compare(FIXTURE_YEAR_START.add({ weeks }), today) <= 0) weeks += 52;
  const plain = (fixtureDate: string) => Temporal.PlainDate.from(fixtureDate).add({ weeks });
  const date = (fixtureDate: string) => plain(fixtureDate).toString();
  return {
    date,
    /** "Thu 3 December": how the API names a fixture date once moved. */
    dayLabel: (fixtureDate: string) => {
      const d = plain(fixtureDate);
      return `${d.toLocaleString('en-GB', { weekday: 'short' })} ${d.day} ${d.toLocaleString('en-GB', { month: 'long' })}`;
    },
    calendar: (body: SchoolCalendarBody): SchoolCalendarBody => ({
      ...body,
      cycle: { ...body.cycle, knownWeekAMonday: date(body.cycle.knownWeekAMonday) },
      terms: body.terms.map((t) => ({ ...t, start: date(t.start), end: date(t.end) })),
    }),
    programme: <P extends { start: string; end: string }>(body: P): P => ({ ...body, start: date(body.start), end: date(body.end) }),
  };
}
