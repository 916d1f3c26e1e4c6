import { QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Router } from 'wouter';
import { Button } from '../../ui/button';
import { CalmPulse } from '../../ui/calm-pulse';
import { Notice } from '../../ui/notice';
import { Screen } from '../../ui/screen';
import { schoolTime } from '../../lib/school-time';
import { StaffContext } from '../../lib/staff/staff-context';
import { createStaffQueryClient } from '../../lib/staff/staff-query-client';
import { STAFF_BASE } from '../../lib/staff/staff-sections';
import { StaffShell } from './staff-shell';
import { StaffLogin } from './staff-login';
import { useStaffSession, type StaffSessionState } from './use-staff-session';
import './staff.css';

/**
 * `/staff`: coordinators, safeguarding leads and supervisors, on a laptop or an iPad.
 * Signed out, every address shows the sign-in form and keeps its place, so a
 * link from an alert or an email (`/staff/concerns/…`) lands on that record
 * once the person has signed in.
 */
export function StaffArea() {
  const { state, retry, signIn, signOut, expire } = useStaffSession();

  // The page's own title comes back only when the staff area goes: restoring it on every change of
  // state would undo the shell's area title on sign-in, as preact/compat runs this component's
  // cleanup after its children's new effects (React runs every cleanup of a commit first).
  useEffect(() => {
    const previous = document.title;
    return () => {
      document.title = previous;
    };
  }, []);
  useEffect(() => {
    // Signed in, the shell names the open area instead.
    if (state.status !== 'signed-in') document.title = 'Peerbridge · Staff';
  }, [state.status]);

  switch (state.status) {
    case 'checking':
      return (
        <Screen centred aria-busy="true">
          <CalmPulse />
        </Screen>
      );
    case 'unreachable':
      return (
        <Screen centred className="staff-area">
          <Notice tone="error">{state.message}</Notice>
          <Button onClick={retry}>Try again</Button>
        </Screen>
      );
    case 'signed-out':
      return <StaffLogin message={state.message} onSignIn={signIn} />;
    case 'signed-in':
      return <SignedIn state={state} signOut={signOut} expire={expire} />;
  }
}

function SignedIn({
  state,
  signOut,
  expire,
}: {
  state: Extract<StaffSessionState, { status: 'signed-in' }>;
  signOut: (message?: string | null) => Promise<void>;
  expire: (message: string) => void;
}) {
  const context = useMemo(
    () => ({ staff: state.staff, expire, time: schoolTime(state.staff.school?.timeZone) }),
    [state.staff, expire],
  );
  // One cache per sign-in: signing out unmounts this, and every record fetched goes with it.
  const [queryClient] = useState(() => createStaffQueryClient(expire));
  // Signing out (by hand or idle) leaves at the staff home: the next person to sign in
  // starts there, not on the last person's record. A lapsed sign-in keeps the address.
  const signOutHome = useCallback(
    async (message?: string | null) => {
      await signOut(message);
      window.history.replaceState(null, '', STAFF_BASE);
    },
    [signOut],
  );
  return (
    <QueryClientProvider client={queryClient}>
      <StaffContext value={context}>
        <Router base={STAFF_BASE}>
          <StaffShell onSignOut={signOutHome} />
        </Router>
      </StaffContext>
    </QueryClientProvider>
  );
}
