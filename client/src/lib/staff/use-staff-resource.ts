import { useCallback, useEffect, useRef, useState } from 'react';
import type { PeerbridgeError } from '../peerbridge-error';
import { useStaffErrors } from './staff-context';

export interface StaffResource<T> {
  data: T | null;
  error: PeerbridgeError | null;
  loading: boolean;
  /** `quiet`: a background refresh (polling) that doesn't show "Refreshing…" every time. */
  reload: (options?: { quiet?: boolean }) => Promise<void>;
}

/**
 * Loads one staff resource and reloads it on demand. `load` must be stable
 * (wrap it in useCallback): a new function means "load something else".
 * A newer load aborts an older one, so a slow answer never overwrites a fresh one. `load` is told
 * when the reload is a quiet one, to pass on as a background request.
 */
export function useStaffResource<T>(load: (signal: AbortSignal, use: { background: boolean }) => Promise<T>): StaffResource<T> {
  const handleError = useStaffErrors();
  const [state, setState] = useState<{ data: T | null; error: PeerbridgeError | null; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const inFlight = useRef<AbortController | null>(null);

  const reload = useCallback(async (options: { quiet?: boolean } = {}) => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    if (!options.quiet) setState((s) => ({ ...s, loading: true }));
    try {
      // A quiet reload is the screen refreshing itself, not someone using it.
      const data = await load(controller.signal, { background: options.quiet === true });
      if (!controller.signal.aborted) setState({ data, error: null, loading: false });
    } catch (cause) {
      if (controller.signal.aborted) return;
      const error = handleError(cause);
      setState((s) => ({ ...s, error, loading: false }));
    }
  }, [load, handleError]);

  useEffect(() => {
    void reload();
    return () => inFlight.current?.abort();
  }, [reload]);

  return { ...state, reload };
}
