import { hashKey, keepPreviousData, useQuery, useQueryClient, type QueryClient, type QueryFunction, type QueryKey } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { toPeerbridgeError, type PeerbridgeError } from '../peerbridge-error';

/**
 * How often a staff list refreshes itself while the page is visible (it
 * also refreshes when the tab is shown again and when its area is opened):
 * fresh enough that nobody needs a Refresh button, rare enough to cost the
 * server little with many staff tabs open. Forms' data (a calendar, a
 * programme) is not polled, so nobody's typing is reset under them.
 */
export const STAFF_REFRESH_MS = 25_000;

export interface StaffQuery<T> {
  data: T | null;
  /** The last failure; stale data stays in `data` under a failed refresh. */
  error: PeerbridgeError | null;
  /** Nothing to show yet, or a refresh someone asked for: a background refresh does not flicker the Refresh button. */
  loading: boolean;
  /** Someone asked (Refresh, Try again): fetch now, as their request. */
  refresh: () => Promise<void>;
}

export interface StaffQueryOptions<T> {
  /** From the feature's `…-queries.ts`, so invalidating after a write names the same thing. */
  queryKey: QueryKey;
  /** `background`: the screen is refreshing itself, and the server must not count it as someone using the page. */
  queryFn: (use: { signal: AbortSignal; background: boolean }) => Promise<T>;
  enabled?: boolean;
  /**
   * Refreshes itself this often while the page is visible (and when it is
   * shown again). Such a list's own refreshes (polls, and refetches after
   * something changed) go as background requests, so a page left open does
   * not hold the idle sign-out off; `false` pauses it.
   */
  pollMs?: number | false;
  /**
   * The server records each read (a session log, a concern): fetched when
   * someone opens it or asks, never again behind their back on focus.
   */
  recordsReads?: boolean;
  /** Keep showing the previous answer while a new key (other filters) loads. */
  keepPrevious?: boolean;
}

/** Fetches someone asked for, by query hash; the query function reads and clears its mark. */
const askedFor = new Set<string>();

function ask(hash: string): () => void {
  askedFor.add(hash);
  return () => askedFor.delete(hash);
}

/** The next fetch of this query is someone's request (Refresh, Try again), not the page's own. */
export function markAsked(queryKey: QueryKey): () => void {
  return ask(hashKey(queryKey));
}

/**
 * The query function behind `useStaffQuery`: says whether this fetch is the
 * page refreshing itself, and turns any failure into a PeerbridgeError.
 * A self-refreshing (`polled`) list's fetches are background ones, except its
 * first load (someone opening the page) and fetches someone asked for.
 */
export function staffQueryFunction<T>(
  client: QueryClient,
  queryKey: QueryKey,
  fetch: StaffQueryOptions<T>['queryFn'],
  polled: boolean,
): QueryFunction<T> {
  const hash = hashKey(queryKey);
  return async ({ signal }) => {
    const asked = askedFor.delete(hash);
    const background = polled && !asked && client.getQueryData(queryKey) !== undefined;
    try {
      return await fetch({ signal, background });
    } catch (error) {
      throw toPeerbridgeError(error);
    }
  };
}

/**
 * One staff list or record through the staff QueryClient: cached, refetched
 * when invalidated after a write, optionally polled. The shape is what the
 * sections render (`LoadState`, `RefreshButton`).
 */
export function useStaffQuery<T>(options: StaffQueryOptions<T>): StaffQuery<T> {
  const { queryKey, queryFn, enabled = true, pollMs, recordsReads = false, keepPrevious = false } = options;
  const client = useQueryClient();
  const query = useQuery({
    queryKey,
    queryFn: staffQueryFunction(client, queryKey, queryFn, pollMs !== undefined),
    enabled,
    refetchInterval: pollMs ?? false,
    ...(recordsReads ? { refetchOnWindowFocus: false, refetchOnReconnect: false } : {}),
    ...(keepPrevious ? { placeholderData: keepPreviousData } : {}),
  });
  const [refreshing, setRefreshing] = useState(false);
  const { refetch } = query;

  const hash = hashKey(queryKey);
  const refresh = useCallback(async () => {
    const unmark = ask(hash);
    setRefreshing(true);
    try {
      await refetch();
    } finally {
      unmark();
      setRefreshing(false);
    }
  }, [hash, refetch]);

  return {
    data: enabled ? (query.data ?? null) : null,
    error: enabled ? query.error : null,
    loading: query.isLoading || refreshing || (query.isFetching && query.isPlaceholderData),
    refresh,
  };
}

/**
 * After a write: refetch what it changed (each key and everything under it).
 * Resolves once the lists on screen show the server's record, not our guess.
 */
export function useInvalidate(): (...keys: QueryKey[]) => Promise<void> {
  const client = useQueryClient();
  return useCallback(
    async (...keys: QueryKey[]) => {
      await Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
    },
    [client],
  );
}
