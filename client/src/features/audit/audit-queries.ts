import { useStaffQuery } from '../../lib/staff/staff-query';
import { fetchAuditPage, type AuditFilter } from './audit-api';

export const auditKeys = {
  /** Most staff writes are on the trail: they invalidate this. */
  all: ['audit'] as const,
  newest: (filter: AuditFilter) => [...auditKeys.all, 'newest', filter] as const,
};

/** The newest page for a filter; `enabled: false` while the dates can't be asked for. */
export const useNewestAudit = (filter: AuditFilter, enabled: boolean) =>
  useStaffQuery({
    queryKey: auditKeys.newest(filter),
    queryFn: ({ signal }) => fetchAuditPage(filter, null, signal),
    enabled,
    keepPrevious: true,
  });
