import { seriesLifecycleEndpoints as endpoints } from '@peerbridge/shared';
import type { SeriesLifecycle } from '../../services/scheduling/series-lifecycle.js';
import type { StudentArchive } from '../../services/students/student-archive.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { requireRole, staffOf } from './staff-session.js';

/** A pairing's series after booking (cancel or move one session, end the series, unpair), and archiving a leaver. */
export function staffSeriesLifecycleRoutes(deps: { seriesLifecycle: SeriesLifecycle; studentArchive: StudentArchive; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('/api/staff', deps.contract);
  const series = deps.seriesLifecycle;
  const manage = requireRole('schedule:manage');

  on(endpoints.pairingSeries, manage, ({ params, res }) => series.pairingSeries(staffOf(res), params.id));
  on(endpoints.cancelSession, manage, ({ params, body, res }) => series.cancelSession(staffOf(res), params.id, body.reason));
  on(endpoints.moveSession, manage, ({ params, body, res }) => series.moveSession(staffOf(res), params.id, body));
  on(endpoints.endSeries, manage, ({ params, body, res }) => series.endSeries(staffOf(res), params.id, body));
  on(endpoints.unpair, manage, ({ params, body, res }) => series.unpair(staffOf(res), params.id, body.reason));
  on(endpoints.archiveStudent, requireRole('students:manage'), ({ params, body, res }) => deps.studentArchive.archive(staffOf(res), params.id, body.reason));

  return router;
}
