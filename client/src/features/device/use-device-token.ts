import { useCallback, useState } from 'react';
import { clearStoredToken, readStoredToken, storeToken } from '../../lib/device-token';

/**
 * The device token, as React state. `setupMessage` explains why the setup
 * screen is showing again (e.g. staff revoked this iPad).
 */
export function useDeviceToken() {
  const [token, setToken] = useState<string | null>(() => readStoredToken());
  const [setupMessage, setSetupMessage] = useState<string | null>(null);

  const save = useCallback((next: string) => {
    storeToken(next);
    setSetupMessage(null);
    setToken(next);
  }, []);

  const forget = useCallback((message: string | null = null) => {
    clearStoredToken();
    setSetupMessage(message);
    setToken(null);
  }, []);

  return { token, setupMessage, save, forget };
}
