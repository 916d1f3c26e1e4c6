import {
  staffAccountEndpoints,
  type ChangePasswordRequest,
  type ConfirmEnrolmentResponse,
  type SecondFactorStatus,
  type StartEnrolmentResponse,
  type StepUpRequest,
} from '@peerbridge/shared';
import { callApi, staffAuth } from '../../lib/api-client';

export function fetchSecondFactor(signal?: AbortSignal): Promise<SecondFactorStatus> {
  return callApi(staffAccountEndpoints.secondFactor, {}, { auth: staffAuth, signal });
}

export function startEnrolment(): Promise<StartEnrolmentResponse> {
  return callApi(staffAccountEndpoints.startEnrolment, {}, { auth: staffAuth });
}

export function confirmEnrolment(code: string): Promise<ConfirmEnrolmentResponse> {
  return callApi(staffAccountEndpoints.confirmEnrolment, { body: { code } }, { auth: staffAuth });
}

export function stepUp(proof: StepUpRequest): Promise<{ steppedUpUntil: string }> {
  return callApi(staffAccountEndpoints.stepUp, { body: proof }, { auth: staffAuth });
}

export function changePassword(request: ChangePasswordRequest): Promise<void> {
  return callApi(staffAccountEndpoints.changePassword, { body: request }, { auth: staffAuth });
}
