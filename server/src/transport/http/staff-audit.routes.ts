import { staffAuditEndpoints } from '@peerbridge/shared';
import type { StaffAuditTrail } from '../../services/audit/staff-audit-trail.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { requireRole, staffOf } from './staff-session.js';

/** A school's coordinators and safeguarding leads read and verify their own school's staff audit trail. */
export function staffAuditRoutes(deps: { audit: StaffAuditTrail; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('/api/staff', deps.contract);
  const readsAudit = requireRole('audit:read');

  on(staffAuditEndpoints.page, readsAudit, ({ query, res }) => deps.audit.page(staffOf(res), query));

  on(staffAuditEndpoints.verify, readsAudit, ({ res }) => deps.audit.verify(staffOf(res)));

  return router;
}
