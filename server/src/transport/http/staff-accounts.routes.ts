import { staffAccountEndpoints, staffAccountsEndpoints } from '@peerbridge/shared';
import type { StaffAccounts } from '../../services/staff/staff-accounts.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { requireRole, staffOf } from './staff-session.js';

export function staffAccountRoutes(deps: { staffAccounts: StaffAccounts; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('/api/staff', deps.contract);
  // Coordinators and DSLs reach the screen; which accounts each may change is the service's (staff-account-rules.ts).
  const manages = requireRole('staff:accounts');

  on(staffAccountsEndpoints.list, manages, ({ res }) => deps.staffAccounts.list(staffOf(res)));

  on(staffAccountsEndpoints.invite, manages, ({ body, res }) => deps.staffAccounts.invite(staffOf(res), body));

  on(staffAccountsEndpoints.reissueCode, manages, ({ params, res }) => deps.staffAccounts.reissueCode(staffOf(res), params.id));

  on(staffAccountsEndpoints.resetPassword, manages, ({ params, res }) => deps.staffAccounts.resetPassword(staffOf(res), params.id));

  on(staffAccountsEndpoints.changeRoles, manages, ({ params, body, res }) => deps.staffAccounts.changeRoles(staffOf(res), params.id, body.roles));

  /** Ends the account and, at once, every session and realtime connection it has. */
  on(staffAccountEndpoints.deactivate, manages, async ({ params, res }) => {
    await deps.staffAccounts.deactivate(staffOf(res), params.id);
  });

  return router;
}
