import { Router } from 'express';
import { StaffAuditQuery, type StaffAuditPage, type StaffAuditVerification } from '@peerbridge/shared';
import type { StaffAuditTrail } from '../../services/audit/staff-audit-trail.js';
import { parseInput } from '../validation.js';
import { requireRole, staffOf } from './staff-session.js';

/** A school's coordinators and safeguarding leads read and verify their own school's staff audit trail. */
export function staffAuditRoutes(deps: { audit: StaffAuditTrail }): Router {
  const router = Router();
  router.use('/audit', requireRole('audit:read'));

  router.get('/audit', async (req, res) => {
    const query = parseInput(StaffAuditQuery, req.query, 'audit filter');
    const page: StaffAuditPage = await deps.audit.page(staffOf(res), query);
    res.json(page);
  });

  router.get('/audit/verify', async (_req, res) => {
    const result: StaffAuditVerification = await deps.audit.verify(staffOf(res));
    res.json(result);
  });

  return router;
}
