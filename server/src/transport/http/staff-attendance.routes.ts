import { attendanceEndpoints as endpoints } from '@peerbridge/shared';
import type { AttendanceViews } from '../../services/attendance/attendance-views.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { requireRole, staffOf } from './staff-session.js';

/** Attendance per pairing and per student, and who is being mentored (coordinators; school checked in the service). */
export function staffAttendanceRoutes(deps: { attendanceViews: AttendanceViews; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('/api/staff', deps.contract);
  const read = requireRole('attendance:read');
  on(endpoints.mentored, read, ({ res }) => deps.attendanceViews.mentored(staffOf(res)));
  on(endpoints.pairing, read, ({ params, res }) => deps.attendanceViews.pairing(staffOf(res), params.id));
  on(endpoints.student, read, ({ params, res }) => deps.attendanceViews.student(staffOf(res), params.id));
  return router;
}
