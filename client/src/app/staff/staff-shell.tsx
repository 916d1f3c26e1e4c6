import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { toPeerbridgeError } from '../../lib/peerbridge-error';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { ALERTS_TITLE_PREFIX, AlertsStatusLine, AlertToasts } from '../../features/safeguarding/alert-toasts';
import { useConcernsChanged } from '../../features/safeguarding/safeguarding-queries';
import { useSafeguardingAlerts } from '../../features/safeguarding/use-safeguarding-alerts';
import { useStaffContext } from '../../lib/staff/staff-context';
import { StaffNavigationContext, type StaffNavigation } from '../../lib/staff/staff-navigation';
import { areaTitle, canObserve, handlesConcerns, resolveStaffPath, staffPath, type StaffRoute } from '../../lib/staff/staff-sections';
import { StaffNav } from './staff-nav';
import { StaffRoutePage } from './staff-pages';
import { useIdleSignOut } from './use-idle-sign-out';

export interface StaffShellProps {
  onSignOut: (message?: string | null) => Promise<void>;
}

const IDLE_MESSAGE = "You were signed out after 15 minutes without use, so nobody else sees children's records on this screen.";

/**
 * The signed-in staff area: who you are, one navigation of the areas your
 * roles allow, and the page at the current address (`/staff/...`). Alerts
 * stay on top whichever page is open, and their buttons go to the record's own address.
 */
export function StaffShell({ onSignOut }: StaffShellProps) {
  const { staff, expire } = useStaffContext();
  const [location] = useLocation();
  const route = resolveStaffPath(location, staff.roles);
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const navigation = useNavigationState();
  const concernsChanged = useConcernsChanged();
  const alerts = useSafeguardingAlerts(handlesConcerns(staff.roles), concernsChanged);
  const currentArea = route.status === 'open' ? route.place.area : route.status === 'not-available' ? route.area : null;
  useAreaTitle(route, staff.roles);
  const mainRef = useMainFocusOnNavigation(currentArea);

  const signOut = async () => {
    setSigningOut(true);
    setSignOutError(null);
    try {
      await onSignOut('You have signed out.');
    } catch (error) {
      // Still signed in on the server: say so rather than pretend otherwise.
      setSignOutError(`Couldn't sign out: ${toPeerbridgeError(error).message}`);
      setSigningOut(false);
    }
  };

  useIdleSignOut(
    () => {
      // Even if the server can't be told, take the records off the screen.
      onSignOut(IDLE_MESSAGE).catch(() => expire(IDLE_MESSAGE));
    },
    undefined,
    { paused: navigation.watching },
  );

  return (
    <StaffNavigationContext value={navigation.value}>
      <div className="staff-page">
        <header className="staff-header" data-testid="staff-home">
          <div>
            <p className="staff-brand">Peerbridge · Staff</p>
            <h1 className="staff-header__name">{staff.fullName}</h1>
            <p className="staff-header__school">{staff.school ? staff.school.name : 'No school'}</p>
            {handlesConcerns(staff.roles) ? <AlertsStatusLine status={alerts.status} /> : null}
          </div>
          <Button variant="secondary" data-testid="staff-logout" onClick={() => void signOut()} disabled={signingOut}>
            {signingOut ? 'Signing out…' : 'Sign out'}
          </Button>
        </header>
        {signOutError ? <Notice tone="error">{signOutError}</Notice> : null}

        <AlertToasts
          alerts={alerts.alerts}
          canObserve={canObserve(staff.roles)}
          onOpenConcern={navigation.value.openConcern}
          onOpenSessionLog={navigation.value.openSessionLog}
          onObserve={navigation.value.observeSession}
          onDismiss={alerts.dismiss}
        />

        <div className="staff-layout">
          <StaffNav current={currentArea} />
          <main ref={mainRef} tabIndex={-1} className="staff-main" data-testid="staff-main" data-area={currentArea ?? 'not-found'}>
            <StaffRoutePage route={route} />
          </main>
        </div>
      </div>
    </StaffNavigationContext>
  );
}

/** The state behind StaffNavigation: opening a record is going to its address. */
function useNavigationState() {
  const [, navigate] = useLocation();
  const [watching, setWatching] = useState(false);

  const openConcern = useCallback((concernId: string) => navigate(staffPath({ area: 'concerns', concernId })), [navigate]);
  const openSessionLog = useCallback((sessionId: string) => navigate(staffPath({ area: 'sessions', sessionId })), [navigate]);
  const observeSession = useCallback(
    (sessionId: string) => navigate(staffPath({ area: 'live', observeSessionId: sessionId })),
    [navigate],
  );

  const value = useMemo<StaffNavigation>(
    () => ({ openConcern, openSessionLog, observeSession, setWatching }),
    [openConcern, openSessionLog, observeSession],
  );
  return { value, watching };
}

/** The tab says which area is open, so a row of staff tabs can be told apart (after any waiting alerts' count). */
function useAreaTitle(route: StaffRoute, roles: Parameters<typeof areaTitle>[1]) {
  const title =
    route.status === 'open' ? areaTitle(route.place.area, roles) : route.status === 'not-available' ? 'Not available' : 'Not found';
  useEffect(() => {
    const alerts = ALERTS_TITLE_PREFIX.exec(document.title)?.[0] ?? '';
    document.title = `${alerts}${title} · Peerbridge Staff`;
  }, [title]);
}

/**
 * After moving to another area the keyboard and screen reader start at the
 * top of its page, not on the link that was pressed. Not on the first page
 * (the browser's own start is right), and not when the new page has put the
 * focus somewhere itself (the observe view on its title).
 */
function useMainFocusOnNavigation(area: string | null) {
  const ref = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const active = document.activeElement;
    const placedByPage = active && active !== document.body && !active.closest('[data-staff-nav]');
    window.scrollTo?.({ top: 0 });
    if (!placedByPage) ref.current?.focus({ preventScroll: true });
  }, [area]);
  return ref;
}
