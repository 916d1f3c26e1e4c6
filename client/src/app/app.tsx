import type { DeviceSchool, TodaySession } from '@peerbridge/shared';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { DeviceSetup } from '../features/device/device-setup';
import { useDeviceToken } from '../features/device/use-device-token';
import { DevicePage } from '../features/today/device-page';
import { PinEntryScreen } from '../features/sign-in/pin-entry-screen';
import { CalmPulse } from '../ui/calm-pulse';
import { Screen } from '../ui/screen';

// The call code (mediasoup-client, socket.io, the call screen) is most of what a student's iPad
// downloads; the device page doesn't need it, so an iPad left on the device page never fetches it.
// It is fetched when a way into a call is on screen: the PIN screen (while the child confirms who
// they are and types the PIN) or the device page's rejoin offer. Vite caches the import's promise.
const loadSessionView = () => import('../features/call/session-view');
const prefetchSessionView = () => void loadSessionView().catch(() => undefined);
const SessionView = lazy(() => loadSessionView().then((m) => ({ default: m.SessionView })));

// Staff pages never load on a child's screen, and the iPad app never carries them.
const StaffArea = lazy(() => import('./staff/staff-area').then((m) => ({ default: m.StaffArea })));

/** `/staff` (and anything below it) is the staff area; every other address is the iPad app. */
export function isStaffPath(pathname: string): boolean {
  return pathname === '/staff' || pathname.startsWith('/staff/');
}

export function App() {
  if (isStaffPath(window.location.pathname)) {
    return (
      <Suspense fallback={<Waiting />}>
        <StaffArea />
      </Suspense>
    );
  }
  return <DeviceApp />;
}

/*
 * The iPad app's routing is a small state machine, not a router: the device
 * page, the PIN screen for one session, or that session (pre-join → call →
 * end). The address stays `/` so a reload always lands on the device page,
 * which is the safe place for a shared iPad to be, and the join token (which
 * lives only in this state) is gone with it. After an unexpected drop the device
 * page may offer "Rejoin your call" for a few minutes (rejoin-offer.tsx).
 */
type Route =
  | { name: 'device' }
  | { name: 'sign-in'; session: TodaySession; school: DeviceSchool; message: string | null }
  | { name: 'session'; session: TodaySession; school: DeviceSchool; joinToken: string; rejoin?: boolean };

function DeviceApp() {
  const { token, setupMessage, save, forget } = useDeviceToken();
  const [route, setRoute] = useState<Route>({ name: 'device' });

  const toDevicePage = useCallback(() => setRoute({ name: 'device' }), []);
  const onUnauthorized = useCallback(
    (message: string) => {
      setRoute({ name: 'device' });
      forget(message);
    },
    [forget],
  );

  useEffect(() => {
    if (route.name === 'sign-in') prefetchSessionView();
  }, [route.name]);

  if (!token) return <DeviceSetup message={setupMessage} onSubmit={save} />;

  if (route.name === 'sign-in') {
    const { session, school } = route;
    return (
      <PinEntryScreen
        key={session.id}
        deviceToken={token}
        session={session}
        school={school}
        message={route.message}
        onSignedIn={(joinToken) => setRoute({ name: 'session', session, school, joinToken })}
        onBack={toDevicePage}
      />
    );
  }

  if (route.name === 'session') {
    const { session, school } = route;
    return (
      <Suspense fallback={<Waiting />}>
        <SessionView
          key={session.id}
          deviceToken={token}
          session={session}
          school={school}
          joinToken={route.joinToken}
          autoJoin={route.rejoin === true}
          onExit={toDevicePage}
          onSignInRequired={(message) => setRoute({ name: 'sign-in', session, school, message })}
        />
      </Suspense>
    );
  }

  return (
    <DevicePage
      deviceToken={token}
      onOpenSession={(session, school) => setRoute({ name: 'sign-in', session, school, message: null })}
      onRejoin={(session, school, joinToken) => setRoute({ name: 'session', session, school, joinToken, rejoin: true })}
      onRejoinOffered={prefetchSessionView}
      onUnauthorized={onUnauthorized}
    />
  );
}

function Waiting() {
  return (
    <Screen centred aria-busy="true">
      <CalmPulse />
    </Screen>
  );
}
