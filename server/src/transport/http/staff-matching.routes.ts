import { matchingEndpoints } from '@peerbridge/shared';
import type { MatchingService } from '../../services/scheduling/matching-service.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { requireRole, staffOf } from './staff-session.js';

export function staffMatchingRoutes(deps: { matchingService: MatchingService; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('/api/staff', deps.contract);
  const matching = deps.matchingService;
  const manage = requireRole('schedule:manage');

  on(matchingEndpoints.suggestions, manage, ({ params, body, res }) => matching.suggestions(staffOf(res), params.id, body));

  on(matchingEndpoints.acceptPairing, manage, ({ params, body, res }) => matching.accept(staffOf(res), params.id, body));

  on(matchingEndpoints.matchingProfile, manage, ({ params, res }) => matching.profile(staffOf(res), params.id));

  on(matchingEndpoints.setSubjects, manage, ({ params, body, res }) => matching.setSubjects(staffOf(res), params.id, body.subjects));

  return router;
}
