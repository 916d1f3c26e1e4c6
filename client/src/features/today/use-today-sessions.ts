import type { TodaySessionsResponse } from '@peerbridge/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { toPeerbridgeError, type PeerbridgeError } from '../../lib/peerbridge-error';
import { nowMs } from '../../lib/clock';

/** Session states change on the minute; 30 s keeps "Open now" honest without hammering the server. */
export const REFRESH_INTERVAL_MS = 30_000;

export interface TodaySessionsState {
  data: TodaySessionsResponse | null;
  error: PeerbridgeError | null;
  loading: boolean;
  /** When `data` was fetched (ms since epoch), to say how old a stale list is. */
  loadedAt: number | null;
}

// Coming back from a call remounts the page; showing the last list at once
// avoids a loading flash while the fresh one is fetched.
let lastResult: { deviceToken: string; data: TodaySessionsResponse; loadedAt: number } | null = null;

export function useTodaySessions(deviceToken: string, onUnauthorized: (message: string) => void) {
  const cached = lastResult?.deviceToken === deviceToken ? lastResult : null;
  const [state, setState] = useState<TodaySessionsState>({
    data: cached?.data ?? null,
    error: null,
    loading: true,
    loadedAt: cached?.loadedAt ?? null,
  });
  const onUnauthorizedRef = useRef(onUnauthorized);
  useEffect(() => {
    onUnauthorizedRef.current = onUnauthorized;
  });
  const inFlight = useRef<AbortController | null>(null);

  const load = useCallback(async () => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setState((s) => ({ ...s, loading: true }));
    try {
      // The API module brings zod and the contract's schemas: loaded once the screen is up, not before its first paint.
      const { fetchTodaySessions } = await import('./today-api');
      const data = await fetchTodaySessions(deviceToken, controller.signal);
      if (controller.signal.aborted) return;
      const loadedAt = nowMs();
      lastResult = { deviceToken, data, loadedAt };
      setState({ data, error: null, loading: false, loadedAt });
    } catch (cause) {
      if (controller.signal.aborted) return;
      const error = toPeerbridgeError(cause);
      if (error.code === 'unauthenticated') {
        lastResult = null;
        onUnauthorizedRef.current(error.message);
        return;
      }
      setState((s) => ({ ...s, error, loading: false }));
    }
  }, [deviceToken]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_INTERVAL_MS);
    // An iPad wakes from sleep with a stale list and throttled timers; refresh at once.
    const onVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      inFlight.current?.abort();
    };
  }, [load]);

  return { ...state, refresh: load };
}
