import { studentEndpoints } from '@peerbridge/shared';
import type { CoordinatorNotices } from '../../services/students/coordinator-notices.js';
import type { StudentRecords } from '../../services/students/student-records.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { requireRole, schoolOf, staffOf } from './staff-session.js';

/** Coordinators manage their own school's students: PINs (one at a time or a class at once), consent and training records. */
export function staffStudentRoutes(deps: { studentRecords: StudentRecords; coordinatorNotices: CoordinatorNotices; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('/api/staff', deps.contract);

  on(studentEndpoints.list, requireRole('students:read'), async ({ query, res }) => ({
    students: await deps.studentRecords.listForSchool(schoolOf(staffOf(res)), { archived: query.archived === 'true' }),
  }));

  on(studentEndpoints.setPin, requireRole('students:manage'), ({ params, body, res }) => deps.studentRecords.setPin(staffOf(res), params.id, body.pin));

  on(studentEndpoints.generatePins, requireRole('students:manage'), async ({ body, res }) => ({
    cards: await deps.studentRecords.generatePins(staffOf(res), body.studentIds),
  }));

  on(studentEndpoints.setEligibility, requireRole('students:manage'), ({ params, body, res }) =>
    deps.studentRecords.setEligibility(staffOf(res), params.id, body),
  );

  on(studentEndpoints.notices, requireRole('notices:read'), async ({ res }) => ({
    notices: await deps.coordinatorNotices.open(schoolOf(staffOf(res))),
  }));

  on(studentEndpoints.resolveNotice, requireRole('notices:read'), ({ params, res }) => deps.coordinatorNotices.resolve(schoolOf(staffOf(res)), params.id));

  return router;
}
