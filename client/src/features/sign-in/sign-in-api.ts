import { deviceSessionEndpoints, type StudentSignInRequest, type StudentSignInResponse } from '@peerbridge/shared';
import { callApi, deviceAuth } from '../../lib/api-client';

/** The student confirms who they are; the answer is a join token for this one session on this iPad. */
export function signInStudent(
  deviceToken: string,
  request: StudentSignInRequest,
  signal?: AbortSignal,
): Promise<StudentSignInResponse> {
  return callApi(deviceSessionEndpoints.signIn, { body: request }, { auth: deviceAuth(deviceToken), signal });
}
