import { targetEndpoints, type MyTargetsResponse, type SessionNoteResponse } from '@peerbridge/shared';
import { callApi, deviceAuth } from '../../lib/api-client';

/** Who is asking, as the PIN proved it: this session, this student, on this iPad. */
export interface SignedInStudent {
  deviceToken: string;
  sessionId: string;
  studentId: string;
  joinToken: string;
}

const asked = ({ sessionId, studentId, joinToken }: SignedInStudent) => ({ sessionId, studentId, joinToken });

export function fetchMyTargets(who: SignedInStudent, signal?: AbortSignal): Promise<MyTargetsResponse> {
  return callApi(targetEndpoints.myTargets, { body: asked(who) }, { auth: deviceAuth(who.deviceToken), ...(signal ? { signal } : {}) });
}

export function saveSessionNote(who: SignedInStudent, text: string): Promise<SessionNoteResponse> {
  return callApi(targetEndpoints.sessionNote, { body: { ...asked(who), text } }, { auth: deviceAuth(who.deviceToken) });
}
