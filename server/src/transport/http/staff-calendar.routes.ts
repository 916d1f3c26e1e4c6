import { calendarEndpoints } from '@peerbridge/shared';
import type { SchoolCalendars } from '../../services/scheduling/school-calendars.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { requireRole, schoolOf, staffOf } from './staff-session.js';

/** Coordinators keep their own school's calendar and students' availability, and their partnerships' programmes. */
export function staffCalendarRoutes(deps: { schoolCalendars: SchoolCalendars; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('/api/staff', deps.contract);
  const calendars = deps.schoolCalendars;
  const manage = requireRole('schedule:manage');

  on(calendarEndpoints.partnerships, manage, async ({ res }) => ({ partnerships: await calendars.partnershipsOf(schoolOf(staffOf(res))) }));

  on(calendarEndpoints.timetables, manage, async ({ params, res }) => ({ schools: await calendars.timetables(staffOf(res), params.id) }));

  on(calendarEndpoints.calendar, manage, ({ res }) => calendars.calendarOf(schoolOf(staffOf(res))));

  on(calendarEndpoints.saveCalendar, manage, ({ body, res }) => {
    const staff = staffOf(res);
    return calendars.saveCalendar(staff, schoolOf(staff), body);
  });

  on(calendarEndpoints.setAvailability, manage, ({ params, body, res }) => calendars.setAvailability(staffOf(res), params.id, body));

  on(calendarEndpoints.programme, manage, async ({ params, res }) => ({ programme: await calendars.programme(staffOf(res), params.id) }));

  on(calendarEndpoints.saveProgramme, manage, ({ params, body, res }) => calendars.saveProgramme(staffOf(res), params.id, body));

  return router;
}
