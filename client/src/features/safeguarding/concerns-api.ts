import {
  concernEndpoints,
  pathOf,
  type AmendConcernRequest,
  type ConcernAmendment,
  type ConcernChild,
  type ConcernClosing,
  type ConcernRecord,
  type ConcernStatus,
  type ConcernSummary,
  type ChronologyEntry,
  type RaiseConcernRequest,
  type RecordView,
} from '@peerbridge/shared';
import { callApi, staffAuth } from '../../lib/api-client';

/*
 * The queue's summary rows, and the record itself in the server's JSON export
 * shape (version 1), which is what opening one returns.
 */
export type { ConcernAmendment, ConcernChild, ConcernClosing, ConcernRecord, ConcernStatus, ConcernSummary };

/** The bodies `POST /api/staff/concerns/:id/amendments` accepts. */
export type AmendmentBody = AmendConcernRequest;

export type StaffConcernInput = RaiseConcernRequest;

/** Every status at once: the queue groups them itself. */
export async function fetchConcerns(signal?: AbortSignal, background = false): Promise<ConcernSummary[]> {
  const { concerns } = await callApi(concernEndpoints.list, {}, { auth: staffAuth, signal, background });
  return concerns;
}

/** Opening a concern is itself recorded by the server, like opening a log. */
export async function fetchConcern(id: string, signal?: AbortSignal): Promise<ConcernRecord> {
  const { concern } = await callApi(concernEndpoints.view, { params: { id } }, { auth: staffAuth, signal });
  return concern;
}

/** Appends one entry; nothing already recorded changes. Answers with the whole record as it now stands. */
export async function amendConcern(id: string, body: AmendmentBody): Promise<ConcernRecord> {
  const { concern } = await callApi(concernEndpoints.amend, { params: { id }, body }, { auth: staffAuth });
  return concern;
}

export async function raiseStaffConcern(input: StaffConcernInput): Promise<string> {
  const { concernId } = await callApi(concernEndpoints.raise, { body: input }, { auth: staffAuth });
  return concernId;
}

/** Downloads for CPOMS or MyConcern; a plain link carries the staff cookie. */
export function concernExportUrl(id: string, format: 'csv' | 'json'): string {
  return pathOf(format === 'csv' ? concernEndpoints.exportCsv.path : concernEndpoints.exportJson.path, { id });
}

/** Who has opened, amended or exported a concern (reading this list is not itself a read of the record). */
export async function fetchConcernViews(id: string, signal?: AbortSignal): Promise<RecordView[]> {
  const { views } = await callApi(concernEndpoints.views, { params: { id } }, { auth: staffAuth, signal });
  return views;
}

/** A child's chronology; the read is recorded by the server. */
export async function fetchChronology(studentId: string, signal?: AbortSignal): Promise<ChronologyEntry[]> {
  const { chronology } = await callApi(concernEndpoints.chronology, { params: { id: studentId } }, { auth: staffAuth, signal });
  return chronology;
}
