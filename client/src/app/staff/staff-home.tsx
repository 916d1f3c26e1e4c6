import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { toPeerbridgeError } from '../../lib/peerbridge-error';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { StaffAccountsSection } from '../../features/accounts/staff-accounts-section';
import { AuditSection } from '../../features/audit/audit-section';
import { SafeguardingWordsSection } from '../../features/safeguarding-words/keywords-section';
import { DeploymentSection } from '../../features/deployment/deployment-section';
import { AccountSection } from '../../features/second-factor/account-section';
import { DevicesSection } from '../../features/device/devices-section';
import { LiveSessionsSection } from '../../features/observe/live-sessions-section';
import { NoticesSection } from '../../features/students/notices-section';
import { StudentsSection } from '../../features/students/students-section';
import { AlertsStatusLine, AlertToasts } from '../../features/safeguarding/alert-toasts';
import { ConcernsSection } from '../../features/safeguarding/concerns-section';
import { SessionsSection } from '../../features/safeguarding/sessions-section';
import { useConcernsChanged } from '../../features/safeguarding/safeguarding-queries';
import { useSafeguardingAlerts } from '../../features/safeguarding/use-safeguarding-alerts';
import { SchoolCalendarSection } from '../../features/school-calendar/school-calendar-section';
import { TimetableSection } from '../../features/timetable/timetable-section';
import { useStaffContext } from '../../lib/staff/staff-context';
import { StaffNavigationContext, type StaffFocus, type StaffNavigation } from '../../lib/staff/staff-navigation';
import { canObserve, emptyAreaNote, handlesConcerns, sectionsFor, sectionTitle, type StaffSection } from '../../lib/staff/staff-sections';
import { useIdleSignOut } from './use-idle-sign-out';

/** Each request to open a record is new, even for the same record twice. */
let focusRequests = 0;
const nextFocusNonce = () => ++focusRequests;

export interface StaffHomeProps {
  onSignOut: (message?: string | null) => Promise<void>;
}

const IDLE_MESSAGE = "You were signed out after 15 minutes without use, so nobody else sees children's records on this screen.";

const sectionViews: Record<StaffSection, () => ReactNode> = {
  notices: () => <NoticesSection />,
  concerns: () => <ConcernsSection />,
  live: () => <LiveSessionsSection />,
  sessions: () => <SessionsSection />,
  timetable: () => <TimetableSection />,
  calendar: () => <SchoolCalendarSection />,
  students: () => <StudentsSection />,
  devices: () => <DevicesSection />,
  accounts: () => <StaffAccountsSection />,
  audit: () => <AuditSection />,
  keywords: () => <SafeguardingWordsSection />,
  deployment: () => <DeploymentSection />,
};

/** The signed-in staff page: who you are, and the sections your roles allow, one under another. */
export function StaffHome({ onSignOut }: StaffHomeProps) {
  const { staff, expire } = useStaffContext();
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const sections = sectionsFor(staff.roles);
  const note = emptyAreaNote(staff.roles);
  const navigation = useNavigationState();
  const concernsChanged = useConcernsChanged();
  const alerts = useSafeguardingAlerts(handlesConcerns(staff.roles), concernsChanged);

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
      <main className="staff-page">
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

        {sections.length > 1 ? (
          <nav className="staff-jump" aria-label="Sections">
            {sections.map((section) => (
              <a key={section} className="staff-jump__link" href={`#staff-${section}`}>
                {sectionTitle(section, staff.roles)}
              </a>
            ))}
          </nav>
        ) : null}

        {note ? (
          <Notice tone="info" data-testid="staff-no-access">
            {note}
          </Notice>
        ) : null}

        {sections.map((section) => (
          <div key={section}>{sectionViews[section]()}</div>
        ))}
        {/* Everyone's own password and authenticator, whatever their roles. */}
        <AccountSection />
      </main>
    </StaffNavigationContext>
  );
}

/** The state behind StaffNavigation, kept here so every section sees the same requests. */
function useNavigationState() {
  const [focus, setFocus] = useState<StaffFocus | null>(null);
  const [watching, setWatching] = useState(false);

  const openConcern = useCallback((concernId: string) => setFocus({ kind: 'concern', concernId, nonce: nextFocusNonce() }), []);
  const openSessionLog = useCallback((sessionId: string) => setFocus({ kind: 'session', sessionId, nonce: nextFocusNonce() }), []);
  const observeSession = useCallback((sessionId: string) => setFocus({ kind: 'observe', sessionId, nonce: nextFocusNonce() }), []);

  const value = useMemo<StaffNavigation>(
    () => ({ focus, openConcern, openSessionLog, observeSession, setWatching }),
    [focus, openConcern, openSessionLog, observeSession],
  );
  return { value, watching };
}
