import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { CallClient } from './call-client';
import { initialCallState, type CallState } from './call-state';

const noSubscription = () => () => {};

/**
 * One CallClient for the lifetime of a session screen. Created in an effect
 * (not during render) so React's double-mount in development gets two honest
 * create/dispose pairs instead of a disposed client being reused.
 */
export function useCallClient(deviceToken: string): { client: CallClient | null; state: CallState } {
  const [client, setClient] = useState<CallClient | null>(null);

  useEffect(() => {
    const created = new CallClient(deviceToken);
    created.connect();
    setClient(created);
    return () => created.dispose();
  }, [deviceToken]);

  const subscribe = useCallback(
    (onChange: () => void) => (client ? client.subscribe(onChange) : noSubscription()),
    [client],
  );
  const getSnapshot = useCallback(() => client?.state ?? initialCallState, [client]);
  const state = useSyncExternalStore(subscribe, getSnapshot);

  return { client, state };
}
