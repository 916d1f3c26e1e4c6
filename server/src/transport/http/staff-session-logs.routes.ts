import { sessionLogEndpoints } from '@peerbridge/shared';
import type { SessionLogReader } from '../../services/session-log/session-log-reader.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { staffOf, staffSessionOf } from './staff-session.js';

/** Safeguarding leads read and verify the logs of sessions that involve their school's students. */
export function staffSessionLogRoutes(deps: { sessionLogs: SessionLogReader; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('/api/staff/sessions', deps.contract);

  on(sessionLogEndpoints.log, async ({ params, res }) => ({ entries: await deps.sessionLogs.log(staffOf(res), params.id) }));

  on(sessionLogEndpoints.verify, ({ params, res }) => deps.sessionLogs.verify(staffOf(res), params.id));

  on(sessionLogEndpoints.evidence, async ({ params, res }) => {
    const file = await deps.sessionLogs.evidence(staffSessionOf(res), params.id);
    res.attachment(`session-log-${params.id}.evidence.json`);
    return file;
  });

  on(sessionLogEndpoints.views, async ({ params, res }) => ({ views: await deps.sessionLogs.views(staffOf(res), params.id) }));

  return router;
}
