import { Router } from 'express';
import { ClosureBody, CreateSeriesBody, ScheduleChangeId, Uuid } from '@peerbridge/shared';
import type { SchedulingRepository } from '../../infra/db/scheduling-repository.js';
import type { SchedulingService } from '../../services/scheduling/scheduling-service.js';
import { parseInput } from '../validation.js';
import { assertCan, requireRole, staffOf } from './staff-session.js';

/** The slot finder, weekly series and closures, for coordinators; thin: parse, call, map. */
export function staffSchedulingRoutes(deps: { schedulingService: SchedulingService; scheduling: SchedulingRepository }): Router {
  const router = Router();
  router.use(['/pairings', '/calendar/closures', '/schedule-changes'], requireRole('schedule:manage'));

  router.get('/pairings/:id/candidates', async (req, res) => {
    const id = parseInput(Uuid, req.params.id, 'pairing id');
    res.json({ candidates: await deps.schedulingService.candidates(staffOf(res), id) });
  });

  router.post('/pairings/:id/series', async (req, res) => {
    const id = parseInput(Uuid, req.params.id, 'pairing id');
    const { candidateId } = parseInput(CreateSeriesBody, req.body, 'series');
    res.status(201).json(await deps.schedulingService.createSeries(staffOf(res), id, candidateId));
  });

  router.post('/calendar/closures', async (req, res) => {
    const staff = staffOf(res);
    assertCan(staff, 'schedule:manage', [staff.schoolId!]);
    const body = parseInput(ClosureBody, req.body, 'closure');
    res.status(201).json(await deps.schedulingService.addClosure(staff, body));
  });

  router.post('/schedule-changes/:id/accept-replacement', async (req, res) => {
    const id = parseInput(ScheduleChangeId, req.params.id, 'change id');
    res.status(201).json(await deps.schedulingService.acceptReplacement(staffOf(res), id));
  });

  router.get('/schedule-changes', async (_req, res) => {
    const staff = staffOf(res);
    assertCan(staff, 'schedule:manage', [staff.schoolId!]);
    res.json({ changes: await deps.scheduling.changesFor(staff.schoolId!) });
  });

  return router;
}
