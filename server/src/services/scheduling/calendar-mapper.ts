import type { CancelledSession, Programme, SchoolCalendarResponse, SchoolTimetable } from '@peerbridge/shared';
import type { CalendarRepository } from '../../infra/db/calendar-repository.js';

/*
 * The stored calendar and programme rows in the contract's shapes: dates and
 * times as ISO text, the school's own id left out (it is the asker's), and the
 * programme in the names its PUT takes.
 */

type StoredCalendar = Awaited<ReturnType<CalendarRepository['loadBody']>>;
type StoredProgramme = NonNullable<Awaited<ReturnType<CalendarRepository['programmeOf']>>>;

export function toCalendarResponse(
  { calendar, timeZone, closures }: StoredCalendar,
  cancelledBy: ReadonlyMap<string, CancelledSession[]> = new Map(),
): SchoolCalendarResponse {
  return {
    calendar: calendar
      ? {
          bellSchedule: calendar.bellSchedule,
          cycleWeeks: calendar.cycleWeeks,
          knownWeekAMonday: calendar.knownWeekAMonday,
          terms: calendar.terms,
          updatedAt: calendar.updatedAt.toISOString(),
          updatedBy: calendar.updatedBy,
        }
      : null,
    timeZone,
    closures: closures.map((c) => ({
      id: c.id,
      date: c.date,
      fromTime: c.fromTime,
      toTime: c.toTime,
      reason: c.reason,
      createdBy: c.createdBy,
      createdAt: c.createdAt.toISOString(),
      cancelledSessions: cancelledBy.get(c.id) ?? [],
    })),
  };
}

export function toTimetable(school: { id: string; role: 'mentor' | 'mentee' }, name: string, { calendar, timeZone }: StoredCalendar): SchoolTimetable {
  return {
    schoolId: school.id,
    name,
    role: school.role,
    timeZone,
    bellSchedule: calendar?.bellSchedule ?? null,
    cycle: calendar ? { weeks: calendar.cycleWeeks === 1 ? 1 : 2, knownWeekAMonday: calendar.knownWeekAMonday } : null,
  };
}

export function toProgramme(row: StoredProgramme): Programme {
  return {
    start: row.startDate,
    end: row.endDate,
    sessionMinutes: row.sessionMinutes,
    // The only frequency a programme can be saved with (ProgrammeBody).
    frequency: 'weekly',
    goals: row.goals,
    caseloadLimit: row.caseloadLimit,
  };
}
