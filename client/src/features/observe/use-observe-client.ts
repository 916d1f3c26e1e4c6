import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { ObserveClient } from './observe-client';
import { initialObserveState, type ObserveState } from './observe-state';

const noSubscription = () => () => {};

/** One ObserveClient per watch view, started on mount and released on unmount (which stops the watch). */
export function useObserveClient(sessionId: string): { client: ObserveClient | null; state: ObserveState } {
  const [client, setClient] = useState<ObserveClient | null>(null);

  useEffect(() => {
    const created = new ObserveClient(sessionId);
    setClient(created);
    void created.start();
    return () => created.dispose();
  }, [sessionId]);

  const subscribe = useCallback(
    (onChange: () => void) => (client ? client.subscribe(onChange) : noSubscription()),
    [client],
  );
  const getSnapshot = useCallback(() => client?.state ?? initialObserveState, [client]);
  return { client, state: useSyncExternalStore(subscribe, getSnapshot) };
}
