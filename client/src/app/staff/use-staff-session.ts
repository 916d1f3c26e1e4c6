import type { StaffMe } from '@peerbridge/shared';
import { useCallback, useEffect, useState } from 'react';
import { toPeerbridgeError } from '../../lib/peerbridge-error';
import { fetchStaffMe, signInStaff, signOutStaff } from './staff-api';

export type StaffSessionState =
  | { status: 'checking' }
  /** We could not ask the server who is signed in (not the same as "nobody"). */
  | { status: 'unreachable'; message: string }
  | { status: 'signed-out'; message: string | null }
  | { status: 'signed-in'; staff: StaffMe };

/**
 * The staff sign-in as React state. The cookie is httpOnly, so the only way
 * to know whether it is still good is to ask `GET /api/staff/me`.
 */
export function useStaffSession() {
  const [state, setState] = useState<StaffSessionState>({ status: 'checking' });

  const check = useCallback(async (signal?: AbortSignal) => {
    setState({ status: 'checking' });
    try {
      const staff = await fetchStaffMe(signal);
      if (!signal?.aborted) setState({ status: 'signed-in', staff });
    } catch (cause) {
      if (signal?.aborted) return;
      const error = toPeerbridgeError(cause);
      setState(
        error.code === 'unauthenticated'
          ? { status: 'signed-out', message: null }
          : { status: 'unreachable', message: error.message },
      );
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void check(controller.signal);
    return () => controller.abort();
  }, [check]);

  /** Rejects with the server's message (wrong password, locked) for the form to show. */
  const signIn = useCallback(async (email: string, password: string) => {
    const staff = await signInStaff(email, password);
    setState({ status: 'signed-in', staff });
  }, []);

  /**
   * Rejects if the server could not be told: the cookie would still be valid,
   * so the screen must not pretend the person is signed out.
   */
  const signOut = useCallback(async (message: string | null = null) => {
    await signOutStaff();
    setState({ status: 'signed-out', message });
  }, []);

  const expire = useCallback((message: string) => setState({ status: 'signed-out', message }), []);

  return { state, retry: () => void check(), signIn, signOut, expire };
}
