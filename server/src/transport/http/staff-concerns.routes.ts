import { Router } from 'express';
import { AmendConcernRequest, ConcernListQuery, RaiseConcernRequest, Uuid } from '@peerbridge/shared';
import type { ConcernService } from '../../services/concerns/concern-service.js';
import { AppError } from '../../errors.js';
import type { StudentRepository } from '../../infra/db/student-repository.js';
import { parseInput } from '../validation.js';
import type { SecondFactor } from '../../services/staff/second-factor.js';
import { requireRole, requireStepUp, staffOf } from './staff-session.js';

export function staffConcernRoutes(deps: { concerns: ConcernService; students: StudentRepository; secondFactor: SecondFactor }): Router {
  const router = Router();
  // The queue (first names and status) stays open; the record itself, its exports and a child's chronology need the step-up.
  const stepUp = requireStepUp(deps.secondFactor);

  router.post('/concerns', requireRole('concerns:raise'), async (req, res) => {
    const body = parseInput(RaiseConcernRequest, req.body, 'concern');
    res.status(201).json(await deps.concerns.raiseByStaff(staffOf(res), body));
  });

  router.get('/concerns', requireRole('concerns:handle'), async (req, res) => {
    const { status } = parseInput(ConcernListQuery, req.query, 'filter');
    res.json({ concerns: await deps.concerns.list(staffOf(res), status) });
  });

  router.get('/concerns/:id', requireRole('concerns:handle'), stepUp, async (req, res) => {
    res.json({ concern: await deps.concerns.view(staffOf(res), parseInput(Uuid, req.params.id, 'concern id')) });
  });

  router.get('/concerns/:id/views', requireRole('concerns:handle'), async (req, res) => {
    res.json({ views: await deps.concerns.views(staffOf(res), parseInput(Uuid, req.params.id, 'concern id')) });
  });

  router.post('/concerns/:id/amendments', requireRole('concerns:handle'), stepUp, async (req, res) => {
    const id = parseInput(Uuid, req.params.id, 'concern id');
    const change = parseInput(AmendConcernRequest, req.body, 'amendment');
    res.status(201).json({ concern: await deps.concerns.amend(staffOf(res), id, change) });
  });

  router.get('/concerns/:id/export.json', requireRole('concerns:handle'), stepUp, async (req, res) => {
    const id = parseInput(Uuid, req.params.id, 'concern id');
    const concern = await deps.concerns.exportJson(staffOf(res), id);
    res.attachment(`concern-${id}.json`).json(concern);
  });

  router.get('/concerns/:id/export.csv', requireRole('concerns:handle'), stepUp, async (req, res) => {
    const id = parseInput(Uuid, req.params.id, 'concern id');
    const csv = await deps.concerns.exportCsv(staffOf(res), id);
    res.attachment(`concern-${id}.csv`).type('text/csv; charset=utf-8').send(csv);
  });

  router.get('/students/:id/chronology', requireRole('concerns:handle'), stepUp, async (req, res) => {
    const id = parseInput(Uuid, req.params.id, 'student id');
    const schoolId = await deps.students.findSchoolOf(id);
    if (!schoolId) throw AppError.notFound('No such student.');
    res.json({ chronology: await deps.concerns.chronology(staffOf(res), id, schoolId) });
  });

  router.get('/students/:id/chronology/views', requireRole('concerns:handle'), async (req, res) => {
    const id = parseInput(Uuid, req.params.id, 'student id');
    const schoolId = await deps.students.findSchoolOf(id);
    if (!schoolId) throw AppError.notFound('No such student.');
    res.json({ views: await deps.concerns.chronologyViews(staffOf(res), id, schoolId) });
  });

  return router;
}
