import { Router } from 'express';
import { Temporal } from 'temporal-polyfill';
import { SessionListQuery } from '@peerbridge/shared';
import { sessionStatus } from '../../domain/sessions/join-rules.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { SessionRepository, SessionStudent } from '../../infra/db/session-repository.js';
import { parseInput } from '../validation.js';
import { assertCan, requireRole, staffOf } from './staff-session.js';

const MAX_RANGE_DAYS = 366;

/** A partner school's student is shown by first name, school and year only. */
function studentView(student: SessionStudent, viewerSchoolId: string) {
  const base = { id: student.id, firstName: student.firstName, yearGroup: student.yearGroup, schoolName: student.schoolName };
  return student.schoolId === viewerSchoolId ? { ...base, lastName: student.lastName } : base;
}

/** Staff list the sessions involving their school's students, by local date range. */
export function staffSessionListRoutes(deps: { sessions: SessionRepository; clock: Clock }): Router {
  const router = Router();

  router.get('/', requireRole('sessions:read'), async (req, res) => {
    const staff = staffOf(res);
    assertCan(staff, 'sessions:read', [staff.schoolId!]);
    const range = parseInput(SessionListQuery, req.query, 'date range');
    const zone = 'Europe/London';
    const today = deps.clock.now().toZonedDateTimeISO(zone).toPlainDate();
    const from = range.from ? Temporal.PlainDate.from(range.from) : today.subtract({ days: 7 });
    const to = range.to ? Temporal.PlainDate.from(range.to) : today.add({ days: 7 });
    const days = from.until(to).total('days');
    if (days < 0) throw AppError.badRequest('Invalid date range: from must not be after to.');
    if (days > MAX_RANGE_DAYS) throw AppError.badRequest(`Invalid date range: at most ${MAX_RANGE_DAYS} days at once.`);
    const records = await deps.sessions.listForSchool(
      staff.schoolId!,
      from.toZonedDateTime({ timeZone: zone }).toInstant(),
      to.add({ days: 1 }).toZonedDateTime({ timeZone: zone }).toInstant(),
    );
    const counts = await deps.sessions.eventCounts(records.map((r) => r.id));
    const now = deps.clock.now();
    res.json({
      sessions: records.map((r) => ({
        id: r.id,
        startsAt: r.startsAt.toString(),
        endsAt: r.endsAt.toString(),
        status: sessionStatus(r, now),
        mentor: studentView(r.mentor, staff.schoolId!),
        mentee: studentView(r.mentee, staff.schoolId!),
        eventCount: counts.get(r.id)?.entries ?? 0,
        flagged: counts.get(r.id)?.flagged ?? false,
      })),
    });
  });

  return router;
}
