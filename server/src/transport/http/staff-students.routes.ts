import { Router } from 'express';
import { EligibilityRequest, SetPinRequest, Uuid } from '@peerbridge/shared';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { NoticeRepository } from '../../infra/db/notice-repository.js';
import type { StudentRepository } from '../../infra/db/student-repository.js';
import type { StudentRecords } from '../../services/students/student-records.js';
import { parseInput } from '../validation.js';
import { assertCan, requireRole, staffOf } from './staff-session.js';

/** Coordinators manage their own school's students: PINs, consent and training records. */
export function staffStudentRoutes(deps: {
  students: StudentRepository;
  studentRecords: StudentRecords;
  notices: NoticeRepository;
  clock: Clock;
}): Router {
  const router = Router();

  router.get('/students', requireRole('students:read'), async (_req, res) => {
    const staff = staffOf(res);
    assertCan(staff, 'students:read', [staff.schoolId!]);
    res.json({ students: await deps.students.listForSchool(staff.schoolId!) });
  });

  router.put('/students/:id/pin', requireRole('students:manage'), async (req, res) => {
    const id = parseInput(Uuid, req.params.id, 'student id');
    const { pin } = parseInput(SetPinRequest, req.body, 'PIN');
    await deps.studentRecords.setPin(staffOf(res), id, pin);
    res.status(204).end();
  });

  router.put('/students/:id/eligibility', requireRole('students:manage'), async (req, res) => {
    const id = parseInput(Uuid, req.params.id, 'student id');
    const change = parseInput(EligibilityRequest, req.body, 'consent record');
    await deps.studentRecords.setEligibility(staffOf(res), id, change);
    res.status(204).end();
  });

  router.get('/notices', requireRole('notices:read'), async (_req, res) => {
    const staff = staffOf(res);
    assertCan(staff, 'notices:read', [staff.schoolId!]);
    res.json({ notices: await deps.notices.openForSchool(staff.schoolId!) });
  });

  router.post('/notices/:id/resolve', requireRole('notices:read'), async (req, res) => {
    const staff = staffOf(res);
    const id = parseInput(Uuid, req.params.id, 'notice id');
    assertCan(staff, 'notices:read', [staff.schoolId!]);
    // Scoped to the asker's school in the query itself: another school's notice is simply not found.
    if (!(await deps.notices.resolve(id, staff.schoolId!, new Date(deps.clock.now().epochMilliseconds)))) {
      throw AppError.notFound('No such open notice at your school.');
    }
    res.status(204).end();
  });

  return router;
}
