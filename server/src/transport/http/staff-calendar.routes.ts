import { Router } from 'express';
import { AvailabilityBody, ProgrammeBody, SchoolCalendarBody, Uuid } from '@peerbridge/shared';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { CalendarRepository } from '../../infra/db/calendar-repository.js';
import type { PartnershipRepository } from '../../infra/db/partnership-repository.js';
import type { StudentRepository } from '../../infra/db/student-repository.js';
import { parseInput } from '../validation.js';
import { assertCan, requireRole, staffOf } from './staff-session.js';

/** Coordinators keep their own school's calendar and students' availability, and their partnerships' programmes. */
export function staffCalendarRoutes(deps: {
  calendars: CalendarRepository;
  partnerships: PartnershipRepository;
  students: StudentRepository;
  clock: Clock;
}): Router {
  const router = Router();
  const partnershipFor = async (staff: ReturnType<typeof staffOf>, raw: unknown) => {
    const partnership = await deps.partnerships.findById(parseInput(Uuid, raw, 'partnership id'));
    if (!partnership) throw AppError.notFound('No such partnership.');
    assertCan(staff, 'schedule:manage', partnership.schoolIds);
    return partnership;
  };
  router.use(
    ['/calendar', '/students/:id/availability', '/partnerships', '/partnerships/:id/programme', '/partnerships/:id/timetables'],
    requireRole('schedule:manage'),
  );

  router.get('/partnerships', async (_req, res) => {
    const staff = staffOf(res);
    assertCan(staff, 'schedule:manage', [staff.schoolId!]);
    res.json({ partnerships: await deps.partnerships.listForSchool(staff.schoolId!) });
  });

  /** Both schools' bell schedules for the side-by-side week view: no student data. */
  router.get('/partnerships/:id/timetables', async (req, res) => {
    const partnership = await partnershipFor(staffOf(res), req.params.id);
    const names = await deps.partnerships.listForSchool(staffOf(res).schoolId!);
    const named = names.find((p) => p.id === partnership.id)!;
    const schools = await Promise.all(
      [
        { id: partnership.mentorSchoolId, role: 'mentor' as const, name: named.mentorSchool.name },
        { id: partnership.menteeSchoolId, role: 'mentee' as const, name: named.menteeSchool.name },
      ].map(async (school) => {
        const { calendar, timeZone } = await deps.calendars.loadBody(school.id);
        return {
          schoolId: school.id,
          name: school.name,
          role: school.role,
          timeZone,
          bellSchedule: calendar?.bellSchedule ?? null,
          cycle: calendar ? { weeks: calendar.cycleWeeks, knownWeekAMonday: calendar.knownWeekAMonday } : null,
        };
      }),
    );
    res.json({ schools });
  });

  router.get('/calendar', async (_req, res) => {
    const staff = staffOf(res);
    assertCan(staff, 'schedule:manage', [staff.schoolId!]);
    res.json(await deps.calendars.loadBody(staff.schoolId!));
  });

  router.put('/calendar', async (req, res) => {
    const staff = staffOf(res);
    assertCan(staff, 'schedule:manage', [staff.schoolId!]);
    const body = parseInput(SchoolCalendarBody, req.body, 'calendar');
    await deps.calendars.save(staff.schoolId!, body, staff.staffId, deps.clock.now());
    res.status(204).end();
  });

  router.put('/students/:id/availability', async (req, res) => {
    const staff = staffOf(res);
    const id = parseInput(Uuid, req.params.id, 'student id');
    const schoolId = await deps.students.findSchoolOf(id);
    if (!schoolId) throw AppError.notFound('No such student.');
    assertCan(staff, 'schedule:manage', [schoolId]);
    await deps.calendars.setAvailability(id, parseInput(AvailabilityBody, req.body, 'availability'), deps.clock.now());
    res.status(204).end();
  });


  router.get('/partnerships/:id/programme', async (req, res) => {
    const partnership = await partnershipFor(staffOf(res), req.params.id);
    res.json({ programme: (await deps.calendars.programmeOf(partnership.id)) ?? null });
  });

  router.put('/partnerships/:id/programme', async (req, res) => {
    const partnership = await partnershipFor(staffOf(res), req.params.id);
    await deps.calendars.saveProgramme(partnership.id, parseInput(ProgrammeBody, req.body, 'programme'));
    res.status(204).end();
  });

  return router;
}
