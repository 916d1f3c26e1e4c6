import { staffAuditEndpoints, type StaffAuditKind, type StaffAuditPage, type StaffAuditVerification } from '@peerbridge/shared';
import { callApi, staffAuth } from '../../lib/api-client';

export interface AuditFilter {
  /** Instants (ISO), already worked out from the school's dates; null for no limit. */
  from: string | null;
  to: string | null;
  kind: StaffAuditKind | null;
  actorId: string | null;
}

const PAGE_SIZE = 50;

/** One page of the school's staff audit trail, newest first; `before` continues from the previous page. */
export function fetchAuditPage(filter: AuditFilter, before: number | null, signal?: AbortSignal, background = false): Promise<StaffAuditPage> {
  const query = {
    limit: PAGE_SIZE,
    from: filter.from ?? undefined,
    to: filter.to ?? undefined,
    kind: filter.kind ?? undefined,
    actorId: filter.actorId ?? undefined,
    before: before ?? undefined,
  };
  return callApi(staffAuditEndpoints.page, { query }, { auth: staffAuth, signal, background });
}

export function verifyAuditTrail(signal?: AbortSignal): Promise<StaffAuditVerification> {
  return callApi(staffAuditEndpoints.verify, {}, { auth: staffAuth, signal });
}
