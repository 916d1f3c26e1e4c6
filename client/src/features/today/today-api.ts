import { deviceSessionEndpoints, type TodaySessionsResponse } from '@peerbridge/shared';
import { callApi, deviceAuth } from '../../lib/api-client';

export function fetchTodaySessions(deviceToken: string, signal?: AbortSignal): Promise<TodaySessionsResponse> {
  return callApi(deviceSessionEndpoints.today, {}, { auth: deviceAuth(deviceToken), signal });
}
