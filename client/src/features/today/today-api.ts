import { deviceSessionEndpoints, type RejoinOfferResponse, type RejoinRequest, type TodaySessionsResponse } from '@peerbridge/shared';
import { callApi, deviceAuth } from '../../lib/api-client';

export function fetchTodaySessions(deviceToken: string, signal?: AbortSignal): Promise<TodaySessionsResponse> {
  return callApi(deviceSessionEndpoints.today, {}, { auth: deviceAuth(deviceToken), signal });
}

/** Whether this iPad's rejoin grant still lets the student back into their call without the PIN. */
export function fetchRejoinOffer(deviceToken: string, grant: RejoinRequest, signal?: AbortSignal): Promise<RejoinOfferResponse> {
  return callApi(deviceSessionEndpoints.rejoinOffer, { body: grant }, { auth: deviceAuth(deviceToken), signal });
}

/** Spends the rejoin grant: a join token for the call, as the PIN would have given. */
export async function rejoinWithGrant(deviceToken: string, grant: RejoinRequest): Promise<string> {
  const { joinToken } = await callApi(deviceSessionEndpoints.rejoin, { body: grant }, { auth: deviceAuth(deviceToken) });
  return joinToken;
}
