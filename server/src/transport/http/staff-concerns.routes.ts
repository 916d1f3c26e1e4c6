import { concernEndpoints } from '@peerbridge/shared';
import type { Chronologies } from '../../services/concerns/chronology.js';
import type { ConcernService } from '../../services/concerns/concern-service.js';
import type { SecondFactor } from '../../services/staff/second-factor.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { requireRole, requireStepUp, staffOf } from './staff-session.js';

export function staffConcernRoutes(deps: { concerns: ConcernService; chronologies: Chronologies; secondFactor: SecondFactor; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('/api/staff', deps.contract);
  // The queue (first names and status) stays open; the record itself, its exports and a child's chronology need the step-up.
  const stepUp = requireStepUp(deps.secondFactor);
  const raises = requireRole('concerns:raise');
  const handles = requireRole('concerns:handle');

  on(concernEndpoints.raise, raises, ({ body, res }) => deps.concerns.raiseByStaff(staffOf(res), body));

  on(concernEndpoints.list, handles, async ({ query, res }) => ({ concerns: await deps.concerns.list(staffOf(res), query.status) }));

  on(concernEndpoints.view, handles, stepUp, async ({ params, res }) => ({ concern: await deps.concerns.view(staffOf(res), params.id) }));

  on(concernEndpoints.views, handles, async ({ params, res }) => ({ views: await deps.concerns.views(staffOf(res), params.id) }));

  on(concernEndpoints.amend, handles, stepUp, async ({ params, body, res }) => ({ concern: await deps.concerns.amend(staffOf(res), params.id, body) }));

  on(concernEndpoints.exportJson, handles, stepUp, async ({ params, res }) => {
    const concern = await deps.concerns.exportJson(staffOf(res), params.id);
    res.attachment(`concern-${params.id}.json`);
    return concern;
  });

  on(concernEndpoints.exportCsv, handles, stepUp, async ({ params, res }) => ({
    content: await deps.concerns.exportCsv(staffOf(res), params.id),
    filename: `concern-${params.id}.csv`,
  }));

  on(concernEndpoints.chronology, handles, stepUp, async ({ params, res }) => ({ chronology: await deps.chronologies.read(staffOf(res), params.id) }));

  on(concernEndpoints.chronologyViews, handles, async ({ params, res }) => ({ views: await deps.chronologies.views(staffOf(res), params.id) }));

  return router;
}
