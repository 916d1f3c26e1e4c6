import { addDays } from '../../lib/school-time';
import { cycleWeekOn, weekDates, WEEKDAYS, type CycleWeek } from '../timetable/school-week';
import type { Closure, SchoolCalendarBody } from './school-calendar-api';

/*
 * What the calendar on screen (saved or not) makes of real dates: which
 * periods run, Week A or B, term or holiday, and the closures. Dates are
 * "YYYY-MM-DD" and done in UTC, as in the timetable's week view.
 */

export type ClosureLike = Pick<Closure, 'date' | 'fromTime' | 'toTime' | 'reason'>;

export interface PreviewDay {
  date: string;
  weekday: number;
  /** Null on a one-week timetable. */
  week: CycleWeek | null;
  /** The term the day is in, or null in a holiday. */
  term: string | null;
  periods: { name: string; start: string; end: string }[];
  closures: ClosureLike[];
  /** `closed`: a whole-day closure; `part-closed`: closed for some hours. */
  status: 'holiday' | 'open' | 'part-closed' | 'closed';
}

function dayOf(calendar: SchoolCalendarBody, closures: readonly ClosureLike[], date: string): PreviewDay {
  const weekday = ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
  const term = calendar.terms.find((t) => t.start <= date && date <= t.end)?.name ?? null;
  const onDay = closures.filter((c) => c.date === date);
  const periods = weekday <= 5 ? [...(calendar.bellSchedule[weekday as 1] ?? [])].sort((a, b) => a.start.localeCompare(b.start)) : [];
  const status =
    term === null ? 'holiday' : onDay.some((c) => !c.fromTime || !c.toTime) ? 'closed' : onDay.length > 0 ? 'part-closed' : 'open';
  return {
    date,
    weekday,
    week: cycleWeekOn(date, { weeks: calendar.cycle.weeks, knownWeekAMonday: calendar.cycle.knownWeekAMonday || date }),
    term,
    periods,
    closures: onDay,
    status,
  };
}

/** Monday to Friday of the week `date` is in. */
export function previewWeek(calendar: SchoolCalendarBody, closures: readonly ClosureLike[], date: string): PreviewDay[] {
  const dates = weekDates(date);
  return WEEKDAYS.map((weekday) => dayOf(calendar, closures, dates[weekday]!));
}

/** Never look further than this for term days: a calendar whose terms are all past must not spin. */
const LOOKAHEAD_DAYS = 400;

/**
 * The next `count` weekdays in term from `from` on (itself included), closed
 * ones too, so a coordinator sees an INSET day where it falls.
 */
export function nextSchoolDays(calendar: SchoolCalendarBody, closures: readonly ClosureLike[], from: string, count: number): PreviewDay[] {
  const days: PreviewDay[] = [];
  for (let offset = 0; offset < LOOKAHEAD_DAYS && days.length < count; offset++) {
    const day = dayOf(calendar, closures, addDays(from, offset));
    if (day.weekday <= 5 && day.status !== 'holiday') days.push(day);
  }
  return days;
}

/** "Closed all day: INSET day" or "Closed 13:00–15:10: Sports day". */
export function closureWords(closure: ClosureLike): string {
  const when = closure.fromTime && closure.toTime ? `Closed ${closure.fromTime}–${closure.toTime}` : 'Closed all day';
  return `${when}: ${closure.reason}`;
}
