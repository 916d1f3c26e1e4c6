import { TodaySessionsResponse } from '@peerbridge/shared';
import { apiGet, deviceAuth } from '../../lib/api-client';

export function fetchTodaySessions(deviceToken: string, signal?: AbortSignal): Promise<TodaySessionsResponse> {
  return apiGet('/api/device/sessions/today', TodaySessionsResponse, { auth: deviceAuth(deviceToken), signal });
}
