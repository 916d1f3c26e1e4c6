import { seriesLifecycleEndpoints as endpoints, type LifecycleResult, type MoveSessionBody, type PairingSeriesResponse } from '@peerbridge/shared';
import { callApi, staffAuth } from '../../lib/api-client';

/* A pairing's series after booking: one session cancelled or moved, the series ended, the pair unpaired. */

export type { LifecycleResult, PairingSeriesResponse, SeriesSession } from '@peerbridge/shared';

export function fetchPairingSeries(pairingId: string, signal?: AbortSignal, background = false): Promise<PairingSeriesResponse> {
  return callApi(endpoints.pairingSeries, { params: { id: pairingId } }, { auth: staffAuth, signal, background });
}

export function cancelSession(sessionId: string, reason: string): Promise<LifecycleResult> {
  return callApi(endpoints.cancelSession, { params: { id: sessionId }, body: { reason } }, { auth: staffAuth });
}

/** The new date and time are read on the coordinator's own school clock; the server checks it as a new booking (409 with every reason). */
export function moveSession(sessionId: string, to: MoveSessionBody): Promise<LifecycleResult> {
  return callApi(endpoints.moveSession, { params: { id: sessionId }, body: to }, { auth: staffAuth });
}

export function endSeries(pairingId: string, from: string, reason?: string): Promise<LifecycleResult> {
  return callApi(endpoints.endSeries, { params: { id: pairingId }, body: { from, ...(reason ? { reason } : {}) } }, { auth: staffAuth });
}

export function unpair(pairingId: string, reason: string): Promise<LifecycleResult> {
  return callApi(endpoints.unpair, { params: { id: pairingId }, body: { reason } }, { auth: staffAuth });
}

export function archiveStudent(studentId: string, reason?: string): Promise<LifecycleResult> {
  return callApi(endpoints.archiveStudent, { params: { id: studentId }, body: reason ? { reason } : {} }, { auth: staffAuth });
}
