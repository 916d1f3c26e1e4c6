import { staffAccountEndpoints } from '@peerbridge/shared';
import type { StaffAccounts } from '../../services/staff/staff-accounts.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { requireRole, staffOf } from './staff-session.js';

export function staffAccountRoutes(deps: { staffAccounts: StaffAccounts; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('/api/staff', deps.contract);

  /** Ends the account and, at once, every session and realtime connection it has. */
  on(staffAccountEndpoints.deactivate, requireRole('staff:manage'), async ({ params, res }) => {
    await deps.staffAccounts.deactivate(staffOf(res), params.id);
  });

  return router;
}
