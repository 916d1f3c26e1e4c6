import { StaffAuditPage, StaffAuditVerification, type StaffAuditKind } from '@peerbridge/shared';
import { apiGet, staffAuth } from '../../lib/api-client';

export interface AuditFilter {
  /** Instants (ISO), already worked out from the school's dates; null for no limit. */
  from: string | null;
  to: string | null;
  kind: StaffAuditKind | null;
  actorId: string | null;
}

const PAGE_SIZE = 50;

/** One page of the school's staff audit trail, newest first; `before` continues from the previous page. */
export function fetchAuditPage(filter: AuditFilter, before: number | null, signal?: AbortSignal): Promise<StaffAuditPage> {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (filter.from) query.set('from', filter.from);
  if (filter.to) query.set('to', filter.to);
  if (filter.kind) query.set('kind', filter.kind);
  if (filter.actorId) query.set('actorId', filter.actorId);
  if (before !== null) query.set('before', String(before));
  return apiGet(`/api/staff/audit?${query}`, StaffAuditPage, { auth: staffAuth, signal });
}

export function verifyAuditTrail(signal?: AbortSignal): Promise<StaffAuditVerification> {
  return apiGet('/api/staff/audit/verify', StaffAuditVerification, { auth: staffAuth, signal });
}
