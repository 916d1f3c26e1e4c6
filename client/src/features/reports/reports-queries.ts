import type { ReportQuery } from '@peerbridge/shared';
import { useStaffQuery } from '../../lib/staff/staff-query';
import { fetchReport, type ReportScopeChoice } from './reports-api';

export const reportKeys = {
  all: ['reports'] as const,
  report: (scope: ReportScopeChoice, query: ReportQuery) => [...reportKeys.all, scope, query] as const,
};

/** Not polled: a report is read (and printed) as it was fetched; Refresh fetches it again. */
export const useProgrammeReport = (scope: ReportScopeChoice, query: ReportQuery) =>
  useStaffQuery({ queryKey: reportKeys.report(scope, query), queryFn: ({ signal, background }) => fetchReport(scope, query, signal, background), keepPrevious: true });
