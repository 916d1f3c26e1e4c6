import {
  ConfirmEnrolmentResponse,
  SecondFactorStatus,
  StartEnrolmentResponse,
  StepUpResponse,
  type ChangePasswordRequest,
  type StepUpRequest,
} from '@peerbridge/shared';
import { apiGet, apiSend, apiSendNoContent, staffAuth } from '../../lib/api-client';

export function fetchSecondFactor(signal?: AbortSignal): Promise<SecondFactorStatus> {
  return apiGet('/api/staff/second-factor', SecondFactorStatus, { auth: staffAuth, signal });
}

export function startEnrolment(): Promise<StartEnrolmentResponse> {
  return apiSend('POST', '/api/staff/second-factor/enrolment', undefined, StartEnrolmentResponse, { auth: staffAuth });
}

export function confirmEnrolment(code: string): Promise<ConfirmEnrolmentResponse> {
  return apiSend('POST', '/api/staff/second-factor/enrolment/confirm', { code }, ConfirmEnrolmentResponse, { auth: staffAuth });
}

export function stepUp(proof: StepUpRequest): Promise<{ steppedUpUntil: string }> {
  return apiSend('POST', '/api/staff/second-factor/step-up', proof, StepUpResponse, { auth: staffAuth });
}

export function changePassword(request: ChangePasswordRequest): Promise<void> {
  return apiSendNoContent('POST', '/api/staff/password', request, { auth: staffAuth });
}
