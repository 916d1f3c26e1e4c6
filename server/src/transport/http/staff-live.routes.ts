import { staffSessionEndpoints, type LiveSession } from '@peerbridge/shared';
import type { SessionEnding } from '../../services/sessions/session-ending.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { assertCan, requireRole, schoolOf, staffOf } from './staff-session.js';

/** DSLs and supervisors see which sessions involving their school are live now, to observe one, and may end one. */
export function liveSessionRoutes(deps: { liveSessions: (schoolId: string) => LiveSession[]; sessionEnding: SessionEnding; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('/api/staff', deps.contract);
  on(staffSessionEndpoints.live, requireRole('sessions:observe'), ({ res }) => {
    const staff = staffOf(res);
    const schoolId = schoolOf(staff);
    assertCan(staff, 'sessions:observe', [schoolId]);
    return { sessions: deps.liveSessions(schoolId) };
  });
  // The session's two schools are checked by the service once it is found (either school's DSL or supervisor).
  on(staffSessionEndpoints.end, requireRole('sessions:end'), ({ params, body, res }) => deps.sessionEnding.end(staffOf(res), params.id, body));
  return router;
}
