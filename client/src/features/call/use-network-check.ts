import { useEffect, useRef, useState } from 'react';
import { reportProblem } from '../../lib/diagnostics';
import type { CallClient } from './call-client';
import type { NetworkCheckState } from './network-check-words';

/**
 * Runs the network check once per pre-join visit, as soon as the call client exists, and stops
 * it when `running` turns false (Join was tapped: the call's own connection comes first; a check
 * cut short is not logged).
 */
export function useNetworkCheck(client: CallClient | null, running: boolean): NetworkCheckState {
  const [state, setState] = useState<NetworkCheckState>({ status: 'checking' });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    if (!running) controller.current?.abort();
  }, [running]);

  useEffect(() => {
    if (!client) return;
    let current = true;
    const abort = new AbortController();
    controller.current = abort;
    setState({ status: 'checking' });
    client
      .checkNetwork(abort.signal)
      .then((result) => {
        if (current) setState(abort.signal.aborted ? { status: 'unavailable' } : { status: 'done', result });
      })
      .catch((error: unknown) => {
        reportProblem('network check could not run', error);
        if (current) setState({ status: 'unavailable' });
      });
    return () => {
      current = false;
      abort.abort();
    };
  }, [client]);

  return state;
}
