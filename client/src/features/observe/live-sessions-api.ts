import { staffSessionEndpoints, type LiveSession } from '@peerbridge/shared';
import { callApi, staffAuth } from '../../lib/api-client';

export type { LiveSession };

/** Sessions involving this school with at least one student in the call: the ones that can be observed. */
export async function fetchLiveSessions(signal?: AbortSignal, background = false): Promise<LiveSession[]> {
  const { sessions } = await callApi(staffSessionEndpoints.live, {}, { auth: staffAuth, signal, background });
  return sessions;
}
