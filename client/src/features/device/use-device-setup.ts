import { useCallback, useState } from 'react';
import { toPeerbridgeError } from '../../lib/peerbridge-error';
import { classifySetupInput } from './setup-input';

/**
 * The setup screen's one action: turn what staff typed into a device token.
 * A code costs a round trip (and can be refused); a pasted token or link is
 * taken as it is, and the device page finds out soon enough if it is wrong.
 */
export function useDeviceSetup(onToken: (token: string) => void) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = useCallback(
    async (value: string) => {
      const input = classifySetupInput(value);
      if (!input) {
        setProblem('Type the setup code from the staff page first.');
        return;
      }
      if (input.kind === 'mistyped-code') {
        setProblem('Setup codes have 10 letters and numbers, like K7QMD-2XH9P. Check the code and try again.');
        return;
      }
      if (input.kind === 'device-token') {
        onToken(input.token);
        return;
      }
      setBusy(true);
      setProblem(null);
      try {
        // The API module brings zod and the contract's schemas: loaded once the screen is up, not before its first paint.
        const { redeemEnrolmentCode } = await import('./enrolment-api');
        onToken(await redeemEnrolmentCode(input.code));
        // No state updates after success: the setup screen is gone by now.
      } catch (error) {
        setProblem(toPeerbridgeError(error).message);
        setBusy(false);
      }
    },
    [onToken],
  );

  const clearProblem = useCallback(() => setProblem(null), []);

  return { submit, busy, problem, clearProblem };
}
