import { useEffect, useState } from 'react';
import { reportProblem } from '../../lib/diagnostics';
import type { CallClient } from './call-client';
import type { NetworkCheckState } from './network-check-words';

/** Runs the network check once per pre-join visit, as soon as the call client exists. */
export function useNetworkCheck(client: CallClient | null): NetworkCheckState {
  const [state, setState] = useState<NetworkCheckState>({ status: 'checking' });

  useEffect(() => {
    if (!client) return;
    let current = true;
    setState({ status: 'checking' });
    client
      .checkNetwork()
      .then((result) => current && setState({ status: 'done', result }))
      .catch((error: unknown) => {
        reportProblem('network check could not run', error);
        if (current) setState({ status: 'unavailable' });
      });
    return () => {
      current = false;
    };
  }, [client]);

  return state;
}
