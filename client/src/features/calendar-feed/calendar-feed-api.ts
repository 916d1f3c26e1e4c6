import { calendarFeedEndpoints, type CalendarFeedScope, type CalendarFeedStatus } from '@peerbridge/shared';
import { callApi, staffAuth } from '../../lib/api-client';

export function fetchCalendarFeed(signal?: AbortSignal): Promise<CalendarFeedStatus> {
  return callApi(calendarFeedEndpoints.status, {}, { auth: staffAuth, signal });
}

/** A new secret address (shown once); any earlier one stops working. */
export async function createCalendarFeed(scope: CalendarFeedScope): Promise<string> {
  const { url } = await callApi(calendarFeedEndpoints.create, { body: { scope } }, { auth: staffAuth });
  return url;
}

export function stopCalendarFeed(): Promise<void> {
  return callApi(calendarFeedEndpoints.revoke, {}, { auth: staffAuth });
}
