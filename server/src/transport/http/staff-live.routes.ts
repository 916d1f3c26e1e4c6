import { staffSessionEndpoints, type LiveSession } from '@peerbridge/shared';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { assertCan, requireRole, schoolOf, staffOf } from './staff-session.js';

/** DSLs and supervisors see which sessions involving their school are live now, to observe one. */
export function liveSessionRoutes(deps: { liveSessions: (schoolId: string) => LiveSession[]; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('/api/staff', deps.contract);
  on(staffSessionEndpoints.live, requireRole('sessions:observe'), ({ res }) => {
    const staff = staffOf(res);
    const schoolId = schoolOf(staff);
    assertCan(staff, 'sessions:observe', [schoolId]);
    return { sessions: deps.liveSessions(schoolId) };
  });
  return router;
}
