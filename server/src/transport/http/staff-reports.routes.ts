import { programmeReportEndpoints as endpoints } from '@peerbridge/shared';
import type { ProgrammeReports } from '../../services/reports/programme-reports.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { requireRole, staffOf } from './staff-session.js';

/** Programme reports: the coordinator's own school, and a partnership their school is in. */
export function staffReportRoutes(deps: { programmeReports: ProgrammeReports; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('/api/staff', deps.contract);
  const read = requireRole('reports:read');
  on(endpoints.schoolReport, read, ({ query, res }) => deps.programmeReports.schoolReport(staffOf(res), query));
  on(endpoints.partnershipReport, read, ({ params, query, res }) => deps.programmeReports.partnershipReport(staffOf(res), params.id, query));
  return router;
}
