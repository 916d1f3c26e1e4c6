import { calendarEndpoints } from '@peerbridge/shared';
import type { CalendarReflow } from '../../services/scheduling/calendar-reflow.js';
import type { SchoolCalendars } from '../../services/scheduling/school-calendars.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { requireRole, schoolOf, staffOf } from './staff-session.js';

/** Coordinators keep their own school's calendar and students' availability, and their partnerships' programmes. */
export function staffCalendarRoutes(deps: { schoolCalendars: SchoolCalendars; calendarReflow: CalendarReflow; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('/api/staff', deps.contract);
  const calendars = deps.schoolCalendars;
  const manage = requireRole('schedule:manage');

  on(calendarEndpoints.partnerships, manage, async ({ res }) => ({ partnerships: await calendars.partnershipsOf(schoolOf(staffOf(res))) }));

  on(calendarEndpoints.timetables, manage, async ({ params, res }) => ({ schools: await calendars.timetables(staffOf(res), params.id) }));

  on(calendarEndpoints.calendar, manage, ({ res }) => calendars.calendarOf(schoolOf(staffOf(res))));

  // Saving re-flows the sessions the change affects; `dryRun=true` answers what it would cancel.
  on(calendarEndpoints.saveCalendar, manage, ({ query, body, res }) => deps.calendarReflow.saveCalendar(staffOf(res), body, query.dryRun === 'true'));

  on(calendarEndpoints.setAvailability, manage, ({ params, body, res }) => calendars.setAvailability(staffOf(res), params.id, body));

  on(calendarEndpoints.programme, manage, async ({ params, res }) => ({ programme: await calendars.programme(staffOf(res), params.id) }));

  on(calendarEndpoints.saveProgramme, manage, ({ params, query, body, res }) =>
    deps.calendarReflow.saveProgramme(staffOf(res), params.id, body, query.dryRun === 'true'),
  );

  return router;
}
