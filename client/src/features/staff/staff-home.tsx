import { useState, type ReactNode } from 'react';
import { toPeerbridgeError } from '../../lib/peerbridge-error';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { DevicesSection } from '../device/devices-section';
import { NoticesSection } from '../programme/notices-section';
import { StudentsSection } from '../programme/students-section';
import { SessionsSection } from '../safeguarding/sessions-section';
import { useStaffContext } from './staff-context';
import { emptyAreaNote, sectionsFor, sectionTitles, type StaffSection } from './staff-sections';
import { useIdleSignOut } from './use-idle-sign-out';

export interface StaffHomeProps {
  onSignOut: (message?: string | null) => Promise<void>;
}

const IDLE_MESSAGE = "You were signed out after 15 minutes without use, so nobody else sees children's records on this screen.";

const sectionViews: Record<StaffSection, () => ReactNode> = {
  notices: () => <NoticesSection />,
  sessions: () => <SessionsSection />,
  students: () => <StudentsSection />,
  devices: () => <DevicesSection />,
};

/** The signed-in staff page: who you are, and the sections your roles allow, one under another. */
export function StaffHome({ onSignOut }: StaffHomeProps) {
  const { staff, expire } = useStaffContext();
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const sections = sectionsFor(staff.roles);
  const note = emptyAreaNote(staff.roles);

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

  useIdleSignOut(() => {
    // Even if the server can't be told, take the records off the screen.
    onSignOut(IDLE_MESSAGE).catch(() => expire(IDLE_MESSAGE));
  });

  return (
    <main className="staff-page">
      <header className="staff-header" data-testid="staff-home">
        <div>
          <p className="staff-brand">Peerbridge · Staff</p>
          <h1 className="staff-header__name">{staff.fullName}</h1>
          <p className="staff-header__school">{staff.school ? staff.school.name : 'No school'}</p>
        </div>
        <Button variant="secondary" data-testid="staff-logout" onClick={() => void signOut()} disabled={signingOut}>
          {signingOut ? 'Signing out…' : 'Sign out'}
        </Button>
      </header>
      {signOutError ? <Notice tone="error">{signOutError}</Notice> : null}

      {sections.length > 1 ? (
        <nav className="staff-jump" aria-label="Sections">
          {sections.map((section) => (
            <a key={section} className="staff-jump__link" href={`#staff-${section}`}>
              {sectionTitles[section]}
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
    </main>
  );
}
