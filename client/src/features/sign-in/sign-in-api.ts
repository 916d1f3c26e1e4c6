import { StudentSignInResponse, type StudentSignInRequest } from '@peerbridge/shared';
import { apiSend, deviceAuth } from '../../lib/api-client';

/** The student confirms who they are; the answer is a join token for this one session on this iPad. */
export function signInStudent(
  deviceToken: string,
  request: StudentSignInRequest,
  signal?: AbortSignal,
): Promise<StudentSignInResponse> {
  return apiSend('POST', '/api/device/sign-in', request, StudentSignInResponse, { auth: deviceAuth(deviceToken), signal });
}
