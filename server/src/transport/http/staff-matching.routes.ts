import { Router } from 'express';
import { MatchingReview, PairRequest, SubjectsBody, Uuid } from '@peerbridge/shared';
import { AppError } from '../../errors.js';
import type { MatchingRepository } from '../../infra/db/matching-repository.js';
import type { StudentRepository } from '../../infra/db/student-repository.js';
import type { MatchingService } from '../../services/scheduling/matching-service.js';
import { parseInput } from '../validation.js';
import { assertCan, requireRole, staffOf } from './staff-session.js';

export function staffMatchingRoutes(deps: { matchingService: MatchingService; matching: MatchingRepository; students: StudentRepository }): Router {
  const router = Router();
  router.use(['/partnerships/:id/suggestions', '/partnerships/:id/pairings', '/students/:id/subjects'], requireRole('schedule:manage'));

  /** POST so the coordinator's rejections and acceptances so far travel with the request. */
  router.post('/partnerships/:id/suggestions', async (req, res) => {
    const id = parseInput(Uuid, req.params.id, 'partnership id');
    res.json(await deps.matchingService.suggestions(staffOf(res), id, parseInput(MatchingReview, req.body ?? {}, 'review')));
  });

  router.post('/partnerships/:id/pairings', async (req, res) => {
    const id = parseInput(Uuid, req.params.id, 'partnership id');
    res.status(201).json(await deps.matchingService.accept(staffOf(res), id, parseInput(PairRequest, req.body, 'pairing')));
  });

  router.put('/students/:id/subjects', async (req, res) => {
    const id = parseInput(Uuid, req.params.id, 'student id');
    const schoolId = await deps.students.findSchoolOf(id);
    if (!schoolId) throw AppError.notFound('No such student.');
    assertCan(staffOf(res), 'schedule:manage', [schoolId]);
    await deps.matching.setSubjects(id, parseInput(SubjectsBody, req.body, 'subjects').subjects);
    res.status(204).end();
  });

  return router;
}
