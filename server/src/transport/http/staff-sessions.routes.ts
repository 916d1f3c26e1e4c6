import { staffSessionEndpoints } from '@peerbridge/shared';
import type { StaffSessionList } from '../../services/sessions/staff-session-list.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { requireRole, schoolOf, staffOf } from './staff-session.js';

/** Staff list the sessions involving their school's students, by local date range. */
export function staffSessionListRoutes(deps: { sessionList: StaffSessionList; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('/api/staff/sessions', deps.contract);

  on(staffSessionEndpoints.list, requireRole('sessions:read'), async ({ query, res }) => {
    const staff = staffOf(res);
    return { sessions: await deps.sessionList.list(staff, schoolOf(staff), query) };
  });

  return router;
}
