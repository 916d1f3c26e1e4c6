import { STAFF_REFRESH_MS, useStaffQuery } from '../../lib/staff/staff-query';
import { fetchAuditPage, type AuditFilter } from './audit-api';

export const auditKeys = {
  /** Most staff writes are on the trail: they invalidate this. */
  all: ['audit'] as const,
  newest: (filter: AuditFilter) => [...auditKeys.all, 'newest', filter] as const,
};

/**
 * The newest page for a filter; `enabled: false` while the dates can't be asked for.
 * `polling: false` while older pages are shown under it: a new action would start the list again.
 */
export const useNewestAudit = (filter: AuditFilter, enabled: boolean, polling = true) =>
  useStaffQuery({
    queryKey: auditKeys.newest(filter),
    queryFn: ({ signal, background }) => fetchAuditPage(filter, null, signal, background),
    enabled,
    pollMs: polling ? STAFF_REFRESH_MS : false,
    keepPrevious: true,
  });
