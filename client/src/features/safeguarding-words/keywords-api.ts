import { safeguardingKeywordEndpoints, type SafeguardingKeywordsResponse } from '@peerbridge/shared';
import { callApi, staffAuth } from '../../lib/api-client';

export type SafeguardingWords = SafeguardingKeywordsResponse;

export function fetchSafeguardingWords(signal?: AbortSignal): Promise<SafeguardingWords> {
  return callApi(safeguardingKeywordEndpoints.get, {}, { auth: staffAuth, signal });
}

/** `null` goes back to the default list. */
export function saveSafeguardingWords(keywords: string[] | null): Promise<SafeguardingWords> {
  return callApi(safeguardingKeywordEndpoints.put, { body: { keywords } }, { auth: staffAuth });
}
