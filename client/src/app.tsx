import type { DeviceSchool, TodaySession } from '@peerbridge/shared';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { DeviceSetup } from './features/device/device-setup';
import { useDeviceToken } from './features/device/use-device-token';
import { DevicePage } from './features/schedule/device-page';
import { CalmPulse } from './ui/calm-pulse';
import { Screen } from './ui/screen';

// The call code (mediasoup-client) is most of the bundle; the device page
// doesn't need it, so it loads separately and is prefetched once the page is up.
const loadSessionView = () => import('./features/call/session-view');
const SessionView = lazy(() => loadSessionView().then((m) => ({ default: m.SessionView })));

/*
 * Routing is a two-state machine, not a router: the device page, or one
 * session (pre-join → call → end). The address stays `/` so a reload always
 * lands on the device page, which is the safe place for a shared iPad to be.
 */
type Route = { name: 'device' } | { name: 'session'; session: TodaySession; school: DeviceSchool };

export function App() {
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
    if (token) void loadSessionView().catch(() => undefined);
  }, [token]);

  if (!token) return <DeviceSetup message={setupMessage} onSubmit={save} />;

  if (route.name === 'session') {
    return (
      <Suspense
        fallback={
          <Screen centred aria-busy="true">
            <CalmPulse />
          </Screen>
        }
      >
        <SessionView
          key={route.session.id}
          deviceToken={token}
          session={route.session}
          school={route.school}
          onExit={toDevicePage}
        />
      </Suspense>
    );
  }

  return (
    <DevicePage
      deviceToken={token}
      onOpenSession={(session, school) => setRoute({ name: 'session', session, school })}
      onUnauthorized={onUnauthorized}
      onForgetDevice={() => forget(null)}
    />
  );
}
