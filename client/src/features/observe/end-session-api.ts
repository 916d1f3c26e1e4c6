import { staffSessionEndpoints, type EndSessionRequest } from '@peerbridge/shared';
import { callApi, staffAuth } from '../../lib/api-client';

/** Ends a session happening now for everyone in it; the server logs who and why and tells both coordinators. */
export async function endSessionForEveryone(sessionId: string, body: EndSessionRequest): Promise<void> {
  await callApi(staffSessionEndpoints.end, { params: { id: sessionId }, body }, { auth: staffAuth });
}
