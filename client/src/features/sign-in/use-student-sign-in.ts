import type { TodaySession } from '@peerbridge/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { toPeerbridgeError } from '../../lib/peerbridge-error';
import { isCompletePin } from './pin-code';

/**
 * Sends the PIN and hands the join token to the caller, who keeps it in
 * memory only: on a shared iPad, the next child must not inherit it.
 * `submit` resolves true on success, false when `error` says why not.
 */
export function useStudentSignIn(
  deviceToken: string,
  session: TodaySession,
  onSignedIn: (joinToken: string) => void,
  initialError: string | null = null,
) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(initialError);
  const inFlight = useRef<AbortController | null>(null);

  useEffect(() => () => inFlight.current?.abort(), []);

  const submit = useCallback(
    async (pin: string): Promise<boolean> => {
      if (!isCompletePin(pin)) {
        setError('Enter all 4 numbers of your PIN.');
        return false;
      }
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      setBusy(true);
      setError(null);
      try {
        // The API module brings zod and the contract's schemas: loaded once the screen is up, not before its first paint.
        const { signInStudent } = await import('./sign-in-api');
        const { joinToken } = await signInStudent(
          deviceToken,
          { sessionId: session.id, studentId: session.participant.id, pin },
          controller.signal,
        );
        if (controller.signal.aborted) return false;
        onSignedIn(joinToken);
        return true;
      } catch (cause) {
        if (controller.signal.aborted) return false;
        // Wrong PIN, locked, not open yet, consent missing: the server's words say which.
        setError(toPeerbridgeError(cause).message);
        setBusy(false);
        return false;
      }
    },
    [deviceToken, session.id, session.participant.id, onSignedIn],
  );

  const clearError = useCallback(() => setError(null), []);

  return { submit, busy, error, clearError };
}
