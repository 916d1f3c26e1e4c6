import { Router } from 'express';
import { Uuid } from '@peerbridge/shared';
import type { StaffAccounts } from '../../services/staff/staff-accounts.js';
import { parseInput } from '../validation.js';
import { requireRole, staffOf } from './staff-session.js';

export function staffAccountRoutes(deps: { staffAccounts: StaffAccounts }): Router {
  const router = Router();

  /** Ends the account and, at once, every session and realtime connection it has. */
  router.post('/accounts/:id/deactivate', requireRole('staff:manage'), async (req, res) => {
    await deps.staffAccounts.deactivate(staffOf(res), parseInput(Uuid, req.params.id, 'staff id'));
    res.status(204).end();
  });

  return router;
}
