import { QueryCache, QueryClient } from '@tanstack/react-query';
import type { PeerbridgeError, PeerbridgeErrorCode } from '../peerbridge-error';

declare module '@tanstack/react-query' {
  // Every staff query turns its failure into a PeerbridgeError (see useStaffQuery).
  interface Register {
    defaultError: PeerbridgeError;
  }
}

/** Worth asking again: the answer may differ in a moment. A refusal (4xx) will not, so it is shown at once. */
const TRANSIENT: ReadonlySet<PeerbridgeErrorCode> = new Set(['network', 'timeout', 'unavailable', 'shutting_down', 'internal']);
const MAX_RETRIES = 2;

/**
 * The staff area's query cache, one per sign-in: the shell makes a new one
 * when someone signs in and drops it when they sign out, so no record stays
 * in memory for the next person at the laptop.
 */
export function createStaffQueryClient(onSignedOut: (message: string) => void): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      // A lapsed sign-in ends the signed-in view at once, whichever list noticed it.
      onError: (error) => {
        if (error.code === 'unauthenticated') onSignedOut(error.message);
      },
    }),
    defaultOptions: {
      queries: {
        retry: (failures, error) => failures < MAX_RETRIES && TRANSIENT.has(error.code),
        refetchOnWindowFocus: true,
      },
    },
  });
}
