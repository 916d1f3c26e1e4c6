import { programmeReportEndpoints, type ProgrammeReport, type ReportQuery } from '@peerbridge/shared';
import { callApi, staffAuth } from '../../lib/api-client';

export type { ProgrammeReport, ReportTable } from '@peerbridge/shared';

/** Whose report: the coordinator's own school, or one of its partnerships. */
export type ReportScopeChoice = { kind: 'school' } | { kind: 'partnership'; id: string };

export function fetchReport(scope: ReportScopeChoice, query: ReportQuery, signal?: AbortSignal, background = false): Promise<ProgrammeReport> {
  const options = { auth: staffAuth, signal, background };
  if (scope.kind === 'school') return callApi(programmeReportEndpoints.schoolReport, { query }, options);
  return callApi(programmeReportEndpoints.partnershipReport, { params: { id: scope.id }, query }, options);
}
