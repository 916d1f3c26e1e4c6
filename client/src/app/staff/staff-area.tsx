import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Button } from '../../ui/button';
import { CalmPulse } from '../../ui/calm-pulse';
import { Notice } from '../../ui/notice';
import { Screen } from '../../ui/screen';
import { schoolTime } from '../../lib/school-time';
import { StaffContext } from '../../lib/staff/staff-context';
import { createStaffQueryClient } from '../../lib/staff/staff-query-client';
import { StaffHome } from './staff-home';
import { StaffLogin } from './staff-login';
import { useStaffSession, type StaffSessionState } from './use-staff-session';
import './staff.css';

/** `/staff`: coordinators, safeguarding leads and supervisors, on a laptop or an iPad. */
export function StaffArea() {
  const { state, retry, signIn, signOut, expire } = useStaffSession();

  useEffect(() => {
    const previous = document.title;
    document.title = 'Peerbridge · Staff';
    return () => {
      document.title = previous;
    };
  }, []);

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
  return (
    <QueryClientProvider client={queryClient}>
      <StaffContext value={context}>
        <StaffHome onSignOut={signOut} />
      </StaffContext>
    </QueryClientProvider>
  );
}
