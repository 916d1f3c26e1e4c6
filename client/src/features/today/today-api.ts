import { deviceSessionEndpoints, type RejoinOfferResponse, type RejoinRequest, type TodaySessionsResponse } from '@peerbridge/shared';
import { callApi, deviceAuth, errorFromResponse } from '../../lib/api-client';
import { deviceNowMs, followServerClock } from '../../lib/clock';
import { PeerbridgeError } from '../../lib/peerbridge-error';

const today = deviceSessionEndpoints.today;

/**
 * The iPad asks for its day every 30 seconds, and most answers are the list it
 * already has: it sends the list's ETag, and a 304 (no body) keeps the list.
 * Kept per device token, so a re-enrolled iPad never shows the old device's day.
 */
export class TodaySessionsSource {
  private last: { deviceToken: string; etag: string; data: TodaySessionsResponse } | null = null;

  async fetch(deviceToken: string, signal?: AbortSignal): Promise<TodaySessionsResponse> {
    const known = this.last?.deviceToken === deviceToken ? this.last : null;
    const auth = deviceAuth(deviceToken);
    const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${deviceToken}` };
    if (known) headers['If-None-Match'] = known.etag;
    let response: Response;
    const sentAtMs = deviceNowMs();
    try {
      // An If-None-Match of our own makes fetch leave the answer (a 304 too) to us; nothing is stored.
      response = await fetch(today.path, { method: today.method, headers, credentials: 'omit', cache: 'no-store', ...(signal ? { signal } : {}) });
    } catch (cause) {
      if (signal?.aborted) throw cause;
      throw PeerbridgeError.network(cause);
    }
    followServerClock(response.headers.get('x-server-time'), sentAtMs, deviceNowMs());
    if (response.status === 304 && known) return known.data;
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw errorFromResponse(response.status, json, auth);
    const parsed = today.response.safeParse(json);
    if (!parsed.success) throw PeerbridgeError.unexpected(parsed.error);
    const etag = response.headers.get('etag');
    this.last = etag ? { deviceToken, etag, data: parsed.data } : null;
    return parsed.data;
  }
}

const source = new TodaySessionsSource();

export function fetchTodaySessions(deviceToken: string, signal?: AbortSignal): Promise<TodaySessionsResponse> {
  return source.fetch(deviceToken, signal);
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
